// Server state of "Närvaro": the day's lessons, one lesson's roll call, saving one pupil, completing a lesson.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost, apiPut } from '../app/api';
import type { LessonRollCall, LessonsOfDay, RollCallRow, RollCallStatus } from './types';

export const lessonsKey = (date: string | null) => ['attendance', 'lessons', date ?? 'today'];
export const lessonKey = (lessonId: string) => ['attendance', 'lesson', lessonId];

export function useLessonsOfDay(date: string | null) {
  return useQuery({
    queryKey: lessonsKey(date),
    queryFn: () => apiGet<LessonsOfDay>(`/api/attendance/lessons${date ? `?date=${encodeURIComponent(date)}` : ''}`),
  });
}

export function useLessonRollCall(lessonId: string) {
  return useQuery({ queryKey: lessonKey(lessonId), queryFn: () => apiGet<LessonRollCall>(`/api/attendance/lessons/${encodeURIComponent(lessonId)}`) });
}

export interface SaveInput { pupilId: string; status: RollCallStatus; minutes?: number | null }

/** Saves one pupil at once; the answer replaces the row, and the lesson counts as reported. */
export function useSavePupil(lessonId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveInput) => apiPut<RollCallRow>(`/api/attendance/lessons/${encodeURIComponent(lessonId)}/pupils/${encodeURIComponent(input.pupilId)}`,
      { status: input.status, minutes: input.status === 'late' || input.status === 'left_early' ? input.minutes ?? null : null }),
    onSuccess: (row) => {
      qc.setQueryData<LessonRollCall>(lessonKey(lessonId), (old) => old && ({
        lesson: { ...old.lesson, reported: true },
        pupils: old.pupils.map((p) => (p.id === row.id ? row : p)),
      }));
      void qc.invalidateQueries({ queryKey: ['attendance', 'lessons'] });
    },
  });
}

export function useCompleteLesson(lessonId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<{ reported: boolean; reportedAt: string }>(`/api/attendance/lessons/${encodeURIComponent(lessonId)}/complete`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: lessonKey(lessonId) });
      void qc.invalidateQueries({ queryKey: ['attendance', 'lessons'] });
    },
  });
}
