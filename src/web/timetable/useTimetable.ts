// Server state of the timetable administration: groups of the unit, one group's slots and lessons, changes.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiDelete, apiGet, apiPost } from '../app/api';

export interface Term { id: string; schoolYear: string; kind: string; startDate: string; endDate: string }
export interface Slot { id: string; weekday: number; startTime: string; endTime: string; room: string | null }
export interface TimetableLesson { id: string; slotId: string | null; date: string; startTime: string; endTime: string; minutes: number;
  room: string | null; cancelled: boolean; cancelReason: string | null; reported: boolean }
export interface GroupTimetable { group: { id: string; name: string; subjectCode: string | null }; term: Term; today: string; slots: Slot[]; lessons: TimetableLesson[] }
export interface TimetableGroups { terms: Term[]; term: Term | null; groups: { id: string; name: string; subjectCode: string | null; slots: number }[] }

const q = (termId: string | null) => (termId ? `?termId=${encodeURIComponent(termId)}` : '');

export const useTimetableGroups = (termId: string | null) =>
  useQuery({ queryKey: ['timetable', 'groups', termId], queryFn: () => apiGet<TimetableGroups>(`/api/timetable/groups${q(termId)}`) });

export const useGroupTimetable = (groupId: string | null, termId: string | null) => useQuery({
  queryKey: ['timetable', 'group', groupId, termId], enabled: !!groupId,
  queryFn: () => apiGet<GroupTimetable>(`/api/timetable/groups/${encodeURIComponent(groupId!)}${q(termId)}`),
});

export function useTimetableChanges(groupId: string, termId: string | null) {
  const qc = useQueryClient();
  const refresh = (data?: GroupTimetable) => {
    if (data) qc.setQueryData(['timetable', 'group', groupId, termId], data);
    void qc.invalidateQueries({ queryKey: ['timetable'] });
  };
  return {
    add: useMutation({
      mutationFn: (slot: Omit<Slot, 'id'> & { termId: string }) => apiPost<GroupTimetable>(`/api/timetable/groups/${encodeURIComponent(groupId)}/slots`, slot),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: (slotId: string) => apiDelete<GroupTimetable>(`/api/timetable/slots/${encodeURIComponent(slotId)}`), onSuccess: refresh }),
    cancel: useMutation({
      mutationFn: (v: { lessonId: string; reason: string | null }) => v.reason === null
        ? apiPost(`/api/timetable/lessons/${encodeURIComponent(v.lessonId)}/uncancel`)
        : apiPost(`/api/timetable/lessons/${encodeURIComponent(v.lessonId)}/cancel`, { reason: v.reason }),
      onSuccess: () => refresh(),
    }),
  };
}
