import { sql } from 'drizzle-orm';
import { alternativesOf } from '../../../domain/national-tests/catalogue.js';
import { describeResult, readResultRow, refuseClashesInFile, RESULT_COLUMNS, type ReadResultRow, type RowError } from '../../../domain/national-tests/import-row.js';
import { decideWrite, mergeSubTests } from '../../../domain/national-tests/write-rule.js';
import { formatCivicNo } from '../../../domain/org/personnummer.js';
import { requireAction } from '../../platform/access/access.js';
import type { Actor } from '../../platform/access/actor.js';
import { audit } from '../../platform/audit/audit.js';
import type { Db, Queryable } from '../../platform/db/database.js';
import { loadGradingTerms } from '../../grading/terms.js';
import { readColumns } from '../../register/import/read-file.js';
import { findPupilsByCivicNo, listResultsOfPupils, type ResultRow } from '../store.js';
import { storedResultOf, writeResults, type ResultWrite } from '../write-results.js';

export type LineStatus = 'new' | 'changed' | 'unchanged' | 'rejected';
export interface ImportLine {
  row: number; civicNo: string; pupil: string | null; subject: string; gradeYear: number | null; schoolYear: string | null;
  result: string | null; status: LineStatus; errors: RowError[];
}
interface Planned { lines: ImportLine[]; writes: ResultWrite[]; counts: Record<LineStatus, number> }

type Q = Pick<Queryable, 'execute'>;

/**
 * Import of national test results from a file (CSV or xlsx) by the unit's administrator: preview shows what
 * each row will do or why it is refused; import writes the valid rows in one transaction through the same
 * rule and write path as the registration screen. The same file twice: the second time all is unchanged.
 */
export function resultsImportService(db: Db) {
  async function readRows(actor: Actor, bytes: Buffer) {
    const file = await readColumns(bytes, RESULT_COLUMNS, 'national test results');
    const currentSchoolYear = (await loadGradingTerms(db, actor.organiserId, actor.today))?.current.schoolYear ?? null;
    const ctx = { today: new Date(`${actor.today}T12:00:00Z`), currentSchoolYear };
    const read = file.rows.map((r) => readResultRow(r.row, r.cells, ctx));
    return { format: file.format, read: refuseClashesInFile(read) };
  }

  /** Each row against the register and the stored results: new, changed, unchanged, or refused with its reason. */
  async function plan(q: Q, actor: Actor, read: ReadResultRow[], lock: boolean): Promise<Planned> {
    const valid = read.flatMap((r) => (r.ok ? [r.record] : []));
    const pupils = new Map((await findPupilsByCivicNo(q, actor, [...new Set(valid.map((r) => r.civicNo))])).map((p) => [p.civic_no, p]));
    const stored = await listResultsOfPupils(q, actor.organiserId, [...pupils.values()].map((p) => p.id), [...new Set(valid.map((r) => r.schoolYear))], lock);
    const byPupilYear = new Map<string, ResultRow[]>();
    for (const r of stored) {
      const k = `${r.pupil_id}|${r.grade_year}|${r.school_year}`;
      byPupilYear.set(k, [...(byPupilYear.get(k) ?? []), r]);
    }
    const unitId = actor.unitId!;
    const writes: ResultWrite[] = [];
    const lines = read.map((r): ImportLine => {
      const base = { row: r.row, civicNo: formatCivicNo(r.civicNo), subject: r.subject, pupil: null, gradeYear: null, schoolYear: null, result: null };
      if (!r.ok) return { ...base, status: 'rejected', errors: r.errors };
      const rec = r.record;
      const pupil = pupils.get(rec.civicNo);
      const line = { ...base, gradeYear: rec.gradeYear, schoolYear: rec.schoolYear, result: describeResult(rec.result) };
      if (!pupil) return { ...line, status: 'rejected', errors: [{ column: 'Personnummer', message: `Ingen elev på enheten med personnummer ${formatCivicNo(rec.civicNo)}` }] };
      const found = (byPupilYear.get(`${pupil.id}|${rec.gradeYear}|${rec.schoolYear}`) ?? [])
        .filter((s) => s.subject_code === rec.subjectCode || alternativesOf(rec.gradeYear, rec.subjectCode).includes(s.subject_code));
      const before = found.find((s) => s.subject_code === rec.subjectCode) ?? null;
      const result = mergeSubTests(before ? storedResultOf(before) : null, rec.result);
      const decided = decideWrite(found.map((s) => ({ subjectCode: s.subject_code, schoolUnitId: s.school_unit_id, result: storedResultOf(s) })), rec.subjectCode, unitId, result);
      const shown = { ...line, pupil: pupil.name, result: describeResult(result) };
      const key = { organiserId: actor.organiserId, pupilId: pupil.id, unitId, subjectCode: rec.subjectCode, gradeYear: rec.gradeYear, schoolYear: rec.schoolYear };
      switch (decided.kind) {
        case 'refused':
          return { ...shown, status: 'rejected', errors: [decided.problem === 'registered_at_other_unit'
            ? { column: 'Personnummer', message: 'Resultatet är registrerat på en annan skolenhet och kan bara ändras där' }
            : { column: 'Ämne', message: `Eleven har redan ett resultat i ${decided.otherSubject} detta läsår: en elev gör bara ett av dessa prov` }] };
        case 'insert':
          writes.push({ kind: 'insert', key, result: decided.result });
          return { ...shown, status: 'new', errors: [] };
        case 'update':
          writes.push({ kind: 'update', key, before: before!, result: decided.result });
          return { ...shown, status: 'changed', errors: [] };
        default: // an import never removes: 'delete' cannot be decided for a row with a result
          return { ...shown, status: 'unchanged', errors: [] };
      }
    });
    const counts = { new: 0, changed: 0, unchanged: 0, rejected: 0 };
    for (const l of lines) counts[l.status] += 1;
    return { lines, writes, counts };
  }

  return {
    async preview(actor: Actor, file: { name: string; bytes: Buffer }) {
      requireAction(actor, 'national-tests.import');
      const { format, read } = await readRows(actor, file.bytes);
      const planned = await plan(db, actor, read, false);
      return { fileName: file.name, format, rows: read.length, counts: planned.counts, lines: planned.lines, written: 0 };
    },

    /** Writes the valid rows of the file in one transaction (the rejected ones are left out); audited per result and once for the file. */
    async apply(actor: Actor, file: { name: string; bytes: Buffer }) {
      requireAction(actor, 'national-tests.import');
      const { format, read } = await readRows(actor, file.bytes);
      return db.transaction(async (tx) => {
        // one results import at a time per unit: a second waits and then sees the first one's results
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`national-tests-import:${actor.organiserId}:${actor.unitId}`}))`);
        const planned = await plan(tx, actor, read, true);
        await writeResults(tx, actor, planned.writes, 'import');
        await audit(tx, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId, ip: actor.ip,
          action: 'national_test.imported', entityType: 'school_unit', entityId: actor.unitId, details: { unitId: actor.unitId, fileName: file.name, rows: read.length, counts: planned.counts } });
        return { fileName: file.name, format, rows: read.length, counts: planned.counts, lines: planned.lines, written: planned.writes.length };
      });
    },
  };
}

export type ResultsImportService = ReturnType<typeof resultsImportService>;
