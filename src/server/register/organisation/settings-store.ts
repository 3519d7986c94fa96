import { sql } from 'drizzle-orm';
import { DEFAULT_SETTINGS, normaliseModules, type DefaultGradingPeriods, type Module } from '../../../domain/register/organiser-settings.js';
import { one, type Queryable } from '../../platform/db/database.js';

export interface OrganiserProfile {
  name: string;
  /** The contact for questions shown on the login page. */
  contact: string | null;
  modules: Module[];
  defaultGradingPeriods: DefaultGradingPeriods;
  /** updated_at of the settings row as text (the optimistic version of the settings); null before the first save. */
  version: string | null;
}

/** The organiser's name, contact and settings; defaults when no settings row has been written yet. */
export async function readOrganiserProfile(q: Pick<Queryable, 'execute'>, organiserId: string): Promise<OrganiserProfile> {
  const row = await one<{ name: string; contact: string | null; modules: string[] | null; periods: DefaultGradingPeriods | null; version: string | null }>(q, sql`
    select o.name, o.contact, s.modules, s.default_grading_periods as periods, s.updated_at::text as version
      from organiser o left join organiser_setting s on s.organiser_id = o.id
     where o.id = ${organiserId}`);
  if (!row) return { name: '', contact: null, ...DEFAULT_SETTINGS, version: null };
  return {
    name: row.name, contact: row.contact,
    modules: row.modules ? normaliseModules(row.modules) : [...DEFAULT_SETTINGS.modules],
    defaultGradingPeriods: row.periods ?? {},
    version: row.version,
  };
}
