/**
 * `every: true` on an `annual` target (each single year must reach the goal) survives the database:
 * the API evaluates the stored plan to the least year's achievement, exactly as `chitieu evaluate`
 * does from the file. Before 0600_target_every the column did not exist and the API silently fell
 * back to the mean of the years.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, migrateToLatest, type TestDatabase, testDialects } from '@chitieu/db';
import { buildApp } from '@chitieu/server';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../output/io.js';
import { runEvaluate } from './evaluate.js';
import { importFile } from './import.js';

const DEMO = fileURLToPath(new URL('../../../../demo/thi-xa-demo.yaml', import.meta.url));
/** Target 12 of NQ-DH-XV: cereal output of 18,000 t every year; 2022 fell short (17,650 t). */
const CEREAL = `        indicator: LUONG_THUC
        kind: annual
        value: 18000
`;

const dir = mkdtempSync(join(tmpdir(), 'chitieu-every-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The demo with target 12 meaning "each single year", written to a file. */
function demoWithEvery(): string {
  const text = readFileSync(DEMO, 'utf8');
  expect(text).toContain(CEREAL);
  const file = join(dir, 'demo-every.yaml');
  writeFileSync(file, text.replace(CEREAL, `${CEREAL}        every: true\n`));
  return file;
}

/** What `chitieu evaluate FILE --plan NQ-DH-XV --year 2023 --json` prints. */
async function evaluateFromFile(file: string): Promise<string> {
  let stdout = '';
  const io: Io = { out: (s) => (stdout += `${s}\n`), err: () => {} };
  expect(await runEvaluate(file, { plan: 'NQ-DH-XV', year: '2023', json: true }, io)).toBe(0);
  return stdout;
}

interface TargetEvaluation {
  code: string;
  every?: boolean;
  achievement: number | null;
  status: string;
}
const target12 = (json: string) =>
  (JSON.parse(json) as { targets: TargetEvaluation[] }).targets.find((t) => t.code === '12');

describe.each(await testDialects())('an annual target with every: true, on %s', (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await migrateToLatest(t.handle);
    app = await buildApp({ database: t.handle, logger: false });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it('is evaluated by the least year through the API, exactly as chitieu evaluate does from the file', async () => {
    const file = demoWithEvery();
    const fromFile = await evaluateFromFile(file);
    const cli = target12(fromFile);
    // The min rule: 2022's 17,650 t of 18,000 t, not the mean 18,058 t (which would exceed the goal).
    expect(cli?.achievement).toBeCloseTo(17650 / 18000, 10);
    const mean = target12(await evaluateFromFile(DEMO));
    expect(mean?.achievement).toBeCloseTo((18420 + 17650 + 18105) / 3 / 18000, 10);

    await importFile(t.handle, file, 'vi', 'test');
    const stored = await t.handle.db
      .selectFrom('targets')
      .innerJoin('plans', 'plans.id', 'targets.plan_id')
      .select(['targets.code', 'targets.every'])
      .where('plans.code', '=', 'NQ-DH-XV')
      .where('targets.every', '=', 1)
      .execute();
    expect(stored).toEqual([{ code: '12', every: 1 }]);

    const res = await app.inject({ method: 'GET', url: '/api/plans/NQ-DH-XV/evaluation?year=2023&lang=vi' });
    expect(res.statusCode, res.body).toBe(200);
    expect(target12(res.body)).toEqual(cli);
    // The whole evaluation is the CLI's, byte for byte.
    expect(res.body).toBe(fromFile);
  });
});
