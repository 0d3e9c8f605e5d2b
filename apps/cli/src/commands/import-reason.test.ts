/**
 * `chitieu import FILE --reason "…"`: a file that changes what a target of a plan with approved years
 * measures is refused without a reason (exit 2, a hint to use --reason, nothing written) and imported
 * with one, each change audited with the reason.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createTestDatabase,
  type Executor,
  migrateToLatest,
  openDatabase,
  type TestDatabase,
  testDialects,
} from '@chitieu/db';
import { afterAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../../../../test/helpers/cli.js';
import { CliError } from '../config-database.js';
import { importFile } from './import.js';

const DEMO = fileURLToPath(new URL('../../../../demo/thi-xa-demo.yaml', import.meta.url));
/** Target 12 of NQ-DH-XV (cereal output every year), its goal raised from 18,000 to 18,500 t. */
const GOAL = `        indicator: LUONG_THUC
        kind: annual
        value: 18000
`;
const REASON = 'Nghị quyết 05/NQ-HĐND điều chỉnh chỉ tiêu 12';

const dir = mkdtempSync(join(tmpdir(), 'chitieu-reason-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The demo with target 12's goal changed. */
function redefined(): string {
  const text = readFileSync(DEMO, 'utf8');
  expect(text).toContain(GOAL);
  const file = join(dir, 'nq-dieu-chinh.yaml');
  writeFileSync(file, text.replace(GOAL, GOAL.replace('18000', '18500')));
  return file;
}

/** Approve 2023 of NQ-DH-XV for its unit, as the workflow would. */
async function approve2023(db: Executor): Promise<void> {
  const plan = await db
    .selectFrom('plans')
    .select(['id', 'unit_id'])
    .where('code', '=', 'NQ-DH-XV')
    .executeTakeFirstOrThrow();
  const at = new Date().toISOString();
  await db
    .insertInto('figure_workflows')
    .values({
      plan_id: plan.id,
      unit_id: plan.unit_id,
      year: 2023,
      state: 'approved',
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

/** Target 12's goal and the audit entries that changed it. */
async function target12(db: Executor) {
  const target = await db
    .selectFrom('targets')
    .innerJoin('plans', 'plans.id', 'targets.plan_id')
    .select(['targets.id', 'targets.value'])
    .where('plans.code', '=', 'NQ-DH-XV')
    .where('targets.code', '=', '12')
    .executeTakeFirstOrThrow();
  const audits = await db
    .selectFrom('audit_log')
    .select(['action', 'reason', 'new_value', 'details'])
    .where('entity', '=', 'target')
    .where('entity_code', '=', String(target.id))
    .where('action', '=', 'update')
    .execute();
  return { value: target.value, audits };
}

describe.each(await testDialects())('import with --reason, on %s', (dialect) => {
  let t: TestDatabase | undefined;
  afterAll(async () => t?.cleanup());

  it('refuses a redefinition under approved years without a reason, and audits it with one', async () => {
    t = await createTestDatabase(dialect);
    await migrateToLatest(t.handle);
    await importFile(t.handle, DEMO, 'vi', 'test');
    await approve2023(t.handle.db);
    const file = redefined();

    const refused = await importFile(t.handle, file, 'en', 'test').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CliError);
    expect(refused).toMatchObject({ exitCode: 2 });
    const said = (refused as Error).message;
    expect(said).toContain('Target "12" belongs to a plan with approved years');
    expect(said).toContain('--reason');
    expect(await target12(t.handle.db)).toEqual({ value: 18000, audits: [] });

    await importFile(t.handle, file, 'vi', 'test', { reason: REASON });
    const after = await target12(t.handle.db);
    expect(after.value).toBe(18500);
    expect(after.audits).toHaveLength(1);
    expect(after.audits[0]).toMatchObject({ action: 'update', reason: REASON });
    expect(JSON.parse(String(after.audits[0]?.new_value))).toEqual({ value: 18500 });
    expect(JSON.parse(String(after.audits[0]?.details))).toMatchObject({
      import: { file: 'nq-dieu-chinh.yaml' },
    });
  });
});

describe('chitieu import --reason on the command line', () => {
  assertBuilt();

  it('exits 2 with the hint without --reason, 0 with it', async () => {
    const cwd = mkdtempSync(join(dir, 'cli-'));
    const env = { DATABASE_URL: 'sqlite:./data/x.db', CHITIEU_DEMO: '0' };
    expect((await runCli(['import', DEMO], { cwd, env })).code).toBe(0);
    const handle = openDatabase({ dialect: 'sqlite', path: join(cwd, 'data/x.db') });
    try {
      await approve2023(handle.db);
    } finally {
      await handle.destroy();
    }
    const file = redefined();
    const bare = await runCli(['import', file], { cwd, env });
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('Chỉ tiêu "12" thuộc kế hoạch có năm đã phê duyệt');
    expect(bare.stderr).toContain('chitieu import TỆP --reason');
    const reasoned = await runCli(['import', file, '--reason', REASON, '--lang', 'en'], { cwd, env });
    expect(reasoned.code, reasoned.stderr).toBe(0);
    expect(reasoned.stdout).toMatch(/targets\s+added 0, updated 1,/);
    const help = await runCli(['import', '--help'], { cwd, env });
    expect(help.stdout).toContain('--reason <text>');
  });
});
