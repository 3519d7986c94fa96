import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { systemClock } from '../../src/domain/common/dates.js';
import { prepareDatabase } from '../../src/server/bootstrap.js';
import { readConfig } from '../../src/server/platform/config/config.js';

/**
 * Seeds the demo municipality ONCE per test run into a template that every test file copies:
 * a PGlite data folder (copied per test file and per browser-journey server), and, when
 * TEST_DATABASE_URL is set, a PostgreSQL template database.
 */
export default async function setup(project: TestProject) {
  const t0 = Date.now();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'larka-template-'));
  const dataDir = path.join(root, 'data');
  const config = { ...readConfig({}), dataDir, databaseUrl: null };
  const serverUrl = process.env.TEST_DATABASE_URL;
  const onPostgres = !!serverUrl && project.config.env?.LARKA_TEST_DB === 'postgres';
  if (!onPostgres) {
    const { database } = await prepareDatabase(config, systemClock, () => {});
    await database.close();
  }
  project.provide('pgliteTemplateDir', dataDir);

  let pgTemplate: string | null = null;
  if (onPostgres && serverUrl) {
    pgTemplate = `larka_tpl_${process.pid}_${Date.now()}`;
    await adminQuery(serverUrl, `create database ${pgTemplate}`);
    const url = withDatabase(serverUrl, pgTemplate);
    const prepared = await prepareDatabase({ ...config, databaseUrl: url }, systemClock, () => {});
    await prepared.database.close();
  }
  project.provide('pgTemplate', pgTemplate);
  console.log(`[test] demo template seeded in ${Date.now() - t0} ms on ${pgTemplate ? 'PostgreSQL' : 'PGlite'}`);

  return async () => {
    if (pgTemplate && serverUrl) await adminQuery(serverUrl, `drop database if exists ${pgTemplate} with (force)`);
    fs.rmSync(root, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try { await client.query(statement); } finally { await client.end(); }
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplateDir: string;
    pgTemplate: string | null;
  }
}
