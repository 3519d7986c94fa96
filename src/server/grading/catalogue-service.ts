import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Column } from '../../domain/grading/columns.js';
import { allowedSteps } from '../../domain/grading/scale.js';
import { catalogueComplete, signaturesInForce, signProblem } from '../../domain/grading/signing.js';
import { byPersonName } from '../../domain/org/sorting.js';
import { swedishDate } from '../../domain/common/dates.js';
import { requireAction } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { audit } from '../platform/audit/audit.js';
import type { Db, Queryable } from '../platform/db/database.js';
import { AppError, forbidden, notFound } from '../platform/http/errors.js';
import { renderCatalogue } from './catalogue-pdf.js';
import { catalogueLines, catalogueSignatures, disagreementParties, groupGraders } from './catalogue-queries.js';
import { mayDecideDisagreement } from './disagreement-service.js';
import { cellOf } from './cells.js';
import { findGradingGroup } from './register-queries.js';
import { loadGradingTerms, termLabel, termOfColumn } from './terms.js';

/** The steps a grade may take for a pupil of the school form (anpassad grundskola: A–E, never F or –), as the
 *  disagreement and correction decisions check them. */
const stepsOfSchoolForm = (schoolForm: string | null) => allowedSteps({ schoolForm: schoolForm ?? 'GR', gradesRequested: true });
const kindOf = (c: Column) => (c === 'final' ? 'final' as const : 'term' as const);
const signRefusals = {
  not_confirmed: 'Every grade in the catalogue must be confirmed before it is signed',
  already_signed: 'You have already signed this catalogue',
  no_grades: 'The catalogue has no grades to sign',
} as const;

/** Betygskatalog: view and print, sign (grades become decided), lock (administrator). */
/** What a signature is given on: the pupils and their grades (a changed grade changes it). */
const contentHash = (graded: { pupil_id: string; value: string | null }[]) =>
  createHash('sha256').update(JSON.stringify(graded.map((l) => [l.pupil_id, l.value]).sort())).digest('hex');

