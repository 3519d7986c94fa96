import type { TestProject } from 'vitest/node';
import { PG_TEMPLATE_ENV, PGLITE_TEMPLATE_ENV, seedPgliteTemplate, seedPostgresTemplate, type Template } from './demo-template.js';

export { adminQuery, withDatabase } from './demo-template.js';

/**
 * The demo municipality every test file copies: a PGlite data folder (copied per test file and per
 * browser-journey server), and, when TEST_DATABASE_URL is set, a PostgreSQL template database.
 * `npm test` seeds them once for all tiers and passes them in LARKA_TEST_PGLITE_TEMPLATE and
 * LARKA_TEST_PG_TEMPLATE (see demo-template.ts); without those this tier seeds its own and removes it after.
 */
export default async function setup(project: TestProject) {
  const t0 = Date.now();
  const serverUrl = process.env.TEST_DATABASE_URL;
  const onPostgres = !!serverUrl && project.config.env?.LARKA_TEST_DB === 'postgres';
  const owned: Template<string>[] = [];
  const seeded: string[] = [];

  let pgliteDir = process.env[PGLITE_TEMPLATE_ENV] ?? '';
  if (!pgliteDir && !onPostgres) {
    const template = await seedPgliteTemplate();
    owned.push(template);
    pgliteDir = template.value;
    seeded.push('PGlite');
  }
  project.provide('pgliteTemplateDir', pgliteDir);

  let pgTemplate: string | null = null;
  if (onPostgres && serverUrl) {
    pgTemplate = process.env[PG_TEMPLATE_ENV] || null;
    if (!pgTemplate) {
      const template = await seedPostgresTemplate(serverUrl);
      owned.push(template);
      pgTemplate = template.value;
      seeded.push('PostgreSQL');
    }
  }
  project.provide('pgTemplate', pgTemplate);
  if (seeded.length) console.log(`[test] demo template seeded in ${Date.now() - t0} ms on ${seeded.join(' and ')}`);

  return async () => {
    for (const template of owned) await template.remove();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplateDir: string;
    pgTemplate: string | null;
  }
}
