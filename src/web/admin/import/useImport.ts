import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, apiGet, apiPost, type ApiErrorBody } from '../../app/api';
import { useCurrentSession } from '../../session/useSession';
import type { Job, Kind, Preview } from './types';

/** Uploads a file for a preview (multipart; the JSON client does not send files). */
export function usePreview() {
  const session = useCurrentSession();
  return useMutation({
    mutationFn: async ({ kind, file }: { kind: Kind; file: File }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      const res = await fetch(`/api/admin/import/preview?kind=${kind}`, {
        method: 'POST', body: form, credentials: 'include', headers: { 'x-csrf-token': session.csrfToken, accept: 'application/json' },
      });
      const body = (await res.json().catch(() => null)) as Preview | ApiErrorBody | null;
      if (!res.ok) {
        const err = body && 'error' in body ? body : null;
        throw new ApiError(res.status, err?.error.code ?? `http_${res.status}`, err?.error.message ?? `HTTP ${res.status}`, err);
      }
      return body as Preview;
    },
  });
}

export function useApply() {
  return useMutation({ mutationFn: (p: Preview) => apiPost<Job>('/api/admin/import/apply', { previewId: p.previewId, fileHash: p.fileHash }) });
}

/**
 * The apply job, from the apply's answer on, followed through its stream of events (`GET …/events`, Server-Sent
 * Events sent from the server's memory, so they come while the apply's transaction holds the database); when
 * the stream cannot be opened or breaks before the end, the job is polled twice a second instead.
 */
export function useJob(started: Job | null): { data: Job | undefined } {
  const jobId = started?.jobId ?? null;
  const [streamed, setStreamed] = useState<{ jobId: string; job: Job } | null>(null);
  const [fallback, setFallback] = useState<string | null>(null); // the job whose stream failed
  useEffect(() => {
    if (!jobId) return;
    if (typeof EventSource === 'undefined') { setFallback(jobId); return; }
    // same origin: the session cookie goes along; a GET needs no CSRF token
    const source = new EventSource(`/api/admin/import/jobs/${encodeURIComponent(jobId)}/events`);
    let finished = false;
    source.onmessage = (e: MessageEvent<string>) => {
      let job: Job;
      try { job = JSON.parse(e.data) as Job; } catch { return; }
      setStreamed({ jobId, job });
      if (job.state !== 'running') { finished = true; source.close(); }
    };
    // a refused stream (404, 401…), or one that broke: no automatic reconnection, poll instead
    source.onerror = () => { source.close(); if (!finished) setFallback(jobId); };
    return () => source.close();
  }, [jobId]);
  const polling = !!jobId && fallback === jobId;
  const polled = useQuery({
    queryKey: ['admin', 'import', 'job', jobId],
    queryFn: () => apiGet<Job>(`/api/admin/import/jobs/${jobId}`),
    enabled: polling,
    refetchInterval: (q) => (q.state.data?.state === 'running' || !q.state.data ? 500 : false),
  });
  const fromStream = streamed && streamed.jobId === jobId ? streamed.job : undefined;
  if (!started) return { data: undefined };
  // the furthest of what is known: the apply's answer, the stream, a poll after the stream broke
  const fromPoll = polling ? polled.data : undefined;
  const known = [started, fromStream, fromPoll].filter((j): j is Job => !!j);
  return { data: known.find((j) => j.state !== 'running') ?? known.reduce((a, b) => (b.done >= a.done ? b : a)) };
}
