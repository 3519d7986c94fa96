import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isMonthDay, MODULES, normaliseModules } from '../../../domain/register/organiser-settings.js';
import { isOrganiserAdministrator, requireAction, requireOrganiserAdministrator } from '../../platform/access/access.js';
import type { Actor } from '../../platform/access/actor.js';
import { one, rows, type Db } from '../../platform/db/database.js';
import { conflict, notFound } from '../../platform/http/errors.js';
import { actorOf } from '../../platform/http/request-context.js';
import { authErrors, ErrorBody, StoredText } from '../../platform/http/schemas.js';
import { auditAs } from './audit-as.js';
import { readOrganiserProfile, type OrganiserProfile } from './settings-store.js';

const MonthDay = z.string().refine(isMonthDay, 'Write the day as MM-DD');
const MonthDayRange = z.object({ from: MonthDay, to: MonthDay });
const Periods = z.object({ HT: MonthDayRange.nullable(), VT: MonthDayRange.nullable() });

const OrganisationBody = z.object({
  name: z.string(),
  contact: z.string().nullable(),
  /** The caller may change organiser-level things (units, terms, settings); a unit's administrator reads them. */
  organiserAdministrator: z.boolean(),
  settings: z.object({ modules: z.array(z.enum(MODULES)), defaultGradingPeriods: Periods, version: z.string().nullable() }),
});
const SettingsInput = z.object({
  modules: z.array(z.enum(MODULES)).max(MODULES.length * 2),
  contact: StoredText.max(500).nullable(),
  defaultGradingPeriods: Periods,
  /** The settings' version as read (null: never saved); a stale one gets 409 with the current settings. */
  version: z.string().max(100).nullable(),
});
const SubjectBody = z.object({ code: z.string(), name: z.string(), firstGradedYear: z.number().int() });
const SubjectCode = z.object({ subjectCode: StoredText.min(1).max(20) });

const settingsOf = (p: OrganiserProfile) => ({
  modules: p.modules, defaultGradingPeriods: { HT: p.defaultGradingPeriods.HT ?? null, VT: p.defaultGradingPeriods.VT ?? null }, version: p.version,
});

/** The organiser's settings and per-subject settings: read by every administrator, changed by the organiser-level one. */
export function settingsService(db: Db) {
  async function get(actor: Actor) {
    requireAction(actor, 'register.administer');
    const p = await readOrganiserProfile(db, actor.organiserId);
    return {
      name: p.name, contact: p.contact, organiserAdministrator: await isOrganiserAdministrator(db, actor),
      settings: settingsOf(p),
    };
  }

  async function update(actor: Actor, input: z.infer<typeof SettingsInput>) {
    await requireOrganiserAdministrator(db, actor);
    const contact = input.contact?.trim() || null;
    const modules = normaliseModules(input.modules);
    const periods = Object.fromEntries(Object.entries(input.defaultGradingPeriods).filter(([, v]) => v !== null));
    await db.transaction(async (tx) => {
      const before = await readOrganiserProfile(tx, actor.organiserId);
      if (before.version !== input.version) throw conflict('stale_version', 'Someone else changed the settings', { current: settingsOf(before) });
      await tx.execute(sql`update organiser set contact = ${contact} where id = ${actor.organiserId}`);
      await tx.execute(sql`insert into organiser_setting (organiser_id, modules, default_grading_periods, updated_at)
          values (${actor.organiserId}, ${sql.param(modules)}::text[], ${JSON.stringify(periods)}::jsonb, clock_timestamp())
        on conflict (organiser_id) do update set modules = excluded.modules, default_grading_periods = excluded.default_grading_periods,
          updated_at = clock_timestamp()`);
      await auditAs(tx, actor, { action: 'organisation.settings_changed', entityType: 'organiser', entityId: actor.organiserId,
        details: { before: { contact: before.contact, modules: before.modules, defaultGradingPeriods: before.defaultGradingPeriods },
          after: { contact, modules, defaultGradingPeriods: periods } } });
    });
    return get(actor);
  }

  async function subjects(actor: Actor) {
    requireAction(actor, 'register.administer');
    return rows<z.infer<typeof SubjectBody>>(db, sql`select s.code, s.name, coalesce(ss.first_graded_year, 6)::int as "firstGradedYear"
      from subject s left join subject_setting ss on ss.organiser_id = ${actor.organiserId} and ss.subject_code = s.code
      order by s.sort_order, s.code`);
  }

  /** The first school year with term grades in a subject (grading reads it; default 6). */
  async function setFirstGradedYear(actor: Actor, code: string, firstGradedYear: number) {
    await requireOrganiserAdministrator(db, actor);
    await db.transaction(async (tx) => {
      const before = await one<{ year: number | null }>(tx, sql`select ss.first_graded_year::int as year from subject s
        left join subject_setting ss on ss.organiser_id = ${actor.organiserId} and ss.subject_code = s.code where s.code = ${code}`);
      if (!before) throw notFound('No such subject');
      await tx.execute(sql`insert into subject_setting (organiser_id, subject_code, first_graded_year) values (${actor.organiserId}, ${code}, ${firstGradedYear})
        on conflict (organiser_id, subject_code) do update set first_graded_year = excluded.first_graded_year`);
      await auditAs(tx, actor, { action: 'subject_setting.changed', entityType: 'subject', entityId: null,
        details: { subjectCode: code, before: { firstGradedYear: before.year ?? 6 }, after: { firstGradedYear } } });
    });
    return (await subjects(actor)).find((s) => s.code === code)!;
  }

  return { get, update, subjects, setFirstGradedYear };
}

const administrators = { access: { roles: ['administrator' as const] } };

export const settingsRoutes = (service: ReturnType<typeof settingsService>): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/admin/organisation', {
    config: { ...administrators, scope: 'actor' },
    schema: { tags: ['organisation'], summary: "The organiser's contact and settings, and whether the caller may change them", response: { 200: OrganisationBody, ...authErrors } },
  }, async (req) => service.get(actorOf(req)));
  app.put('/api/admin/organisation/settings', {
    config: { ...administrators, scope: 'actor' },
    schema: { tags: ['organisation'], summary: 'Switched-on modules, the contact on the login page, default grading periods (organiser-level administrator)',
      body: SettingsInput, response: { 200: OrganisationBody, 400: ErrorBody, ...authErrors, 409: ErrorBody } },
  }, async (req) => service.update(actorOf(req), req.body));
  app.get('/api/admin/subjects', {
    config: { ...administrators, scope: 'actor' },
    schema: { tags: ['organisation'], summary: 'Subjects with their first graded school year', response: { 200: z.array(SubjectBody), ...authErrors } },
  }, async (req) => service.subjects(actorOf(req)));
  app.put('/api/admin/subjects/:subjectCode', {
    config: { ...administrators, scope: 'actor' },
    schema: { tags: ['organisation'], summary: 'Set the first school year with term grades in a subject (organiser-level administrator)',
      params: SubjectCode, body: z.object({ firstGradedYear: z.number().int().min(1).max(9) }),
      response: { 200: SubjectBody, 400: ErrorBody, ...authErrors, 404: ErrorBody } },
  }, async (req) => service.setFirstGradedYear(actorOf(req), req.params.subjectCode, req.body.firstGradedYear));
};
