import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { copyOf, planningFieldsProblem, publishProblem } from '../../domain/planning/planning.js';
import { sanitizeRichText } from '../../domain/planning/rich-text.js';
import { groupScope, pupilScope, requireAction } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { audit } from '../platform/audit/audit.js';
import { one, rows, type Db, type Queryable } from '../platform/db/database.js';
import { AppError, badRequest, conflict, notFound } from '../platform/http/errors.js';
import { currentVersion, syllabusOfSubject } from '../curriculum/store.js';
import { listItems, planningDetail } from './read.js';
import {
  assessedRequirements, choosableGroups, findPlanning, groupsOf, idsInSyllabus, listPlannings, ownersOf, pickedContent, pickedRequirements,
  unitTeachers, writeLinks, type ListFilter, type PlanningRow,
} from './store.js';

type Q = Pick<Queryable, 'execute'>;
export interface Texts { learningHtml: string; teachingHtml: string; assessmentHtml: string }
export interface CreateInput extends Partial<Texts> { title: string; subjectCode: string; groupIds: string[]; periodStart: string; periodEnd: string }
export interface UpdateInput extends Texts { title: string; groupIds: string[]; periodStart: string; periodEnd: string;
  contentIds: string[]; requirementIds: string[]; version: number | null }
export interface CopyInput { groupIds: string[]; years: number; title?: string | null }

const unique = (ids: string[]) => [...new Set(ids)];
const clean = (t: Partial<Texts>): Texts => ({
  learningHtml: sanitizeRichText(t.learningHtml ?? ''), teachingHtml: sanitizeRichText(t.teachingHtml ?? ''), assessmentHtml: sanitizeRichText(t.assessmentHtml ?? ''),
});
const sv = new Intl.Collator('sv');

/**
 * Pedagogisk planering. A teacher plans for groups they teach at their unit (a teaching group of the subject,
 * or a class); the creator owns it, owners add co-owners among the unit's teachers. Owners edit (version-checked),
 * pick central content and requirements from the planning's syllabus, publish, delete a draft; any teacher who
 * may read a planning copies it for their own groups. Published plannings are read by the pupils of the groups
 * and their guardians. Every change is audited in its transaction.
 */
