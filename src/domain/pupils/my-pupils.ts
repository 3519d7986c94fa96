/**
 * "Mina elever": the columns a staff member may choose for the list of their pupils, and what each row may
 * carry. Pure: the server builds its answer, export and print with these rules, and the web shows the same
 * columns.
 */
import { formatCivicNo } from '../org/personnummer.js';
import { svCollator } from '../org/sorting.js';
import { contactVisible, type SecurityMarking } from '../register/people.js';

/** The columns besides the name, in the order they are shown, exported and printed. */
export const MY_PUPIL_COLUMNS = ['className', 'groups', 'civicNo', 'birthDate', 'email', 'phone', 'address', 'guardians', 'guardianPhones'] as const;
export type MyPupilColumn = (typeof MY_PUPIL_COLUMNS)[number];

/** Shown until the user chooses: what a teacher needs to tell pupils apart. */
export const DEFAULT_COLUMNS: readonly MyPupilColumn[] = ['className', 'groups', 'civicNo'];

/** Columns that are address or contact details: never given for a pupil with protected registration. */
export const CONTACT_COLUMNS: readonly MyPupilColumn[] = ['email', 'phone', 'address'];

const isColumn = (s: string): s is MyPupilColumn => (MY_PUPIL_COLUMNS as readonly string[]).includes(s);

/** A chosen set of columns in the fixed order, each once; unknown names are left out. */
export function columnSet(names: readonly unknown[]): MyPupilColumn[] {
  return MY_PUPIL_COLUMNS.filter((c) => names.some((n) => typeof n === 'string' && n === c));
}

/** `columns=className,civicNo` as sent: the defaults when absent, none when empty; unknown names are named. */
export function parseColumns(text: string | undefined): { ok: true; columns: MyPupilColumn[] } | { ok: false; unknown: string[] } {
  if (text === undefined) return { ok: true, columns: [...DEFAULT_COLUMNS] };
  const names = text.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !isColumn(n));
  return unknown.length ? { ok: false, unknown } : { ok: true, columns: columnSet(names) };
}

/** A pupil as the store reads them: everything any column may need. */
export interface PupilRecord {
  id: string; givenName: string; familyName: string; civicNo: string | null; birthDate: string | null;
  securityMarking: SecurityMarking; email: string | null; phone: string | null;
  streetAddress: string | null; postalCode: string | null; city: string | null;
  className: string | null; groups: string[];
  guardians: { givenName: string; familyName: string; phone: string | null; securityMarking: SecurityMarking }[];
}

export interface GuardianCell { name: string; phone?: string | null; protected: boolean }

/** One row of the list: the name, whether the pupil has protected registration, and the chosen columns only. */
export interface MyPupilRow {
  id: string; givenName: string; familyName: string; protected: boolean;
  className?: string | null; groups?: string[]; civicNo?: string | null; birthDate?: string | null;
  email?: string | null; phone?: string | null; address?: string | null; guardians?: GuardianCell[];
}

/** "Storgatan 1, 123 45 Lärkby"; null when nothing is known. */
export function formatAddress(street: string | null, postalCode: string | null, city: string | null): string | null {
  const place = [postalCode, city].filter(Boolean).join(' ');
  return [street, place].filter(Boolean).join(', ') || null;
}

/**
 * The row for the chosen columns. Protected registration (skyddad folkbokföring): the pupil's address and
 * contact details are never given, and the guardians of such a pupil are masked likewise (their phone
 * would lead to the pupil); a guardian who is protected themself is masked too.
 */
export function presentPupil(p: PupilRecord, columns: readonly MyPupilColumn[]): MyPupilRow {
  const shown = contactVisible(p.securityMarking);
  const row: MyPupilRow = { id: p.id, givenName: p.givenName, familyName: p.familyName, protected: !shown };
  const has = (c: MyPupilColumn) => columns.includes(c);
  if (has('className')) row.className = p.className;
  if (has('groups')) row.groups = [...p.groups].sort(svCollator.compare);
  if (has('civicNo')) row.civicNo = p.civicNo;
  if (has('birthDate')) row.birthDate = p.birthDate;
  if (has('email')) row.email = shown ? p.email : null;
  if (has('phone')) row.phone = shown ? p.phone : null;
  if (has('address')) row.address = shown ? formatAddress(p.streetAddress, p.postalCode, p.city) : null;
  if (has('guardians') || has('guardianPhones')) {
    row.guardians = p.guardians
      .map((g) => {
        const visible = shown && contactVisible(g.securityMarking);
        const cell: GuardianCell = { name: `${g.givenName} ${g.familyName}`, protected: !visible };
        if (has('guardianPhones')) cell.phone = visible ? g.phone : null;
        return cell;
      })
      .sort((a, b) => svCollator.compare(a.name, b.name));
  }
  return row;
}

/** What a cell shows, on the page, in print and in a file: `withheld` (e.g. "Skyddad") for a masked value,
 *  '' when there is none; lists joined with commas, guardians' phones in the order of their names. */
export function cellText(p: MyPupilRow, c: MyPupilColumn, withheld: string): string {
  if (p.protected && CONTACT_COLUMNS.includes(c)) return withheld;
  switch (c) {
    case 'className': return p.className ?? '';
    case 'groups': return (p.groups ?? []).join(', ');
    case 'civicNo': return p.civicNo ? formatCivicNo(p.civicNo) : '';
    case 'birthDate': return p.birthDate ?? '';
    case 'email': return p.email ?? '';
    case 'phone': return p.phone ?? '';
    case 'address': return p.address ?? '';
    case 'guardians': return (p.guardians ?? []).map((g) => g.name).join(', ');
    case 'guardianPhones': return (p.guardians ?? []).map((g) => (g.protected ? withheld : g.phone ?? '–')).join(', ');
  }
}

/** The cell holds a withheld value. */
export const isWithheld = (p: MyPupilRow, c: MyPupilColumn): boolean =>
  (p.protected && CONTACT_COLUMNS.includes(c)) || (c === 'guardianPhones' && (p.guardians ?? []).some((g) => g.protected));
