import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { ReferenceFile, type ReferenceFileT } from '../../../domain/followup/reference-file.js';
import { requireAction } from '../../platform/access/access.js';
import type { Actor } from '../../platform/access/actor.js';
import { audit } from '../../platform/audit/audit.js';
import { one, type Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { currentReference } from '../reference.js';

/** The reference file's own rules (ReferenceFile's messages), as the analyst reads them. */
const RULES_IN_SWEDISH: Record<string, string> = {
  'a school year such as 2022/2023': 'ett läsår skrivs som 2022/2023',
  'the second year follows the first': 'läsårets andra år ska följa på det första',
  'a share is 0–1': 'en andel ligger mellan 0 och 1',
};

/** A zod issue as a person reads it: where in the file (figures → 3 → value) and what is wrong, in Swedish where known. */
export function issueText(issue: z.core.$ZodIssue): { path: string; message: string } {
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p + 1}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(hela filen)';
  const i = issue as z.core.$ZodIssue & { expected?: string; minimum?: unknown; maximum?: unknown; values?: unknown[] };
  const byCode: Record<string, string | undefined> = {
    invalid_type: i.expected ? `fel typ eller saknas (väntade ${i.expected})` : undefined,
    too_small: i.minimum !== undefined ? `för litet eller för kort (minst ${String(i.minimum)})` : undefined,
    too_big: i.maximum !== undefined ? `för stort eller för långt (högst ${String(i.maximum)})` : undefined,
    invalid_value: i.values ? `ska vara ett av ${i.values.map(String).join(', ')}` : undefined,
    unrecognized_keys: 'okänt fält',
    invalid_union: 'ogiltigt värde (inget av de tillåtna)',
  };
  const message = issue.code === 'custom' || issue.code === 'invalid_format'
    ? `ogiltigt värde: ${RULES_IN_SWEDISH[issue.message] ?? issue.message}` : byCode[issue.code] ?? issue.message;
  return { path, message };
}

/** The national reference figures: read by every role of the follow-up; replaced by an upload of the analyst. */
export function referenceService(db: Db) {
  async function view(actor: Actor) {
    const current = await currentReference(db, actor.organiserId);
    const by = current.uploaded ? await one<{ name: string; on: string }>(db, sql`select p.given_name || ' ' || p.family_name as name,
        to_char(r.uploaded_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD') as on from followup_reference r
        join person p on p.organiser_id = r.organiser_id and p.id = r.uploaded_by
      where r.organiser_id = ${actor.organiserId} order by r.uploaded_at desc, r.id desc limit 1`) : undefined;
    return {
      file: current.file,
      origin: current.uploaded ? 'uploaded' as const : 'shipped' as const,
      uploaded: current.uploaded ? { on: by?.on ?? current.uploaded.at.slice(0, 10), by: by?.name ?? '' } : null,
    };
  }

  return {
    async get(actor: Actor) {
      requireAction(actor, 'followup.view');
      return view(actor);
    },

    /** Validates and stores a new reference file (kept beside the earlier ones); 422 with the issues when it does not hold. */
    async put(actor: Actor, content: unknown) {
      requireAction(actor, 'followup.reference.edit');
      const parsed = ReferenceFile.safeParse(content);
      if (!parsed.success) {
        throw new AppError(422, 'invalid_reference_file', 'The reference file does not follow the format', { issues: parsed.error.issues.slice(0, 50).map(issueText) });
      }
      const file: ReferenceFileT = parsed.data;
      const id = randomUUID();
      await db.transaction(async (tx) => {
        await tx.execute(sql`insert into followup_reference (organiser_id, id, content, uploaded_by, uploaded_at)
          values (${actor.organiserId}, ${id}, ${JSON.stringify(file)}::jsonb, ${actor.personId}, clock_timestamp())`);
        await audit(tx, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId, ip: actor.ip,
          action: 'followup.reference.uploaded', entityType: 'followup_reference', entityId: id, details: { name: file.name, updated: file.updated, figures: file.figures.length } });
      });
      return view(actor);
    },
  };
}
export type ReferenceService = ReturnType<typeof referenceService>;
