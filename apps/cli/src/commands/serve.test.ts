import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Dialect,
  dropTestSchema,
  LATEST_MIGRATION,
  loadPlanData,
  newTestSchemaUrl,
  openDatabase,
  parseDatabaseUrl,
  smallPlan,
  testDialects,
} from '@chitieu/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli, startCliServer } from '../../../../test/helpers/cli.js';

let dir: string;
beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'chitieu-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a bad configuration', () => {
  it.each([
    [{ PORT: 'abc' }, 'chitieu: PORT="abc" không hợp lệ: phải là số nguyên từ 0 đến 65535\n'],
    [{ PORT: '65536' }, 'chitieu: PORT="65536" không hợp lệ: phải là số nguyên từ 0 đến 65535\n'],
    [
      { DATABASE_URL: 'mysql://root@localhost/x' },
      'chitieu: DATABASE_URL="mysql://root@localhost/x" không hợp lệ: dùng sqlite:ĐƯỜNG_DẪN hoặc postgres://user@host:port/db\n',
    ],
    [
      { DATABASE_URL: 'postgres://', CHITIEU_LANG: 'en' },
      'chitieu: DATABASE_URL="postgres://" is not valid: a PostgreSQL address looks like postgres://user@host:port/db\n',
    ],
  ])('%j prints one clear line, exits 1 and creates nothing', async (env, line) => {
    const cwd = mkdtempSync(join(dir, 'bad-'));
    expect(await runCli(['serve'], { cwd, env })).toEqual({ code: 1, stdout: '', stderr: line });
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('stops migrate and import the same way', async () => {
    const cwd = mkdtempSync(join(dir, 'bad-'));
    const stderr = 'chitieu: PORT="x" không hợp lệ: phải là số nguyên từ 0 đến 65535\n';
    for (const command of [['migrate'], ['import', 'x.yaml']]) {
      expect(await runCli(command, { cwd, env: { PORT: 'x' } })).toEqual({ code: 1, stdout: '', stderr });
    }
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('an unreachable PostgreSQL is one line and exit 1', async () => {
    const r = await runCli(['migrate'], {
      cwd: dir,
      env: { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^chitieu: không mở được cơ sở dữ liệu PostgreSQL 127\.0\.0\.1:1\/none: .+\n$/);
  });
});

describe.each(await testDialects())('on %s', (dialect: Dialect) => {
  let env: Record<string, string>;
  let schema: string | undefined;
  let planFile: string;
  beforeAll(() => {
    if (dialect === 'postgres') {
      const fresh = newTestSchemaUrl();
      schema = fresh.schema;
      env = { DATABASE_URL: fresh.url, CHITIEU_DEMO: '0' };
    } else {
      env = { DATABASE_URL: `sqlite:./${dialect}-data/chitieu.db`, CHITIEU_DEMO: '0' };
    }
    planFile = join(dir, 'small-plan.json');
    writeFileSync(planFile, JSON.stringify({ format: 'chitieu.plan/1', ...smallPlan() }));
  });
  afterAll(async () => {
    if (schema) await dropTestSchema(schema);
  });

  it('serve migrates, serves /api/health and stops cleanly on SIGTERM', async () => {
    const server = await startCliServer({ cwd: dir, env });
    try {
      expect(server.banner).toContain('chitieu đang chạy tại http://127.0.0.1:');
      const res = await fetch(`${server.url}/api/health`);
      expect(await res.json()).toEqual({ status: 'ok', database: dialect, migration: LATEST_MIGRATION });
    } finally {
      const exit = await server.stop();
      expect(exit.code).toBe(0);
    }
    if (dialect === 'sqlite') expect(existsSync(join(dir, 'sqlite-data', 'chitieu.db'))).toBe(true);
  });

  it('import reports what it added; after a restart the data is still there', async () => {
    const first = await runCli(['import', planFile, '--json'], { cwd: dir, env });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).counts.targets).toEqual({ added: 4, updated: 0, unchanged: 0 });

    const server = await startCliServer({ cwd: dir, env });
    expect((await server.stop()).code).toBe(0);

    const again = await runCli(['import', planFile, '--lang', 'en'], { cwd: dir, env });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('values      added 0, updated 0, unchanged 15');

    const parsed = parseDatabaseUrl(env.DATABASE_URL ?? '', dir);
    if (!parsed.ok) throw new Error('bad url');
    const handle = openDatabase(parsed.target);
    try {
      const data = await loadPlanData(handle.db, 'NQ-XI');
      expect(data?.plans[0]?.targets.map((t) => t.code)).toEqual(['1', '2', '3', '4']);
    } finally {
      await handle.destroy();
    }
  });

  it('import of an invalid file lists every problem, exits 2 and writes nothing', async () => {
    const bad = join(dir, 'bad-plan.yaml');
    writeFileSync(
      bad,
      'format: chitieu.plan/1\nvalues:\n  - { indicator: GO, unit: "nowhere", year: 2023, value: 1, status: official }\n',
    );
    const r = await runCli(['import', bad], { cwd: dir, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^chitieu: .*bad-plan\.yaml.*\n {2}values\[0\]\.indicator: .*\n {2}values\[0\]\.unit: .*"nowhere".*\n$/,
    );
    const again = await runCli(['import', planFile, '--json'], { cwd: dir, env });
    expect(JSON.parse(again.stdout).counts.units).toEqual({ added: 0, updated: 0, unchanged: 6 });
  });

  it('serve loads the demo plan into an empty database once', async () => {
    let demoEnv: Record<string, string>;
    let demoSchema: string | undefined;
    if (dialect === 'postgres') {
      const fresh = newTestSchemaUrl();
      demoSchema = fresh.schema;
      demoEnv = { DATABASE_URL: fresh.url };
    } else {
      demoEnv = { DATABASE_URL: 'sqlite:./demo-data/chitieu.db' };
    }
    try {
      const first = await startCliServer({ cwd: dir, env: demoEnv });
      await first.stop();
      expect(first.banner).toMatch(/Đã nạp kế hoạch mẫu demo\/thi-xa-demo\.yaml: \d+ chỉ tiêu, \d+ số liệu/);
      const second = await startCliServer({ cwd: dir, env: demoEnv });
      await second.stop();
      expect(second.banner).not.toContain('kế hoạch mẫu');
    } finally {
      if (demoSchema) await dropTestSchema(demoSchema);
    }
  });
});
