/**
 * Web benchmark: the built web app served by `chitieu serve` (fresh SQLite with the demo), opened in
 * headless Chromium on loopback with an empty cache each time.
 * 1. The JavaScript a first visit to the dashboard (/plans/NQ-DH-XV) downloads, gzipped (gzip -6, what
 *    a compressing proxy sends): before its numbers are visible, and once the page has settled; and a
 *    target's page, which loads ECharts for its series chart. Baseline: the entry chunk alone.
 *    Goal: ≤ 400 KB gzipped for the dashboard.
 * 2. Time until the dashboard's numbers are visible. Baseline: the sign-in page's form (the same shell,
 *    no data to fetch or evaluate).
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Response } from 'playwright-core';
import {
  chromiumAvailable,
  launchBrowser,
  newContext,
  type RunningServer,
  startServer,
} from '../apps/web/e2e/harness.js';
import type { BenchTable } from './lib.js';

export const name = 'web';

const DASHBOARD = '/plans/NQ-DH-XV?year=2023';
const NUMBERS = '[data-testid="band-count-0"]';
const TARGET = '/plans/NQ-DH-XV/targets/1?year=2023';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const GOAL_KB = 400;

interface Script {
  url: string;
  raw: number;
  gzip: number;
}

async function scriptOf(res: Response): Promise<Script | null> {
  const type = res.headers()['content-type'] ?? '';
  if (!type.includes('javascript')) return null;
  const body = await res.body();
  return { url: res.url(), raw: body.length, gzip: gzipSync(body, { level: 6 }).length };
}

const kb = (bytes: number) => bytes / 1024;
const sum = (xs: Script[], key: 'raw' | 'gzip') => xs.reduce((s, x) => s + x[key], 0);

/** The scripts a first visit to `path` downloads until `selector` shows, and once the network is idle. */
async function scriptsOf(
  browser: Browser,
  url: string,
  selector: string,
): Promise<{ early: Script[]; settled: Script[] }> {
  const context = await newContext(browser);
  const page = await context.newPage();
  const pending: Promise<Script | null>[] = [];
  page.on('response', (res) => pending.push(scriptOf(res)));
  await page.goto(url);
  await page.waitForSelector(selector);
  const early = (await Promise.all([...pending])).filter((s): s is Script => s !== null);
  await page.waitForLoadState('networkidle');
  const settled = (await Promise.all(pending)).filter((s): s is Script => s !== null);
  await context.close();
  return { early, settled };
}

async function bundle(browser: Browser, server: RunningServer): Promise<BenchTable> {
  const dashboard = await scriptsOf(browser, server.url + DASHBOARD, NUMBERS);
  const target = await scriptsOf(browser, server.url + TARGET, '[data-testid="what-if"]');
  const entry = dashboard.early.filter((s) => /\/assets\/index-[^/]+\.js$/.test(s.url));
  const echarts = target.settled.filter((s) => s.url.includes('/echarts-'));
  const row = (what: string, xs: Script[]) => [
    what,
    String(xs.length),
    kb(sum(xs, 'raw')),
    kb(sum(xs, 'gzip')),
  ];
  const first = kb(sum(dashboard.settled, 'gzip'));
  return {
    title: 'JavaScript of a first visit (empty cache), gzip -6',
    columns: ['what', 'files', 'raw KB', 'gzip KB'],
    rows: [
      row('entry chunk only (baseline)', entry),
      row(`${DASHBOARD}: until the numbers are visible`, dashboard.early),
      row(`${DASHBOARD}: everything, page settled`, dashboard.settled),
      row(`${TARGET}: everything (series chart)`, target.settled),
      row('  of which ECharts (lazy)', echarts),
    ],
    notes: [
      `Goal: ≤ ${GOAL_KB} KB gzipped for a first visit to the dashboard — ${first <= GOAL_KB ? 'met' : 'NOT met'} (${first.toFixed(0)} KB).`,
      "Every page is its own chunk (TanStack Router lazy routes). The dashboard's band chart is a table of CSS bars (its own table alternative); ECharts (core + bar/line + SVG renderer only) loads when a page draws a series or ranking chart.",
    ],
  };
}

async function timeTo(browser: Browser, url: string, selector: string): Promise<number> {
  const context = await newContext(browser);
  const page = await context.newPage();
  const t0 = performance.now();
  await page.goto(url);
  await page.waitForSelector(selector);
  const ms = performance.now() - t0;
  await context.close();
  return ms;
}

async function timing(browser: Browser, server: RunningServer): Promise<BenchTable> {
  const cases: [string, string, string][] = [
    ['sign-in form visible (baseline)', '/login', 'form input'],
    ['dashboard numbers visible', DASHBOARD, NUMBERS],
  ];
  const rows: (string | number)[][] = [];
  for (const [what, path, selector] of cases) {
    await timeTo(browser, server.url + path, selector); // warm the server's caches, not the browser's
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await timeTo(browser, server.url + path, selector));
    times.sort((a, b) => a - b);
    rows.push([
      what,
      times[Math.floor(times.length / 2)] ?? Number.NaN,
      times[0] ?? Number.NaN,
      times.at(-1) ?? Number.NaN,
    ]);
  }
  return {
    title: `Time from navigation until visible, headless Chromium on loopback (${RUNS} cold loads, median)`,
    columns: ['what', 'median ms', 'min ms', 'max ms'],
    rows,
    notes: [
      'Each load is a new browser context: no HTTP cache, no service worker; the server keeps its evaluation cache.',
    ],
  };
}

export async function run(): Promise<BenchTable[]> {
  if (!chromiumAvailable()) return [];
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    return [await bundle(browser, server), await timing(browser, server)];
  } finally {
    await browser.close();
    await server.stop();
  }
}
