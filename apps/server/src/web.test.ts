import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireAccessRules } from './access.js';
import { installErrorHandling } from './errors.js';
import { webApp } from './web.js';

// The static-serving plugin alone (no database): every route it adds declares its access rule, the
// browser's addresses get index.html, unknown API addresses keep the API's JSON 404.
async function appServing(root: string): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  requireAccessRules(app);
  installErrorHandling(app);
  app.get('/api/known', { config: { access: { public: true } } }, async () => ({ ok: true }));
  await app.register(webApp, { root });
  await app.ready();
  return app;
}

describe('the web app at /', () => {
  let dir: string;
  let app: FastifyInstance;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chitieu-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>chitieu</title><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    app = await appServing(dir);
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers index.html, never cached, for the app’s addresses (the browser router reads them)', async () => {
    for (const url of [
      '/',
      '/plans/NQ-DH-XV?year=2023',
      '/plans/NQ-DH-XV/targets/1',
      '/units/50/children',
      '/audit',
    ]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('<div id="root">');
    }
  });

  it('serves hashed assets for a year, and a missing asset is a 404, not index.html', async () => {
    const res = await app.inject({ url: '/assets/index-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toContain('immutable');
    const missing = await app.inject({ url: '/assets/nope.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).not.toContain('<div id="root">');
  });

  it('keeps API routes, and an unknown /api address stays the API’s JSON 404', async () => {
    expect((await app.inject({ url: '/api/known' })).json()).toEqual({ ok: true });
    for (const url of ['/api/nothing-here', '/api', '/api/plans/x/nothing']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json()).toMatchObject({ error: { code: 'not-found' } });
    }
    const post = await app.inject({ method: 'POST', url: '/plans/x' });
    expect(post.statusCode).toBe(404);
  });

  it('does not serve files outside its folder', async () => {
    const res = await app.inject({ url: '/assets/../../../etc/passwd' });
    expect(res.body).not.toContain('root:');
  });

  it('says how to build the app when it has not been built, in the reader’s language', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'chitieu-web-empty-'));
    const bare = await appServing(empty);
    try {
      const vi = await bare.inject({ url: '/' });
      expect(vi.statusCode).toBe(503);
      expect(vi.body).toContain('npm run build');
      expect(vi.body).toContain('chưa được dựng');
      const en = await bare.inject({ url: '/', headers: { 'accept-language': 'en' } });
      expect(en.body).toContain('has not been built');
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
