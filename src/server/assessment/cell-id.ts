import { createHash } from 'node:crypto';

/**
 * The id of a cell (planning × pupil × requirement) within an organiser. The same for every save of the cell,
 * also after the cell was cleared and assessed again, so its history (`assessment_event`) stays one list.
 */
export function cellId(organiserId: string, planningId: string, pupilId: string, requirementId: string): string {
  const h = createHash('sha256').update(`assessment:${organiserId}:${planningId}:${pupilId}:${requirementId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}
