/**
 * Every bad plan file of the corpus, imported into a database that already holds the demo, is refused
 * with exit code 2 and its problems — and the database is unchanged: the same row counts and the same
 * checksum of the figures, on SQLite and PostgreSQL.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, migrateToLatest, type TestDatabase, testDialects } from '@chitieu/db';
import { BAD_PLAN_FILES } from '@chitieu/rules/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../apps/cli/src/commands/import.js';
import { CliError } from '../apps/cli/src/config-database.js';
import { snapshot } from './helpers/db-snapshot.js';

const DEMO = new URL('../demo/thi-xa-demo.yaml', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'chitieu-import-bad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(await testDialects())('%s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await migrateToLatest(t.handle);
    await importFile(t.handle, DEMO, 'vi', 'test');
  });
  afterAll(async () => t.cleanup());

  it.each(BAD_PLAN_FILES.map((c) => [c.name, c] as const))('%s: refused, nothing written', async (_, c) => {
    const path = join(dir, `${dialect}-${c.file}`);
    writeFileSync(path, c.content);
    const before = await snapshot(t.handle);
    const error = await importFile(t.handle, path, 'en', 'test').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    // Every expected problem is named by its path in the listing (file-level ones by the file).
    for (const p of c.expect) expect((error as CliError).message).toContain(p.path || path);
    expect((error as CliError).message).not.toMatch(/\n\s+at |undefined|NaN/);
    expect(await snapshot(t.handle)).toEqual(before);
  });

  it('an .xlsx or .csv file is refused by name before it is read', async () => {
    const before = await snapshot(t.handle);
    for (const name of ['so-lieu.xlsx', 'so-lieu.csv']) {
      const e = await importFile(t.handle, join(dir, name), 'vi', 'test').catch((x: unknown) => x);
      expect(e).toBeInstanceOf(CliError);
      expect((e as CliError).message).toContain('chưa đọc được tệp');
    }
    expect(await snapshot(t.handle)).toEqual(before);
  });
});
