/**
 * The file formats of register imports: one kind of file per import, each with its columns. Headers are
 * Swedish (as in the templates) and English ones are tolerated; case, spaces, hyphens and a trailing "*"
 * do not matter. Pure: no I/O.
 */
export const IMPORT_KINDS = ['elever', 'vardnadshavare', 'personal', 'grupper', 'gruppmedlemskap'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type ColumnKey =
  | 'civicNo' | 'givenName' | 'familyName' | 'schoolYear' | 'schoolForm' | 'className' | 'startDate' | 'endDate'
  | 'email' | 'phone' | 'streetAddress' | 'postalCode' | 'city' | 'securityMarking' | 'childCivicNo'
  | 'role' | 'licensed' | 'qualifiedSubjects' | 'groupName' | 'groupType' | 'subject';

export interface Column { key: ColumnKey; header: string; aliases: string[]; required: boolean; example: string }

const col = (key: ColumnKey, header: string, aliases: string[], required: boolean, example: string): Column => ({ key, header, aliases, required, example });

const civicNo = (required = true) => col('civicNo', 'Personnummer', ['personal identity number', 'civic number', 'civic no', 'civicno', 'pnr'], required, '20120315-1232');
const names = [
  col('givenName', 'Förnamn', ['given name', 'first name', 'givenname', 'firstname'], true, 'Åsa'),
  col('familyName', 'Efternamn', ['family name', 'last name', 'surname', 'familyname', 'lastname'], true, 'Öberg'),
];
const contact = [
  col('email', 'E-post', ['email', 'e-mail', 'mail'], false, 'namn@example.se'),
  col('phone', 'Telefon', ['phone', 'telephone', 'mobile'], false, '070-123 45 67'),
];
const address = [
  col('streetAddress', 'Adress', ['address', 'street address', 'streetaddress'], false, 'Storgatan 1'),
  col('postalCode', 'Postnummer', ['postal code', 'postcode', 'zip', 'zip code'], false, '123 45'),
  col('city', 'Ort', ['city', 'town', 'postort'], false, 'Lärkby'),
  col('securityMarking', 'Skydd', ['security marking', 'protection', 'sekretessmarkering', 'skyddad folkbokföring'], false, ''),
];
const startDate = (required = false) => col('startDate', 'Startdatum', ['start date', 'from', 'startdate', 'från'], required, '2026-08-17');
const endDate = col('endDate', 'Slutdatum', ['end date', 'to', 'enddate', 'till'], false, '');

export const COLUMNS: Record<ImportKind, Column[]> = {
  elever: [
    civicNo(), ...names,
    col('schoolYear', 'Årskurs', ['school year', 'year', 'grade', 'schoolyear', 'arskurs'], true, '7'),
    col('schoolForm', 'Skolform', ['school form', 'schoolform'], false, 'GR'),
    col('className', 'Klass', ['class', 'class name'], false, '7A'),
    startDate(), ...contact, ...address,
  ],
  vardnadshavare: [
    civicNo(), ...names,
    col('childCivicNo', 'Elevens personnummer', ['pupil civic number', "pupil's civic number", 'child civic number', 'pupil personnummer', 'elev'], true, '20120315-1232'),
    startDate(), ...contact, ...address,
  ],
  personal: [
    civicNo(), ...names,
    col('role', 'Roll', ['role'], true, 'lärare'),
    col('licensed', 'Legitimerad', ['licensed', 'legitimation'], false, 'ja'),
    col('qualifiedSubjects', 'Behörig i ämnen', ['qualified subjects', 'subjects', 'behörighet'], false, 'MA NO'),
    startDate(), ...contact,
  ],
  grupper: [
    col('groupName', 'Namn', ['name', 'group name', 'gruppnamn', 'grupp', 'group'], true, '7A'),
    col('groupType', 'Typ', ['type', 'group type', 'grupptyp'], true, 'klass'),
    col('subject', 'Ämne', ['subject', 'subject code', 'ämneskod'], false, ''),
    col('schoolYear', 'Årskurs', ['school year', 'year', 'grade', 'schoolyear', 'arskurs'], false, '7'),
    startDate(), endDate,
  ],
  gruppmedlemskap: [
    col('childCivicNo', 'Elevens personnummer', ['pupil civic number', "pupil's civic number", 'personnummer', 'civic number', 'elev', 'pupil'], true, '20120315-1232'),
    col('groupName', 'Grupp', ['group', 'group name', 'gruppnamn', 'klass', 'class'], true, '7A'),
    startDate(), endDate,
  ],
};

/** What the kinds are called, as the page and messages say it. */
export const KIND_NAMES: Record<ImportKind, string> = {
  elever: 'Elever', vardnadshavare: 'Vårdnadshavare', personal: 'Personal', grupper: 'Klasser och grupper', gruppmedlemskap: 'Gruppmedlemskap',
};

/** A header as compared: lower case, without spaces, hyphens, underscores, dots, apostrophes and a trailing "*". */
export const normaliseHeader = (h: string) => h.normalize('NFC').toLowerCase().replace(/\*+\s*$/, '').replace(/[\s\-_.'’()]+/g, '');

export type HeaderResult<K extends string = ColumnKey> =
  | { ok: true; columns: (K | null)[] }
  | { ok: false; expected: string[]; found: string[]; missing: string[]; unknown: string[]; repeated: string[] };

/** The part of a column that header matching needs: any import file's columns (register, national tests, background). */
export interface HeaderColumn<K extends string> { key: K; header: string; aliases: readonly string[]; required: boolean }

/** Matches a file's header row to the kind's columns: every required column present, none unknown or twice. */
export function matchHeader(kind: ImportKind, header: string[]): HeaderResult {
  return matchColumns(COLUMNS[kind], header);
}

/** Matches a header row to a list of columns (case, spaces, hyphens and a trailing "*" do not matter). */
export function matchColumns<K extends string>(columns: readonly HeaderColumn<K>[], header: string[]): HeaderResult<K> {
  const byName = new Map<string, K>();
  for (const c of columns) for (const n of [c.header, ...c.aliases]) byName.set(normaliseHeader(n), c.key);
  const found = header.map((h) => h.trim());
  const keys = found.map((h) => (h === '' ? null : byName.get(normaliseHeader(h)) ?? null));
  const unknown = found.filter((h, i) => h !== '' && keys[i] === null);
  const seen = new Set<K>();
  const repeated: string[] = [];
  keys.forEach((k, i) => { if (k && seen.has(k)) repeated.push(found[i]); if (k) seen.add(k); });
  const missing = columns.filter((c) => c.required && !seen.has(c.key)).map((c) => c.header);
  if (missing.length || unknown.length || repeated.length) {
    return { ok: false, expected: columns.map((c) => c.header), found: found.filter((h) => h !== ''), missing, unknown, repeated };
  }
  return { ok: true, columns: keys };
}
