import ExcelJS from 'exceljs';
import { COLUMNS, KIND_NAMES, type ColumnKey, type ImportKind } from '../../../domain/register/import/formats.js';

const HELP: Record<ColumnKey, string> = {
  civicNo: 'Personnummer, samordningsnummer eller reservnummer, 10 eller 12 siffror (ÅÅÅÅMMDD-NNNN).',
  givenName: 'Förnamn.', familyName: 'Efternamn.',
  schoolYear: 'Årskurs: F (förskoleklass) eller 1–10.',
  schoolForm: 'Skolform: GR (grundskola) eller GRS (anpassad grundskola). Tomt: GR.',
  className: 'Klassens namn på enheten, t.ex. 7A. Klassen ska finnas (importera klasser först).',
  startDate: 'Från och med, ÅÅÅÅ-MM-DD. Tomt: i dag.',
  endDate: 'Till och med, ÅÅÅÅ-MM-DD. Tomt: tills vidare (ett befintligt slutdatum ändras inte).',
  email: 'E-postadress. Tomt: det som finns sparat ändras inte.', phone: 'Telefonnummer. Tomt: det som finns sparat ändras inte.',
  streetAddress: 'Gatuadress.', postalCode: 'Postnummer.', city: 'Postort.',
  securityMarking: 'Tomt, ingen, sekretessmarkering eller skyddad folkbokföring. Tomt ändrar aldrig ett skydd som finns.',
  childCivicNo: 'Elevens personnummer. Eleven ska vara inskriven på enheten.',
  role: 'lärare, rektor, skoladministratör eller elevhälsa.',
  licensed: 'ja eller nej (lärarlegitimation).',
  qualifiedSubjects: 'Ämneskoder åtskilda med mellanslag, t.ex. MA NO.',
  groupName: 'Gruppens namn på enheten, t.ex. 7A eller 7A MA.',
  groupType: 'klass, undervisningsgrupp eller mentorsgrupp.',
  subject: 'Ämneskod (bara undervisningsgrupper), t.ex. MA.',
};

/** An empty import file of a kind (xlsx): the header row on the first sheet, what each column means on the second. */
export async function templateOf(kind: ImportKind): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lärka';
  const sheet = workbook.addWorksheet(KIND_NAMES[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = COLUMNS[kind];
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: Math.max(14, c.header.length + 4), style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  const help = workbook.addWorksheet('Instruktioner');
  help.columns = [{ header: 'Kolumn', width: 24 }, { header: 'Krävs', width: 8 }, { header: 'Vad den ska innehålla', width: 90 }, { header: 'Exempel', width: 20 }];
  help.getRow(1).font = { bold: true };
  for (const c of columns) help.addRow([c.header, c.required ? 'ja' : '', HELP[c.key], c.example]);
  help.addRow([]);
  help.addRow(['', '', 'Spara som .xlsx eller CSV (semikolon eller komma, UTF-8 eller Windows-1252). Högst 10 000 rader per fil.']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
