// Journey: `larare` opens "Uppföljning", sees "Mina grupper" (the groups they graded, newest first), opens this
// year's mathematics group and reads its grades against the test grades — in words, with the teacher questions
// of the general advice beside it — and downloads the report as Excel and PDF (both open). axe; screenshots.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEACHER_QUESTIONS } from '../../src/domain/followup/reflection';
import { journey, login, screenshot, seriousA11yViolations } from './browser';

/** Clicks a download link and returns the file's bytes. */
async function download(page: Page, testId: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return readFileSync((await file.path())!);
}

describe('follow-up: a teacher reads their group', () => {
  const j = journey();

  it('"Mina grupper" lists the graded groups; the group shows grade against test grade and the questions', async () => {
    const { page } = j;
    await login(page, 'larare');
    await page.getByTestId('nav-followup').click();
    await page.getByTestId('followup-my-groups').waitFor();
    await page.getByTestId('followup-groups').locator('tbody tr').first().waitFor();
    const names = await page.getByTestId('followup-groups').locator('tbody tr > :first-child').allTextContents();
    expect(names[0]).toBe('9A MA 25/26'); // newest school year first
    expect(names).toContain('9A MA 24/25');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'followup-teacher-groups');

    await page.getByRole('link', { name: '9A MA 25/26' }).click();
    await page.getByTestId('followup-report-group').waitFor();
    expect(await page.getByTestId('report-title').textContent()).toBe('9A MA 25/26');
    const total = page.getByTestId('subject-MA-deviation-table').locator('tbody tr').first();
    const cells = await total.locator('td').allTextContents();
    expect(cells[0]).toMatch(/^\d+$/); // pupils with both a grade and a test grade
    expect(cells.slice(1, 4).every((c) => /^\d+ %$/.test(c)), `lower/same/higher as percent: ${cells.join(' | ')}`).toBe(true);
    expect(await page.getByTestId('sign-total').textContent()).toMatch(/^(Ingen tydlig skillnad|Tydligt (högre|lägre) än provbetygen \(q [=<] .+\)|Ej prövat \(för få elever\))$/);
    expect(await page.getByTestId('subject-MA-deviation-chart').locator('svg').count()).toBe(1);
    // the teacher questions of the general advice, to answer, beside the analysis
    const reflection = page.getByTestId('reflection-panel');
    await reflection.waitFor();
    expect(await reflection.textContent()).toContain(TEACHER_QUESTIONS[0].text);
    expect(await page.getByTestId('pupils-table').locator('tbody tr').count()).toBeGreaterThan(9);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'followup-teacher-group');
  });

  it('the report downloads as an Excel workbook and a PDF that open', async () => {
    const { page } = j;
    const xlsx = await download(page, 'export-xlsx');
    expect(xlsx.subarray(0, 2).toString('latin1')).toBe('PK');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(book.worksheets.length).toBeGreaterThan(0);
    const text = book.worksheets.map((ws) => ws.getSheetValues().flat().map(String).join(' ')).join(' ');
    expect(text).toContain('9A MA 25/26');
    const pdf = await download(page, 'export-pdf');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-8).toString('latin1')).toContain('%%EOF');
  });
});
