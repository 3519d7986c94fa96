import { isValidRange, rangesOverlap, type DateRange } from './date-ranges.js';

export type MembershipProblem = 'invalid_range' | 'already_member' | 'in_another_class';

/**
 * Whether a pupil may join a group for a range. A pupil is in at most one class at a time; in a teaching
 * group the same pupil may not hold two overlapping memberships of the same group (a pupil who left and
 * came back holds two ranges that do not overlap).
 */
export function membershipProblem(
  joining: DateRange & { groupId: string; groupType: 'class' | 'teaching' | 'mentor' },
  existing: (DateRange & { groupId: string; groupType: 'class' | 'teaching' | 'mentor' })[],
): MembershipProblem | null {
  if (!isValidRange(joining)) return 'invalid_range';
  const overlapping = existing.filter((m) => rangesOverlap(m, joining));
  if (overlapping.some((m) => m.groupId === joining.groupId)) return 'already_member';
  if (joining.groupType === 'class' && overlapping.some((m) => m.groupType === 'class')) return 'in_another_class';
  return null;
}
