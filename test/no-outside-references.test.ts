/**
 * The repository carries its own references (docs/methodology.md, docs/plan-format.md): no document,
 * comment or message points to a file outside it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SKIP = new Set(['node_modules', 'dist', '.git', 'data', 'coverage']);
const OUTSIDE = /(?<![\w/])METHOD\.md|(?<![\w/])PLAN-FORMAT\.md|\/work\/shared|\.\.\/shared\//;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(ts|tsx|md|json|yaml)$/.test(name) && !name.endsWith('.test.ts')) yield path;
  }
}

describe('references', () => {
  it('point only inside the repository', () => {
    const offending = [...files(ROOT)]
      .filter((f) => !f.endsWith('package-lock.json'))
      .filter((f) => OUTSIDE.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(offending).toEqual([]);
  });
});
