import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { one, rows } from '../../src/server/platform/db/database.js';
import { startTestApp, type Client, type TestApp } from '../support/api.js';
import { startSmtpServer } from '../support/smtp.js';
import { childOf, count, fixedClock, loggedIn, otherGuardianOf, registeredAbsence, TODAY } from './absence-report-helpers.js';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let guardian: Client;
let olle: { id: string; givenName: string };
let secondGuardian: string;

const notify = (pupilId: string, day = TODAY) => t.database.db.transaction((tx) =>
  t.app.sameDayNotices.onInvalidAbsence(tx, [{ organiserId: t.organiserId, pupilId, day }]));

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.LARKA_SMTP_URL = smtp.url;
  process.env.LARKA_MAIL_FROM = 'Lärkby skola <skola@larkby.example>';
  t = await startTestApp({ clock: fixedClock });
  delete process.env.LARKA_SMTP_URL;
  guardian = await loggedIn(t, 'vardnadshavare');
  olle = await childOf(t, 'vardnadshavare', 'Björkskolan');
  secondGuardian = await otherGuardianOf(t, olle.id, 'vardnadshavare', 'vh_andra');
  await t.database.db.execute(sql`update person set email = case when id = ${guardian.body.person.id} then 'sofia@example.se' else 'andra@example.se' end
    where id in (${guardian.body.person.id}, ${secondGuardian})`);
});
afterAll(async () => { await t?.close(); await smtp?.close(); });

describe('same-day notice of invalid absence', () => {
  it('each guardian with custody gets an in-app notice and an e-mail the same day', async () => {
    await registeredAbsence(t, olle.id, TODAY, '08:10', '09:00');
    expect(await notify(olle.id)).toBe(2);
    await t.app.mail.sweep();
    const mails = await smtp.waitFor(2);
    const toSofia = mails.find((m) => m.to.includes('sofia@example.se'))!;
    expect(toSofia.subject).toBe(`Frånvaro utan anmälan idag: ${olle.givenName}`);
    expect(toSofia.text).toContain(`${olle.givenName} är registrerad med ogiltig frånvaro`);
    expect(toSofia.text).toContain(TODAY);
    expect(toSofia.text).toMatch(/08:10–09:00/);
    expect(mails.map((m) => m.to).flat().sort()).toEqual(['andra@example.se', 'sofia@example.se']);
    expect(await count(t, 'mail_outbox', sql`status = 'sent' and attempts = 1`)).toBe(2);
  });

  it('the mail names no other child: not a sibling, not a classmate', async () => {
    const ida = await childOf(t, 'vardnadshavare', 'Eksätraskolan');
    const idaName = (await one<{ n: string }>(t.database.db, sql`select given_name || ' ' || family_name as n from person where id = ${ida.id}`))!.n;
    const classmates = await rows<{ name: string }>(t.database.db, sql`select p.given_name || ' ' || p.family_name as name from group_membership m
      join group_membership mine on mine.group_id = m.group_id and mine.person_id = ${olle.id} join person p on p.id = m.person_id where m.person_id <> ${olle.id}`);
    for (const m of smtp.received) {
      expect(m.text).not.toContain(idaName);
      for (const c of classmates) expect(m.text).not.toContain(c.name);
      expect(m.text).not.toMatch(/\d{8}-?\d{4}/); // no civic numbers
    }
  });

  it('is told once a day: another invalid absence the same day adds no notice', async () => {
    await registeredAbsence(t, olle.id, TODAY, '10:15', '11:00');
    expect(await notify(olle.id)).toBe(0);
    expect(await count(t, 'notice', sql`pupil_id = ${olle.id}`)).toBe(2);
  });

  it('the guardian sees it under "Meddelanden" with the unread count, and marks it read', async () => {
    const list = await guardian.get('/api/notices');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ unread: 1, notices: [{ title: 'Frånvaro utan anmälan idag', pupilId: olle.id, day: TODAY, readAt: null }] });
    const id = list.json().notices[0].id;
    const other = await loggedIn(t, 'vh_andra');
    expect((await other.request('POST', `/api/notices/${id}/read`)).statusCode).toBe(404); // not theirs
    const read = await guardian.request('POST', `/api/notices/${id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().unread).toBe(0);
    expect((await other.get('/api/notices')).json().unread).toBe(1);
  });

  it('a unit with same-day notice switched off tells no one', async () => {
    const ida = await childOf(t, 'vardnadshavare', 'Eksätraskolan');
    await t.database.db.execute(sql`insert into unit_absence_setting (organiser_id, school_unit_id, same_day_notice)
      select organiser_id, id, false from school_unit where name = 'Eksätraskolan'`);
    await registeredAbsence(t, ida.id, TODAY, '08:10', '09:00');
    expect(await notify(ida.id)).toBe(0);
    expect(await count(t, 'notice', sql`pupil_id = ${ida.id}`)).toBe(0);
  });

  it('a guardian whose custody has ended is not told', async () => {
    const pupil = (await one<{ child_id: string }>(t.database.db, sql`select gu.child_id from guardianship gu join enrolment e on e.person_id = gu.child_id
      join school_unit u on u.id = e.school_unit_id and u.name = 'Björkskolan' where gu.child_id <> ${olle.id} limit 1`))!.child_id;
    await t.database.db.execute(sql`update guardianship set end_date = '2026-11-01' where child_id = ${pupil}`);
    await registeredAbsence(t, pupil, TODAY, '08:10', '09:00');
    expect(await notify(pupil)).toBe(0);
  });

  it('an absence made valid since (a report) tells no one', async () => {
    const pupil = (await one<{ child_id: string }>(t.database.db, sql`select gu.child_id from guardianship gu join enrolment e on e.person_id = gu.child_id
      join school_unit u on u.id = e.school_unit_id and u.name = 'Björkskolan' where gu.end_date is null and gu.child_id <> ${olle.id} limit 1`))!.child_id;
    const d = await registeredAbsence(t, pupil, TODAY, '08:10', '09:00');
    await t.database.db.execute(sql`update attendance_deviation set valid = true where id = ${d}`);
    expect(await notify(pupil)).toBe(0);
  });
});

describe('without SMTP', () => {
  it('mail is off and the outbox stays pending', async () => {
    const other = await startTestApp({ clock: fixedClock });
    try {
      expect(other.app.mail.enabled).toBe(false);
      const pupil = await childOf(other, 'vardnadshavare', 'Björkskolan');
      await other.database.db.execute(sql`update person set email = 'sofia@example.se' where id = (select person_id from account where username = 'vardnadshavare')`);
      await registeredAbsence(other, pupil.id, TODAY, '08:10', '09:00');
      await other.database.db.transaction((tx) => other.app.sameDayNotices.onInvalidAbsence(tx, [{ organiserId: other.organiserId, pupilId: pupil.id, day: TODAY }]));
      expect(await other.app.mail.sweep()).toBe(0);
      expect(await count(other, 'mail_outbox', sql`status = 'pending' and attempts = 0`)).toBeGreaterThan(0);
    } finally {
      await other.close();
    }
  });
});
