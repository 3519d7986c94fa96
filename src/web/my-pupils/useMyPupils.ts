// Server state of "Mina elever": the selector's groups, the list, and the remembered columns.
import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPut } from '../app/api';
import { columnSet, defaultColumns, type MyPupilColumn } from '../../domain/pupils/my-pupils';
import type { SessionBody } from '../session/types';
import type { ListParams, MyGroups, MyPupilList } from './types';

type Current = SessionBody['current'];

/** The query string of the list, its export and its print view: the same filter, search and columns. */
export function listQuery(params: ListParams, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({ columns: params.columns.join(','), ...extra });
  if (params.groupId) query.set('groupId', params.groupId);
  if (params.q.trim()) query.set('q', params.q.trim());
  return query.toString();
}

export const exportUrl = (params: ListParams, format: 'xlsx' | 'csv') => `/api/my-pupils/export?${listQuery(params, { format })}`;

export function useMyGroups(current: Current, enabled = true) {
  return useQuery({
    queryKey: ['myPupils', current.role, current.unitId, 'groups'],
    queryFn: () => apiGet<MyGroups>('/api/my-pupils/groups'),
    enabled,
    staleTime: 60_000,
  });
}

export function useMyPupilList(current: Current, params: ListParams, opts: { enabled: boolean; view?: 'list' | 'print' }) {
  const view = opts.view ?? 'list';
  return useQuery({
    queryKey: ['myPupils', current.role, current.unitId, 'list', view, params],
    queryFn: () => apiGet<MyPupilList>(`/api/my-pupils?${listQuery(params, { view })}`),
    enabled: opts.enabled,
    placeholderData: keepPreviousData,
  });
}

const PREF_KEY = ['me', 'preferences', 'myPupils.columns'] as const;
const PREF_PATH = '/api/me/preferences/myPupils.columns';

/** The columns the user shows (the role's defaults until chosen), remembered per user on the server. */
export function useColumnPreference(current: Current) {
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: PREF_KEY,
    queryFn: () => apiGet<{ key: string; value: unknown }>(PREF_PATH),
    staleTime: 5 * 60_000,
  });
  // the choice made on this page, shown in the same render as the click (the next click builds on it)
  const [chosen, setChosen] = useState<MyPupilColumn[] | null>(null);
  const value = query.data?.value;
  const shown: MyPupilColumn[] = chosen ?? (Array.isArray(value) ? columnSet(value) : defaultColumns(current.role));
  const save = useMutation({
    mutationFn: (columns: MyPupilColumn[]) => apiPut<{ key: string; value: unknown }>(PREF_PATH, { value: columns }),
  });
  const setShown = (columns: MyPupilColumn[]) => {
    setChosen(columns);
    // remembered on the server in the background
    qc.setQueryData(PREF_KEY, { key: 'myPupils.columns', value: columns });
    save.mutate(columns);
  };
  return { shown, ready: !query.isPending, setShown };
}
