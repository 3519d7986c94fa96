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

/** Shown until the user chooses: what a teacher needs to tell pupils apart (class, which of their groups,
 *  personnummer). The unit's administrator and principal list every pupil of the unit, whose groups would be all
 *  of a pupil's groups: class and personnummer are theirs, groups a column to choose. */
export function defaultColumns(role: string): MyPupilColumn[] {
  return role === 'teacher' ? ['className', 'groups', 'civicNo'] : ['className', 'civicNo'];
}

/** Columns that are address or contact details: never given for a pupil with protected registration. */
export const CONTACT_COLUMNS: readonly MyPupilColumn[] = ['email', 'phone', 'address'];

const isColumn = (s: string): s is MyPupilColumn => (MY_PUPIL_COLUMNS as readonly string[]).includes(s);

/** A chosen set of columns in the fixed order, each once; unknown names are left out. */
export function columnSet(names: readonly unknown[]): MyPupilColumn[] {
  return MY_PUPIL_COLUMNS.filter((c) => names.some((n) => typeof n === 'string' && n === c));
}

/** `columns=className,civicNo` as sent: the role's defaults when absent, none when empty; unknown names are named. */
export function parseColumns(text: string | undefined, role: string): { ok: true; columns: MyPupilColumn[] } | { ok: false; unknown: string[] } {
  if (text === undefined) return { ok: true, columns: defaultColumns(role) };
  const names = text.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !isColumn(n));
  return unknown.length ? { ok: false, unknown } : { ok: true, columns: columnSet(names) };
}

/** A pupil as the store reads them: the person's own facts (contact only when a column asks for it) … */
export interface PupilFacts {
  id: string; givenName: string; familyName: string; civicNo: string | null; birthDate: string | null;
  securityMarking: SecurityMarking; email: string | null; phone: string | null;
  streetAddress: string | null; postalCode: string | null; city: string | null;
}

/** … and where they belong: class, the actor's groups (in Swedish order) and guardians. */
export interface PupilPlacement {
  className: string | null;
  groups: string[];
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
export function presentPupil(p: PupilFacts, d: PupilPlacement, columns: readonly MyPupilColumn[]): MyPupilRow {
  // no closures here: this runs once per row of lists of thousands
  const shown = contactVisible(p.securityMarking);
  const row: MyPupilRow = { id: p.id, givenName: p.givenName, familyName: p.familyName, protected: !shown };
  for (const c of columns) {
    switch (c) {
      case 'className': row.className = d.className; break;
      case 'groups': row.groups = d.groups; break;
      case 'civicNo': row.civicNo = p.civicNo; break;
      case 'birthDate': row.birthDate = p.birthDate; break;
      case 'email': row.email = shown ? p.email : null; break;
      case 'phone': row.phone = shown ? p.phone : null; break;
      case 'address': row.address = shown ? formatAddress(p.streetAddress, p.postalCode, p.city) : null; break;
      case 'guardians': case 'guardianPhones': row.guardians ??= presentGuardians(d, shown, columns.includes('guardianPhones')); break;
    }
  }
  return row;
}

function presentGuardians(d: PupilPlacement, pupilShown: boolean, phones: boolean): GuardianCell[] {
  const cells: GuardianCell[] = [];
  for (const g of d.guardians) {
    const visible = pupilShown && contactVisible(g.securityMarking);
    const cell: GuardianCell = { name: `${g.givenName} ${g.familyName}`, protected: !visible };
    if (phones) cell.phone = visible ? g.phone : null;
    cells.push(cell);
  }
  return cells.length > 1 ? cells.sort(byGuardianName) : cells;
}

const byGuardianName = (a: GuardianCell, b: GuardianCell) => svCollator.compare(a.name, b.name);

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
