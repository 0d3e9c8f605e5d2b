/**
 * Every command shown in README.md and docs/*.md runs exactly as written: the lines of each fenced `sh`
 * block and each inline `npx chitieu …`, in the order a reader meets them (README first, then docs/ by
 * name), in a fresh directory holding the demo plan and a fresh SQLite database, with `npx` finding the
 * built `chitieu`. Each must exit 0, or the code written after it as `# exit N`. `npm install`, `npm start`
 * and `npm test` themselves are left out (they are what runs this test).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { assertBuilt } from './helpers/cli.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DOCS = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`),
];
const LEFT_OUT = /\bnpm (install|start|test)\b/;

interface Shown {
  doc: string;
  line: number;
  command: string;
  exit: number;
}

/**
 * The commands of one Markdown document, in order.
 *
 * @example commandsOf('a.md', '```sh\nnpx chitieu --version\n```') // [{ doc: 'a.md', line: 2, command: 'npx chitieu --version', exit: 0 }]
 */
function commandsOf(doc: string, text: string): Shown[] {
  const out: Shown[] = [];
  let fence: string | null = null;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    const opening = /^```(\w*)/.exec(line);
    if (opening) {
      fence = fence === null ? (opening[1] ?? '') : null;
      return;
    }
    if (fence === 'sh') {
      if (line === '' || line.startsWith('#') || LEFT_OUT.test(line)) return;
      const exit = /#\s*exit (\d+)\s*$/.exec(line);
      out.push({ doc, line: i + 1, command: line, exit: exit ? Number(exit[1]) : 0 });
    } else if (fence === null) {
      for (const m of raw.matchAll(/`(npx chitieu [^`]+)`/g))
        out.push({ doc, line: i + 1, command: m[1] as string, exit: 0 });
    }
  });
  return out;
}

const shown = DOCS.flatMap((doc) => commandsOf(doc, readFileSync(join(ROOT, doc), 'utf8')));

describe('the commands the documentation shows', () => {
  assertBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-docs-'));
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(join(ROOT, 'apps/cli/bin/chitieu.js'), join(dir, 'node_modules', '.bin', 'chitieu'));
  cpSync(join(ROOT, 'demo'), join(dir, 'demo'), { recursive: true });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are found (the extraction itself works)', () => {
    expect(shown.length).toBeGreaterThan(10);
    expect(shown.map((s) => s.command)).toContain('npx chitieu import demo/thi-xa-demo.yaml');
  });

  it.each(shown.map((s) => [`${s.doc}:${s.line} ${s.command}`, s] as const))(
    '%s',
    (_, s) => {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        DATABASE_URL: 'sqlite:./data/chitieu.db',
        CHITIEU_DEMO: '0',
      };
      for (const k of ['CHITIEU_LANG', 'PORT', 'HOST']) delete env[k];
      const r = spawnSync('sh', ['-c', s.command], { cwd: dir, env, encoding: 'utf8', timeout: 120_000 });
      const said = `${r.stdout}\n${r.stderr}`;
      expect(r.status, said).toBe(s.exit);
      expect(said).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/); // never a stack trace
    },
    180_000,
  );
});
