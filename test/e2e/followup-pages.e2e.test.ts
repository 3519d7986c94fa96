// Journey: the follow-up pages render the report contract exactly — a hand-made report (the shape the API
// gives) is served in place of the analysis, so that the presentation is checked on known figures: Swedish
// notation, ".." verbatim, tests in words (only a clear difference has a direction), the planted pattern,
// the measure beside its row, drill-down, the pupils of a group, and actual vs expected. axe-clean; screenshots.
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEACHER_QUESTIONS } from '../../src/domain/followup/reflection';
import { expectedReport, groupReport, unitReport } from '../../src/web/followup/fixtures/report.fixture';
import { journey, login, newPage, screenshot, seriousA11yViolations } from './browser';

const json = (route: Route, body: unknown) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });

/** Serves the hand-made reports for the follow-up API (and the fixture group's reflections); records the
 *  paths asked for; the findings go to the real server. */
async function serveFixtures(page: Page, asked: string[]) {
  await page.route(/\/api\/followup\//, (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.startsWith('/api/followup/findings')) return route.fallback();
    asked.push(url.pathname + url.search);
    if (url.pathname === '/api/followup/groups/g-9a-ma/reflections') {
      return json(route, { group: { id: 'g-9a-ma', name: '9A Matematik' }, questions: TEACHER_QUESTIONS, mayWrite: false, mine: null, reflections: [] });
    }
    if (url.pathname.startsWith('/api/followup/units/')) return json(route, { ...unitReport, id: url.pathname.split('/')[4] });
    if (url.pathname === '/api/followup/groups/g-9a-ma') return json(route, groupReport);
    if (url.pathname === '/api/followup/organiser') return json(route, { ...unitReport, level: 'organiser', id: 'org', title: 'Demo kommun', parents: [] });
    if (url.pathname === '/api/followup/expected') return json(route, expectedReport);
    return route.fulfill({ status: 404, contentType: 'application/json', body: '{"error":{"code":"not_found","message":"not found"}}' });
  });
}

describe('follow-up pages render the report as the contract gives it', () => {
  const j = journey();
  const asked: string[] = [];

  it('the principal opens Uppföljning and reads the unit report: words, hidden figures, pattern, measure', async () => {
    const { page } = j;
    await serveFixtures(page, asked);
    await login(page, 'rektor');
    await page.getByTestId('nav-followup').click();
    await page.getByTestId('followup-report-unit').waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/uppfoljning\/enhet\/[0-9a-f-]+$/);
    expect(await page.getByTestId('report-title').textContent()).toBe('Björkskolan');

    const table = page.getByTestId('subject-MA-deviation-table');
    const total = table.locator('tbody tr').first();
    expect(await total.locator('td').allTextContents()).toEqual(expect.arrayContaining(['58', '5 %', '60 %', '35 %']));
    expect(await page.getByTestId('sign-total').first().textContent()).toBe('Tydligt högre än provbetygen (q = 0,003)');
    expect(await page.getByTestId('sign-g-9b-ma').textContent()).toBe('Ingen tydlig skillnad');
    expect(await page.getByTestId('sign-g-9b-ma').getAttribute('data-clear')).toBe('false');
    const small = table.locator('tbody tr', { hasText: '9C Matematik (liten)' });
    expect(await small.locator('td').nth(0).textContent()).toBe('..');
    expect(await small.getByRole('link').count(), 'no drill where the API gives none').toBe(0);
    expect(await page.getByTestId('findings-g-9a-ma').textContent()).toContain('Insats: sambedömning, uppföljning 2026-03-01');
    expect(await page.getByTestId('subject-MA-reference').textContent()).toContain('Riket 2022/23: 25 % högre');
    expect(await page.getByTestId('pattern').first().textContent()).toContain('Enhet: Björkskolan, Matematik årskurs 9: betygen högre');
    expect(await page.getByTestId('subject-MA-deviation-chart').getAttribute('role')).toBe('img');
    expect(await page.getByTestId('subject-MA-deviation-chart').locator('svg').count()).toBe(1);
    expect(await page.getByTestId('subject-MU-distribution-chart').locator('svg').count()).toBe(1);
    expect(await page.getByTestId('legend').textContent()).toContain('Benjamini–Hochberg');
    // the principal's findings on the unit's mathematics open beside its figures (the real findings API)
    await page.getByTestId('findings-toggle-MA').click();
    await page.getByTestId('subject-MA').getByTestId('findings-panel').waitFor();
    expect(await page.getByTestId('findings-panel').count(), 'one panel open at a time').toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'followup-pages-unit');
  });

  it('the school year chosen goes into the address and the request', async () => {
    const { page } = j;
    await page.getByTestId('choose-school-year').click();
    await page.getByRole('option', { name: '2024/2025', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('lasar')).toBe('2024/2025');
    await expect.poll(() => asked.some((p) => p.includes('schoolYear=2024%2F2025'))).toBe(true);
  });

  it('drills down to a group: the pupils with their grades and test grades, the breadcrumb back', async () => {
    const { page } = j;
    await page.getByTestId('subject-MA-deviation-table').getByTestId('drill-g-9a-ma').click();
    await page.getByTestId('followup-report-group').waitFor();
    expect(new URL(page.url()).pathname).toBe('/uppfoljning/grupp/g-9a-ma');
    const names = await page.getByTestId('pupils-table').locator('tbody tr > :first-child').allTextContents();
    expect(names).toEqual(['Alva Andersson', 'Åsa Åberg', 'Örjan Öberg']); // family name, Swedish order
    expect(await page.getByTestId('pupils-table').locator('tbody tr', { hasText: 'Åsa' }).textContent()).toContain('Deltog ej');
    expect(await page.getByTestId('breadcrumb').getByRole('link').allTextContents()).toEqual(['Demo kommun', 'Björkskolan']);
    await page.getByTestId('reflection-panel').waitFor(); // the teachers' reflection beside the group analysis
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'followup-pages-group');
  });

  it('the analyst sees actual against expected, explained, and not as a ranking', async () => {
    const page = await newPage(j.browser, j.server.baseUrl);
    await serveFixtures(page, asked);
    await login(page, 'analytiker');
    await page.getByTestId('nav-followup').click();
    await page.getByTestId('followup-report-organiser').waitFor();
    await page.getByTestId('link-expected').click();
    await page.getByTestId('followup-expected').waitFor();
    expect(await page.getByTestId('expected-explanation').textContent()).toContain('inte en rangordning');
    expect(await page.getByTestId('expected-table').locator('tbody tr > :first-child').allTextContents()).toEqual(['Alskolan', 'Björkskolan', 'Ekskolan']);
    expect(await page.getByTestId('expected-verdict-u-bjork').textContent()).toBe('Tydligt över det förväntade');
    expect(await page.getByTestId('expected-verdict-u-ek').textContent()).toBe('Ingen tydlig skillnad');
    expect(await page.getByTestId('expected-chart').locator('svg circle, svg path').count()).toBeGreaterThan(2);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'followup-pages-expected');
  });
});
