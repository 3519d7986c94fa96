// Journey: `huvudman` (the organiser-level administrator) opens Administration → Import via SS 12000 and
// imports the server's own demo over SS 12000 (its /ss12000 with the demo client): the progress bar runs,
// and the result says every record is unchanged — importing the register into itself changes nothing.
// A wrong secret fails the run with the reason. axe; screenshots.
import { describe, expect, it } from 'vitest';
import { journey, login, screenshot, seriousA11yViolations } from './browser';

describe('import via SS 12000: the demo into itself is all unchanged', () => {
  const j = journey();

  it('huvudman starts a full import from the server\'s own SS 12000 and sees the counts', async () => {
    const { page, server } = j;
    await login(page, 'huvudman');
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('admin-section-ss12000-import').click();
    await page.getByTestId('ss12000-import-page').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByTestId('ss12000-url').fill(`${server.baseUrl}/ss12000`);
    await page.getByTestId('ss12000-client-id').fill('demo-client');
    await page.getByTestId('ss12000-client-secret').fill('demo-secret');
    await page.getByTestId('ss12000-full').check();
    await page.getByTestId('ss12000-start').click();
    await page.getByTestId('ss12000-run').waitFor();
    if (await page.getByTestId('ss12000-progress').isVisible()) await screenshot(page, 'ss12000-import-running');
    await page.locator('[data-testid="ss12000-run"][data-status="succeeded"]').waitFor({ timeout: 60_000 });
    const persons = page.getByTestId('ss12000-count-persons');
    expect(Number(await persons.locator('[data-col="unchanged"]').textContent())).toBeGreaterThan(100);
    for (const col of ['created', 'updated', 'deleted']) {
      expect(await page.getByTestId('ss12000-counts').locator(`[data-col="${col}"]`).allTextContents(), col).toEqual(Array(9).fill('0'));
    }
    expect(await page.getByTestId('ss12000-none-rejected').textContent()).toBe('Inga poster avvisades.');
    expect(await page.getByTestId('ss12000-client-secret').inputValue()).toBe('');
    await page.getByTestId('ss12000-history').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'ss12000-import-result');
  });

  it('a wrong secret: the run fails with the source\'s refusal', async () => {
    const { page } = j;
    await page.getByTestId('ss12000-client-secret').fill('fel');
    await page.getByTestId('ss12000-start').click();
    await page.locator('[data-testid="ss12000-run"][data-status="failed"]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('ss12000-failed').textContent()).toContain('Källan godtog inte klientuppgifterna (401)');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'ss12000-import-failed');
  });
});
