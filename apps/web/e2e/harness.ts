import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const REPO = fileURLToPath(new URL('../../..', import.meta.url).href);
export const ARTIFACTS = join(REPO, 'test-artifacts', 'web');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CLI = join(REPO, 'apps', 'cli', 'dist', 'main.js');

/**
 * Whether the browser suite can run here. Under CI=true a missing Chromium is an error (the suite must
 * not pass by skipping); on a developer machine the suite skips with one line.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true')
    throw new Error(`Chromium required under CI=true but ${CHROMIUM} is missing`);
  process.stdout.write(
    `Web end-to-end suite skipped: no Chromium at ${CHROMIUM} (apt-get install chromium).\n`,
  );
  return false;
}

export interface RunningServer {
  url: string;
  databaseUrl: string;
  /** Run the CLI against the same database (e.g. `user add`), with text on its standard input. */
  cli(args: string[], stdin?: string): string;
  stop(): Promise<void>;
}

/**
 * `chitieu serve` as a user starts it — the built CLI, a fresh SQLite database, the demo loaded, a free
 * port — after building the web app when its sources changed.
 */
export async function startServer(): Promise<RunningServer> {
  execFileSync(process.execPath, [join(REPO, 'apps', 'web', 'scripts', 'build-if-changed.mjs')], {
    cwd: REPO,
    stdio: 'inherit',
  });
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-e2e-'));
  const databaseUrl = `sqlite:${join(dir, 'e2e.db')}`;
  const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' };
  const child: ChildProcess = spawn(process.execPath, [CLI, 'serve'], { cwd: dir, env, stdio: 'pipe' });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /https?:\/\/127\.0\.0\.1:\d+/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
  return {
    url,
    databaseUrl,
    cli: (args, stdin) =>
      execFileSync(process.execPath, [CLI, ...args], { cwd: dir, env, input: stdin ?? '', encoding: 'utf8' }),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Console errors and uncaught page errors seen by a page: any one fails the test that opened it. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  return errors;
}

/** A 10-inch tablet held upright, and the office laptop. */
export const VIEWPORTS = {
  laptop: { width: 1366, height: 768 },
  tablet: { width: 800, height: 1280 },
} as const;

export async function newContext(
  browser: Browser,
  viewport: keyof typeof VIEWPORTS = 'laptop',
): Promise<BrowserContext> {
  return browser.newContext({ viewport: VIEWPORTS[viewport], locale: 'vi-VN', acceptDownloads: true });
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core's serious and critical WCAG 2 A/AA violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated, not added as a <script>: the app's CSP (rightly) refuses inline scripts.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    // Typed by hand: this file is also compiled without the DOM library (the web benchmark uses it).
    const g = globalThis as unknown as {
      document: unknown;
      axe: {
        run: (
          context: unknown,
          options: object,
        ) => Promise<{
          violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
        }>;
      };
    };
    const result = await g.axe.run(g.document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Words that must never reach a page. */
export const NEVER_ON_A_PAGE = /\bNaN\b|\bundefined\b|\bnull\b|\bInfinity\b|\[object Object\]/;

/** Save a full-page screenshot under test-artifacts/web/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
