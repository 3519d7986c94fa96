// /log and /statistics: what an API client reports back to us (LogEntry, StatisticsEntry), kept as sent in
// ss12000_client_report for the administrator's troubleshooting. Answered 201 without a body, as specified.
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { END_POINTS } from '../../../domain/ss12000/endpoints.js';
import { sql } from '../../platform/db/database.js';
import type { Ss12000App, Ss12000Deps } from '../http/context.js';
import { ssBadRequest } from '../http/errors.js';
import { requestContext } from '../http/routes.js';

const when = z.iso.datetime({ offset: true });
const url = z.url().max(4000);

export const LogEntry = z.object({
  message: z.string().max(10_000),
  messageType: z.string().max(200).optional(),
  resourceType: z.enum(END_POINTS).optional(),
  resourceId: z.uuid().optional(),
  resourceUrl: url.optional(),
  severityLevel: z.enum(['Info', 'Warning', 'Error']),
  timeOfOccurance: when.optional(),
});

const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const StatisticsEntry = z.object({
  resourceType: z.enum(END_POINTS),
  newCount: count,
  updatedCount: count,
  deletedCount: count,
  resourceUrl: url.optional(),
  timeOfOccurance: when.optional(),
});

export function clientReportResource(v2: Ss12000App, deps: Ss12000Deps) {
  for (const [kind, schema] of [['log', LogEntry], ['statistics', StatisticsEntry]] as const) {
    const handler = async (req: FastifyRequest, reply: FastifyReply) => {
      const ctx = requestContext(req, deps);
      const r = schema.safeParse(req.body);
      if (!r.success) throw ssBadRequest(`Invalid ${kind} entry: ${r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
      await ctx.db.execute(sql`insert into ss12000_client_report (organiser_id, id, api_client_id, kind, body)
        values (${ctx.organiserId}, ${randomUUID()}, ${ctx.client.id}, ${kind}, ${JSON.stringify(r.data)}::jsonb)`);
      return reply.status(201).send();
    };
    // the specification names the paths with a trailing slash; both spellings are served
    for (const path of [`/${kind}`, `/${kind}/`]) v2.post(path, { config: { ss12000: { resource: kind, write: true } }, bodyLimit: 64 * 1024 }, handler);
  }
}
