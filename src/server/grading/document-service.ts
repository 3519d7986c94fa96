import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { wholeHours } from '../../domain/grading/absence-hours.js';
import { documentSignProblem, produceProblem, type DocumentKind } from '../../domain/grading/documents.js';
import { meritValue } from '../../domain/grading/merit.js';
import type { GradeStep } from '../../domain/grading/scale.js';
import { mayDecide, type Delegation } from '../../domain/access/delegation.js';
import { byName } from '../../domain/org/sorting.js';
import { pupilScope, requireAction } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { audit } from '../platform/audit/audit.js';
import { one, rows, type Db } from '../platform/db/database.js';
import { AppError, forbidden, notFound } from '../platform/http/errors.js';
import { renderGradeDocument } from './document-pdf.js';
import { documentColumns, documentGrades, documentJoins, documentPupils, invalidAbsenceMinutes, listUnitDocuments, type DocumentRow } from './document-queries.js';
import { loadGradingTerms, termLabel } from './terms.js';

const present = (d: DocumentRow) => ({ id: d.id, pupilId: d.pupil_id, name: d.pupil_name, kind: d.kind, termId: d.term_id, sha256: d.sha256,
  createdAt: d.created_at, signedBy: d.signed_by_name, signedAt: d.signed_at, handedOutAt: d.handed_out_at });

