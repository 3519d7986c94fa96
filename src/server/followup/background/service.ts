import { formatCivicNo } from '../../../domain/org/personnummer.js';
import {
  PUPIL_BACKGROUND_COLUMNS, readPupilBackgroundRow, readUnitBackgroundRow, refuseDuplicates, UNIT_BACKGROUND_COLUMNS, type ReadRow, type RowError,
} from '../../../domain/followup/background-row.js';
import { isSchoolYear } from '../../../domain/register/terms.js';
import { requireAction, requireOrganiserAdministrator } from '../../platform/access/access.js';
import type { Actor } from '../../platform/access/actor.js';
import { audit } from '../../platform/audit/audit.js';
import type { Db, Queryable } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { readColumns } from '../../register/import/read-file.js';
import { listPupilBackground, listUnitBackground, pupilsByCivicNo, unitsByCode, upsertPupilBackground, upsertUnitBackground } from './store.js';

type Q = Pick<Queryable, 'execute'>;
export type Status = 'new' | 'changed' | 'unchanged' | 'rejected';
export interface Line { row: number; label: string; status: Status; errors: RowError[] }
interface Planned<W> { lines: Line[]; writes: W[] }
type File = { name: string; bytes: Buffer };

const countsOf = (lines: Line[]) => {
  const counts = { new: 0, changed: 0, unchanged: 0, rejected: 0 };
  for (const l of lines) counts[l.status] += 1;
  return counts;
};
const rejected = (r: { row: number; label: string }, errors: RowError[]): Line => ({ row: r.row, label: r.label, status: 'rejected', errors });
const auditActor = (a: Actor) => ({ organiserId: a.organiserId, actorPersonId: a.personId, actorRole: a.role, actorUnitId: a.unitId, ip: a.ip });

/**
 * Background data for the follow-up: the unit background per school unit and school year (the organiser's
 * analyst) and the per-pupil background (only the organiser-level administrator: the analyst never sees
 * pupils). Both are files, previewed and then imported (upserted) in one transaction, audited with counts.
 */
