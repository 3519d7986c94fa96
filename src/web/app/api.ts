// API client: JSON over fetch with the session cookie; every non-GET request carries the
// CSRF token of the latest session body; error bodies become typed ApiErrors.

export interface ApiErrorBody {
  error: { code: string; message: string };
  [extra: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly body: ApiErrorBody | null;

  constructor(status: number, code: string, message: string, body: ApiErrorBody | null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.body = body;
  }
}

export function isApiError(e: unknown, status?: number): e is ApiError {
  return e instanceof ApiError && (status === undefined || e.status === status);
}

let csrfToken: string | null = null;

/** Remember the CSRF token of the latest session body (it changes on every context switch). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function readBody(res: Response): Promise<unknown> {
  if (res.status === 204) return null;
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toError(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object' && 'error' in body) {
    const err = (body as ApiErrorBody).error;
    if (err && typeof err.code === 'string') {
      return new ApiError(status, err.code, err.message ?? err.code, body as ApiErrorBody);
    }
  }
  return new ApiError(status, `http_${status}`, `HTTP ${status}`, null);
}

export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'include',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, 'network', e instanceof Error ? e.message : 'Network error', null);
  }
  const data = await readBody(res);
  if (res.status === 401 && !path.startsWith('/api/session')) sessionEnded();
  if (!res.ok) throw toError(res.status, data);
  return data as T;
}

/** Set (in sessionStorage) when a call found the session gone; the login page says so once. */
export const SESSION_ENDED_KEY = 'larka.sessionEnded';

/** Listeners told when any call finds the session gone (idle timeout, expiry, logout elsewhere). */
const sessionEndedListeners = new Set<() => void>();
export function onSessionEnded(listener: () => void): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}
function sessionEnded() {
  for (const listener of sessionEndedListeners) listener();
}

export const apiGet = <T>(path: string) => api<T>('GET', path);
export const apiPost = <T>(path: string, body?: unknown) => api<T>('POST', path, body);
export const apiPut = <T>(path: string, body?: unknown) => api<T>('PUT', path, body);
export const apiDelete = <T>(path: string) => api<T>('DELETE', path);
