/**
 * PostgreSQL going away and coming back, on a cluster of the test's own (not the shared one):
 * the server answers 503 with Retry-After meanwhile, under load and when idle, never dies, and
 * answers 200 again once PostgreSQL is back, without a restart.
 */
import { createUser, migrateToLatest, openDatabase, parseDatabaseUrl } from '@chitieu/db';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { issueApiToken } from './routes/tokens/routes.js';
import { createScratchCluster, type ScratchCluster, scratchClusterSupport } from './test-pg-cluster.js';

const unsupported = scratchClusterSupport();
if (unsupported && process.env.CI === 'true') {
  throw new Error(`the PostgreSQL outage test must run under CI=true, but ${unsupported}`);
}
if (unsupported) console.log(`database-outage.test.ts skipped: ${unsupported}`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(unsupported !== null)('PostgreSQL stops and starts under a running server', () => {
  let cluster: ScratchCluster;
  let app: FastifyInstance;
  let base: string;
  let destroy: () => Promise<void>;
  let token = '';
  const lost: Error[] = [];

  beforeAll(async () => {
    cluster = await createScratchCluster();
    const target = parseDatabaseUrl(cluster.url);
    if (!target.ok) throw new Error(target.problem);
    const handle = openDatabase(target.target, { poolSize: 8, connectTimeoutMs: 2000 });
    destroy = () => handle.destroy();
    await migrateToLatest(handle);
    const user = await createUser(
      handle.db,
      { username: 'viewer', passwordHash: 'x', roles: [{ role: 'viewer', unit: null }] },
      null,
    );
    if (!user.ok) throw new Error('no user');
    ({ token } = await issueApiToken(handle.db, { userId: user.user.id, name: 'outage', days: 1 }, null));
    handle.onConnectionError((err) => lost.push(err));
    app = await buildApp({ database: handle, logger: false });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await destroy?.();
    cluster?.drop();
  }, 60_000);

  /** `/signed-in/…`: the same path with the API token (its check reads the database too). */
  const get = async (path: string) => {
    const signedIn = path.startsWith('/signed-in');
    const headers: Record<string, string> = { 'accept-language': 'en' };
    if (signedIn) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${base}${path.replace('/signed-in', '')}`, { headers });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() };
  };

  /**
   * Requests that read the database: the health check, anonymous lists, and a signed-in read (a
   * token that cannot be checked must give 503, never 401 nor anonymous access).
   */
  const PATHS = ['/api/health', '/api/units', '/api/indicators', '/signed-in/api/figures'];

  async function expectAllUnavailable(): Promise<void> {
    for (const path of PATHS) {
      const res = await get(path);
      expect(res.status, path).toBe(503);
      expect(Number(res.retryAfter), path).toBeGreaterThan(0);
      expect(res.body.error, path).toMatchObject({ code: 'database-unavailable', details: [] });
      expect(res.body.error.message, path).toBe('The database cannot be reached.');
    }
    const health = await get('/api/health');
    expect(health.body).toMatchObject({
      status: 'unavailable',
      database: 'unavailable',
      dialect: 'postgres',
    });
  }

  async function expectRecovered(): Promise<void> {
    let health = await get('/api/health');
    for (let i = 0; i < 50 && health.status !== 200; i++) {
      await sleep(200);
      health = await get('/api/health');
    }
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', database: 'postgres' });
    for (const path of PATHS) expect((await get(path)).status, path).toBe(200);
  }

  it('answers 200 while PostgreSQL runs', async () => {
    for (const path of PATHS) expect((await get(path)).status, path).toBe(200);
  });

  it('under load: 503 with Retry-After while stopped (never a 500, never a dropped request), then 200', async () => {
    const statuses = new Map<number, number>();
    let missingRetryAfter = 0;
    let running = true;
    const worker = async (n: number) => {
      for (let i = 0; running; i++) {
        const res = await get(PATHS[(n + i) % PATHS.length] as string);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status === 503 && !(Number(res.retryAfter) > 0)) missingRetryAfter++;
      }
    };
    const workers = Array.from({ length: 12 }, (_, n) => worker(n));
    await sleep(300); // every pooled connection busy
    cluster.stop();
    await sleep(500);
    running = false;
    await Promise.all(workers);
    expect([...statuses.keys()].sort()).toEqual([200, 503]);
    expect(missingRetryAfter).toBe(0);
    await expectAllUnavailable();
    cluster.start();
    await expectRecovered();
  }, 60_000);

  it('when idle: the pooled connections PostgreSQL terminates do not crash the process; 503, then 200', async () => {
    // Fill the pool with idle connections, then stop PostgreSQL while nothing is asked.
    await Promise.all(Array.from({ length: 8 }, () => get('/api/units')));
    const before = lost.length;
    cluster.stop();
    for (let i = 0; i < 50 && lost.length === before; i++) await sleep(100);
    expect(lost.length).toBeGreaterThan(before); // the idle clients saw the termination…
    await sleep(300);
    await expectAllUnavailable(); // …and the process is still here to answer
    cluster.start();
    await expectRecovered();
  }, 60_000);
});
