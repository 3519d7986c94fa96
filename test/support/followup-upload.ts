// Uploading files to the follow-up's imports in API tests (national test results, background data, reference figures).
import ExcelJS from 'exceljs';
import type { Client } from './api.js';
import { multipart } from './import-upload.js';

/** POSTs a file as multipart field "file" with the client's session and CSRF token. */
export async function upload(c: Client, url: string, bytes: Buffer | string, fileName = 'fil.csv', method: 'POST' | 'PUT' = 'POST') {
  const { payload, contentType } = multipart(fileName, bytes);
  const headers: Record<string, string> = { 'content-type': contentType };
  if (c.cookie) headers.cookie = c.cookie;
  if (c.csrf) headers['x-csrf-token'] = c.csrf;
  return c.app.inject({ method, url, payload, headers, remoteAddress: c.ip });
}

/** A CSV file (semicolons) of a header and rows. */
export const csv = (header: string[], rows: string[][]) => [header, ...rows].map((r) => r.join(';')).join('\r\n');

/** The same table as an xlsx file. */
export async function xlsx(header: string[], rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Blad1');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
