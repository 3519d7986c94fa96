import { defineConfig } from 'vitest/config';

const api = (name: string, db: 'pglite' | 'postgres') => ({
  test: {
    name, include: ['test/api/**/*.test.ts'], environment: 'node',
    globalSetup: ['test/support/global-setup.ts'], env: { LARKA_TEST_DB: db },
    testTimeout: 30_000, hookTimeout: 120_000,
  },
});

/** Tiers: unit (pure rules), api (inject, PGlite; and PostgreSQL when TEST_DATABASE_URL is set), e2e (Chromium). */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      api('api', 'pglite'),
      ...(process.env.TEST_DATABASE_URL ? [api('api-postgres', 'postgres')] : []),
      { test: { name: 'e2e', include: ['test/e2e/**/*.e2e.test.ts'], environment: 'node', fileParallelism: false,
        globalSetup: ['test/support/global-setup.ts', 'test/support/web-build.ts'], testTimeout: 60_000, hookTimeout: 120_000 } },
    ],
  },
});
