/** The little of fontkit (pdfkit's font engine) that Lärka uses: parse a font, shape text with it. */
declare module 'fontkit' {
  export function create(buffer: Uint8Array): { layout: (...args: unknown[]) => unknown };
}
