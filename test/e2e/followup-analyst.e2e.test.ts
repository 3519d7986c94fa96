// Journey: `analytiker` opens "Uppföljning": the organiser's report lists the planted recurring pattern (the
// unit whose mathematics grades are above the test grades year after year) with its evidence, and the expected
// value page shows each unit's actual against expected merit value, the planted unit clearly above, with the
// explanation that it is not a ranking. axe; screenshots.
import { describe, expect, it } from 'vitest';
import { PLANTED } from '../../src/server/org/demo/history-units';
import { journey, login, screenshot, seriousA11yViolations } from './browser';

describe('follow-up: the analyst sees the pattern and actual against expected', () => {
  const j = journey();

  it('the organiser report lists the planted unit as a recurring pattern, with its years', async () => {
    const { page } = j;
    await login(page, 'analytiker');
    await page.getByTestId('nav-followup').click();
    await page.getByTestId('followup-report-organiser').waitFor();
    const pattern = page.getByTestId('pattern').filter({ hasText: `Enhet: ${PLANTED.generousUnit.unitName}, Matematik årskurs 9: betygen högre` });
    await pattern.waitFor();
    expect(await pattern.locator('tbody tr').count()).toBeGreaterThan(1);
    expect(await page.getByTestId('subject-MA-deviation-table').locator('tbody tr > :first-child').allTextContents()).toContain(PLANTED.generousUnit.unitName);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'followup-analyst-organiser');
  });

  it('actual against expected: the planted unit clearly above, explained, not a ranking', async () => {
    const { page } = j;
    await page.getByTestId('link-expected').click();
    await page.getByTestId('followup-expected').waitFor();
    const row = page.getByTestId('expected-table').locator('tbody tr', { hasText: PLANTED.generousUnit.unitName });
    expect(await row.textContent()).toContain('Tydligt över det förväntade');
    expect(await page.getByTestId('expected-explanation').textContent()).toContain('inte en rangordning');
    expect(await page.getByTestId('expected-chart').locator('svg').count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'followup-analyst-expected');
  });
});