/** Grade documents: made by the administrator once grades are locked, signed, handed out. */
export function documentService(db: Db, organiserName: string) {
  async function currentTerm(actor: Actor) {
    const terms = await loadGradingTerms(db, actor.organiserId, actor.today);
    if (!terms) throw new AppError(409, 'no_term', 'No term has started yet');
    return terms.current;
  }

  /** Makes one document per pupil; a pupil whose grades are not all locked is reported, the others made. */
  async function produce(actor: Actor, input: { kind: DocumentKind; pupilIds: string[] }) {
    requireAction(actor, 'grades.administer');
    const term = await currentTerm(actor);
    const pupils = await documentPupils(db, actor, input.pupilIds);
    const grades = await documentGrades(db, actor.organiserId, pupils.map((p) => p.id), input.kind, term.id);
    const absence = input.kind === 'term' ? await invalidAbsenceMinutes(db, actor.organiserId, pupils.map((p) => p.id), term) : [];
    const produced: string[] = [];
    const failed: { pupilId: string; reason: string }[] = input.pupilIds.filter((id) => !pupils.some((p) => p.id === id))
      .map((pupilId) => ({ pupilId, reason: 'not_found' }));
    for (const p of pupils) {
      const own = grades.filter((g) => g.pupil_id === p.id);
      const problem = produceProblem(own.map((g) => g.state));
      if (problem) { failed.push({ pupilId: p.id, reason: problem }); continue; }
      try {
        const pdf = await renderGradeDocument({
          kind: input.kind, termLabel: termLabel(term), madeOn: actor.today,
          pupil: { name: `${p.given_name} ${p.family_name}`, civicNo: p.civic_no, schoolYear: p.school_year, className: p.class_name },
          unit: { name: p.unit_name ?? '', code: p.unit_code ?? '', organiser: organiserName },
          grades: own.map((g) => ({ subjectName: g.subject_name, subjectCode: g.subject_code, value: g.value, carriedOver: g.carried_over })),
          invalidAbsenceHours: wholeHours(absence.find((a) => a.pupil_id === p.id)?.minutes ?? 0),
          meritValue: meritValue(own.map((g) => ({ subjectCode: g.subject_code, value: g.value as GradeStep }))),
          adaptedTimetable: !!p.adapted_timetable,
          assessments: own.filter((g) => g.knowledge_development !== null).map((g) => ({ subjectName: g.subject_name, value: g.value,
            knowledgeDevelopment: g.knowledge_development ?? '', supportMeasures: g.support_measures ?? '', teacher: g.written_by ?? '' })),
        });
        const id = randomUUID();
        await db.transaction(async (tx) => {
          await tx.execute(sql`update grade_document set superseded_at = now() where organiser_id = ${actor.organiserId}
            and pupil_id = ${p.id} and kind = ${input.kind} and term_id = ${term.id} and superseded_at is null`);
          await tx.execute(sql`insert into grade_document (organiser_id, id, pupil_id, school_unit_id, kind, term_id, content, sha256, created_by)
            values (${actor.organiserId}, ${id}, ${p.id}, ${actor.unitId}, ${input.kind}, ${term.id}, ${pdf}, ${createHash('sha256').update(pdf).digest('hex')}, ${actor.personId})`);
          await audit(tx, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId,
            action: 'grade_document.produced', entityType: 'grade_document', entityId: id, details: { pupilId: p.id, kind: input.kind }, ip: actor.ip });
        });
        produced.push(id);
      } catch (err) {
        failed.push({ pupilId: p.id, reason: 'render_failed' });
      }
    }
    return { produced, failed };
  }

  /** Whether the actor holds the principal's delegation to sign term grade documents at this unit today. */
  async function hasTermDelegation(actor: Actor) {
    const delegations = await rows<Delegation>(db, sql`select school_unit_id as "schoolUnitId", delegate_id as "delegateId", decision_kind as "decisionKind",
        to_char(start_date, 'YYYY-MM-DD') as "startDate", to_char(end_date, 'YYYY-MM-DD') as "endDate", revoked_at is not null as revoked
      from delegation where organiser_id = ${actor.organiserId} and delegate_id = ${actor.personId} and school_unit_id = ${actor.unitId}`);
    return mayDecide({ personId: actor.personId, isPrincipalOfUnit: false }, 'sign_term_grades', actor.unitId!, delegations, actor.today);
  }

  async function list(actor: Actor, kind: DocumentKind) {
    const staff = actor.role === 'administrator' || actor.role === 'principal';
    if (!staff && !(kind === 'term' && (await hasTermDelegation(actor)))) throw forbidden('You may not see the unit\'s grade documents');
    const term = await currentTerm(actor);
    return { term: { id: term.id, label: termLabel(term) }, documents: (await listUnitDocuments(db, actor, kind, term.id)).map((d) => ({ ...present(d), name: d.pupil_name })).sort(byName) };
  }

  const findDocument = (actor: Actor, id: string) => one<DocumentRow & { content: Uint8Array }>(db, sql`
    select ${documentColumns}, d.content from grade_document d ${documentJoins}
     where d.organiser_id = ${actor.organiserId} and d.id = ${id}`);

  /** The PDF: staff of the unit; the pupil and their guardians once it is handed out. */
  async function pdf(actor: Actor, id: string) {
    const d = await findDocument(actor, id);
    const staff = (actor.role === 'administrator' || actor.role === 'principal') && d?.school_unit_id === actor.unitId;
    const home = d && d.handed_out_at && (await one(db, sql`select 1 from person p where p.id = ${d.pupil_id} and ${pupilScope(actor)}`));
    if (!d || !(staff || ((actor.role === 'pupil' || actor.role === 'guardian') && home))) throw notFound('Document not found');
    return Buffer.from(d.content);
  }

  /** Term documents: the principal or a delegate with sign_term_grades; final documents: the principal only. */
  async function sign(actor: Actor, id: string) {
    const d = await findDocument(actor, id);
    if (!d || d.school_unit_id !== actor.unitId) throw notFound('Document not found');
    const isPrincipal = actor.role === 'principal';
    const problem = documentSignProblem(d.kind, d.signed_at !== null, { isPrincipal, hasTermDelegation: !isPrincipal && await hasTermDelegation(actor) });
    if (problem === 'already_signed') throw new AppError(409, problem, 'The document is already signed');
    if (problem) throw forbidden(problem === 'principal_only' ? 'A final grade document is signed by the principal only' : 'You may not sign grade documents');
    await db.transaction(async (tx) => {
      await tx.execute(sql`update grade_document set signed_by = ${actor.personId}, signed_at = now()
        where organiser_id = ${actor.organiserId} and id = ${id} and signed_at is null`);
      await audit(tx, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId,
        action: 'grade_document.signed', entityType: 'grade_document', entityId: id, details: { sha256: d.sha256, kind: d.kind, delegated: !isPrincipal }, ip: actor.ip });
    });
    return present((await findDocument(actor, id))!);
  }

  /** Hands out signed documents: only then do the pupil and guardians see the grades and the document. */
  async function handOut(actor: Actor, ids: string[]) {
    if (actor.role !== 'administrator' && actor.role !== 'principal') throw forbidden();
    return db.transaction(async (tx) => {
      const unsigned = await rows<{ id: string }>(tx, sql`select id from grade_document where organiser_id = ${actor.organiserId}
        and id = any(${sql.param(ids)}::uuid[]) and school_unit_id = ${actor.unitId} and signed_at is null`);
      if (unsigned.length) throw new AppError(400, 'not_signed', 'Only signed documents are handed out', { documentIds: unsigned.map((u) => u.id) });
      const done = await rows<{ id: string }>(tx, sql`update grade_document set handed_out_by = ${actor.personId}, handed_out_at = now()
        where organiser_id = ${actor.organiserId} and id = any(${sql.param(ids)}::uuid[]) and school_unit_id = ${actor.unitId}
          and handed_out_at is null returning id`);
      await audit(tx, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId,
        action: 'grade_document.handed_out', entityType: 'grade_document', details: { ids: done.map((d) => d.id) }, ip: actor.ip });
      return { handedOut: done.map((d) => d.id) };
    });
  }

  return { produce, list, pdf, sign, handOut };
}
