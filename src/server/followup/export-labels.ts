/** Swedish labels shared by the follow-up's exports. */
export const DIMENSION_LABELS: Record<string, string> = {
  sex: 'Kön', newly_arrived: 'Nyanlända', sva: 'Svenska som andraspråk', parents_education: 'Föräldrarnas utbildning',
  foreign_background: 'Utländsk bakgrund', teacher: 'Lärare',
};
export const LEVEL_LABELS = { organiser: 'Huvudman', unit: 'Skolenhet', group: 'Grupp' } as const;

/** A file name without characters a file system refuses: "Uppföljning – Björkskolan – åk 9 – 2025-2026.xlsx". */
export function exportFileName(title: string, gradeYear: number, schoolYear: string, ext: 'xlsx' | 'pdf'): string {
  const safe = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return `${['Uppföljning', safe(title), `åk ${gradeYear}`, schoolYear.replace('/', '-')].filter(Boolean).join(' – ')}.${ext}`;
}

/** A figure as text: a share as a percentage, a mean with one decimal, ".." and "." as they are. */
export function figureText(v: number | string, kind: 'share' | 'mean' | 'count'): string {
  if (typeof v === 'string') return v;
  if (kind === 'share') return `${Math.round(v * 100)} %`;
  if (kind === 'mean') return v.toFixed(1).replace('.', ',');
  return String(v);
}

export const RULES = [
  ['Jämförelse', 'Ämnesbetyget (åk 6: vårterminens betyg, åk 9: slutbetyget) jämförs med samma elevs provbetyg i samma ämne och läsår. Lägre, samma och högre räknas i betygssteg (F→E är ett steg).'],
  ['Betygspoäng', 'A = 20, B = 17,5, C = 15, D = 12,5, E = 10, F = 0. Streck (–) är inget betyg och räknas bara i fördelningen.'],
  ['Sekretess', 'En uppgift som bygger på färre än 10 elever visas som "..", och ytterligare en del döljs när den annars kan räknas fram genom subtraktion från helheten. "." betyder att uppgift saknas.'],
  ['Test', 'Högre mot lägre inom en rad: exakt teckentest. Raden mot övriga (föräldranivån minus raden) och delarna mot varandra: chi-två-test eller Fishers exakta test.'],
  ['Flera jämförelser', 'Alla test i rapporten justeras med Benjamini–Hochberg. En skillnad kallas tydlig bara när q < 0,05; annars "ingen tydlig skillnad".'],
  ['Återkommande mönster', 'En enhet, grupp, lärare eller elevgrupp som avviker åt samma håll som övriga under minst tre läsår i följd, och tydligt när åren läggs samman.'],
] as const;
