// Browser helpers for the journeys: Debian's Chromium (never a downloaded one), login, axe, screenshot.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { repoRoot, startServer, type RunningServer, type ServerOptions } from './server';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function newPage(browser: Browser, baseUrl: string): Promise<Page> {
  // bypassCSP: the server's CSP (script-src 'self') would refuse the injected axe-core script
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1280, height: 800 },
    locale: 'sv-SE',
    bypassCSP: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/** Logs in through the login form and waits for the start page. */
export async function login(page: Page, username: string, password = 'demo'): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByRole('heading', { level: 1 }).waitFor();
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core on the page; returns the serious and critical violations. */
async function axeSerious(page: Page): Promise<AxeViolation[]> {
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run();
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  // a modal or a notification fading in is half transparent: axe would measure its contrast mid-transition
  // (endless animations, such as a loader's spin, are not waited for)
  await page.waitForFunction(() => document.getAnimations()
    .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity), undefined, { timeout: 5_000 }).catch(() => {});
  await page.addScriptTag({ path: join(repoRoot, 'node_modules/axe-core/axe.min.js') });
  const first = await axeSerious(page);
  if (!first.length) return first;
  // what a repaint still under way showed is measured again once; a real violation is there both times
  await page.waitForTimeout(500);
  return axeSerious(page);
}

const MAX_SHOT_HEIGHT = 4000;

export async function screenshot(page: Page, journey: string): Promise<string> {
  const dir = join(repoRoot, 'test-results');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${journey}.png`);
  // from the top, so that the fixed top bar is not painted over the middle of a full-page image
  await page.evaluate(() => window.scrollTo(0, 0));
  // at most the first MAX_SHOT_HEIGHT pixels: a report of every subject is many screens long, and painting and
  // encoding all of it took seconds per picture
  const { width, height } = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));
  await page.screenshot({ path, fullPage: true, ...(height > MAX_SHOT_HEIGHT ? { clip: { x: 0, y: 0, width, height: MAX_SHOT_HEIGHT } } : {}) });
  return path;
}

/** Texts of the first cell (the row header) of every body row of a table found by test id. */
export async function firstColumn(page: Page, testId: string): Promise<string[]> {
  const table = page.getByTestId(testId);
  await table.waitFor();
  return (await table.locator('tbody tr > :first-child').allTextContents()).map((s) => s.trim());
}

/** Picks an option in a Mantine Select found by test id. */
export async function choose(page: Page, testId: string, optionName: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: optionName, exact: true }).click();
}

/** One server on fresh demo data, one browser and one page for a journey file: started before its
 *  tests, stopped after them. Read them as `j.page`, `j.server`, `j.browser` inside the tests. */
export function journey(opts?: ServerOptions): { server: RunningServer; browser: Browser; page: Page } {
  const j = {} as { server: RunningServer; browser: Browser; page: Page };
  beforeAll(async () => {
    j.server = await startServer(opts);
    j.browser = await launchBrowser();
    j.page = await newPage(j.browser, j.server.baseUrl);
  }, 120_000);
  afterAll(async () => {
    await j.browser?.close();
    await j.server?.stop();
  });
  return j;
}

/** The same on a prepared copy of the demo template (`templateCopy`), from the file's own beforeAll: the
 *  server, a browser and a page; `close` (for afterAll) stops them and removes the copy. */
export async function journeyOnCopy(copy: { restoreEnv(): void; remove(): void }, opts?: ServerOptions) {
  let server: RunningServer;
  try { server = await startServer(opts); } finally { copy.restoreEnv(); }
  const browser = await launchBrowser();
  const page = await newPage(browser, server.baseUrl);
  return { server, browser, page, close: async () => { await browser.close(); await server.stop(); copy.remove(); } };
}
