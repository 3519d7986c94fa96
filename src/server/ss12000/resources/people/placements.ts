// /placements: we keep no placements (förskola, fritidshem), so the lists and lookups are empty and every
// id is 404 — with the standard's parameters checked as for any list.
import { z } from 'zod';
import type { Ss12000App, Ss12000Deps } from '../../http/context.js';
import { qArray, qDate } from '../../http/query.js';
import { byIdRoute, listRoute, lookupRoute } from '../../http/routes.js';

const expandQuery = { expand: qArray(z.enum(['child', 'owners'])) };
const listQuery = {
  organisation: z.uuid().optional(), group: z.uuid().optional(), child: z.uuid().optional(), owner: z.uuid().optional(),
  'startDate.onOrBefore': qDate, 'startDate.onOrAfter': qDate, 'endDate.onOrBefore': qDate, 'endDate.onOrAfter': qDate,
  sortkey: z.enum(['StartDateAsc', 'StartDateDesc', 'EndDateAsc', 'EndDateDesc', 'ModifiedDesc']).optional(),
  ...expandQuery,
};
const lookupBody = z.object({ ids: z.array(z.uuid()).max(10_000).optional(), personIds: z.array(z.uuid()).max(10_000).optional() });

export function placementResource(v2: Ss12000App, deps: Ss12000Deps) {
  const access = { resource: 'placements' } as const;
  listRoute(v2, deps, { path: '/placements', access, query: listQuery, fetch: async () => ({ data: [] as never[], after: null }) });
  lookupRoute(v2, deps, { path: '/placements/lookup', access, body: lookupBody, query: expandQuery, fetch: async () => [] as never[] });
  byIdRoute(v2, deps, { path: '/placements/:id', access, query: expandQuery, fetch: async () => null });
}
