// /attendanceEvents (check-in and check-out) and /attendanceSchedule (vistelseschema): for preschool and
// after-school care, which Lärka (grundskola) does not keep. The lists and lookups answer empty and
// conformant, by id is 404. Posting is refused with 501: storing events or schedules that nothing in Lärka
// reads would only pretend to support them. (AttendanceSchedule's `required` names `scheduleDays`, which the
// standard never defines; with no schedules served, every answer stays valid.)
import { z } from 'zod';
import type { Ss12000App, Ss12000Deps } from '../http/context.js';
import { Ss12000Error, ssNotFound } from '../http/errors.js';
import { qArray, qDate, qUuid } from '../http/query.js';
import { byIdRoute, listRoute, lookupRoute } from '../http/routes.js';

const none = async () => ({ data: [] as never[], after: null });
const notKept = (what: string) => new Ss12000Error(501, 'not_supported', `Lärka keeps no ${what} (grundskola has no check-in or attendance schedules)`);
const uuids = z.array(z.uuid()).max(10_000).optional();

export function attendanceEventResource(v2: Ss12000App, deps: Ss12000Deps) {
  const events = { resource: 'attendanceEvents' } as const;
  const expand = qArray(z.enum(['person', 'group', 'registeredBy']));
  listRoute(v2, deps, { path: '/attendanceEvents', access: events, query: { group: qArray(z.uuid()), person: qUuid, expand }, fetch: none });
  lookupRoute(v2, deps, { path: '/attendanceEvents/lookup', access: events, body: z.object({ ids: uuids, person: uuids, group: uuids }), query: { expand }, fetch: async () => [] });
  byIdRoute(v2, deps, { path: '/attendanceEvents/:id', access: events, query: { expand }, fetch: async () => null });
  const writeEvents = { ss12000: { ...events, write: true } };
  v2.post('/attendanceEvents', { config: writeEvents }, async () => { throw notKept('attendance events'); });
  v2.delete('/attendanceEvents/:id', { config: writeEvents }, async () => { throw ssNotFound(); });

  const schedules = { resource: 'attendanceSchedules' } as const;
  listRoute(v2, deps, {
    path: '/attendanceSchedule', access: schedules, fetch: none,
    query: { placement: qUuid, group: qUuid, 'startDate.onOrBefore': qDate, 'startDate.onOrAfter': qDate, 'endDate.onOrBefore': qDate, 'endDate.onOrAfter': qDate },
  });
  lookupRoute(v2, deps, { path: '/attendanceSchedule/lookup', access: schedules, body: z.object({ ids: uuids, placement: uuids }), query: {}, fetch: async () => [] });
  byIdRoute(v2, deps, { path: '/attendanceSchedule/:id', access: schedules, query: {}, fetch: async () => null });
  // attendance schedules are not among the writable resources: refused as unsupported, whoever asks
  v2.post('/attendanceSchedule', { config: { ss12000: schedules } }, async () => { throw notKept('attendance schedules'); });
  v2.delete('/attendanceSchedule/:id', { config: { ss12000: schedules } }, async () => { throw ssNotFound(); });
}
