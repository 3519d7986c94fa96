import { describe, expect, it } from 'vitest';
import { startTestApp } from '../support/api.js';

describe('health when the database is gone', () => {
  it('answers 503 once the database cannot answer', async () => {
    const t = await startTestApp();
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    await t.database.close();
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'unavailable', reason: 'database' });
    await t.close();
  });
});
