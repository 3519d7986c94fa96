// Journey d: `mentor` opens their mentor class 9A from the start page, reads the class list and opens
// pupils (one of them with protected registration); a group of another unit is "not found or no access".
// `vardnadshavare` opens a child's page from the start page.
import { describe, expect, it } from 'vitest';
import { firstColumn, journey, login, newPage, screenshot, seriousA11yViolations } from './browser';

const sv = new Intl.Collator('sv', { numeric: true });

/** Logs in over the API (not the browser) and returns a GET helper carrying the session cookie. */
async function apiSession(baseUrl: string, username: string) {
  const res = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  expect(res.status).toBe(200);
  const cookieOf = (r: Response) => r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  let cookie = cookieOf(res);
  const session = (await res.json()) as {
    csrfToken: string;
    current: { unitId: string | null };
    roles: { role: string; units: { id: string; name: string }[] }[];
  };
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(r.status, `${method} ${path}`).toBe(200);
    if (r.headers.getSetCookie().length) cookie = cookieOf(r); // a context switch renews the session
    return (await r.json()) as T;
  };
  return { session, call };
}

/** The id of a group of `larare` at a unit other than `unitName` (switching unit when needed). */
async function groupOfAnotherUnit(baseUrl: string, unitName: string): Promise<string> {
  const { session, call } = await apiSession(baseUrl, 'larare');
  const other = session.roles.find((r) => r.role === 'teacher')?.units.find((u) => u.name !== unitName);
  expect(other, 'larare works at a second unit').toBeTruthy();
  if (session.current.unitId !== other!.id) {
    const switched = await call<{ csrfToken: string }>('PUT', '/api/session/context', { role: 'teacher', unitId: other!.id });
    session.csrfToken = switched.csrfToken;
  }
  const start = await call<{ groups: { id: string }[]; classes: { id: string }[] }>('GET', '/api/start');
  const id = start.groups[0]?.id ?? start.classes[0]?.id;
  expect(id).toBeTruthy();
  return id;
}

