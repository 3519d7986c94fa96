import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiDelete, apiGet, apiPost, apiPut } from '../app/api';
import { SESSION_KEY } from '../session/useSession';
import type { DateSpan, Organisation, SchoolYear, SettingsInput, Subject, Unit, UnitContact, UnitFields } from './types';

const KEY = ['admin', 'organisation'] as const;
const enc = encodeURIComponent;

export const useOrganisation = (enabled = true) => useQuery({ queryKey: [...KEY, 'settings'], queryFn: () => apiGet<Organisation>('/api/admin/organisation'), enabled });
export const useUnits = (unitId: string | null) => useQuery({ queryKey: [...KEY, 'units', unitId], queryFn: () => apiGet<Unit[]>('/api/admin/units') });
export const useSchoolYears = (unitId: string | null) => useQuery({ queryKey: [...KEY, 'terms', unitId], queryFn: () => apiGet<SchoolYear[]>('/api/admin/terms') });
export const useSubjects = () => useQuery({ queryKey: [...KEY, 'subjects'], queryFn: () => apiGet<Subject[]>('/api/admin/subjects') });

/** A change of the organisation: afterwards its lists are read again. */
function useChange<V, R>(fn: (v: V) => Promise<R>, also: readonly unknown[][] = []) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([KEY, ...also].map((queryKey) => qc.invalidateQueries({ queryKey })));
    },
  });
}

export const useCreateUnit = () => useChange((u: UnitFields) => apiPost<Unit>('/api/admin/units', u));
export const useUpdateUnit = () => useChange(({ id, ...u }: UnitFields & { id: string }) => apiPut<Unit>(`/api/admin/units/${enc(id)}`, u));
export const useUpdateUnitContact = () =>
  useChange(({ id, ...c }: UnitContact & { id: string }) => apiPut<Unit>(`/api/admin/units/${enc(id)}/contact`, c));

export const useCreateSchoolYear = () =>
  useChange((y: { schoolYear: string; ht: DateSpan; vt: DateSpan }) => apiPost<SchoolYear[]>('/api/admin/terms', y));
export const useChangeTerm = () => useChange(({ id, ...d }: DateSpan & { id: string }) => apiPut<SchoolYear[]>(`/api/admin/terms/${enc(id)}`, d));
export const useAddHoliday = () =>
  useChange((h: DateSpan & { termId: string; unitId: string | null; name: string }) => apiPost<SchoolYear[]>('/api/admin/holidays', h));
export const useChangeHoliday = () =>
  useChange(({ id, ...h }: DateSpan & { id: string; name: string }) => apiPut<SchoolYear[]>(`/api/admin/holidays/${enc(id)}`, h));
export const useRemoveHoliday = () => useChange((id: string) => apiDelete<SchoolYear[]>(`/api/admin/holidays/${enc(id)}`));

/** Settings change the menu and the login page: the session and the organiser are read again too. */
export const useSaveSettings = () =>
  useChange((s: SettingsInput) => apiPut<Organisation>('/api/admin/organisation/settings', s), [[...SESSION_KEY], ['organiser']]);
export const useSetFirstGradedYear = () =>
  useChange(({ code, firstGradedYear }: { code: string; firstGradedYear: number }) =>
    apiPut<Subject>(`/api/admin/subjects/${enc(code)}`, { firstGradedYear }));
