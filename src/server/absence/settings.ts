import { sql } from 'drizzle-orm';
import { requireAction } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { audit } from '../platform/audit/audit.js';
import { one, type Db, type Queryable } from '../platform/db/database.js';
import { conflict, notFound } from '../platform/http/errors.js';

/** A unit's absence settings (unit_absence_setting); the defaults of the table when the unit has no row. */
export interface AbsenceSettings {
  reportDaysAhead: number;
  reportDaysBack: number;
  pupilMayReport: boolean;
  thresholdPercent: number;
  shortAbsenceCount: number;
  sameDayNotice: boolean;
  /** 0 while the unit has no row of its own (the defaults). */
  version: number;
}
export type AbsenceSettingsInput = Omit<AbsenceSettings, 'version'> & { version: number };

export const DEFAULT_ABSENCE_SETTINGS: AbsenceSettings = {
  reportDaysAhead: 14, reportDaysBack: 0, pupilMayReport: false, thresholdPercent: 10, shortAbsenceCount: 5, sameDayNotice: true, version: 0,
};

/** The unit's settings, or the defaults. */
export async function readAbsenceSettings(q: Pick<Queryable, 'execute'>, organiserId: string, unitId: string, lock = false): Promise<AbsenceSettings> {
  const row = await one<AbsenceSettings>(q, sql`select report_days_ahead as "reportDaysAhead", report_days_back as "reportDaysBack",
      pupil_may_report as "pupilMayReport", threshold_percent as "thresholdPercent", short_absence_count as "shortAbsenceCount",
      same_day_notice as "sameDayNotice", version
    from unit_absence_setting where organiser_id = ${organiserId} and school_unit_id = ${unitId} ${lock ? sql`for update` : sql``}`);
  return row ?? DEFAULT_ABSENCE_SETTINGS;
}

export function absenceSettingsService(db: Db) {
  const unitOf = (actor: Actor) => { if (!actor.unitId) throw notFound('No current unit'); return actor.unitId; };
  return {
    async get(actor: Actor) {
      requireAction(actor, 'absence.settings.view');
      return readAbsenceSettings(db, actor.organiserId, unitOf(actor));
    },
    /** Saves the unit's settings when the caller read the current version (0: the defaults); 409 otherwise. */
    async update(actor: Actor, input: AbsenceSettingsInput) {
      requireAction(actor, 'absence.settings.edit');
      const unitId = unitOf(actor);
      return db.transaction(async (tx) => {
        // the row of a unit without one is created by the first save; the lock orders concurrent first saves
        await tx.execute(sql`select 1 from school_unit where organiser_id = ${actor.organiserId} and id = ${unitId} for update`);
        const current = await readAbsenceSettings(tx, actor.organiserId, unitId, true);
        if (current.version !== input.version) throw conflict('stale_version', 'Someone else changed the absence settings', { current });
        const { version: _v, ...after } = input;
        await tx.execute(sql`insert into unit_absence_setting (organiser_id, school_unit_id, report_days_ahead, report_days_back, pupil_may_report,
            threshold_percent, short_absence_count, same_day_notice, version)
          values (${actor.organiserId}, ${unitId}, ${after.reportDaysAhead}, ${after.reportDaysBack}, ${after.pupilMayReport},
            ${after.thresholdPercent}, ${after.shortAbsenceCount}, ${after.sameDayNotice}, 1)
          on conflict (organiser_id, school_unit_id) do update set report_days_ahead = excluded.report_days_ahead,
            report_days_back = excluded.report_days_back, pupil_may_report = excluded.pupil_may_report,
            threshold_percent = excluded.threshold_percent, short_absence_count = excluded.short_absence_count,
            same_day_notice = excluded.same_day_notice, version = unit_absence_setting.version + 1`);
        const { version: _c, ...before } = current;
        await audit(tx, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId,
          action: 'absence.settings_changed', entityType: 'school_unit', entityId: unitId, details: { unitId, before, after }, ip: actor.ip });
        return readAbsenceSettings(tx, actor.organiserId, unitId);
      });
    },
  };
}
