// POST /attendances and DELETE /attendances/{id} for a client with write permission: the teacher's roll-call
// save (attendance/service.ts saveRollCallEntry: same rules, same writes, audited in the same statement), run
// for the reporter the client names, who must be staff of the lesson's unit. Validity is never taken from
// the client: it follows from guardian reports and granted leave, as on the teacher's page.
import { z } from 'zod';
import { rollCallStatusOf, type PostedAttendanceProblem } from '../../../domain/ss12000/attendance.js';
import { saveRollCallEntry } from '../../attendance/service.js';
import { clientSeesUnit } from '../../platform/access/ss12000-clients.js';
import { one, sql } from '../../platform/db/database.js';
import type { Ss12000App, Ss12000Context, Ss12000Deps } from '../http/context.js';
import { ssBadRequest, ssNotFound, Ss12000Error } from '../http/errors.js';
import { requestContext } from '../http/routes.js';
import { apiActor, apiAuditor, asSs12000, isStaffOf } from './api-actor.js';
import { attendancesWhere } from './attendances.js';

const reference = z.object({ id: z.uuid() });
const minutes = z.number().int().min(0).max(1440).optional();
const PostedAttendance = z.object({
  calendarEvent: reference,
  student: reference,
  reporter: reference.optional(),
  isReported: z.boolean(),
  attendanceMinutes: minutes, validAbsenceMinutes: minutes, invalidAbsenceMinutes: minutes, otherAttendanceMinutes: minutes,
  absenceReason: z.string().max(500).optional(),
  reportedTimestamp: z.iso.datetime({ offset: true }).optional(),
});

const PROBLEMS: Record<PostedAttendanceProblem, string> = {
  not_reported: 'Only a reported attendance (isReported true) can be registered',
  other_attendance_unsupported: 'Lärka keeps no other attendance (otherAttendanceMinutes); register the pupil present or absent',
  minutes_exceed_lesson: 'The absence is longer than the lesson',
  minutes_disagree: 'attendanceMinutes and the absence minutes do not add up to the lesson',
};

function parseBody(body: unknown) {
  const r = PostedAttendance.safeParse(body ?? {});
  if (!r.success) throw ssBadRequest(`Invalid body: ${r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  return r.data;
}

/** The lesson if the client sees its unit; 404 otherwise (another unit's lesson is simply not found). */
async function lessonOf(ctx: Ss12000Context, lessonId: string) {
  const l = await one<{ unit_id: string; minutes: number; reported_by: string | null }>(ctx.db, sql`select l.school_unit_id as unit_id, l.minutes, rc.reported_by
    from lesson l left join roll_call rc on rc.organiser_id = l.organiser_id and rc.lesson_id = l.id
    where l.organiser_id = ${ctx.organiserId} and l.id = ${lessonId}::uuid`);
  if (!l || !clientSeesUnit(ctx.client, l.unit_id)) throw ssNotFound('No such calendar event');
  return l;
}

async function save(ctx: Ss12000Context, ip: string, lessonId: string, pupilId: string, reporterId: string, unitId: string,
  input: { status: 'present' | 'absent' | 'late' | 'left_early'; minutes: number | null }) {
  const actor = apiActor(ctx, reporterId, 'administrator', unitId, ip);
  await asSs12000(() => ctx.db.transaction((tx) => saveRollCallEntry(tx, actor, lessonId, pupilId, input, apiAuditor(ctx, unitId, ip))));
}

export function registerAttendanceWrites(v2: Ss12000App, deps: Ss12000Deps) {
  const write = { resource: 'attendances', write: true } as const;

  v2.post('/attendances', { config: { ss12000: write } }, async (req) => {
    const ctx = requestContext(req, deps);
    const body = parseBody(req.body);
    const lesson = await lessonOf(ctx, body.calendarEvent.id);
    if (!body.reporter) throw ssBadRequest('reporter is required: a roll call is kept with the staff member who took it', 'reporter_required');
    if (!await isStaffOf(ctx, body.reporter.id, lesson.unit_id)) {
      throw ssBadRequest('The reporter is not staff of the calendar event\'s school unit', 'reporter_not_staff');
    }
    const status = rollCallStatusOf(body, lesson.minutes);
    if (typeof status === 'string') throw ssBadRequest(PROBLEMS[status], status);
    await save(ctx, req.ip, body.calendarEvent.id, body.student.id, body.reporter.id, lesson.unit_id, status);
    const stored = (await attendancesWhere(ctx, { calendareEvents: [body.calendarEvent.id] })).find((a) => a.student.id === body.student.id);
    if (!stored) throw ssNotFound('No such student in the calendar event');
    return stored;
  });

  // Lärka stores only deviations: removing an attendance removes the pupil's absence, late arrival or early
  // leaving, and the pupil counts as present on the reported lesson (the same as setting present on the page).
  v2.delete('/attendances/:id', { config: { ss12000: write } }, async (req, reply) => {
    const ctx = requestContext(req, deps);
    const id = z.uuid().safeParse((req.params as { id: string }).id);
    if (!id.success) throw ssBadRequest('Invalid id');
    const [found] = await attendancesWhere(ctx, { ids: [id.data] });
    if (!found) return reply.status(404).send(); // the standard's 404 here has no body
    if (!found.absenceReason) {
      throw new Ss12000Error(409, 'presence_not_stored', 'The pupil is present on a reported lesson; there is no absence to remove');
    }
    const lesson = await lessonOf(ctx, found.calendarEvent.id);
    await save(ctx, req.ip, found.calendarEvent.id, found.student.id, lesson.reported_by ?? found.reporter.id, lesson.unit_id, { status: 'present', minutes: null });
    return reply.status(204).send();
  });
}
