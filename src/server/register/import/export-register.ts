import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { formatCivicNo } from '../../../domain/org/personnummer.js';
import { byPersonName, svCollator } from '../../../domain/org/sorting.js';
import { inForce, requireAction } from '../../platform/access/access.js';
import type { Actor } from '../../platform/access/actor.js';
import { audit } from '../../platform/audit/audit.js';
import { rows, type Db } from '../../platform/db/database.js';

type Value = string | number | Date | null;
interface SheetSpec { name: string; columns: { header: string; width: number; date?: boolean }[]; rows: Value[][] }

const MARKINGS: Record<string, string> = { none: '', confidential: 'sekretessmarkering', protected: 'skyddad folkbokföring' };
const ROLES: Record<string, string> = { teacher: 'lärare', principal: 'rektor', administrator: 'skoladministratör', student_health: 'elevhälsa', analyst: 'analytiker' };
const TYPES: Record<string, string> = { class: 'klass', teaching: 'undervisningsgrupp', mentor: 'mentorsgrupp' };
const day = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
const sorted = (list: string[] | null) => (list ?? []).filter(Boolean).sort(svCollator.compare).join(', ');

/** The unit's register as an Excel workbook. A person with protected registration (or a guardian of such a
 *  pupil) is listed without address and contact details; the export is audited. */
