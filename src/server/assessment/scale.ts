import { sql } from 'drizzle-orm';
import { DEFAULT_YOUNG_SCALE, scaleProblem } from '../../domain/assessment/steps.js';
import { requireAction } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { audit } from '../platform/audit/audit.js';
import { one, type Db, type Queryable } from '../platform/db/database.js';
import { badRequest, conflict, notFound } from '../platform/http/errors.js';

export interface ScaleBody { steps: string[]; isDefault: boolean; defaultSteps: string[] }

async function readScale(q: Pick<Queryable, 'execute'>, organiserId: string, unitId: string, lock = false): Promise<ScaleBody> {
  const row = await one<{ steps: string[] }>(q, sql`select steps from assessment_scale where organiser_id = ${organiserId}
    and school_unit_id = ${unitId} ${lock ? sql`for update` : sql``}`);
  return { steps: row?.steps ?? [...DEFAULT_YOUNG_SCALE], isDefault: !row, defaultSteps: [...DEFAULT_YOUNG_SCALE] };
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((s, i) => s === b[i]);

/**
 * The steps the unit assesses years 4–5 with (default "Inte ännu / På väg / Uppnått"). Read and changed by the
 * unit's administrator and principal. A change applies to assessments saved from then on; a stored level keeps
 * the label it was saved with.
 */
export function assessmentScaleService(db: Db) {
  const unitOf = (actor: Actor) => { if (!actor.unitId) throw notFound('No current unit'); return actor.unitId; };
  return {
    async get(actor: Actor) {
      requireAction(actor, 'assessments.scale.edit');
      return readScale(db, actor.organiserId, unitOf(actor));
    },
    /** Saves the unit's scale when `previous` is the scale the caller read (409 with the current one otherwise). */
    async update(actor: Actor, input: { steps: string[]; previous: string[] }) {
      requireAction(actor, 'assessments.scale.edit');
      const unitId = unitOf(actor);
      const steps = input.steps.map((s) => s.trim());
      const problem = scaleProblem(steps);
      if (problem) throw badRequest(problem, 'invalid_scale');
      return db.transaction(async (tx) => {
        await tx.execute(sql`select 1 from school_unit where organiser_id = ${actor.organiserId} and id = ${unitId} for update`);
        const current = await readScale(tx, actor.organiserId, unitId, true);
        if (!same(current.steps, input.previous)) throw conflict('stale_version', 'Someone else changed the scale', { current });
        await tx.execute(sql`insert into assessment_scale (organiser_id, school_unit_id, steps)
          values (${actor.organiserId}, ${unitId}, ${JSON.stringify(steps)}::jsonb)
          on conflict (organiser_id, school_unit_id) do update set steps = excluded.steps, updated_at = now()`);
        await audit(tx, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId, ip: actor.ip,
          action: 'assessment_scale.changed', entityType: 'school_unit', entityId: unitId,
          details: { unitId, before: current.steps, after: steps } });
        return readScale(tx, actor.organiserId, unitId);
      });
    },
  };
}
