import { ApiError, type ApiErrorBody } from '../app/api';

/** Sends a file as multipart field "file" (the JSON client does not send files); errors as ApiError like the JSON client. */
export async function uploadFile<T>(url: string, file: File, csrfToken: string | null, method: 'POST' | 'PUT' = 'POST'): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(url, { method, body: form, credentials: 'include', headers });
  const body = (await res.json().catch(() => null)) as T | ApiErrorBody | null;
  if (!res.ok) {
    const err = body && typeof body === 'object' && 'error' in body ? (body as ApiErrorBody) : null;
    throw new ApiError(res.status, err?.error.code ?? `http_${res.status}`, err?.error.message ?? `HTTP ${res.status}`, err);
  }
  return body as T;
}
