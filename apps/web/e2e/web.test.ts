import type { Evaluation } from '@chitieu/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumAvailable,
  launchBrowser,
  NEVER_ON_A_PAGE,
  newContext,
  type RunningServer,
  screenshot,
  seriousViolations,
  startServer,
  VIEWPORTS,
  watchConsole,
} from './harness';

// The web app as a visitor meets it: the real server (built CLI, fresh SQLite database with the demo),
// headless Chromium, every page checked for console errors, forbidden words and serious accessibility
// violations, and photographed under test-artifacts/web/.
const PLAN = 'NQ-DH-XV';
const YEAR = 2023;
const ADMIN = { username: 'e2e-admin', password: 'e2e-Long-enough-passw0rd' };
const available = chromiumAvailable();

describe.skipIf(!available)('the web app in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let anonymous: BrowserContext;
  let signedIn: BrowserContext;
  const opened: { page: Page; errors: string[]; name: string }[] = [];

  beforeAll(async () => {
    server = await startServer();
    server.cli(
      ['user', 'add', '--username', ADMIN.username, '--role', 'admin', '--password-stdin'],
      `${ADMIN.password}\n`,
    );
    browser = await launchBrowser();
    anonymous = await newContext(browser);
    signedIn = await newContext(browser);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /**
   * Open a page, wait until `ready` shows, then check it: nothing forbidden in its text, no serious or
   * critical axe violation, a screenshot. Console errors are checked at the end of the calling test.
   */
  async function visit(context: BrowserContext, path: string, ready: string, name: string) {
    const page = await context.newPage();
    const errors = watchConsole(page);
    opened.push({ page, errors, name });
    await page.goto(server.url + path);
    await page.waitForSelector(ready, { timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    await expectHealthy(page, name, errors);
    return { page, errors };
  }

  async function expectHealthy(page: Page, name: string, errors: string[]) {
    const text = await page.locator('body').innerText();
    expect(text, `${name}: forbidden words on the page`).not.toMatch(NEVER_ON_A_PAGE);
    expect(await seriousViolations(page), `${name}: axe`).toEqual([]);
    await screenshot(page, `${name}-1366x768`);
    expect(errors, `${name}: console`).toEqual([]);
  }

  async function evaluation(): Promise<Evaluation> {
    const res = await fetch(`${server.url}/api/plans/${PLAN}/evaluation?year=${YEAR}`);
    expect(res.status).toBe(200);
    return (await res.json()) as Evaluation;
  }

  const number = async (page: Page, testId: string) => Number(await page.getByTestId(testId).innerText());

  it('serves the production bundle even when built from a test run (NODE_ENV=test)', async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    const entry = /src="(\/assets\/index-[^"]+\.js)"/.exec(html)?.[1];
    expect(entry, 'the entry script in index.html').toBeDefined();
    const code = await (await fetch(`${server.url}${entry}`)).text();
    // React's development build comes with its own jsx-dev-runtime chunk; the production one does not.
    expect(code).not.toContain('jsx-dev-runtime');
  });

  it('the public dashboard, without signing in, shows the numbers of the API’s evaluation', async () => {
    const ev = await evaluation();
    const { page } = await visit(
      anonymous,
      `/plans/${PLAN}?year=${YEAR}`,
      '[data-testid="band-count-0"]',
      'dashboard',
    );
    for (const [i, band] of ev.summary.bands.entries())
      expect(await number(page, `band-count-${i}`)).toBe(band.count);
    expect(await number(page, 'met-count')).toBe(ev.summary.met);
    expect(await number(page, 'insufficient-count')).toBe(ev.summary.insufficientData);
    expect(await number(page, 'forecast-exceed')).toBe(ev.summary.forecast.exceed);
    expect(await number(page, 'forecast-complete')).toBe(ev.summary.forecast.complete);
    expect(await number(page, 'forecast-at-risk')).toBe(ev.summary.forecast.atRisk);
    const atRisk = ev.targets.filter((t) => t.forecast.class === 'at-risk').length;
    expect(await page.getByTestId('at-risk').locator('li').count()).toBe(atRisk);
    await expect(page.getByTestId('summary-sentence').innerText()).resolves.toContain(
      `${ev.summary.total} chỉ tiêu`,
    );
    await expect(page.getByTestId('at-risk').innerText()).resolves.toContain(
      'cần tăng bình quân 21,75 %/năm',
    );
    // Rankings are for signed-in readers: the card says so, and no ranking was asked for (no 401 logged).
    await expect(page.getByText('Đăng nhập để xem xếp hạng').count()).resolves.toBe(1);
  }, 120_000);

  it('the plan list says each plan’s state in one line', async () => {
    const ev = await evaluation();
    const { page } = await visit(anonymous, '/', `[data-testid="plan-state-${PLAN}"]:has-text("/")`, 'home');
    const line = await page.getByTestId(`plan-state-${PLAN}`).innerText();
    expect(line).toBe(
      `${ev.summary.bands[0]?.count}/${ev.summary.total} chỉ tiêu đạt từ 80 % trở lên (năm ${YEAR})`,
    );
  }, 120_000);

  it('the targets list finds "Tăng" from "tang" and filters by forecast through the address', async () => {
    const ev = await evaluation();
    const { page } = await visit(
      anonymous,
      `/plans/${PLAN}/targets?year=${YEAR}`,
      '.ant-table-row',
      'targets',
    );
    await expect(page.getByTestId('target-count').innerText()).resolves.toBe(
      `${ev.summary.total}/${ev.summary.total} chỉ tiêu`,
    );
    await page.getByRole('searchbox', { name: 'Tìm chỉ tiêu' }).fill('tang gia tri san xuat');
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="target-count"]')?.textContent?.startsWith('30/'),
    );
    const titles = await page.locator('.ant-table-row').allInnerTexts();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.every((t) => /Tăng|tăng/.test(t))).toBe(true);
    await page.goto(`${server.url}/plans/${PLAN}/targets?year=${YEAR}&forecast=at-risk`);
    await page.waitForSelector('.ant-table-row');
    const atRisk = ev.targets.filter((t) => t.forecast.class === 'at-risk').length;
    await expect(page.getByTestId('target-count').innerText()).resolves.toBe(
      `${atRisk}/${ev.summary.total} chỉ tiêu`,
    );
  }, 120_000);

  it('signs in, opens a target, and the what-if turns its band and forecast class', async () => {
    const { page } = await visit(signedIn, '/login', 'form', 'login');
    await page.getByLabel('Tên đăng nhập').fill(ADMIN.username);
    await page.getByLabel('Mật khẩu').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).last().click();
    await page.getByRole('button', { name: `Tài khoản ${ADMIN.username}` }).waitFor();

    const target = await visit(
      signedIn,
      `/plans/${PLAN}/targets/1?year=${YEAR}`,
      '[data-testid="what-if"]',
      'target',
    );
    const p = target.page;
    await expect(p.getByTestId('division').innerText()).resolves.toBe('10,71 % ÷ 15 % = 71,4 %');
    await expect(p.getByTestId('what-if-before-class').getAttribute('data-class')).resolves.toBe('at-risk');
    await expect(p.getByTestId('what-if-before-band').getAttribute('data-band')).resolves.toBe('1');
    await p.getByRole('spinbutton', { name: 'Giá trị năm 2024' }).fill('24000');
    await p.getByRole('spinbutton', { name: 'Giá trị năm 2025' }).fill('29000');
    await p.getByTestId('what-if-after-class').waitFor();
    await expect(p.getByTestId('what-if-after-band').getAttribute('data-band')).resolves.toBe('0');
    await expect(p.getByTestId('what-if-after-class').getAttribute('data-class')).resolves.not.toBe(
      'at-risk',
    );
    await screenshot(p, 'target-what-if-1366x768');
    // Signed in, the dashboard ranks the unit among its siblings.
    const dash = await visit(
      signedIn,
      `/plans/${PLAN}?year=${YEAR}`,
      '[data-testid="ranks"]',
      'dashboard-signed-in',
    );
    await expect(dash.page.getByTestId('ranks').innerText()).resolves.toMatch(/xếp thứ \d+\/\d+/);
  }, 180_000);

  it('the rankings page shows the API’s ranking', async () => {
    const { page } = await visit(
      signedIn,
      `/rankings?indicator=GO&year=${YEAR}&parent=50`,
      '[data-testid="ranking-table"]',
      'rankings',
    );
    const res = await page.request.get(`${server.url}/api/rankings?indicator=GO&year=${YEAR}&parent=50`);
    const ranking = (await res.json()) as { rows: { unit: string; rank: number }[] };
    const table = await page.getByTestId('ranking-table').innerText();
    expect(ranking.rows.length).toBeGreaterThan(1);
    expect(table).toContain('Thị xã An Phú');
    expect(await page.getByTestId('ranking-table').locator('tbody tr').count()).toBeGreaterThanOrEqual(
      ranking.rows.length,
    );
  }, 120_000);

  it('the province view puts the children’s plans side by side with a units × targets grid', async () => {
    const { page } = await visit(
      signedIn,
      `/units/50/children?year=${YEAR}`,
      '[data-testid="band-grid"]',
      'province',
    );
    await expect(page.getByTestId('side-by-side').innerText()).resolves.toContain('Thị xã An Phú');
  }, 120_000);

  it('the programs and audit pages open', async () => {
    await visit(signedIn, `/plans/${PLAN}/programs?year=${YEAR}`, '[data-testid="programs"]', 'programs');
    await visit(signedIn, '/audit', '[data-testid="audit-table"]', 'audit');
  }, 120_000);

  it('downloads the DOCX report', async () => {
    const { page } = await visit(
      signedIn,
      `/plans/${PLAN}/reports?year=${YEAR}`,
      '[data-testid="download"]',
      'reports',
    );
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 90_000 }),
      page.getByTestId('download').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    expect(bytes.subarray(0, 2).toString()).toBe('PK'); // a DOCX is a ZIP
    expect(bytes.length).toBeGreaterThan(5_000);
  }, 150_000);

  it('switches to English: the page and the core’s sentences follow', async () => {
    const { page, errors } = await visit(
      anonymous,
      `/plans/${PLAN}?year=${YEAR}`,
      '[data-testid="band-count-0"]',
      'dashboard-before-english',
    );
    await page.getByTestId('language').getByText('English').click();
    await page.getByRole('heading', { name: 'How the plan stands' }).waitFor();
    await page.getByTestId('summary-sentence').filter({ hasText: 'targets:' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await page.waitForLoadState('networkidle');
    await expectHealthy(page, 'dashboard-english', errors);
    // The choice is remembered on the next page.
    await page.goto(`${server.url}/plans/${PLAN}/targets?year=${YEAR}`);
    await page.getByRole('heading', { name: 'Targets' }).waitFor();
  }, 120_000);

  it('every page also fits a 10-inch tablet', async () => {
    // Signed in (the same session as above), so the pages for signed-in readers are photographed too.
    const tablet = await browser.newContext({
      viewport: VIEWPORTS.tablet,
      locale: 'vi-VN',
      storageState: await signedIn.storageState(),
    });
    const pages: [string, string, string][] = [
      ['/', `[data-testid="plan-state-${PLAN}"]`, 'home'],
      [`/plans/${PLAN}?year=${YEAR}`, '[data-testid="band-count-0"]', 'dashboard'],
      [`/plans/${PLAN}/targets?year=${YEAR}`, '.ant-table-row', 'targets'],
      [`/plans/${PLAN}/targets/1?year=${YEAR}`, '[data-testid="what-if"]', 'target'],
      [`/plans/${PLAN}/programs?year=${YEAR}`, '[data-testid="programs"]', 'programs'],
      [`/plans/${PLAN}/reports?year=${YEAR}`, '[data-testid="download"]', 'reports'],
      [`/rankings?indicator=GO&year=${YEAR}&parent=50`, '[data-testid="ranking-table"]', 'rankings'],
      [`/units/50/children?year=${YEAR}`, '[data-testid="band-grid"]', 'province'],
      ['/audit', '[data-testid="audit-table"]', 'audit'],
      ['/login', 'form', 'login'],
      ['/no/such/page', 'h1', 'not-found'],
    ];
    for (const [path, ready, name] of pages) {
      const page = await tablet.newPage();
      const errors = watchConsole(page);
      await page.goto(server.url + path);
      await page.waitForSelector(ready);
      await page.waitForLoadState('networkidle');
      await screenshot(page, `${name}-800x1280`);
      // Nothing wider than the screen: no sideways scrolling of the whole page.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${name}: wider than a tablet`).toBeLessThanOrEqual(0);
      expect(errors, `${name}: console`).toEqual([]);
      await page.close();
    }
    await tablet.close();
  }, 300_000);

  it('no page logged a console error', () => {
    expect(opened.flatMap((o) => o.errors.map((e) => `${o.name}: ${e}`))).toEqual([]);
  });
});
