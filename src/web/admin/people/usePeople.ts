import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost, apiPut } from '../../app/api';
import type { SessionBody } from '../../session/types';
import type { DutyDraft, EnrolmentDraft, FirstRelation, HistoryEntry, Person, PersonData, PersonKind, PersonList } from './types';

type Current = SessionBody['current'];
const base = '/api/admin/people';
const personKey = (current: Current, id: string) => ['people', current.unitId, 'person', id];

export function usePeopleSearch(current: Current, params: { q: string; kind: PersonKind | null; page: number; pageSize: number }, enabled: boolean) {
  const query = new URLSearchParams({ page: String(params.page), pageSize: String(params.pageSize) });
  if (params.q.trim()) query.set('q', params.q.trim());
  if (params.kind) query.set('kind', params.kind);
  return useQuery({
    queryKey: ['people', current.unitId, 'search', params],
    queryFn: () => apiGet<PersonList>(`${base}?${query}`),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function usePerson(current: Current, id: string, enabled = true) {
  return useQuery({ queryKey: personKey(current, id), queryFn: () => apiGet<Person>(`${base}/${encodeURIComponent(id)}`), enabled });
}

export function usePersonHistory(current: Current, id: string) {
  return useQuery({ queryKey: [...personKey(current, id), 'history'], queryFn: () => apiGet<HistoryEntry[]>(`${base}/${encodeURIComponent(id)}/history`) });
}

/** A change to a person: the answer is the person as they are now; the history and the search follow. */
function usePersonMutation<V>(current: Current, id: string | null, call: (v: V) => Promise<Person>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (person) => {
      qc.setQueryData(personKey(current, person.id), person);
      void qc.invalidateQueries({ queryKey: [...personKey(current, person.id), 'history'] });
      if (id && id !== person.id) void qc.invalidateQueries({ queryKey: personKey(current, id) });
      void qc.invalidateQueries({ queryKey: ['people', current.unitId, 'search'] });
    },
  });
}

export const useCreatePerson = (current: Current) =>
  usePersonMutation(current, null, (body: PersonData & { relation: FirstRelation }) => apiPost<Person>(base, body));
export const useAttachPerson = (current: Current, relatedId: string | null) =>
  usePersonMutation(current, relatedId, (body: { civicNo: string; relation: FirstRelation }) => apiPost<Person>(`${base}/existing`, body));
export const useUpdatePerson = (current: Current, id: string) =>
  usePersonMutation(current, id, (body: PersonData & { version: number }) => apiPut<Person>(`${base}/${encodeURIComponent(id)}`, body));
export const useAddEnrolment = (current: Current, id: string) =>
  usePersonMutation(current, id, (body: EnrolmentDraft) => apiPost<Person>(`${base}/${encodeURIComponent(id)}/enrolments`, body));
export const useAddDuty = (current: Current, id: string) =>
  usePersonMutation(current, id, (body: DutyDraft) => apiPost<Person>(`${base}/${encodeURIComponent(id)}/duties`, body));
export const useEndRelation = (current: Current, id: string) =>
  usePersonMutation(current, id, ({ relationId, endDate }: { relationId: string; endDate: string }) =>
    apiPost<Person>(`${base}/${encodeURIComponent(id)}/relations/${encodeURIComponent(relationId)}/end`, { endDate }));
