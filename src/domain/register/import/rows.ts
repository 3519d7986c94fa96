/**
 * One data row of an import file, read into the kind's record, or the Swedish reasons it cannot be read:
 * a required column without a value, a personnummer that is not one, a date that does not exist…
 * Pure: no I/O.
 */
import * as cell from './cells.js';
import { COLUMNS, type ColumnKey, type ImportKind } from './formats.js';

export interface PersonFields {
  civicNo: string; givenName: string; familyName: string;
  email: string | null; phone: string | null; streetAddress: string | null; postalCode: string | null; city: string | null;
  securityMarking: cell.Marking | null;
}
export interface PupilRow extends PersonFields { kind: 'elever'; schoolYear: number; schoolForm: string | null; className: string | null; startDate: string | null }
export interface GuardianRow extends PersonFields { kind: 'vardnadshavare'; childCivicNo: string; startDate: string | null }
export interface StaffRow extends PersonFields { kind: 'personal'; role: cell.StaffRole; licensed: boolean | null; qualifiedSubjects: string[] | null; startDate: string | null }
export interface GroupRow { kind: 'grupper'; groupName: string; groupType: cell.GroupType; subject: string | null; schoolYear: number | null; startDate: string | null; endDate: string | null }
export interface MembershipRow { kind: 'gruppmedlemskap'; childCivicNo: string; groupName: string; startDate: string | null; endDate: string | null }
export type ImportRecord = PupilRow | GuardianRow | StaffRow | GroupRow | MembershipRow;

export type ReadRow = { row: number } & ({ ok: true; record: ImportRecord } | { ok: false; reasons: string[]; subject: string });

/** Reads a row whose cells are keyed by column (from matchHeader). `row` is its number in the file (header = 1). */
export function readRow(kind: ImportKind, row: number, cells: Partial<Record<ColumnKey, string>>, today: Date): ReadRow {
  const reasons: string[] = [];
  const header = (key: ColumnKey) => COLUMNS[kind].find((c) => c.key === key)?.header ?? key;
  const raw = (key: ColumnKey) => cells[key] ?? '';
  const take = <T>(key: ColumnKey, result: cell.Cell<T>): T | null => {
    if (!result.ok) { reasons.push(result.reason); return null; }
    const required = COLUMNS[kind].some((c) => c.key === key && c.required);
    if (required && (result.value === null || result.value === '')) reasons.push(`${header(key)} saknas`);
    return result.value;
  };
  const str = (key: ColumnKey) => take(key, cell.text(raw(key), header(key)));
  const civic = (key: ColumnKey) => (raw(key).trim() === '' ? take(key, cell.text('', header(key))) : take(key, cell.civicNo(raw(key), header(key), today)));
  const day = (key: ColumnKey) => take(key, cell.date(raw(key), header(key)));

  const person = (): PersonFields => ({
    civicNo: civic('civicNo')!, givenName: str('givenName')!, familyName: str('familyName')!,
    email: take('email', cell.email(raw('email'), header('email'))), phone: str('phone'),
    streetAddress: str('streetAddress'), postalCode: str('postalCode'), city: str('city'),
    securityMarking: take('securityMarking', cell.marking(raw('securityMarking'), header('securityMarking'))),
  });

  let record: ImportRecord;
  switch (kind) {
    case 'elever':
      record = { kind, ...person(), schoolYear: take('schoolYear', cell.schoolYear(raw('schoolYear'), header('schoolYear')))!,
        schoolForm: str('schoolForm')?.toUpperCase() ?? null, className: str('className'), startDate: day('startDate') };
      break;
    case 'vardnadshavare':
      record = { kind, ...person(), childCivicNo: civic('childCivicNo')!, startDate: day('startDate') };
      break;
    case 'personal':
      record = { kind, ...person(), role: take('role', cell.role(raw('role'), header('role')))!,
        licensed: take('licensed', cell.yesNo(raw('licensed'), header('licensed'))), qualifiedSubjects: take('qualifiedSubjects', cell.subjects(raw('qualifiedSubjects'))),
        startDate: day('startDate') };
      break;
    case 'grupper': {
      const groupType = take('groupType', cell.groupType(raw('groupType'), header('groupType')))!;
      const subject = str('subject')?.toUpperCase() ?? null;
      if (groupType === 'teaching' && !subject) reasons.push('En undervisningsgrupp behöver ett ämne');
      if (groupType && groupType !== 'teaching' && subject) reasons.push('Bara undervisningsgrupper har ett ämne');
      record = { kind, groupName: str('groupName')!, groupType, subject, schoolYear: take('schoolYear', cell.schoolYear(raw('schoolYear'), header('schoolYear'))),
        startDate: day('startDate'), endDate: day('endDate') };
      break;
    }
    case 'gruppmedlemskap':
      record = { kind, childCivicNo: civic('childCivicNo')!, groupName: str('groupName')!, startDate: day('startDate'), endDate: day('endDate') };
      break;
  }
  const range = record as { startDate?: string | null; endDate?: string | null };
  if (range.startDate && range.endDate && range.endDate < range.startDate) reasons.push('Slutdatumet är före startdatumet');
  // a rejected row is named by what it says, as it says it
  const subject = [raw('familyName'), raw('givenName')].map((x) => x.trim()).filter(Boolean).join(', ') || raw('groupName').trim();
  const civicText = (raw('civicNo') || raw('childCivicNo')).trim();
  return reasons.length ? { row, ok: false, reasons, subject: civicText ? `${subject}${subject ? ' ' : ''}(${civicText})` : subject } : { row, ok: true, record };
}
