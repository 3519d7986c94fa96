import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formatCivicNo } from '../../domain/org/personnummer.js';
import { byPersonName, svCollator } from '../../domain/org/sorting.js';
import { gradeTable } from '../../domain/pupils/grade-table.js';
import { historyWindow } from '../../domain/pupils/history-window.js';
import { subjectAccess } from '../../domain/pupils/subject-access.js';
import { guardianContactShown, maskContact, pupilContactShown, type ContactShown } from '../../domain/pupils/contact-masking.js';
import type { Actor } from '../platform/access/actor.js';
import { audit } from '../platform/audit/audit.js';
import type { Db } from '../platform/db/database.js';
import { notFound } from '../platform/http/errors.js';
import { actorOf } from '../platform/http/request-context.js';
import { authErrors, ErrorBody, Uuid } from '../platform/http/schemas.js';
import { readClass, readGrades, readGroups, readGuardians, readPupil, readTeacherRelation, readTerms, type ContactRow, type PersonRow } from './pupil-record-store.js';

const Contact = z.object({ email: z.string().nullable(), phone: z.string().nullable(), streetAddress: z.string().nullable(),
  postalCode: z.string().nullable(), city: z.string().nullable() });
const Marking = z.enum(['none', 'confidential', 'protected']);
const Mark = z.object({ value: z.string(), state: z.enum(['registered', 'confirmed', 'decided', 'locked']), carriedOver: z.boolean() }).nullable();
const Subject = z.object({ code: z.string(), name: z.string() });

export const PupilRecord = z.object({
  id: z.string(), givenName: z.string(), familyName: z.string(), civicNo: z.string().nullable(), birthDate: z.string().nullable(),
  securityMarking: Marking,
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  schoolYear: z.number().nullable(), schoolForm: z.string().nullable(),
  class: z.object({ id: z.string(), name: z.string(), mentors: z.array(z.string()) }).nullable(),
  /** Null when the pupil has protected registration ("Skyddad"): never sent. */
  contact: Contact.nullable(),
  /** A protected guardian's contact is null; `addressWithheld`: their address is not sent (they, or the pupil, are protected). */
  guardians: z.array(z.object({ id: z.string(), givenName: z.string(), familyName: z.string(), securityMarking: Marking, contact: Contact.nullable(),
    addressWithheld: z.boolean() })),
  /** 'all': mentor, administrator, principal; 'taught': a teacher sees only the subjects they teach or taught the pupil. */
  subjectAccess: z.enum(['all', 'taught']),
  /** The first day of last school year: earlier groups are shown from then. */
  historySince: z.string(),
  groups: z.array(z.object({ id: z.string(), name: z.string(), subject: Subject, unitName: z.string(), teachers: z.array(z.string()),
    startDate: z.string(), endDate: z.string().nullable(), current: z.boolean() })),
  grades: z.array(z.object({ schoolYear: z.string(), subjects: z.array(z.object({ subject: Subject, HT: Mark, VT: Mark, final: Mark })) })),
});
type PupilRecordBody = z.infer<typeof PupilRecord>;

/** Address and contact of a person as the masking rule lets them leave the server. */
const contactOf = (p: ContactRow, shown: ContactShown) =>
  maskContact({ email: p.email, phone: p.phone, streetAddress: p.street_address, postalCode: p.postal_code, city: p.city }, shown);

/**
 * The staff's pupil page: personal data and contact, class and enrolment, guardians, subjects with their
 * teachers and grades per school year. Who may open it is the access module's `pupilPageScope` (else 404);
 * which subjects they see is the pupil-page rule `subjectAccess`. Address and contact of a protected pupil
 * or guardian never leave (nor the guardians' address of a protected pupil), and every view of one is audited.
 */
