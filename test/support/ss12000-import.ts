// Helpers of the SS 12000 import tests: an empty Lärka instance (migrated, only its organiser, as the
// server makes one with LARKA_SEED=none), and the registers of an instance in a form two can be compared in.
import fs from 'node:fs';
import { inject } from 'vitest';
import { sql } from 'drizzle-orm';
import { systemClock } from '../../src/domain/common/dates.js';
import { prepareDatabase } from '../../src/server/bootstrap.js';
import { readConfig } from '../../src/server/platform/config/config.js';
import { rows, type Database, type Db } from '../../src/server/platform/db/database.js';
import { adminQuery, withDatabase } from './demo-template.js';
import { testTempDir } from './temp-dir.js';

export interface EmptyInstance { database: Database; organiserId: string; close(): Promise<void> }

export async function emptyInstance(): Promise<EmptyInstance> {
  const base = { ...readConfig({}), seedPreset: 'none' as const, organiserName: 'Tomby kommun' };
  let drop: () => Promise<void> = async () => {};
  let config;
  if (process.env.LARKA_TEST_DB === 'postgres' && inject('pgTemplate') && process.env.TEST_DATABASE_URL) {
    const server = process.env.TEST_DATABASE_URL;
    const name = `larka_e_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    await adminQuery(server, `create database ${name}`);
    drop = () => adminQuery(server, `drop database if exists ${name} with (force)`);
    config = { ...base, databaseUrl: withDatabase(server, name), poolSize: 4 };
  } else {
    const dataDir = testTempDir('larka-empty-');
    drop = async () => fs.rmSync(dataDir, { recursive: true, force: true });
    config = { ...base, databaseUrl: null, dataDir };
  }
  const { database, organiser } = await prepareDatabase(config, systemClock, () => {});
  return { database, organiserId: organiser.id, async close() { await database.close(); await drop(); } };
}

const q = <T>(db: Db, s: ReturnType<typeof sql>) => rows<T>(db, s);

/** The register as comparable rows: units by code, persons by civic number, and their relations. */
export async function registerOf(db: Db) {
  const civic = (alias: string) => sql.raw(`coalesce(${alias}.civic_no, ${alias}.id::text)`);
  return {
    units: await q(db, sql`select school_unit_code as code, name from school_unit order by 1`),
    persons: await q(db, sql`select ${civic('p')} as civic, given_name, family_name, coalesce(sex, 'X') as sex, status from person p
      where exists (select 1 from enrolment e where e.person_id = p.id) or exists (select 1 from duty d where d.person_id = p.id and d.school_unit_id is not null)
        or exists (select 1 from guardianship g where g.guardian_id = p.id or g.child_id = p.id) order by 1`),
    enrolments: await q(db, sql`select ${civic('p')} as civic, u.school_unit_code as unit, e.school_year, e.school_form, e.start_date::text, e.end_date::text
      from enrolment e join person p on p.id = e.person_id join school_unit u on u.id = e.school_unit_id order by 1, 2, 5`),
    guardians: await q(db, sql`select ${civic('c')} as child, ${civic('g')} as guardian from guardianship x join person c on c.id = x.child_id join person g on g.id = x.guardian_id
      where x.end_date is null or x.end_date > current_date order by 1, 2`),
    groups: await q(db, sql`select u.school_unit_code as unit, g.name, g.group_type, g.subject_code, g.start_date::text,
      (select string_agg(${civic('p')}, ' ' order by ${civic('p')}) from group_membership m join person p on p.id = m.person_id
        where m.group_id = g.id and (m.end_date is null or m.end_date > current_date)) as members
      from student_group g join school_unit u on u.id = g.school_unit_id where g.end_date is null or g.end_date > current_date order by 1, 2, 3, 5`),
    duties: await q(db, sql`select ${civic('p')} as civic, u.school_unit_code as unit, d.role, d.start_date::text, d.end_date::text
      from duty d join person p on p.id = d.person_id join school_unit u on u.id = d.school_unit_id order by 1, 2, 3, 4`),
  };
}
