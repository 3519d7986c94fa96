/**
 * The knowledge requirements of a syllabus mark what differs between the steps (E, C, A) with `<strong>`.
 * A text is cut into plain pieces and emphasised pieces, so a page renders each as text (never as HTML):
 * any other markup in the source shows as the characters it is.
 */
export interface TextPiece { text: string; strong: boolean }

export function strongPieces(source: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  const re = /<strong>([\s\S]*?)<\/strong>/gi;
  let at = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    if (m.index > at) pieces.push({ text: source.slice(at, m.index), strong: false });
    if (m[1]) pieces.push({ text: m[1], strong: true });
    at = m.index + m[0].length;
  }
  if (at < source.length) pieces.push({ text: source.slice(at), strong: false });
  return pieces;
}

/** The steps of a requirement in the order a page shows them: G (year 3), then E, C, A; others after. */
export function stepOrder(choices: Record<string, string>): string[] {
  const known = ['G', 'E', 'C', 'A'];
  return [...known.filter((k) => k in choices), ...Object.keys(choices).filter((k) => !known.includes(k)).sort()];
}
