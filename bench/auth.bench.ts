/**
 * Auth benchmark, in-process (`inject`, no network) on SQLite: what signing in costs (argon2id
 * is slow on purpose) and what authentication and unit-scoped authorization add to a request.
 * Baseline in the same run: GET /api/health, a public route (the auth hooks run but find no
 * credential). Then the same kind of read as a session cookie, as a Bearer token, and a read
 * whose rule resolves a unit code and checks its chain against the caller's roles.
 */
import { createTestDatabase, createUser, importPlanFile, migrateToLatest, smallPlan } from '@chitieu/db';
import { buildApp, hashPassword, issueApiToken } from '@chitieu/server';
import type { BenchTable } from './lib.js';
import { timeMs } from './lib.js';

export const name = 'auth';

const REQUESTS = 500;

export async function run(): Promise<BenchTable[]> {
  const t = await createTestDatabase('sqlite');
  try {
    await migrateToLatest(t.handle);
    await importPlanFile(t.handle.db, smallPlan());
    const password = 'bench-password-long-enough';
    const passwordHash = await hashPassword(password);
    const user = await createUser(
      t.handle.db,
      { username: 'viewer', passwordHash, roles: [{ role: 'viewer', unit: '381' }] },
      null,
    );
    if (!user.ok) throw new Error('bench user');
    const { token } = await issueApiToken(
      t.handle.db,
      { userId: user.user.id, name: 'bench', days: 1 },
      null,
    );
    const app = await buildApp({ database: t.handle, logger: false, auth: { loginPerMinute: 1_000_000 } });
    await app.ready();
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'viewer', password },
    });
    const cookie = `chitieu_session=${login.cookies.find((c) => c.name === 'chitieu_session')?.value}`;

    const perRequest = async (request: Parameters<typeof app.inject>[0]) => {
      const res = await app.inject(request);
      if (res.statusCode !== 200)
        throw new Error(`${JSON.stringify(request)}: ${res.statusCode} ${res.body}`);
      return (
        (await timeMs(async () => {
          for (let i = 0; i < REQUESTS; i++) await app.inject(request);
        }, 3)) / REQUESTS
      );
    };
    const health = await perRequest({ url: '/api/health' });
    const rows: (string | number)[][] = [['GET /api/health, public (baseline)', health, 1]];
    for (const [label, request] of [
      ['GET /api/auth/session, session cookie', { url: '/api/auth/session', headers: { cookie } }],
      [
        'GET /api/auth/session, Bearer token',
        { url: '/api/auth/session', headers: { authorization: `Bearer ${token}` } },
      ],
      [
        'GET /api/workflow?unit=38101, viewer of 381 (unit chain checked)',
        { url: '/api/workflow?plan=NQ-XI&unit=38101', headers: { cookie } },
      ],
    ] as const) {
      const ms = await perRequest(request);
      rows.push([label, ms, ms / health]);
    }
    const hashMs = await timeMs(() => hashPassword(password), 5);
    const loginMs = await timeMs(
      () => app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'viewer', password } }),
      5,
    );
    await app.close();
    return [
      {
        title: `Auth cost per request (in-process, SQLite, median of 3 × ${REQUESTS} requests)`,
        columns: ['request', 'ms / request', '× baseline'],
        rows,
      },
      {
        title: 'Signing in (argon2id, 19 MiB, 2 passes: slow on purpose)',
        columns: ['operation', 'ms'],
        rows: [
          ['hash a password', hashMs],
          ['POST /api/auth/login (verify + session + audit)', loginMs],
        ],
      },
    ];
  } finally {
    await t.cleanup();
  }
}