describe('teacher opens a group and a pupil', () => {
  const j = journey();

  it('opens the mentor class from the start page and sees the class list in Swedish order', async () => {
    await login(j.page, 'mentor');
    await j.page.getByTestId('mentor-classes-table').getByRole('link', { name: '9A', exact: true }).click();
    await j.page.waitForURL(/\/grupper\/[0-9a-f-]{36}$/);
    await j.page.getByRole('heading', { level: 1, name: '9A' }).waitFor();

    const facts = await j.page.getByTestId('group-facts').textContent();
    expect(facts).toContain('Klass');
    expect(facts).toContain('Björkskolan');
    const staff = j.page.getByTestId('staff-table');
    await expect.poll(() => staff.textContent()).toContain('Maria Sjöberg');
    expect(await staff.textContent()).toContain('Mentor');

    const family = await firstColumn(j.page, 'pupils-table');
    const given = (await j.page.getByTestId('pupils-table').locator('tbody tr > :nth-child(2)').allTextContents()).map((s) => s.trim());
    expect(family.length).toBeGreaterThanOrEqual(10);
    const names = family.map((f, i) => ({ f, g: given[i] }));
    const sorted = [...names].sort((a, b) => sv.compare(a.f, b.f) || sv.compare(a.g, b.g));
    expect(names).toEqual(sorted);
    expect(await j.page.getByTestId('pupil-count').textContent()).toBe(`${family.length} elever`);
    const dates = await j.page.getByTestId('pupils-table').locator('tbody tr > :nth-child(3)').allTextContents();
    for (const d of dates) expect(d.trim()).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    expect(await seriousA11yViolations(j.page)).toEqual([]);
    await screenshot(j.page, 'group-page');
  }, 60_000);

  it('opens a pupil from the class list and sees their short record', async () => {
    const groupUrl = j.page.url();
    const row = j.page.getByTestId('pupils-table').locator('tbody tr').first();
    const familyName = (await row.locator(':scope > :first-child').textContent())!.trim();
    const givenName = (await row.locator(':scope > :nth-child(2)').textContent())!.trim();
    await row.getByRole('link', { name: familyName, exact: true }).click();
    await j.page.waitForURL(/\/elever\/[0-9a-f-]{36}$/);
    await j.page.getByRole('heading', { level: 1, name: `${givenName} ${familyName}` }).waitFor();
    const facts = await j.page.getByTestId('pupil-facts').textContent();
    expect(facts).toContain('9A');
    expect(facts).toContain('Björkskolan');
    expect(await seriousA11yViolations(j.page)).toEqual([]);
    await screenshot(j.page, 'pupil-page');

    await j.page.goto(groupUrl);
    await j.page.getByRole('heading', { level: 1, name: '9A' }).waitFor();
  }, 60_000);

  it('shows "Skyddad" and a clear marker for a pupil with protected registration', async () => {
    // find a pupil of 9A with protected registration through the API, as the signed-in mentor
    const groupId = j.page.url().split('/').pop()!;
    const group = (await (await j.page.request.get(`/api/groups/${groupId}`)).json()) as { pupils: { id: string }[] };
    let protectedId: string | undefined;
    for (const p of group.pupils) {
      const summary = (await (await j.page.request.get(`/api/pupils/${p.id}`)).json()) as { contact: unknown };
      if (summary.contact === null) {
        protectedId = p.id;
        break;
      }
    }
    if (!protectedId) return; // the demo class has no protected pupil: nothing to check
    await j.page.locator(`a[href="/elever/${protectedId}"]`).first().click();
    await j.page.getByTestId('protected-marker').waitFor();
    expect(await j.page.getByTestId('protected-marker').textContent()).toBe('Skyddade personuppgifter');
    const contact = await j.page.getByTestId('pupil-contact').locator('td').allTextContents();
    expect(contact.length).toBeGreaterThan(0);
    for (const value of contact) expect(value).toBe('Skyddad');
    expect(await seriousA11yViolations(j.page)).toEqual([]);
    await screenshot(j.page, 'pupil-page-protected');
  }, 60_000);

  it('shows the not-found state for a group of another unit and for an unknown group', async () => {
    const otherGroup = await groupOfAnotherUnit(j.server.baseUrl, 'Björkskolan');
    for (const id of [otherGroup, crypto.randomUUID(), 'inte-ett-id']) {
      await j.page.goto(`/grupper/${id}`);
      await j.page
        .getByRole('heading', { level: 1, name: 'Gruppen finns inte eller så saknar du behörighet' })
        .waitFor();
    }
    await j.page.goto(`/elever/${crypto.randomUUID()}`);
    await j.page.getByRole('heading', { level: 1, name: 'Eleven finns inte eller så saknar du behörighet' }).waitFor();
    expect(await seriousA11yViolations(j.page)).toEqual([]);
    await screenshot(j.page, 'group-not-found');
    await j.page.getByRole('link', { name: 'Till startsidan' }).click();
    await j.page.getByTestId('mentor-classes-table').waitFor();
    await screenshot(j.page, 'mentor-start-links');
  }, 60_000);

  it('a guardian opens their child’s page from the start page', async () => {
    const guardianPage = await newPage(j.browser, j.server.baseUrl);
    await login(guardianPage, 'vardnadshavare');
    const children = await firstColumn(guardianPage, 'children-table');
    expect(children.length).toBeGreaterThan(0);
    await guardianPage.getByTestId('children-table').getByRole('link', { name: children[0], exact: true }).click();
    await guardianPage.waitForURL(/\/barn\/[0-9a-f-]{36}$/);
    await guardianPage.getByRole('heading', { level: 1, name: children[0] }).waitFor();
    expect(await seriousA11yViolations(guardianPage)).toEqual([]);
    await screenshot(guardianPage, 'guardian-opens-child');
    await guardianPage.context().close();
  }, 60_000);
});
