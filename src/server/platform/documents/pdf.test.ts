import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPdf, pdfBuffer } from './pdf.js';

const textOf = (bytes: Buffer) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'larka-pdf-')), 'doc.pdf');
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
};

async function documentWith(lines: { bold?: string; regular?: string }[]) {
  const doc = createPdf('Prov');
  for (const l of lines) {
    if (l.bold) doc.font('bold').text(l.bold);
    if (l.regular) doc.font('regular').text(l.regular);
  }
  return pdfBuffer(doc);
}

describe('PDF documents', () => {
  it('a document made after others still extracts every letter, in both faces (fonts shaped by one shared parse)', async () => {
    // "ä" is drawn from "a" and a diaeresis: subsetting it decodes "a" without its character, and a
    // parse shared with subsetting then gave later documents an "a" that extracted as nothing.
    await documentWith([{ bold: 'Hälsö', regular: 'Björn Ärlig hälsö' }]);
    await Promise.all([documentWith([{ bold: 'Idrott och hälsa' }]), documentWith([{ regular: 'Svenska som andraspråk' }])]);
    const text = textOf(await documentWith([{ bold: 'Matematik', regular: 'Åsa Öberg – 2026-11-22' }, { bold: 'Åsa Öberg', regular: 'Matematik' }]));
    expect(text).toContain('Matematik');
    expect(text).toContain('Åsa Öberg – 2026-11-22');
    expect(text.match(/Matematik/g)).toHaveLength(2);
  });

  it('embeds the fonts it uses and declares PDF/A-2b', async () => {
    const bytes = await documentWith([{ bold: 'Slutbetyg', regular: 'Lärka' }]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'larka-pdf-')), 'doc.pdf');
    fs.writeFileSync(file, bytes);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/); // embedded, subset
    const raw = bytes.toString('latin1');
    expect(raw).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(raw).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(raw).toMatch(/\/OutputIntents/);
  });
});
