import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiGet, apiPost, isApiError } from '../app/api';
import type { SessionBody } from '../session/types';
import { ACCOUNT_ERRORS, type AccountRef, type ClassAccounts, type ClassSummary, type ShownPassword, type StaffAccount } from './types';

const KEY = ['admin-accounts'] as const;
const noRetryOn4xx = (count: number, err: unknown) => count < 2 && !(isApiError(err) && err.status < 500);

export function useClasses(current: SessionBody['current']) {
  return useQuery({ queryKey: [...KEY, 'classes', current.unitId], queryFn: () => apiGet<ClassSummary[]>('/api/admin/accounts/classes'), retry: noRetryOn4xx });
}

export function useClassAccounts(current: SessionBody['current'], classId: string | null) {
  return useQuery({
    queryKey: [...KEY, 'class', current.unitId, classId],
    queryFn: () => apiGet<ClassAccounts>(`/api/admin/accounts/classes/${encodeURIComponent(classId!)}`),
    enabled: !!classId,
    retry: noRetryOn4xx,
  });
}

export function useStaffAccounts(current: SessionBody['current']) {
  return useQuery({ queryKey: [...KEY, 'staff', current.unitId], queryFn: () => apiGet<StaffAccount[]>('/api/admin/accounts/staff'), retry: noRetryOn4xx });
}

/** The i18n key of an error of these pages. */
export function accountErrorKey(err: unknown): string {
  const code = isApiError(err) ? err.code : 'other';
  return `accounts.errors.${(ACCOUNT_ERRORS as readonly string[]).includes(code) ? code : 'other'}`;
}

/** The file name a download was given (Content-Disposition: filename* in UTF-8, else filename). */
function fileName(disposition: string | null, fallback: string): string {
  const utf8 = disposition && /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (utf8) return decodeURIComponent(utf8[1]);
  const plain = disposition && /filename="([^"]+)"/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

/** POSTs and saves the PDF answer as a download under the server's (Swedish) file name. */
async function downloadPdf(path: string, csrfToken: string, body?: unknown): Promise<string> {
  const res = await fetch(path, {
    method: 'POST',
    credentials: 'include',
    headers: { 'x-csrf-token': csrfToken, accept: 'application/pdf', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) {
    const data = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
    throw new ApiError(res.status, data?.error?.code ?? `http_${res.status}`, data?.error?.message ?? `HTTP ${res.status}`, data as never);
  }
  const name = fileName(res.headers.get('content-disposition'), 'inloggningsbrev.pdf');
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: KEY });
}

export function useClassLetters(session: SessionBody) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ classId, personIds }: { classId: string; personIds: string[] }) =>
      downloadPdf(`/api/admin/accounts/classes/${encodeURIComponent(classId)}/letters`, session.csrfToken, { personIds }),
    onSettled: refresh,
  });
}

/** One person's account: create, a new password shown once or as a letter, disable or enable. */
export function useAccountAction(session: SessionBody) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (a: { kind: 'create'; personId: string } | { kind: 'password' | 'disable' | 'enable' | 'letter'; accountId: string }) => {
      if (a.kind === 'create') return apiPost<ShownPassword>('/api/admin/accounts', { personId: a.personId });
      const path = `/api/admin/accounts/${encodeURIComponent(a.accountId)}/${a.kind}`;
      if (a.kind === 'letter') return { file: await downloadPdf(path, session.csrfToken) };
      return apiPost<ShownPassword | AccountRef>(path);
    },
    onSettled: refresh,
  });
}
