import {
  createTestDatabase,
  LATEST_MIGRATION,
  migrateToLatest,
  type TestDatabase,
  testDialects,
} from '@chitieu/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isAccessRule } from './access.js';
import { buildApp } from './app.js';
import { languageOf } from './i18n.js';

describe.each(await testDialects())('server on %s', (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await migrateToLatest(t.handle);
    app = await buildApp({ database: t.handle, logger: false });
    // A route with a body schema, registered the way every route is, to exercise validation errors.
    app.withTypeProvider<ZodTypeProvider>().post(
      '/api/test-echo',
      {
        // Public: this route exercises validation, not sign-in (auth has its own tests).
        config: { access: { public: true } },
        schema: { body: z.object({ name: z.string(), items: z.array(z.object({ n: z.number().min(1) })) }) },
      },
      async (request) => request.body,
    );
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it('GET /api/health names the database and the latest migration', async () => {
    const res = await app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: dialect, migration: LATEST_MIGRATION });
  });

  it('answers an unknown address with the error shape, in Vietnamese by default', async () => {
    const res = await app.inject({ url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: { code: 'not-found', message: 'Không tìm thấy địa chỉ yêu cầu.', details: [] },
    });
  });

  it('answers in English when Accept-Language prefers it', async () => {
    const res = await app.inject({
      url: '/api/nothing-here',
      headers: { 'accept-language': 'en-GB,vi;q=0.5' },
    });
    expect(res.json().error.message).toBe('Nothing was found at this address.');
  });

  it('lists every validation problem with its path', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/test-echo',
      payload: { name: 5, items: [{ n: 3 }, { n: 0 }] },
    });
    // A body that breaks its schema is a 422 (the request was understood, its content is wrong).
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({
      error: {
        code: 'validation-failed',
        message: 'Dữ liệu gửi lên có lỗi.',
        details: [
          { path: 'body.name', message: 'Phải là chuỗi ký tự, nhưng đang là số 5.' },
          { path: 'body.items[1].n', message: 'Phải lớn hơn hoặc bằng 1 (đang là số 0).' },
        ],
      },
    });
  });

  it('answers malformed JSON with the error shape', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/test-echo',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      payload: '{"name":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: { code: 'bad-request', message: 'The request is not valid.', details: [] },
    });
  });

  it('refuses to register a route that declares no access rule', async () => {
    const other = await buildApp({ database: t.handle, logger: false });
    expect(() => other.get('/api/open', async () => 'x')).toThrow(/declares no valid config.access/);
    expect(() =>
      other.get('/api/wrong', { config: { access: { public: false } as never } }, async () => 'x'),
    ).toThrow(/GET \/api\/wrong/);
    await other.close();
  });
});

describe('health when the database is gone', () => {
  it('answers 503 database-unavailable', async () => {
    const t = await createTestDatabase('sqlite');
    await migrateToLatest(t.handle);
    const app = await buildApp({ database: t.handle, logger: false });
    await t.handle.destroy();
    const res = await app.inject({ url: '/api/health', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(503);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.json()).toMatchObject({ status: 'unavailable', database: 'unavailable', dialect: 'sqlite' });
    expect(res.json().error).toEqual({
      code: 'database-unavailable',
      message: 'The database cannot be reached.',
      details: [],
    });
    await app.close();
    await t.cleanup();
  });
});

describe('languageOf', () => {
  it.each([
    [undefined, 'vi'],
    ['', 'vi'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['fr,vi;q=0.5,en;q=0.4', 'vi'],
    ['vi;q=0.2,en;q=0.8', 'en'],
    ['en;q=0', 'vi'],
    ['de', 'vi'],
  ])('%j → %s', (header, lang) => {
    expect(languageOf(header)).toBe(lang);
  });
});

describe('isAccessRule', () => {
  it.each([
    [{ public: true }, true],
    [{ signedIn: true }, true],
    [{ role: 'editor' }, true],
    [{ role: 'editor', unitParam: 'unit' }, true],
    [{ public: false }, false],
    [{ role: '' }, false],
    [{ public: true, role: 'x' }, false],
    [null, false],
    ['public', false],
  ])('%j → %s', (rule, ok) => {
    expect(isAccessRule(rule)).toBe(ok);
  });
});
