// Uploading import files in API tests: a multipart request with the client's session, and waiting for the apply job.
import type { Client } from './api.js';

export function multipart(fileName: string, bytes: Buffer | string) {
  const boundary = `----larka${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const body = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  return { payload: Buffer.concat([head, body, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** POST /api/admin/import/preview with the file. */
export async function preview(c: Client, kind: string, bytes: Buffer | string, fileName = `${kind}.csv`) {
  const { payload, contentType } = multipart(fileName, bytes);
  const headers: Record<string, string> = { 'content-type': contentType };
  if (c.cookie) headers.cookie = c.cookie;
  if (c.csrf) headers['x-csrf-token'] = c.csrf;
  return c.app.inject({ method: 'POST', url: `/api/admin/import/preview?kind=${kind}`, payload, headers, remoteAddress: c.ip });
}

/** Applies a preview and polls its job until it is finished; returns the job's last state. */
export async function applyAndWait(c: Client, previewBody: { previewId: string; fileHash: string }) {
  const started = await c.request('POST', '/api/admin/import/apply', { previewId: previewBody.previewId, fileHash: previewBody.fileHash });
  if (started.statusCode !== 202) return { status: started.statusCode, body: started.json() };
  let job = started.json();
  while (job.state === 'running') {
    await new Promise((r) => setTimeout(r, 20));
    job = (await c.get(`/api/admin/import/jobs/${job.jobId}`)).json();
  }
  return { status: 202, body: job };
}