export function pupilRecordService(db: Db) {
  return {
    async get(actor: Actor, pupilId: string): Promise<PupilRecordBody> {
      const window = historyWindow(await readTerms(db, actor.organiserId), actor.today);
      const p = await readPupil(db, actor, pupilId, window.since);
      if (!p) throw notFound('Pupil not found');
      const teacher = actor.role === 'teacher' ? await readTeacherRelation(db, actor, pupilId, window.since) : null;
      const access = subjectAccess(actor.role, {
        isSelf: false, isGuardian: false, enrolledAtActorUnit: actor.role !== 'teacher',
        taughtByActor: teacher !== null, mentoredByActor: !!teacher?.mentor,
      }, teacher?.subjects ?? []);
      if (!access) throw notFound('Pupil not found');
      const subjects = access.kind === 'all' ? null : access.subjects;
      const [cls, guardians, groups, grades] = [await readClass(db, actor, pupilId), await readGuardians(db, actor, pupilId),
        await readGroups(db, actor, pupilId, window.since, subjects), await readGrades(db, actor, pupilId, subjects)];
      await auditProtectedViews(db, actor, p, guardians);
      return {
        id: p.id, givenName: p.given_name, familyName: p.family_name, civicNo: p.civic_no ? formatCivicNo(p.civic_no) : null,
        birthDate: p.birth_date, securityMarking: p.security_marking,
        unit: p.school_unit_id ? { id: p.school_unit_id, name: p.unit_name! } : null,
        schoolYear: p.school_year, schoolForm: p.school_form,
        class: cls ?? null,
        contact: contactOf(p, pupilContactShown(p.security_marking)),
        guardians: guardians.map((g) => {
          const shown = guardianContactShown(g.security_marking, p.security_marking);
          return { id: g.id, givenName: g.given_name, familyName: g.family_name, securityMarking: g.security_marking,
            contact: contactOf(g, shown), addressWithheld: shown !== 'all' };
        }).sort(byPersonName),
        subjectAccess: access.kind, historySince: window.since,
        groups: groups.sort((a, b) => Number(b.current) - Number(a.current) || a.sort_order - b.sort_order || svCollator.compare(a.name, b.name)
          || b.start_date.localeCompare(a.start_date))
          .map((g) => ({ id: g.id, name: g.name, subject: { code: g.subject_code, name: g.subject_name }, unitName: g.unit_name, teachers: g.teachers,
            startDate: g.start_date, endDate: g.end_date, current: g.current })),
        grades: gradeTable(grades),
      };
    },
  };
}

/** A view of a pupil with protected registration is audited ('pupil.viewed'), as is the view of a protected
 *  guardian on the page ('person.protected_viewed'); each row names the person in `details.personId`. */
async function auditProtectedViews(db: Db, actor: Actor, pupil: PersonRow, guardians: PersonRow[]) {
  const by = { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId, ip: actor.ip };
  if (pupil.security_marking === 'protected') {
    await audit(db, { ...by, action: 'pupil.viewed', entityType: 'person', entityId: pupil.id, details: { personId: pupil.id, unitId: actor.unitId, view: 'pupil_page' } });
  }
  for (const g of guardians.filter((x) => x.security_marking === 'protected')) {
    await audit(db, { ...by, action: 'person.protected_viewed', entityType: 'person', entityId: g.id,
      details: { personId: g.id, pupilId: pupil.id, unitId: actor.unitId, view: 'pupil_page' } });
  }
}

export const pupilRecordRoutes = (service: ReturnType<typeof pupilRecordService>): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/pupils/:pupilId/record', {
    config: { access: { roles: ['teacher', 'administrator', 'principal'] }, scope: 'pupil' },
    schema: { tags: ['pupils'], summary: 'The staff’s pupil page: personal data, guardians, subjects with teachers and grades (a teacher who is not mentor: only their subjects)',
      params: z.object({ pupilId: Uuid }), response: { 200: PupilRecord, ...authErrors, 404: ErrorBody } },
  }, async (req) => service.get(actorOf(req), req.params.pupilId));
};
