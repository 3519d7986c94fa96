import { personMatcher } from '../../domain/org/person-search.js';
import { byPersonName } from '../../domain/org/sorting.js';
import { parseColumns, presentPupil, type MyPupilColumn, type MyPupilRow } from '../../domain/pupils/my-pupils.js';
import { contactVisible } from '../../domain/register/people.js';
import { requireAction } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { AuditBatch } from '../platform/audit/audit.js';
import type { Db } from '../platform/db/database.js';
import { AppError, notFound } from '../platform/http/errors.js';
import { readDetails, readGroupOption, readGroupOptions, readLinkedPupils, readUnit } from './store.js';

export interface MyPupilsQuery { groupId?: string; q?: string; columns?: string; view?: 'list' | 'print' }

/** What is shown: the chosen columns, the group the list is narrowed to, and the rows in Swedish order. */
export interface MyPupilsList {
  columns: MyPupilColumn[];
  group: { id: string; name: string; type: string } | null;
  pupils: MyPupilRow[];
  /** Ids of the pupils with protected registration in the list (their reads are audited). */
  protectedIds: string[];
}

/**
 * "Mina elever": the pupils a staff member is linked to at the current unit, narrowed to one of their
 * classes or groups, searched by name or civic number, with only the columns asked for. A pupil with
 * protected registration is listed without address and contact, and every answer that lists one is
 * audited (one row per such pupil, with details.personId, in one statement).
 */
interface AuditSpec { action: string; details: Record<string, unknown>; summary: boolean }

export function myPupilsService(db: Db) {
  /** One audit row per protected pupil shown (and, for an export, one for the export itself), in one statement.
   *  The group the list was narrowed to is `selectedGroupId`: `groupId` would put every list into that group's history. */
  function auditShown(actor: Actor, spec: AuditSpec, shown: { group: { id: string } | null; columns: MyPupilColumn[]; count: number; protectedIds: string[] }) {
    const batch = new AuditBatch();
    const common = { unitId: actor.unitId, selectedGroupId: shown.group?.id ?? null, columns: shown.columns, ...spec.details };
    if (spec.summary) batch.add(spec.action, 'school_unit', actor.unitId ?? '', { ...common, pupils: shown.count, protectedPupils: shown.protectedIds.length });
    for (const personId of shown.protectedIds) batch.add(spec.action, 'person', personId, { personId, ...common });
    return batch.write(db, actor);
  }

  /** The list as asked for, audited as `spec` says (while the details are read). */
  async function collect(actor: Actor, query: MyPupilsQuery, spec: AuditSpec): Promise<MyPupilsList> {
    requireAction(actor, 'pupils.view.own');
    const parsed = parseColumns(query.columns, actor.role);
    if (!parsed.ok) throw new AppError(400, 'unknown_column', `Unknown column: ${parsed.unknown.join(', ')}`);
    const columns = parsed.columns;
    const [group, linked] = await Promise.all([
      query.groupId ? readGroupOption(db, actor, query.groupId) : null,
      readLinkedPupils(db, actor, query.groupId ?? null, columns),
    ]);
    if (query.groupId && !group) throw notFound('Group not found');
    const found = linked.filter(personMatcher(query.q ?? '')).sort(byPersonName);
    const protectedIds = found.filter((p) => !contactVisible(p.securityMarking)).map((p) => p.id);
    const [details] = await Promise.all([
      readDetails(db, actor, found.map((p) => p.id), columns),
      auditShown(actor, spec, { group: group ?? null, columns, count: found.length, protectedIds }),
    ]);
    return { columns, group: group ?? null, protectedIds, pupils: found.map((p) => presentPupil(p, details.get(p.id)!, columns)) };
  }

  return {
    async list(actor: Actor, query: MyPupilsQuery) {
      const list = await collect(actor, query, { action: 'pupils.listed', details: { view: query.view ?? 'list' }, summary: false });
      return { columns: list.columns, group: list.group, total: list.pupils.length, pupils: list.pupils };
    },

    /** The list for a file: audited whether or not it holds a protected pupil (personal data leaves the system). */
    forExport: (actor: Actor, query: MyPupilsQuery, format: 'xlsx' | 'csv') =>
      collect(actor, query, { action: 'pupils.exported', details: { format }, summary: true }),

    /** The selector: the actor's classes and groups today, and the unit (for headings and file names). */
    async groups(actor: Actor) {
      requireAction(actor, 'pupils.view.own');
      const [unit, groups] = await Promise.all([readUnit(db, actor), readGroupOptions(db, actor)]);
      return { unit, groups };
    },
  };
}

export type MyPupilsService = ReturnType<typeof myPupilsService>;
