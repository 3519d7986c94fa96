// Resources of SS 12000 that Lärka keeps no data for in grundskola: programmes (gymnasieskola), study plans
// (gymnasieskola and vuxenutbildning), school unit offerings (the programmes and courses a unit offers) and
// bookable resources. Their lists answer conformant and empty (the parameters of the standard are still
// checked), their lookups an empty array, and each id is not found.
import { z } from 'zod';
import type { Ss12000Resource as ResourceName } from '../../platform/access/ss12000-clients.js';
import type { Ss12000App, Ss12000Deps } from '../http/context.js';
import { qDate, qUuid } from '../http/query.js';
import { byIdRoute, idsBody, listRoute, lookupRoute } from '../http/routes.js';

const SCHOOL_TYPES = ['FS', 'FKLASS', 'FTH', 'OPPFTH', 'GR', 'GRS', 'TR', 'SP', 'SAM', 'GY', 'GYS', 'VUX', 'VUXSFI', 'VUXGR', 'VUXGY',
  'VUXSARGR', 'VUXSARTR', 'VUXSARGY', 'SFI', 'SARVUX', 'SARVUXGR', 'SARVUXGY', 'KU', 'YH', 'FHS', 'STF', 'KKU', 'HS', 'ABU', 'AU'] as const;
const DATE_SORTKEYS = z.enum(['ModifiedDesc', 'StartDateAsc', 'StartDateDesc', 'EndDateAsc', 'EndDateDesc']).optional();

/** The list parameters of each resource as the standard names them (meta filters, limit and pageToken are common). */
const UNKEPT: { name: ResourceName; query: z.ZodRawShape; lookup: boolean }[] = [
  { name: 'programmes', lookup: true, query: {
    schoolType: z.enum(SCHOOL_TYPES).optional(), code: z.string().optional(), parentProgramme: z.string().optional(),
    sortkey: z.enum(['NameAsc', 'CodeAsc', 'ModifiedDesc']).optional() } },
  { name: 'studyplans', lookup: false, query: {
    student: z.preprocess((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]), z.array(z.uuid())).optional(),
    'startDate.onOrBefore': qDate, 'startDate.onOrAfter': qDate, 'endDate.onOrBefore': qDate, 'endDate.onOrAfter': qDate, sortkey: DATE_SORTKEYS } },
  { name: 'schoolUnitOfferings', lookup: true, query: { organisation: qUuid, sortkey: DATE_SORTKEYS } },
  { name: 'resources', lookup: true, query: { organisation: qUuid, sortkey: z.enum(['ModifiedDesc', 'DisplayNameAsc']).optional() } },
];

export function unkeptResources(v2: Ss12000App, deps: Ss12000Deps) {
  for (const r of UNKEPT) {
    const access = { resource: r.name };
    listRoute(v2, deps, { path: `/${r.name}`, access, query: r.query, fetch: async () => ({ data: [] as never[], after: null }) });
    if (r.lookup) lookupRoute(v2, deps, { path: `/${r.name}/lookup`, access, body: idsBody.partial(), query: {}, fetch: async () => [] as never[] });
    byIdRoute(v2, deps, { path: `/${r.name}/:id`, access, query: {}, fetch: async () => null });
  }
}