export function catalogueService(db: Db) {
  async function load(q: Pick<Queryable, 'execute'>, actor: Actor, groupId: string, column: Column) {
    const group = await findGradingGroup(q, actor, groupId);
    if (!group) throw notFound('Group not found');
    const terms = await loadGradingTerms(q, actor.organiserId, actor.today);
    const term = terms && termOfColumn(terms, column);
    if (!term) throw new AppError(400, 'column_not_allowed', 'That term does not exist');
    const lines = (await catalogueLines(q, actor, groupId, column, term.id))
      .map((l) => ({ ...l, familyName: l.family_name, givenName: l.given_name })).sort(byPersonName);
    const graders = await groupGraders(q, actor, groupId);
    const graded = lines.filter((l) => l.grade_id && l.value !== null);
    const content = contentHash(graded);
    const signatures = (await catalogueSignatures(q, actor, groupId, term.id, kindOf(column)))
      .map((s) => ({ ...s, personId: s.signer_id, content: s.content_sha256 }));
    const inForce = signaturesInForce(signatures, content);
    const complete = catalogueComplete(inForce, graders.filter((g) => !g.licensed).map((g) => g.person_id));
    return { group, term, lines, graded, graders, signatures, inForce, content, complete };
  }


  async function view(actor: Actor, groupId: string, column: Column) {
    const c = await load(db, actor, groupId, column);
    // a disagreement is decided on a grade still registered or confirmed, by the one the rule names
    const undecided = c.lines.some((l) => l.grade_id && (l.state === 'registered' || l.state === 'confirmed'));
    const canDecideDisagreement = undecided && mayDecideDisagreement(actor, await disagreementParties(db, actor, groupId, c.group.subject_code));
    return {
      group: { id: c.group.id, name: c.group.name, subject: { code: c.group.subject_code, name: c.group.subject_name }, unit: { id: c.group.school_unit_id, name: c.group.unit_name } },
      term: { id: c.term.id, label: termLabel(c.term) }, column,
      lines: c.lines.map((l) => ({ pupilId: l.pupil_id, gradeId: l.grade_id, name: `${l.family_name}, ${l.given_name}`, value: l.value, state: l.state,
        steps: stepsOfSchoolForm(l.school_form) })),
      teachers: c.graders.map((g) => ({ id: g.person_id, name: g.name, licensed: g.licensed })),
      signatures: c.signatures.map((s) => ({ signerId: s.signer_id, name: s.name, licensed: s.licensed, signedAt: s.signed_at, inForce: s.content === c.content })),
      decided: c.complete,
      // pupils who should have a grade in this column and have none: signing decides only the grades there are
      missing: c.lines.filter((l) => l.value === null && cellOf(column, l, c.group.first_graded_year, undefined).allowed)
        .map((l) => ({ pupilId: l.pupil_id, name: `${l.family_name}, ${l.given_name}` })),
      canDecideDisagreement,
      canSign: c.group.is_grader && signProblem(c.graded.map((l) => l.state!), c.inForce, actor.personId) === null,
    };
  }

  async function pdf(actor: Actor, groupId: string, column: Column) {
    const c = await load(db, actor, groupId, column);
    return renderCatalogue({
      unitName: c.group.unit_name, subjectName: c.group.subject_name, subjectCode: c.group.subject_code, groupName: c.group.name,
      termLabel: termLabel(c.term), columnLabel: column === 'final' ? 'Slutbetyg' : 'Terminsbetyg', printedAt: swedishDate(new Date()),
      lines: c.lines.map((l) => ({ name: `${l.family_name}, ${l.given_name}`, civicNo: l.civic_no, value: l.value, state: l.state })),
      teachers: c.graders.map((g) => ({ name: g.name, licensed: g.licensed })),
      signatures: c.inForce.map((s) => ({ name: s.name, signedAt: s.signed_at })),
    });
  }

  /** The grading teacher signs; with every needed signature (a licensed teacher's, and each unlicensed
   *  grader's own) the confirmed grades become decided. */
  async function sign(actor: Actor, groupId: string, column: Column) {
    requireAction(actor, 'grades.register');
    await db.transaction(async (tx) => {
      const c = await load(tx, actor, groupId, column);
      if (!c.group.is_grader) throw forbidden('Only a grading teacher of the group signs its catalogue');
      const problem = signProblem(c.graded.map((l) => l.state!), c.inForce, actor.personId);
      if (problem) throw new AppError(problem === 'already_signed' ? 409 : 400, problem, signRefusals[problem]);
      const licensed = c.graders.find((g) => g.person_id === actor.personId)?.licensed ?? false;
      // A signature given before a grade changed is replaced by this one (the audit keeps the earlier).
      const resigned = c.signatures.some((s) => s.signer_id === actor.personId);
      await tx.execute(sql`insert into catalogue_signature (organiser_id, id, group_id, term_id, kind, signer_id, licensed, content_sha256)
        values (${actor.organiserId}, ${randomUUID()}, ${groupId}, ${c.term.id}, ${kindOf(column)}, ${actor.personId}, ${licensed}, ${c.content})
        on conflict (organiser_id, group_id, term_id, kind, signer_id)
        do update set licensed = excluded.licensed, content_sha256 = excluded.content_sha256, signed_at = now()`);
      const complete = catalogueComplete([...c.inForce, { personId: actor.personId, licensed }], c.graders.filter((g) => !g.licensed).map((g) => g.person_id));
      if (complete) await moveState(tx, actor, c.graded.map((l) => l.grade_id!), 'confirmed', 'decided', 'decided');
      await audit(tx, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId,
        action: 'grade.catalogue_signed', entityType: 'group', entityId: groupId, details: { column, termId: c.term.id, licensed, decided: complete, resigned, content: c.content }, ip: actor.ip });
    });
    return view(actor, groupId, column);
  }

  /** The administrator locks the group's decided grades for the column: nobody can change them after. */
  async function lock(actor: Actor, groupId: string, column: Column) {
    requireAction(actor, 'grades.administer');
    const locked = await db.transaction(async (tx) => {
      const c = await load(tx, actor, groupId, column);
      const notDecided = c.graded.filter((l) => l.state === 'registered' || l.state === 'confirmed');
      if (notDecided.length) throw new AppError(400, 'not_decided', 'Only decided grades are locked: the catalogue must be signed first');
      const ids = c.graded.filter((l) => l.state === 'decided').map((l) => l.grade_id!);
      await moveState(tx, actor, ids, 'decided', 'locked', 'locked');
      await audit(tx, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId,
        action: 'grade.locked', entityType: 'group', entityId: groupId, details: { column, gradeIds: ids }, ip: actor.ip });
      return ids.length;
    });
    return { locked };
  }

  return { view, pdf, sign, lock };
}

async function moveState(tx: Pick<Queryable, 'execute'>, actor: Actor, gradeIds: string[], from: string, to: string, action: string) {
  if (gradeIds.length === 0) return;
  await tx.execute(sql`with moved as (
      update grade set state = ${to}, version = version + 1
       where organiser_id = ${actor.organiserId} and id = any(${sql.param(gradeIds)}::uuid[]) and state = ${from}
      returning id, value)
    insert into grade_event (organiser_id, id, grade_id, actor_id, action, from_value, to_value, from_state, to_state)
    select ${actor.organiserId}, gen_random_uuid(), id, ${actor.personId}, ${action}, value, value, ${from}, ${to} from moved`);
}
