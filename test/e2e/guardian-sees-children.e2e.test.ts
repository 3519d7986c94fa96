// Journey c: `vardnadshavare` sees exactly their two children, at two different units.
import { describe, expect, it } from 'vitest';
import { firstColumn, journey, login, screenshot, seriousA11yViolations } from './browser';

describe('guardian sees their children', () => {
  const j = journey();

  it('shows exactly two children at different units', async () => {
    await login(j.page, 'vardnadshavare');
    await j.page.getByRole('heading', { level: 2, name: 'Mina barn' }).waitFor();
    const children = await firstColumn(j.page, 'children-table');
    expect(children).toHaveLength(2);
    const units = await j.page.getByTestId('children-table').locator('tbody tr > :nth-child(2)').allTextContents();
    expect(new Set(units).size).toBe(2);

    expect(await seriousA11yViolations(j.page)).toEqual([]);
    await screenshot(j.page, 'guardian-sees-children');
  }, 60_000);

  it('shows "Sidan finns inte" with a link home for an unknown address', async () => {
    await j.page.goto('/finns-inte');
    await j.page.getByRole('heading', { level: 1, name: 'Sidan finns inte' }).waitFor();
    await j.page.getByRole('link', { name: 'Till startsidan' }).click();
    await j.page.getByRole('heading', { level: 2, name: 'Mina barn' }).waitFor();
  }, 30_000);
});
