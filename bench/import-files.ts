/**
 * Import files of a made-up school for the import benchmark and tests: classes and teaching groups, pupils
 * (with class), guardians (two per pupil, siblings sharing theirs) and teaching-group memberships. Civic
 * numbers are valid and born in years the demo data does not use (pupils 2000–2008, guardians 1940–1959),
 * so they never meet a demo person.
 */
import ExcelJS from 'exceljs';
import { luhnCheckDigit } from '../src/domain/org/personnummer.js';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The n-th valid civic number born in [fromYear, fromYear + years): serials 001–999 per day. */
export function civicNumber(n: number, fromYear: number): string {
  const dayIndex = Math.floor(n / 900);
  const serial = 10 + (n % 900);
  const d = new Date(Date.UTC(fromYear, 0, 1 + dayIndex));
  const yymmdd = `${String(d.getUTCFullYear()).slice(2)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
  const nine = `${yymmdd}${pad(serial, 3)}`;
  return `${String(d.getUTCFullYear()).slice(0, 2)}${nine}${luhnCheckDigit(nine)}`;
}

/** A CSV text: fields quoted when they hold the delimiter, a quote or a line break; CRLF line ends as Excel writes. */
export function csv(rows: (string | number | null)[][], delimiter = ';'): string {
  const field = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return s.includes(delimiter) || s.includes('"') || /[\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${rows.map((r) => r.map(field).join(delimiter)).join('\r\n')}\r\n`;
}

/** The same rows as an xlsx workbook (one sheet). */
export async function xlsx(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Import');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const GIVEN = ['Åsa', 'Örjan', 'Ängla', 'Björn', 'Märta', 'Sören', 'Linnéa', 'Håkan', 'Göran', 'Ylva', 'Nils', 'Maja', 'Elsa', 'Oskar', 'Tove', 'Jöns'];
const FAMILY = ['Öberg', 'Åkesson', 'Ängström', 'Lindqvist', 'Björk', 'Sjöström', 'Håkansson', 'Nyström', 'Ek', 'Löfgren', 'Wallin', 'Ström'];

export interface SchoolFiles { grupper: string; elever: string; vardnadshavare: string; gruppmedlemskap: string; pupils: string[]; classes: string[] }

/** Files for `pupils` pupils in classes of 25 (years 1–9), one teaching group (MA) per class; `offset` skips civic numbers another file used. */
export function schoolFiles(pupils: number, prefix = 'Imp', offset = 0): SchoolFiles {
  const classCount = Math.ceil(pupils / 25);
  const classes = Array.from({ length: classCount }, (_, i) => `${prefix} ${1 + (i % 9)}${String.fromCharCode(65 + Math.floor(i / 9) % 26)}${Math.floor(i / 234) || ''}`);
  const grupper = [['Namn', 'Typ', 'Ämne', 'Årskurs', 'Startdatum', 'Slutdatum']];
  classes.forEach((c, i) => {
    grupper.push([c, 'klass', '', String(1 + (i % 9)), '', '']);
    grupper.push([`${c} MA`, 'undervisningsgrupp', 'MA', String(1 + (i % 9)), '', '']);
  });
  const civics = Array.from({ length: pupils }, (_, i) => civicNumber(offset + i, 2000));
  const elever = [['Personnummer', 'Förnamn', 'Efternamn', 'Årskurs', 'Skolform', 'Klass', 'E-post', 'Telefon', 'Adress', 'Postnummer', 'Ort']];
  const vardnadshavare = [['Personnummer', 'Förnamn', 'Efternamn', 'Elevens personnummer', 'E-post', 'Telefon', 'Adress', 'Postnummer', 'Ort']];
  const medlemskap = [['Elevens personnummer', 'Grupp']];
  civics.forEach((pnr, i) => {
    const cls = Math.floor(i / 25);
    const familyNo = Math.floor(i / 2);
    const family = FAMILY[familyNo % FAMILY.length];
    const street = `Björkvägen ${1 + (familyNo % 200)}`;
    elever.push([pnr, GIVEN[i % GIVEN.length], family, String(1 + (cls % 9)), 'GR', classes[cls], '', '', street, '123 45', 'Lärkby']);
    // a family of two children shares two guardians: pupils 2k and 2k+1 are siblings
    for (const parent of [0, 1]) {
      const g = civicNumber(offset + familyNo * 2 + parent, 1940);
      vardnadshavare.push([g, GIVEN[(familyNo + parent * 5) % GIVEN.length], family, pnr, `vh${familyNo}-${parent}@example.se`, `070-${pad(familyNo % 1000, 3)} ${pad(parent, 2)} 00`, street, '123 45', 'Lärkby']);
    }
    medlemskap.push([pnr, `${classes[cls]} MA`]);
  });
  return { grupper: csv(grupper), elever: csv(elever), vardnadshavare: csv(vardnadshavare), gruppmedlemskap: csv(medlemskap), pupils: civics, classes };
}
