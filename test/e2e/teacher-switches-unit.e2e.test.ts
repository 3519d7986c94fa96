// Journey a: the teacher `larare` works at two units; switching unit shows the other unit's groups.
import { describe, expect, it } from 'vitest';
import { firstColumn, journey, login, screenshot, seriousA11yViolations } from './browser';

describe('teacher switches unit', () => {
  const j = journey();

  it('login page is accessible', async () => {
    await j.page.goto('/login');
    await j.page.getByRole('button', { name: 'Logga in' }).waitFor();
    const first = j.page.locator('input').first();
    expect(await first.getAttribute('autocomplete')).toBe('username');
    expect(await seriousA11yViolations(j.page)).toEqual([]);
    await screenshot(j.page, 'login');
  }, 60_000);

  it('sees the groups of unit 1, switches unit and sees the groups of unit 2', async () => {
    await login(j.page, 'larare');
    const switcher = j.page.getByTestId('unit-switcher');
    const unit1 = await switcher.inputValue();
    expect(unit1).not.toBe('');
    await expect.poll(() => j.page.getByTestId('start-context').textContent()).toContain(unit1);
    const groups1 = await firstColumn(j.page, 'groups-table');
    expect(groups1.length).toBeGreaterThan(0);

    await switcher.click();
    const options = (await j.page.getByRole('option').allTextContents()).map((s) => s.trim());
    const unit2 = options.find((name) => name !== unit1);
    expect(unit2, `a second unit among ${options.join(', ')}`).toBeTruthy();
    await j.page.getByRole('option', { name: unit2!, exact: true }).click();

    await expect.poll(() => j.page.getByTestId('start-context').textContent()).toContain(unit2!);
    await expect.poll(() => switcher.inputValue()).toBe(unit2);
    const groups2 = await firstColumn(j.page, 'groups-table');
    expect(groups2.length).toBeGreaterThan(0);
    expect(groups2).not.toEqual(groups1);

    expect(await seriousA11yViolations(j.page)).toEqual([]);
    await screenshot(j.page, 'teacher-switches-unit');
  }, 60_000);
});
