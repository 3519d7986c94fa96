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
export function myPupilsService(db: Db) {
  async function collect(actor: Actor, query: MyPupilsQuery): Promise<MyPupilsList> {
    requireAction(actor, 'pupils.view.own');
    const parsed = parseColumns(query.columns);
    if (!parsed.ok) throw new AppError(400, 'unknown_column', `Unknown column: ${parsed.unknown.join(', ')}`);
    const group = query.groupId ? await readGroupOption(db, actor, query.groupId) : null;
    if (query.groupId && !group) throw notFound('Group not found');
    const matches = personMatcher(query.q ?? '');
    const found = (await readLinkedPupils(db, actor, group?.id ?? null)).filter(matches).sort(byPersonName);
    const details = await readDetails(db, actor, found.map((p) => p.id), parsed.columns);
    const none = { className: null, groups: [], guardians: [] };
    return {
      columns: parsed.columns,
      group: group ?? null,
      pupils: found.map((p) => presentPupil({ ...p, ...(details.get(p.id) ?? none) }, parsed.columns)),
      protectedIds: found.filter((p) => !contactVisible(p.securityMarking)).map((p) => p.id),
    };
  }

  /** One audit row per protected pupil shown (and, for an export, one for the export itself), in one statement. */
  async function auditShown(actor: Actor, list: MyPupilsList, action: string, details: Record<string, unknown>, summary: boolean) {
    const batch = new AuditBatch();
    // the group the list was narrowed to is named as selectedGroupId: groupId would put every list into that group's history
    const common = { unitId: actor.unitId, selectedGroupId: list.group?.id ?? null, columns: list.columns, ...details };
    if (summary) batch.add(action, 'school_unit', actor.unitId ?? '', { ...common, pupils: list.pupils.length, protectedPupils: list.protectedIds.length });
    for (const personId of list.protectedIds) batch.add(action, 'person', personId, { personId, ...common });
    await batch.write(db, actor);
  }

  return {
    async list(actor: Actor, query: MyPupilsQuery) {
      const list = await collect(actor, query);
      await auditShown(actor, list, 'pupils.listed', { view: query.view ?? 'list' }, false);
      return { columns: list.columns, group: list.group, total: list.pupils.length, pupils: list.pupils };
    },

    /** The list for a file: audited whether or not it holds a protected pupil (personal data leaves the system). */
    async forExport(actor: Actor, query: MyPupilsQuery, format: 'xlsx' | 'csv') {
      const list = await collect(actor, query);
      await auditShown(actor, list, 'pupils.exported', { format }, true);
      return list;
    },

    /** The selector: the actor's classes and groups today, and the unit (for headings and file names). */
    async groups(actor: Actor) {
      requireAction(actor, 'pupils.view.own');
      const [unit, groups] = await Promise.all([readUnit(db, actor), readGroupOptions(db, actor)]);
      return { unit, groups };
    },
  };
}

export type MyPupilsService = ReturnType<typeof myPupilsService>;
