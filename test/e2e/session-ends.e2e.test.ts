// The session ends while a teacher works (idle timeout, expiry, or logged out elsewhere): the next call
// takes them to the login page, which says why, and logging in brings them back where they were.
import { describe, expect, it } from 'vitest';
import { journey, login, seriousA11yViolations } from './browser';

describe('when the session ends', () => {
  const j = journey();

  it('the next call goes to the login page, which says why; logging in returns to the page', async () => {
    const page = j.page;
    await login(page, 'larare');
    await page.goto('/betyg');
    await page.getByRole('heading', { level: 1 }).waitFor();

    // the session ends on the server (here: logged out from elsewhere with the same cookie)
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const session = await (await fetch(`${j.server.baseUrl}/api/session`, { headers: { cookie } })).json() as { csrfToken: string };
    const ended = await fetch(`${j.server.baseUrl}/api/session`, { method: 'DELETE', headers: { cookie, 'x-csrf-token': session.csrfToken } });
    expect(ended.status).toBe(204);

    // any call now finds the session gone: here, opening a group to grade
    const group = page.getByRole('main').getByRole('link').filter({ hasText: /\d[A-Z]/ }).first();
    const groupPath = new URL(String(await group.getAttribute('href')), j.server.baseUrl).pathname;
    expect(groupPath).toMatch(/^\/betyg\/grupp\//);
    await group.click();
    await page.waitForURL((url) => url.pathname === '/login');
    expect(await page.getByTestId('session-ended').textContent()).toBe('Du har loggats ut eftersom sessionen tog slut. Logga in igen så kommer du tillbaka dit du var.');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('Användarnamn').fill('larare');
    await page.getByLabel('Lösenord', { exact: true }).fill('demo');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL((url) => url.pathname === groupPath);
    await page.getByTestId('register-title').waitFor();
    expect(await page.getByTestId('session-ended').count()).toBe(0);
  }, 60_000);
});