export function registerExport(db: Db) {
  async function sheets(actor: Actor): Promise<{ specs: SheetSpec[]; protectedPupils: string[] }> {
    const org = actor.organiserId; const unit = actor.unitId; const today = actor.today;
    const pupils = await rows<any>(db, sql`
      select p.id, p.civic_no, p.given_name as "givenName", p.family_name as "familyName", p.security_marking, p.email, p.phone, p.street_address, p.postal_code, p.city,
             e.school_year, e.school_form, to_char(e.start_date, 'YYYY-MM-DD') as start_date,
             (select array_agg(g.name) from group_membership m join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id
               where m.organiser_id = p.organiser_id and m.person_id = p.id and g.group_type = 'class' and ${inForce(sql`m.start_date`, sql`m.end_date`, today)}) as classes,
             (select array_agg(g.name) from group_membership m join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id
               where m.organiser_id = p.organiser_id and m.person_id = p.id and g.group_type <> 'class' and ${inForce(sql`m.start_date`, sql`m.end_date`, today)}) as groups,
             (select array_agg(gp.given_name || ' ' || gp.family_name) from guardianship gu join person gp on gp.organiser_id = gu.organiser_id and gp.id = gu.guardian_id
               where gu.organiser_id = p.organiser_id and gu.child_id = p.id and ${inForce(sql`gu.start_date`, sql`gu.end_date`, today)}) as guardians
        from enrolment e join person p on p.organiser_id = e.organiser_id and p.id = e.person_id
       where e.organiser_id = ${org} and e.school_unit_id = ${unit} and ${inForce(sql`e.start_date`, sql`e.end_date`, today)}`);
    const guardians = await rows<any>(db, sql`
      select gp.civic_no, gp.given_name as "givenName", gp.family_name as "familyName", gp.security_marking, gp.email, gp.phone, gp.street_address, gp.postal_code, gp.city,
             c.given_name || ' ' || c.family_name as child, c.civic_no as child_civic_no, c.security_marking as child_marking, to_char(gu.start_date, 'YYYY-MM-DD') as start_date
        from guardianship gu join person gp on gp.organiser_id = gu.organiser_id and gp.id = gu.guardian_id
        join person c on c.organiser_id = gu.organiser_id and c.id = gu.child_id
       where gu.organiser_id = ${org} and ${inForce(sql`gu.start_date`, sql`gu.end_date`, today)}
         and exists (select 1 from enrolment e where e.organiser_id = gu.organiser_id and e.person_id = gu.child_id and e.school_unit_id = ${unit}
                      and ${inForce(sql`e.start_date`, sql`e.end_date`, today)})`);
    const staff = await rows<any>(db, sql`
      select p.civic_no, p.given_name as "givenName", p.family_name as "familyName", p.security_marking, p.work_email, p.work_phone,
             d.role, d.licensed, d.qualified_subjects, to_char(d.start_date, 'YYYY-MM-DD') as start_date, to_char(d.end_date, 'YYYY-MM-DD') as end_date
        from duty d join person p on p.organiser_id = d.organiser_id and p.id = d.person_id
       where d.organiser_id = ${org} and d.school_unit_id = ${unit} and (d.end_date is null or d.end_date >= ${today}::date)`);
    const groups = await rows<any>(db, sql`
      select g.name, g.group_type, g.subject_code, g.school_year, to_char(g.start_date, 'YYYY-MM-DD') as start_date, to_char(g.end_date, 'YYYY-MM-DD') as end_date,
             (select count(*)::int from group_membership m where m.organiser_id = g.organiser_id and m.group_id = g.id and ${inForce(sql`m.start_date`, sql`m.end_date`, today)}) as pupils,
             (select array_agg(sp.given_name || ' ' || sp.family_name) from group_staff gs join person sp on sp.organiser_id = gs.organiser_id and sp.id = gs.person_id
               where gs.organiser_id = g.organiser_id and gs.group_id = g.id and ${inForce(sql`gs.start_date`, sql`gs.end_date`, today)}) as staff
        from student_group g where g.organiser_id = ${org} and g.school_unit_id = ${unit} and (g.end_date is null or g.end_date >= ${today}::date)`);

    const hidden = (marking: string) => marking === 'protected';
    const contact = (p: any, hide: boolean): Value[] => (hide ? [null, null, null, null, null] : [p.email, p.phone, p.street_address, p.postal_code, p.city]);
    const civic = (c: string | null) => (c ? formatCivicNo(c) : null);
    const contactColumns = [{ header: 'E-post', width: 28 }, { header: 'Telefon', width: 16 }, { header: 'Adress', width: 26 }, { header: 'Postnummer', width: 12 }, { header: 'Ort', width: 16 }];
    const nameColumns = [{ header: 'Personnummer', width: 16 }, { header: 'Efternamn', width: 18 }, { header: 'Förnamn', width: 16 }];
    return {
      protectedPupils: pupils.filter((p) => hidden(p.security_marking)).map((p) => p.id),
      specs: [
        { name: 'Elever', columns: [...nameColumns, { header: 'Årskurs', width: 9 }, { header: 'Skolform', width: 10 }, { header: 'Klass', width: 10 },
          { header: 'Grupper', width: 50 }, { header: 'Vårdnadshavare', width: 40 }, ...contactColumns, { header: 'Skydd', width: 22 }, { header: 'Inskriven från', width: 14, date: true }],
        rows: pupils.sort(byPersonName).map((p) => [civic(p.civic_no), p.familyName, p.givenName, p.school_year === 0 ? 'F' : p.school_year, p.school_form, sorted(p.classes),
          sorted(p.groups), sorted(p.guardians), ...contact(p, hidden(p.security_marking)), MARKINGS[p.security_marking], day(p.start_date)]) },
        { name: 'Vårdnadshavare', columns: [...nameColumns, { header: 'Elev', width: 24 }, { header: 'Elevens personnummer', width: 20 }, ...contactColumns, { header: 'Från', width: 12, date: true }],
          rows: guardians.sort(byPersonName).map((g) => [civic(g.civic_no), g.familyName, g.givenName, g.child, civic(g.child_civic_no),
            ...contact(g, hidden(g.security_marking) || hidden(g.child_marking)), day(g.start_date)]) },
        { name: 'Personal', columns: [...nameColumns, { header: 'Roll', width: 18 }, { header: 'Legitimerad', width: 12 }, { header: 'Behörig i ämnen', width: 24 },
          { header: 'E-post (arbete)', width: 28 }, { header: 'Telefon (arbete)', width: 16 }, { header: 'Från', width: 12, date: true }, { header: 'Till', width: 12, date: true }],
        rows: staff.sort(byPersonName).map((s) => [civic(s.civic_no), s.familyName, s.givenName, ROLES[s.role] ?? s.role, s.licensed ? 'ja' : 'nej', (s.qualified_subjects ?? []).join(' '),
          hidden(s.security_marking) ? null : s.work_email, hidden(s.security_marking) ? null : s.work_phone, day(s.start_date), day(s.end_date)]) },
        { name: 'Klasser och grupper', columns: [{ header: 'Namn', width: 20 }, { header: 'Typ', width: 20 }, { header: 'Ämne', width: 8 }, { header: 'Årskurs', width: 9 },
          { header: 'Elever', width: 8 }, { header: 'Lärare och mentorer', width: 40 }, { header: 'Från', width: 12, date: true }, { header: 'Till', width: 12, date: true }],
        rows: groups.sort((a, b) => svCollator.compare(a.name, b.name)).map((g) => [g.name, TYPES[g.group_type], g.subject_code, g.school_year, g.pupils, sorted(g.staff), day(g.start_date), day(g.end_date)]) },
      ],
    };
  }

  /** Audits the export, then streams the workbook sheet by sheet, row by row. */
  async function exportRegister(actor: Actor): Promise<PassThrough> {
    requireAction(actor, 'register.administer');
    const { specs, protectedPupils } = await sheets(actor);
    await audit(db, { organiserId: actor.organiserId, actorPersonId: actor.personId, actorRole: actor.role, actorUnitId: actor.unitId,
      action: 'register.exported', entityType: 'school_unit', entityId: actor.unitId,
      details: { unitId: actor.unitId, counts: Object.fromEntries(specs.map((s) => [s.name, s.rows.length])), protectedPupilIds: protectedPupils }, ip: actor.ip });
    const stream = new PassThrough();
    void write(stream, specs).catch((e) => stream.destroy(e as Error));
    return stream;
  }

  return { exportRegister };
}

async function write(stream: PassThrough, specs: SheetSpec[]) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Lärka';
  for (const spec of specs) {
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = spec.columns.map((c) => ({ header: c.header, width: c.width, style: c.date ? { numFmt: 'yyyy-mm-dd' } : {} }));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for (const r of spec.rows) sheet.addRow(r).commit();
    sheet.commit();
  }
  await workbook.commit();
}
