import { defineConfig } from 'vitest/config';

// Vitest's default is one worker per core but one (cores − 1): on a 2-core machine one file at a time.
// The unit and api files each hold their own database copy, so two run side by side (LARKA_TEST_WORKERS
// to change it). The journeys could too (each has its own server, port and data folder), but two at a time
// on the 2-core CI machine made a few of them miss their 15 s waits: one at a time (LARKA_E2E_WORKERS=2 to try).
const workers = Number(process.env.LARKA_TEST_WORKERS) || 2;
const journeys = Number(process.env.LARKA_E2E_WORKERS) || 1;

const api = (name: string, db: 'pglite' | 'postgres') => ({
  test: {
    name, include: ['test/api/**/*.test.ts'], environment: 'node',
    globalSetup: ['test/support/global-setup.ts'], env: { LARKA_TEST_DB: db },
    testTimeout: 30_000, hookTimeout: 120_000, maxWorkers: workers,
  },
});

/** Tiers: unit (pure rules), api (inject, PGlite; and PostgreSQL when TEST_DATABASE_URL is set), e2e (Chromium). */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'], environment: 'node', testTimeout: 30_000, maxWorkers: workers } },
      api('api', 'pglite'),
      ...(process.env.TEST_DATABASE_URL ? [api('api-postgres', 'postgres')] : []),
      { test: { name: 'e2e', include: ['test/e2e/**/*.e2e.test.ts'], environment: 'node', maxWorkers: journeys,
        globalSetup: ['test/support/global-setup.ts', 'test/support/web-build.ts'], testTimeout: 60_000, hookTimeout: 120_000 } },
    ],
  },
});