export function backgroundService(db: Db) {
  async function planUnits(q: Q, actor: Actor, file: File) {
    const { format, rows } = await readColumns(file.bytes, UNIT_BACKGROUND_COLUMNS, 'unit background');
    const read = refuseDuplicates(rows.map((r) => readUnitBackgroundRow(r.row, r.cells)), (x) => `${x.unitCode}|${x.schoolYear}`, 'Samma skolenhet och läsår');
    const valid = read.flatMap((r) => (r.ok ? [r.record] : []));
    const units = new Map((await unitsByCode(q, actor, [...new Set(valid.map((v) => v.unitCode))])).map((u) => [u.code, u.id]));
    const stored = new Map((await listUnitBackground(q, actor, null)).map((b) => [`${b.school_unit_id}|${b.school_year}`, b]));
    const writes: Parameters<typeof upsertUnitBackground>[2] = [];
    const lines = read.map((r): Line => {
      if (!r.ok) return rejected(r, r.errors);
      const unitId = units.get(r.record.unitCode);
      if (!unitId) return rejected(r, [{ column: 'Skolenhetskod', message: `Ingen skolenhet hos huvudmannen har koden ${r.record.unitCode}` }]);
      const before = stored.get(`${unitId}|${r.record.schoolYear}`);
      const rec = r.record;
      const same = before && before.parents_education === rec.parentsEducation && before.foreign_background_share === rec.foreignBackgroundShare
        && before.boys_share === rec.boysShare && before.newly_arrived_share === rec.newlyArrivedShare && before.source === rec.source;
      if (!same) writes.push({ ...rec, unitId });
      return { row: r.row, label: `${rec.unitCode} ${rec.schoolYear}`, status: before ? (same ? 'unchanged' : 'changed') : 'new', errors: [] };
    });
    return { format, rows: read.length, lines, writes };
  }

  async function planPupils(q: Q, actor: Actor, file: File) {
    const { format, rows } = await readColumns(file.bytes, PUPIL_BACKGROUND_COLUMNS, 'pupil background');
    const today = new Date(`${actor.today}T12:00:00Z`);
    const read = refuseDuplicates(rows.map((r) => readPupilBackgroundRow(r.row, r.cells, today)), (x) => x.civicNo, 'Samma personnummer');
    const label = (r: ReadRow<unknown>) => ({ ...r, label: /^\d{12}$/.test(r.label) ? formatCivicNo(r.label) : r.label });
    const valid = read.flatMap((r) => (r.ok ? [r.record] : []));
    const pupils = new Map((await pupilsByCivicNo(q, actor.organiserId, valid.map((v) => v.civicNo))).map((p) => [p.civic_no, p.id]));
    const stored = new Map((await listPupilBackground(q, actor.organiserId, [...pupils.values()])).map((b) => [b.pupil_id, b]));
    const writes: Parameters<typeof upsertPupilBackground>[2] = [];
    const lines = read.map((raw): Line => {
      const r = label(raw);
      if (!raw.ok) return rejected(r, raw.errors);
      const pupilId = pupils.get(raw.record.civicNo);
      if (!pupilId) return rejected(r, [{ column: 'Personnummer', message: `Ingen elev hos huvudmannen med personnummer ${r.label}` }]);
      const before = stored.get(pupilId);
      const rec = raw.record;
      const same = before && before.parents_post_secondary === rec.parentsPostSecondary && before.foreign_background === rec.foreignBackground && before.source === rec.source;
      if (!same) writes.push({ ...rec, pupilId });
      return { row: r.row, label: r.label, status: before ? (same ? 'unchanged' : 'changed') : 'new', errors: [] };
    });
    return { format, rows: read.length, lines, writes };
  }

  const report = (file: File, planned: { format: string; rows: number; lines: Line[]; writes: unknown[] }, written: number) =>
    ({ fileName: file.name, format: planned.format, rows: planned.rows, counts: countsOf(planned.lines), lines: planned.lines, written });

  return {
    async previewUnits(actor: Actor, file: File) {
      requireAction(actor, 'followup.background.import');
      return report(file, await planUnits(db, actor, file), 0);
    },
    async importUnits(actor: Actor, file: File) {
      requireAction(actor, 'followup.background.import');
      return db.transaction(async (tx) => {
        const planned = await planUnits(tx, actor, file);
        await upsertUnitBackground(tx, actor, planned.writes);
        const result = report(file, planned, planned.writes.length);
        await audit(tx, { ...auditActor(actor), action: 'followup.unit_background.imported', entityType: 'organiser', entityId: actor.organiserId,
          details: { fileName: file.name, counts: result.counts, written: planned.writes.map((w) => ({ unitId: w.unitId, schoolYear: w.schoolYear })) } });
        return result;
      });
    },
    async listUnits(actor: Actor, schoolYear: string | undefined) {
      requireAction(actor, 'followup.view');
      if (schoolYear !== undefined && !isSchoolYear(schoolYear)) throw new AppError(422, 'invalid_school_year', 'A school year is written 2025/2026');
      const list = await listUnitBackground(db, actor, schoolYear ?? null);
      return {
        rows: list.map((b) => ({ unitId: b.school_unit_id, unitName: b.unit_name, unitCode: b.unit_code, schoolYear: b.school_year, parentsEducation: b.parents_education,
          foreignBackgroundShare: b.foreign_background_share, boysShare: b.boys_share, newlyArrivedShare: b.newly_arrived_share, source: b.source, importedOn: b.imported_at })),
      };
    },
    async previewPupils(actor: Actor, file: File) {
      await requireOrganiserAdministrator(db, actor);
      return report(file, await planPupils(db, actor, file), 0);
    },
    /** Per-pupil background: upserted; audited with counts only (no pupil in the audit details). */
    async importPupils(actor: Actor, file: File) {
      await requireOrganiserAdministrator(db, actor);
      return db.transaction(async (tx) => {
        const planned = await planPupils(tx, actor, file);
        await upsertPupilBackground(tx, actor, planned.writes);
        const result = report(file, planned, planned.writes.length);
        await audit(tx, { ...auditActor(actor), action: 'followup.pupil_background.imported', entityType: 'organiser', entityId: actor.organiserId,
          details: { fileName: file.name, counts: result.counts } });
        return result;
      });
    },
  };
}
export type BackgroundService = ReturnType<typeof backgroundService>;
