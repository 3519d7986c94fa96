// Journey b: `personal` is a teacher and a guardian; switching role from staff to guardian shows the children.
import { describe, expect, it } from 'vitest';
import { choose, firstColumn, journey, login, screenshot, seriousA11yViolations } from './browser';

describe('staff member switches role to guardian', () => {
  const j = journey();

  it('switches from staff to guardian and sees their children', async () => {
    await login(j.page, 'personal');
    const roleSwitcher = j.page.getByTestId('role-switcher');
    expect(await roleSwitcher.inputValue()).not.toBe('Vårdnadshavare');
    await j.page.getByRole('heading', { level: 2 }).first().waitFor();

    await choose(j.page, 'role-switcher', 'Vårdnadshavare');

    await expect.poll(() => roleSwitcher.inputValue()).toBe('Vårdnadshavare');
    await j.page.getByRole('heading', { level: 2, name: 'Mina barn' }).waitFor();
    const children = await firstColumn(j.page, 'children-table');
    expect(children.length).toBeGreaterThan(0);
    // a guardian acts for the family, not for a unit: no unit switcher
    expect(await j.page.getByTestId('unit-switcher').count()).toBe(0);

    expect(await seriousA11yViolations(j.page)).toEqual([]);
    await screenshot(j.page, 'staff-becomes-guardian');
  }, 60_000);
});