export function planningService(db: Db) {
  const auditOf = (q: Q, actor: Actor, action: string, id: string, details: Record<string, unknown> = {}) =>
    audit(q, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId,
      action, entityType: 'planning', entityId: id, details: { planningId: id, unitId: actor.unitId, ...details }, ip: actor.ip });

  async function detail(q: Q, actor: Actor, id: string) {
    const d = await planningDetail(q, actor, id);
    if (!d) throw notFound('Planning not found');
    return d;
  }

  /** The planning, locked, that the actor owns: 404 when they may not read it, 403 when they may read but not edit. */
  async function owned(q: Q, actor: Actor, id: string): Promise<PlanningRow> {
    requireAction(actor, 'plannings.edit');
    const p = await findPlanning(q, actor, id, true);
    if (!p) throw notFound('Planning not found');
    if (!p.owned) throw new AppError(403, 'not_owner', 'Only the owners of the planning may change it');
    return p;
  }

  /** The groups exist, the teacher may plan for them, and each is a class or a teaching group of the subject. */
  async function checkGroups(q: Q, actor: Actor, subjectCode: string, groupIds: string[]) {
    if (groupIds.length === 0) return;
    const found = await choosableGroups(q, actor, groupIds);
    if (found.length !== groupIds.length) throw notFound('Group not found');
    if (found.some((g) => g.type === 'teaching' && g.subjectCode !== subjectCode)) throw badRequest('A teaching group of another subject', 'group_subject');
  }

  function checkFields(f: Parameters<typeof planningFieldsProblem>[0]) {
    const problem = planningFieldsProblem(f);
    if (problem) throw badRequest(`The planning is not usable: ${problem}`, problem);
  }

  async function checkPicks(q: Q, syllabusId: string | undefined, contentIds: string[], requirementIds: string[]) {
    if (contentIds.length + requirementIds.length === 0) return;
    if (!syllabusId) throw badRequest('The subject has no syllabus in the planning\'s curriculum', 'not_in_syllabus');
    const [content, reqs] = await Promise.all([idsInSyllabus(q, syllabusId, 'content', contentIds), idsInSyllabus(q, syllabusId, 'requirement', requirementIds)]);
    if (content.size !== contentIds.length || reqs.size !== requirementIds.length) {
      throw badRequest('Central content and requirements are picked from the syllabus of the planning\'s subject and curriculum', 'not_in_syllabus');
    }
  }

  return {
    async list(actor: Actor, filter: ListFilter) {
      requireAction(actor, 'plannings.view');
      return { plannings: await listItems(db, actor, await listPlannings(db, actor, filter)) };
    },

    async get(actor: Actor, id: string) {
      requireAction(actor, 'plannings.view');
      return detail(db, actor, id);
    },

    /** What a teacher needs to start a planning: their groups, the subjects with a syllabus, the unit's teachers. */
    async options(actor: Actor) {
      requireAction(actor, 'plannings.edit');
      const version = await currentVersion(db, actor.today);
      const [groups, teachers, subjects] = await Promise.all([
        choosableGroups(db, actor, []), unitTeachers(db, actor),
        version ? rows<{ code: string; name: string }>(db, sql`select sj.code, sj.name from subject sj
          join syllabus s on s.code = sj.syllabus_code and s.version_id = ${version.id} order by sj.sort_order, sj.code`) : Promise.resolve([]),
      ]);
      return {
        curriculum: version ? { id: version.id, label: version.label } : null, subjects,
        groups: groups.sort((a, b) => sv.compare(a.name, b.name)),
        teachers: teachers.sort((a, b) => sv.compare(a.familyName, b.familyName) || sv.compare(a.givenName, b.givenName))
          .map((t) => ({ id: t.id, name: `${t.givenName} ${t.familyName}` })),
      };
    },

    async create(actor: Actor, input: CreateInput) {
      requireAction(actor, 'plannings.edit');
      const texts = clean(input);
      const groupIds = unique(input.groupIds);
      checkFields({ ...input, ...texts, groupIds });
      return db.transaction(async (tx) => {
        const version = await currentVersion(tx, actor.today);
        if (!version) throw badRequest('No curriculum is in force', 'no_curriculum');
        if (!(await syllabusOfSubject(tx, version.id, input.subjectCode))) throw badRequest('The subject has no syllabus', 'no_syllabus');
        await checkGroups(tx, actor, input.subjectCode, groupIds);
        const id = randomUUID();
        await tx.execute(sql`insert into planning (organiser_id, id, school_unit_id, subject_code, curriculum_version_id, title, period_start, period_end,
            learning_html, teaching_html, assessment_html, created_by)
          values (${actor.organiserId}, ${id}, ${actor.unitId}, ${input.subjectCode}, ${version.id}, ${input.title.trim()}, ${input.periodStart}, ${input.periodEnd},
            ${texts.learningHtml}, ${texts.teachingHtml}, ${texts.assessmentHtml}, ${actor.personId})`);
        await tx.execute(sql`insert into planning_owner (organiser_id, planning_id, person_id) values (${actor.organiserId}, ${id}, ${actor.personId})`);
        await writeLinks(tx, actor.organiserId, id, { groupIds });
        await auditOf(tx, actor, 'planning.created', id, { subjectCode: input.subjectCode, groupIds, title: input.title.trim() });
        return detail(tx, actor, id);
      });
    },

    async update(actor: Actor, id: string, input: UpdateInput) {
      const texts = clean(input);
      const groupIds = unique(input.groupIds);
      const contentIds = unique(input.contentIds);
      const requirementIds = unique(input.requirementIds);
      return db.transaction(async (tx) => {
        const p = await owned(tx, actor, id);
        if (p.version !== input.version) throw conflict('stale_version', 'Someone else changed the planning', { current: await detail(tx, actor, id) });
        checkFields({ ...input, ...texts, groupIds });
        const before = (await groupsOf(tx, actor.organiserId, [id])).map((g) => g.id);
        await checkGroups(tx, actor, p.subjectCode, groupIds.filter((g) => !before.includes(g)));
        const syllabus = await syllabusOfSubject(tx, p.curriculumVersionId, p.subjectCode);
        await checkPicks(tx, syllabus?.id, contentIds, requirementIds);
        const assessed = (await assessedRequirements(tx, actor.organiserId, id)).map((r) => r.id).filter((r) => !requirementIds.includes(r));
        if (assessed.length) throw conflict('requirement_assessed', 'A requirement with assessments cannot be taken away', { requirementIds: assessed });
        const [content, reqs] = await Promise.all([pickedContent(tx, actor.organiserId, id), pickedRequirements(tx, actor.organiserId, id)]);
        await tx.execute(sql`update planning set title = ${input.title.trim()}, period_start = ${input.periodStart}, period_end = ${input.periodEnd},
            learning_html = ${texts.learningHtml}, teaching_html = ${texts.teachingHtml}, assessment_html = ${texts.assessmentHtml},
            version = version + 1, updated_at = now()
          where organiser_id = ${actor.organiserId} and id = ${id}`);
        await writeLinks(tx, actor.organiserId, id, { groupIds, contentIds, requirementIds });
        const changed = [
          ...(['title', 'periodStart', 'periodEnd'] as const).filter((k) => (k === 'title' ? input.title.trim() : input[k]) !== p[k]),
          ...(['learningHtml', 'teachingHtml', 'assessmentHtml'] as const).filter((k) => texts[k] !== p[k]),
          ...(before.join() !== groupIds.join() ? ['groups'] : []),
          ...(content.map((c) => c.id).join() !== contentIds.join() ? ['content'] : []),
          ...(reqs.map((r) => r.id).join() !== requirementIds.join() ? ['requirements'] : []),
        ];
        await auditOf(tx, actor, 'planning.updated', id, { changed, groupIds, status: p.status });
        return detail(tx, actor, id);
      });
    },

    async publish(actor: Actor, id: string, version: number | null) {
      return db.transaction(async (tx) => {
        const p = await owned(tx, actor, id);
        if (p.status === 'published') throw conflict('already_published', 'The planning is already published');
        if (p.version !== version) throw conflict('stale_version', 'Someone else changed the planning', { current: await detail(tx, actor, id) });
        const counts = (await one<{ c: number; r: number }>(tx, sql`select
          (select count(*)::int from planning_content where organiser_id = ${actor.organiserId} and planning_id = ${id}) as c,
          (select count(*)::int from planning_requirement where organiser_id = ${actor.organiserId} and planning_id = ${id}) as r`))!;
        const problem = publishProblem({ status: p.status, contentCount: counts.c, requirementCount: counts.r });
        if (problem) throw badRequest('Pick central content or requirements from the syllabus before publishing', problem);
        await tx.execute(sql`update planning set status = 'published', published_at = now(), version = version + 1, updated_at = now()
          where organiser_id = ${actor.organiserId} and id = ${id}`);
        const groupIds = (await groupsOf(tx, actor.organiserId, [id])).map((g) => g.id);
        await auditOf(tx, actor, 'planning.published', id, { groupIds });
        return detail(tx, actor, id);
      });
    },

    async remove(actor: Actor, id: string) {
      return db.transaction(async (tx) => {
        const p = await owned(tx, actor, id);
        if (p.status !== 'draft') throw conflict('published', 'A published planning is not deleted');
        const groupIds = (await groupsOf(tx, actor.organiserId, [id])).map((g) => g.id);
        await tx.execute(sql`delete from planning where organiser_id = ${actor.organiserId} and id = ${id}`);
        await auditOf(tx, actor, 'planning.deleted', id, { title: p.title, groupIds });
        return { deleted: id };
      });
    },

    async copy(actor: Actor, id: string, input: CopyInput) {
      requireAction(actor, 'plannings.edit');
      const groupIds = unique(input.groupIds);
      return db.transaction(async (tx) => {
        const p = await findPlanning(tx, actor, id);
        if (!p) throw notFound('Planning not found');
        const c = copyOf({ ...p, groupIds: [] }, { groupIds, years: input.years, title: input.title ?? undefined });
        checkFields(c);
        await checkGroups(tx, actor, p.subjectCode, groupIds);
        const newId = randomUUID();
        await tx.execute(sql`insert into planning (organiser_id, id, school_unit_id, subject_code, curriculum_version_id, title, period_start, period_end,
            learning_html, teaching_html, assessment_html, copied_from, created_by)
          values (${actor.organiserId}, ${newId}, ${actor.unitId}, ${p.subjectCode}, ${p.curriculumVersionId}, ${c.title.trim()}, ${c.periodStart}, ${c.periodEnd},
            ${sanitizeRichText(c.learningHtml)}, ${sanitizeRichText(c.teachingHtml)}, ${sanitizeRichText(c.assessmentHtml)}, ${id}, ${actor.personId})`);
        await tx.execute(sql`insert into planning_owner (organiser_id, planning_id, person_id) values (${actor.organiserId}, ${newId}, ${actor.personId})`);
        const [content, reqs] = await Promise.all([pickedContent(tx, actor.organiserId, id), pickedRequirements(tx, actor.organiserId, id)]);
        await writeLinks(tx, actor.organiserId, newId, { groupIds, contentIds: content.map((x) => x.id), requirementIds: reqs.map((x) => x.id) });
        await auditOf(tx, actor, 'planning.copied', newId, { copiedFrom: id, groupIds, years: input.years });
        return detail(tx, actor, newId);
      });
    },

    async addOwner(actor: Actor, id: string, personId: string) {
      return db.transaction(async (tx) => {
        await owned(tx, actor, id);
        if (!(await unitTeachers(tx, actor)).some((t) => t.id === personId)) throw badRequest('Co-owners are teachers of the unit', 'not_unit_teacher');
        if ((await ownersOf(tx, actor.organiserId, [id])).some((o) => o.id === personId)) throw conflict('already_owner', 'Already an owner');
        await tx.execute(sql`insert into planning_owner (organiser_id, planning_id, person_id) values (${actor.organiserId}, ${id}, ${personId})`);
        await tx.execute(sql`update planning set version = version + 1, updated_at = now() where organiser_id = ${actor.organiserId} and id = ${id}`);
        await auditOf(tx, actor, 'planning.owner_added', id, { ownerId: personId });
        return detail(tx, actor, id);
      });
    },

    async removeOwner(actor: Actor, id: string, personId: string) {
      return db.transaction(async (tx) => {
        await owned(tx, actor, id);
        const owners = await ownersOf(tx, actor.organiserId, [id]);
        if (!owners.some((o) => o.id === personId)) throw notFound('Not an owner of the planning');
        if (owners.length === 1) throw conflict('last_owner', 'A planning keeps at least one owner');
        await tx.execute(sql`delete from planning_owner where organiser_id = ${actor.organiserId} and planning_id = ${id} and person_id = ${personId}`);
        await tx.execute(sql`update planning set version = version + 1, updated_at = now() where organiser_id = ${actor.organiserId} and id = ${id}`);
        await auditOf(tx, actor, 'planning.owner_removed', id, { ownerId: personId });
        // an owner who removed themself may still read it as a teacher of its groups, or not at all
        return (await planningDetail(tx, actor, id)) ?? { removed: true };
      });
    },

    /** The published plannings of a pupil's groups today (the portal: the pupil and their guardians). */
    async ofPupil(actor: Actor, pupilId: string) {
      requireAction(actor, 'plannings.view');
      const pupil = await one<{ id: string }>(db, sql`select p.id from person p where p.id = ${pupilId} and ${pupilScope(actor)}`);
      if (!pupil) throw notFound('Pupil not found');
      return { plannings: await listItems(db, actor, await listPlannings(db, actor, { pupilId, status: 'published' })) };
    },

    /** The plannings of a group the actor sees. */
    async ofGroup(actor: Actor, groupId: string) {
      requireAction(actor, 'plannings.view');
      const group = await one<{ id: string }>(db, sql`select g.id from student_group g where g.id = ${groupId} and ${groupScope(actor)}`);
      if (!group) throw notFound('Group not found');
      return { plannings: await listItems(db, actor, await listPlannings(db, actor, { groupId })) };
    },
  };
}
