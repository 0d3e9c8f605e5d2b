import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTestDatabase,
  importPlanFile,
  listAudit,
  smallPlan,
  type TestDatabase,
  testDialects,
} from '@chitieu/db';
import { verifyPassword } from '@chitieu/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli, startCliServer } from '../../../../test/helpers/cli.js';

let dir: string;
beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'chitieu-users-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(await testDialects())('user and token commands on %s', (dialect) => {
  let t: TestDatabase;
  let env: Record<string, string>;
  const cli = (args: string[], input?: string) => runCli(args, { cwd: dir, env, input });
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    env = { DATABASE_URL: t.url, CHITIEU_DEMO: '0' };
    expect((await cli(['migrate'])).code).toBe(0);
    await importPlanFile(t.handle.db, smallPlan());
  });
  afterAll(async () => t?.cleanup());

  it('adds a user with the password from stdin, never from the command line', async () => {
    const refused = await cli(['user', 'add', '--username', 'lan', '--role', 'editor', '--unit', '381']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--password-stdin');
    const added = await cli(
      ['user', 'add', '--username', 'Lan', '--role', 'editor', '--unit', '381', '--password-stdin'],
      'một mật khẩu dài\n',
    );
    expect(added).toMatchObject({ code: 0, stdout: 'Đã thêm người dùng lan (editor@381).\n' });
    const row = await t.handle.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'lan')
      .executeTakeFirst();
    expect(row?.password_hash).toMatch(/^\$argon2id\$/);
    const [entry] = await listAudit(t.handle.db, { entity: 'user', id: 'lan' });
    expect(entry).toMatchObject({ action: 'create', user: expect.stringMatching(/^cli:/), userId: null });
  });

  it('says clearly what is wrong', async () => {
    const cases: [string[], string, string][] = [
      [['--username', 'x1', '--role', 'boss'], 'long enough pw', 'Vai trò "boss" không hợp lệ'],
      [
        ['--username', 'x2', '--role', 'viewer', '--unit', '999'],
        'long enough pw',
        'Không có đơn vị mã "999".',
      ],
      [['--username', 'lan', '--role', 'viewer'], 'long enough pw', 'Tên đăng nhập "lan" đã có người dùng.'],
      [['--username', 'x3', '--role', 'viewer'], 'short', 'ít nhất 10 ký tự'],
    ];
    for (const [args, input, message] of cases) {
      const r = await cli(['user', 'add', ...args, '--password-stdin'], input);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });

  it('sets a new password from stdin, with which the user signs in', async () => {
    const r = await cli(
      ['user', 'password', 'lan', '--password-stdin', '--lang', 'en'],
      'mật khẩu mới đủ dài',
    );
    expect(r).toMatchObject({
      code: 0,
      stdout: 'Set a new password for lan; every earlier session has ended and every API token is revoked.\n',
    });
    const row = await t.handle.db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', 'lan')
      .executeTakeFirst();
    expect(await verifyPassword(row?.password_hash ?? null, 'mật khẩu mới đủ dài')).toBe(true);
    const [entry] = await listAudit(t.handle.db, { entity: 'user', id: 'lan' });
    expect(entry?.action).toBe('change-password');
  });

  it('lists, disables and enables users', async () => {
    expect((await cli(['user', 'disable', 'lan', '--lang', 'en'])).stdout).toBe('Disabled lan.\n');
    expect((await cli(['user', 'list'])).stdout).toBe('lan  editor@381  (đã khóa)\n');
    expect((await cli(['user', 'enable', 'lan'])).stdout).toBe('Đã mở khóa tài khoản lan.\n');
  });

  it('creates a token printed once, stored only as its hash, and revokes it', async () => {
    const made = await cli(['token', 'create', '--user', 'lan', '--name', 'đồng bộ', '--days', '30']);
    expect(made.code).toBe(0);
    const token = made.stdout.trim();
    expect(token).toMatch(/^ctk_[A-Za-z0-9_-]{43}$/);
    expect(made.stderr).toContain('không hiện lại');
    const rows = await t.handle.db.selectFrom('api_tokens').selectAll().execute();
    expect(rows.map((r) => r.token_hash)).toEqual([createHash('sha256').update(token).digest('hex')]);
    const listed = await cli(['token', 'list']);
    expect(listed.stdout).toMatch(/^\s+\d+ {2}lan {2}"đồng bộ" {2}→ \d{4}-\d{2}-\d{2}\n$/);
    expect(listed.stdout).not.toContain(token);
    const id = String(rows[0]?.id);
    expect((await cli(['token', 'revoke', id])).stdout).toBe(`Đã thu hồi token ${id}.\n`);
    expect((await cli(['token', 'revoke', id])).code).toBe(2);
  });
});

describe.each(await testDialects())('the first start on %s', (dialect) => {
  it('creates the administrator with a random password printed once', async () => {
    const t = await createTestDatabase(dialect);
    try {
      // Trace logs: every request is logged, so a password in any log line would show.
      const env = { DATABASE_URL: t.url, CHITIEU_DEMO: '0', LOG_LEVEL: 'trace' };
      const first = await startCliServer({ cwd: dir, env, ready: /Ctrl\+C/ });
      const m = first.banner.match(/quản trị đầu tiên: admin, mật khẩu: (\S+)/);
      expect(m).not.toBeNull();
      const password = m?.[1] as string;
      expect(password).toMatch(/^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/);
      const login = await fetch(`${first.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password }),
      });
      expect(login.status).toBe(200);
      const stopped = await first.stop();
      // Once, in the banner: never in a log line.
      expect((stopped.stdout + stopped.stderr).split(password).length - 1).toBe(1);
      expect(stopped.stdout).toContain('/api/auth/login');
      const second = await startCliServer({ cwd: dir, env, ready: /Ctrl\+C/ });
      expect(second.banner).not.toContain('mật khẩu');
      await second.stop();
    } finally {
      await t.cleanup();
    }
  });
});
