import { formatPercent } from '@chitieu/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Evaluation, Ranking } from '../src/api/types';
import {
  chromiumAvailable,
  launchBrowser,
  NEVER_ON_A_PAGE,
  newContext,
  type RunningServer,
  screenshot,
  seriousViolations,
  startServer,
  watchConsole,
} from './harness';

// The programs, rankings, province, reports and audit pages against the real server with the demo:
// what each shows is checked against the API's own answers; every page is also checked for console
// errors, forbidden words and serious axe violations, and photographed under test-artifacts/web/.
const PLAN = 'NQ-DH-XV';
const YEAR = 2023;
const ADMIN = { username: 'pages-admin', password: 'pages-Long-enough-passw0rd' };
// A viewer of one commune: reads its own unit, not the province's rankings.
const VIEWER = { username: 'pages-commune', password: 'pages-Another-l0ng-password' };
const available = chromiumAvailable();

describe.skipIf(!available)('programs, rankings, province, reports and audit pages', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: BrowserContext;

  beforeAll(async () => {
    server = await startServer();
    server.cli(
      ['user', 'add', '--username', ADMIN.username, '--role', 'admin', '--password-stdin'],
      `${ADMIN.password}\n`,
    );
    server.cli(
      [
        'user',
        'add',
        '--username',
        VIEWER.username,
        '--role',
        'viewer',
        '--unit',
        '50201',
        '--password-stdin',
      ],
      `${VIEWER.password}\n`,
    );
    browser = await launchBrowser();
    admin = await newContext(browser);
    await signIn(admin, ADMIN);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signIn(context: BrowserContext, who: { username: string; password: string }) {
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Tên đăng nhập').fill(who.username);
    await page.getByLabel('Mật khẩu').fill(who.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).last().click();
    await page.getByRole('button', { name: `Tài khoản ${who.username}` }).waitFor();
    await page.close();
  }

  /** The API's answer, read with the admin's session. */
  async function apiGet<T>(path: string): Promise<T> {
    const res = await admin.request.get(`${server.url}/api${path}`);
    expect(res.status(), path).toBe(200);
    return (await res.json()) as T;
  }

  /** Open a page and wait for `ready`; the errors list fills as the page logs. */
  async function open(context: BrowserContext, path: string, ready: string) {
    const page = await context.newPage();
    const errors = watchConsole(page);
    await page.goto(server.url + path);
    try {
      await page.waitForSelector(ready, { timeout: 30_000 });
    } catch (err) {
      // Say what the page showed instead.
      await screenshot(page, `pages-timeout-${path.replace(/[^a-z0-9]+/gi, '-')}`);
      const text = await page.locator('body').innerText();
      throw new Error(
        `${path}: ${ready} did not show; the page said:\n${text.slice(0, 800)}\n${errors.join('\n')}`,
        {
          cause: err,
        },
      );
    }
    await page.waitForLoadState('networkidle');
    return { page, errors };
  }

  /** Nothing forbidden in the text, no serious axe violation, a screenshot, no console error. */
  async function expectHealthy(page: Page, name: string, errors: string[]) {
    const text = await page.locator('body').innerText();
    expect(text, `${name}: forbidden words on the page`).not.toMatch(NEVER_ON_A_PAGE);
    expect(await seriousViolations(page), `${name}: axe`).toEqual([]);
    await screenshot(page, `${name}-1366x768`);
    expect(errors, `${name}: console`).toEqual([]);
  }

  it('programs: tasks with lead, Vietnamese due date, state and progress; overdue in words and icon', async () => {
    const ev = await apiGet<Evaluation>(`/plans/${PLAN}/evaluation?year=${YEAR}`);
    const { page, errors } = await open(
      admin,
      `/plans/${PLAN}/programs?year=${YEAR}`,
      '[data-testid="programs"]',
    );
    const dp1 = page.getByTestId('program-DP1');
    const overdueRow = dp1.locator('tr', { hasText: 'DP1.2' });
    await expect(overdueRow.innerText()).resolves.toMatch(
      /Phòng Quản lý đô thị\s+30\/06\/2023\s+Quá hạn\s+80 %/,
    );
    // Overdue is said in words, with its own icon, and the row is marked — not by colour alone.
    await expect(overdueRow.getAttribute('class')).resolves.toContain('task-overdue');
    expect(await overdueRow.locator('[data-state="overdue"] .anticon').count()).toBe(1);
    expect(await page.locator('[data-state="overdue"]').count()).toBe(2); // DP1.2 (due passed), DP3.1 (recorded)
    await expect(page.getByTestId('overdue-total').innerText()).resolves.toContain('2 nhiệm vụ quá hạn');
    // Linked targets carry the evaluation's achievement.
    const t9 = ev.targets.find((t) => t.code === '9');
    await expect(dp1.locator('.linked-targets li').first().innerText()).resolves.toContain(
      `đạt ${formatPercent(t9?.achievementPercent, 1, 'vi')}`,
    );
    await expectHealthy(page, 'pages-programs', errors);
    // Only the programs with overdue tasks, from the keyboard.
    await page.getByRole('checkbox', { name: 'Chỉ hiện chương trình có nhiệm vụ quá hạn' }).focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelectorAll('.program-card').length === 2);
    const shown = await page.locator('.program-card h2').allInnerTexts();
    expect(shown.map((s) => s.match(/(DP\d)\./)?.[1])).toEqual(['DP1', 'DP3']);
    expect(errors).toEqual([]);
  }, 120_000);

  it('rankings: pickers write the address, the table follows the API, ties and unranked as computed', async () => {
    const { page, errors } = await open(admin, '/rankings', 'form[aria-label="Chọn xếp hạng"]');
    // Every picker from the keyboard: type, then Enter.
    await page.getByRole('combobox', { name: 'Chỉ tiêu' }).fill('(GO)');
    await page.keyboard.press('Enter');
    await page.getByRole('combobox', { name: 'Năm' }).click();
    await page.locator('.ant-select-item-option', { hasText: String(YEAR) }).click();
    await page.getByRole('combobox', { name: 'Đơn vị cấp trên' }).fill('Tỉnh Nam');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="ranking-table"] .ant-table-row');
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({
      indicator: 'GO',
      year: String(YEAR),
      parent: '50',
    });

    const ranking = await apiGet<Ranking>(`/rankings?indicator=GO&year=${YEAR}&parent=50`);
    const units = await apiGet<{ items: { code: string; name: string }[] }>('/units?limit=500');
    const name = (code: string) => units.items.find((u) => u.code === code)?.name;
    const rows = await page.locator('[data-testid="ranking-table"] .ant-table-row').allInnerTexts();
    expect(rows.length).toBe(ranking.rows.length + ranking.unranked.length);
    ranking.rows.forEach((r, i) => {
      expect(rows[i]).toContain(`${r.rank}/${r.of}`);
      expect(rows[i]).toContain(name(r.unit));
    });
    expect(rows.find((r) => r.includes('Thị xã An Phú'))).toContain('18.997,6 tỷ đồng');
    // The chart (lazy ECharts, SVG) is there, named, with the table as its alternative.
    await page.waitForSelector('[data-testid="ranking"] [role="img"] svg');
    expect(await page.locator('[data-testid="ranking"] [role="img"] svg').count()).toBe(1);
    await expectHealthy(page, 'pages-rankings-value', errors);

    // By growth: Huyện Cẩm Vân has no 2020 figure and is listed as not ranked, after the ranked ones.
    // The radio buttons look like buttons: their inputs are hidden, the label takes the click.
    await page.locator('label', { hasText: 'Tốc độ tăng' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('by') === 'growth');
    await page.waitForSelector('[data-testid="ranking-table"] .ant-table-row:has-text("%/năm")');
    const growth = await apiGet<Ranking>(`/rankings?indicator=GO&year=${YEAR}&parent=50&by=growth`);
    const growthRows = await page.locator('[data-testid="ranking-table"] .ant-table-row').allInnerTexts();
    expect(growth.unranked).toEqual(['513']);
    expect(growthRows.at(-1)).toMatch(/Chưa xếp hạng\s+Huyện Cẩm Vân\s+—/);
    await expect(page.locator('h2', { hasText: 'giai đoạn 2021–2023' }).count()).resolves.toBe(1);
    await expectHealthy(page, 'pages-rankings-growth', errors);
  }, 120_000);

  it('province: each child side by side, its met and rank from the API, a grid of bands, sortable', async () => {
    const { page, errors } = await open(
      admin,
      `/units/50/children?year=${YEAR}`,
      '[data-testid="band-grid"]',
    );
    await page.waitForSelector('th:has-text("Hạng: Giá trị sản xuất")');
    const children = await apiGet<{ items: { code: string; name: string }[] }>('/units?parent=50&limit=500');
    const rows = page.locator('[data-testid="side-by-side"] .ant-table-row');
    expect(await rows.count()).toBe(children.items.length + 1); // Thị xã An Phú has two plans
    for (const code of [PLAN, 'NQ-HDND-KTXH']) {
      const ev = await apiGet<Evaluation>(`/plans/${code}/evaluation?year=${YEAR}`);
      await expect(page.getByTestId(`met-502/${code}`).innerText()).resolves.toBe(
        `${ev.summary.met}/${ev.summary.total} chỉ tiêu`,
      );
    }
    const go = await apiGet<Ranking>(`/rankings?indicator=GO&year=${YEAR}&parent=50`);
    const goIndex = await page
      .locator('[data-testid="side-by-side"] thead th')
      .evaluateAll((ths) => ths.findIndex((th) => th.textContent?.includes('Hạng: Giá trị sản xuất')));
    for (const r of go.rows) {
      const unit = children.items.find((c) => c.code === r.unit)?.name ?? '';
      const row = rows.filter({ hasText: unit }).first();
      await expect(row.locator('td').nth(goIndex).innerText()).resolves.toBe(`${r.rank}/${r.of}`);
    }
    // The grid: a row per plan, each cell the target's % achieved in words and its band for screen readers.
    const ev = await apiGet<Evaluation>(`/plans/${PLAN}/evaluation?year=${YEAR}`);
    const first = page.locator('[data-testid="band-grid"] tbody tr').first();
    const cell = first.locator(`a[href^="/plans/${PLAN}/targets/1?"]`);
    const t1 = ev.targets.find((t) => t.code === '1');
    await expect(cell.innerText()).resolves.toContain(formatPercent(t1?.achievementPercent, 1, 'vi'));
    await expect(cell.getAttribute('data-band')).resolves.toBe(String(t1?.band));
    expect(await page.locator('[data-testid="band-grid"] tbody tr').count()).toBe(2);
    await expectHealthy(page, 'pages-province', errors);

    // Sort by unit name from the keyboard.
    const header = page.locator('[data-testid="side-by-side"] thead th', { hasText: 'Đơn vị' }).first();
    await header.focus();
    await page.keyboard.press('Enter');
    const names = await rows.locator('td:first-child').allInnerTexts();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'vi')));
    expect(errors).toEqual([]);
  }, 120_000);

  it('reports: downloads a DOCX (bytes start with PK) with a busy state, and says why when refused', async () => {
    const { page, errors } = await open(
      admin,
      `/plans/${PLAN}/reports?year=${YEAR}`,
      '[data-testid="download"]',
    );
    await expectHealthy(page, 'pages-reports', errors);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 90_000 }),
      (async () => {
        await page.getByTestId('download').click();
        // While the server makes the report, the button is disabled and says so.
        await page.waitForSelector('[data-testid="download"][disabled]', { timeout: 5_000 });
      })(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await page.getByTestId('report-done').waitFor();
    await expect(page.getByTestId('report-done').innerText()).resolves.toContain('.docx');
    expect(errors).toEqual([]);

    // A refusal (a full PDF queue answers 503 with Retry-After) is said in the API's words.
    await page.route('**/api/plans/*/reports/**', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        headers: { 'retry-after': '7' },
        body: JSON.stringify({ error: { code: 'server-busy', message: 'Máy chủ đang bận', details: [] } }),
      }),
    );
    await page.locator('label', { hasText: 'PDF' }).click();
    await page.getByTestId('download').click();
    await page.getByTestId('report-error').waitFor();
    await expect(page.getByTestId('report-error').innerText()).resolves.toContain(
      'Không tạo được báo cáo: Máy chủ đang bận (thử lại sau 7 giây)',
    );
    await expect(page.getByTestId('download').isDisabled()).resolves.toBe(false);
    await screenshot(page, 'pages-reports-refused-1366x768');
    // The only console line is the browser's note of that 503.
    expect(errors.filter((e) => !/status of 503/.test(e))).toEqual([]);
  }, 150_000);

  it('audit: the trail for an admin, filtered by unit and indicator, by user, and paged', async () => {
    const { page, errors } = await open(admin, '/audit', '[data-testid="audit-table"] .ant-table-row');
    const rows = page.locator('[data-testid="audit-table"] .ant-table-row');
    expect(await rows.count()).toBe(50);
    const firstOfPage1 = await rows.first().innerText();
    await expectHealthy(page, 'pages-audit', errors);
    await page.getByTestId('audit-older').click();
    await page.getByText('Trang 2').waitFor();
    expect(await rows.first().innerText()).not.toBe(firstOfPage1);

    // Unit and indicator: that unit's entries about that indicator (its figures and targets), as the
    // API's own filters list them, row for row.
    await page.goto(`${server.url}/audit?unit=502&indicator=GO`);
    await page.waitForSelector('[data-testid="audit-table"] .ant-table-row');
    await page.waitForLoadState('networkidle');
    const api = await apiGet<{ entries: { entityId: string; unit: string }[] }>(
      '/audit?unit=502&indicator=GO&limit=51',
    );
    expect(api.entries.every((e) => e.unit === '502')).toBe(true);
    const texts = await rows.allInnerTexts();
    expect(texts.length).toBe(Math.min(api.entries.length, 50));
    expect(texts.every((t, i) => t.includes(api.entries[i]?.entityId ?? 'no such entry'))).toBe(true);
    expect(texts.some((t) => t.includes('Số liệu') && t.includes('502/GO/'))).toBe(true);
    expect(texts.some((t) => /Giá trị: 18\.997,6/.test(t))).toBe(true); // changes in words and Vietnamese numbers
    await expectHealthy(page, 'pages-audit-unit-indicator', errors);

    // A date range from the address, shown the Vietnamese way: nothing was written before 2000.
    await page.goto(`${server.url}/audit?to=2000-01-01`);
    await page.getByText('Không có mục nào.').waitFor();
    await expect(page.getByRole('textbox', { name: 'Đến ngày' }).inputValue()).resolves.toBe('01/01/2000');

    // User, typed and confirmed with Enter.
    await page.goto(`${server.url}/audit`);
    await page.getByRole('textbox', { name: 'Người thực hiện' }).fill(ADMIN.username);
    await page.keyboard.press('Enter');
    await page.waitForFunction((u) => new URL(location.href).searchParams.get('user') === u, ADMIN.username);
    await page.waitForSelector('[data-testid="audit-table"] .ant-table-row');
    const mine = await rows.allInnerTexts();
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((t) => t.includes(ADMIN.username))).toBe(true);
    expect(errors).toEqual([]);
  }, 120_000);

  it('audit and rankings say who may see them: a visitor is asked to sign in, a commune viewer sees its own', async () => {
    const visitor = await newContext(browser);
    const anon = await open(visitor, '/audit', 'text=Đăng nhập để xem nhật ký thay đổi.');
    await expect(anon.page.locator('body').innerText()).resolves.toContain('quản trị viên');
    await expectHealthy(anon.page, 'pages-audit-visitor', anon.errors);
    const ranks = await open(
      visitor,
      `/rankings?indicator=GO&year=${YEAR}&parent=50`,
      'text=Đăng nhập để xem xếp hạng',
    );
    await expectHealthy(ranks.page, 'pages-rankings-visitor', ranks.errors);
    await visitor.close();

    const commune = await newContext(browser);
    await signIn(commune, VIEWER);
    const own = await open(commune, '/audit', '[data-testid="audit-table"] .ant-table-row');
    const units = await own.page
      .locator('[data-testid="audit-table"] .ant-table-row td:nth-child(5)')
      .allInnerTexts();
    expect(units.length).toBeGreaterThan(0);
    expect(new Set(units)).toEqual(new Set(['Phường An Phú']));
    await expectHealthy(own.page, 'pages-audit-commune', own.errors);
    // The province's ranking is not theirs: a 403 that says who may see it.
    const refused = await open(
      commune,
      `/rankings?indicator=GO&year=${YEAR}&parent=50`,
      '.ant-result-warning',
    );
    await expect(refused.page.locator('.ant-result-title').innerText()).resolves.toContain(
      'Xếp hạng dành cho người đã đăng nhập có vai trò tại các đơn vị được xếp hạng.',
    );
    expect(refused.errors.filter((e) => !/status of 403/.test(e))).toEqual([]);
    await screenshot(refused.page, 'pages-rankings-403-1366x768');
    await commune.close();
  }, 150_000);

  it('the pages speak English when asked', async () => {
    const english = await newContext(browser);
    await signIn(english, ADMIN);
    const { page, errors } = await open(
      english,
      `/rankings?indicator=GO&year=${YEAR}&parent=50`,
      '[data-testid="ranking-table"] .ant-table-row',
    );
    await page.getByTestId('language').getByText('English').click();
    await page.getByRole('heading', { name: 'Ranking the units' }).waitFor();
    // The language list has closed (its leaving animation is not part of the page to check).
    await page.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
    await page.waitForSelector('[data-testid="ranking-table"] .ant-table-row:has-text("billion VND")');
    const text = await page.getByTestId('ranking-table').innerText();
    expect(text).toContain('18,997.6 billion VND');
    await expectHealthy(page, 'pages-rankings-english', errors);
    const programs = await open(english, `/plans/${PLAN}/programs?year=${YEAR}`, '[data-testid="programs"]');
    await expect(programs.page.getByTestId('program-DP1').innerText()).resolves.toMatch(
      /30 Jun 2023\s+Overdue/,
    );
    await expectHealthy(programs.page, 'pages-programs-english', programs.errors);
    await english.close();
  }, 150_000);

  it('every page fits a 10-inch tablet', async () => {
    const tablet = await newContext(browser, 'tablet');
    await signIn(tablet, ADMIN);
    const pages: [string, string, string][] = [
      [`/plans/${PLAN}/programs?year=${YEAR}`, '[data-testid="programs"]', 'pages-programs'],
      [
        `/rankings?indicator=GO&year=${YEAR}&parent=50`,
        '[data-testid="ranking-table"] .ant-table-row',
        'pages-rankings',
      ],
      [`/units/50/children?year=${YEAR}`, '[data-testid="band-grid"]', 'pages-province'],
      [`/plans/${PLAN}/reports?year=${YEAR}`, '[data-testid="download"]', 'pages-reports'],
      ['/audit', '[data-testid="audit-table"] .ant-table-row', 'pages-audit'],
    ];
    for (const [path, ready, name] of pages) {
      const { page, errors } = await open(tablet, path, ready);
      await page.waitForTimeout(300);
      await screenshot(page, `${name}-800x1280`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${name}: wider than a tablet`).toBeLessThanOrEqual(0);
      expect(await seriousViolations(page), `${name}: axe on a tablet`).toEqual([]);
      expect(errors, `${name}: console`).toEqual([]);
    }
    await tablet.close();
  }, 180_000);
});
