import ExcelJS from 'exceljs';
import type { HighlightReason } from '../../domain/absence/threshold.js';
import type { AbsenceOverview } from './overview.js';

const REASONS: Record<HighlightReason, string> = { share: 'Över gränsen för frånvaro', short_absences: 'Upprepade sena ankomster/tidiga avgångar' };
const PERCENT = '0.0%';

/** "Frånvaro – 9A – 2026-08-20–2026-11-18.xlsx": no characters a file system refuses. */
export function overviewFileName(o: Pick<AbsenceOverview, 'group' | 'from' | 'to'>): string {
  const safe = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim();
  return ['Frånvaro', o.group ? safe(o.group.name) : null, `${o.from}–${o.to}`].filter(Boolean).join(' – ') + '.xlsx';
}

/** The overview as a workbook: a sheet of pupils (minutes and shares as numbers, the share as an Excel
 *  percentage) and a sheet of the share per pupil and ISO week (the heat map's numbers). */
export async function overviewWorkbook(o: AbsenceOverview): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lärka';
  const pupils = wb.addWorksheet('Frånvaro', { views: [{ state: 'frozen', ySplit: 1 }] });
  pupils.columns = [
    { header: 'Efternamn', width: 18 }, { header: 'Förnamn', width: 16 }, { header: 'Klass', width: 8 },
    { header: 'Lektionstid (min)', width: 17 }, { header: 'Giltig frånvaro (min)', width: 20 }, { header: 'Ogiltig frånvaro (min)', width: 21 },
    { header: 'Frånvaro totalt (min)', width: 20 }, { header: 'Andel frånvaro', width: 15, style: { numFmt: PERCENT } },
    { header: 'Sena ankomster och tidiga avgångar', width: 32 }, { header: 'Markerad', width: 10 }, { header: 'Skäl', width: 50 },
  ];
  pupils.getRow(1).font = { bold: true };
  for (const p of o.pupils) {
    pupils.addRow([p.familyName, p.givenName, p.className ?? '', p.lessonMinutes, p.validMinutes, p.invalidMinutes, p.absentMinutes,
      p.share === null ? null : p.share / 100, p.shortCount, p.highlighted ? 'Ja' : 'Nej', p.reasons.map((r) => REASONS[r]).join('; ')]);
  }
  pupils.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 11 } };
  const weeks = wb.addWorksheet('Per vecka', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  weeks.columns = [{ header: 'Efternamn', width: 18 }, { header: 'Förnamn', width: 16 },
    ...o.weeks.map((w) => ({ header: `v. ${w.week} (${w.monday})`, width: 17, style: { numFmt: PERCENT } }))];
  weeks.getRow(1).font = { bold: true };
  for (const p of o.pupils) weeks.addRow([p.familyName, p.givenName, ...p.weeks.map((w) => (w.share === null ? null : w.share / 100))]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
