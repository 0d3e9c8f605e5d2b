import { readFileSync } from 'node:fs';
import { findSoffice } from '@chitieu/reports';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { signIn } from '../../auth/test-kit.js';
import { type DomainWorld, domainWorld } from '../domain-test-kit.js';

const DEMO = new URL('../../../../../demo/thi-xa-demo.yaml', import.meta.url);
/** The demo's public plan: anonymous callers may ask for its reports. */
const REPORT = '/api/plans/NQ-DH-XV/reports/annual?year=2023&charts=false';

const soffice = findSoffice();
if (!soffice && process.env.CI === 'true') throw new Error('LibreOffice (soffice) is required under CI=true');

describe('what anonymous report requests may cost', () => {
  let w: DomainWorld;
  let app: FastifyInstance;
  beforeAll(async () => {
    w = await domainWorld('sqlite');
    expect((await w.call('POST', '/api/plan-files', readFileSync(DEMO, 'utf8'))).statusCode).toBe(200);
    app = await buildApp({
      database: w.t.handle,
      logger: false,
      limits: { anonymousReportsPerMinute: 2, pdfQueue: 1 },
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await w?.close();
  });

  const anonymous = (remoteAddress: string, format = 'xlsx') =>
    app.inject({ url: `${REPORT}&format=${format}`, remoteAddress, headers: { 'accept-language': 'en' } });

  it('limits reports per address for callers who are not signed in: 429 with Retry-After, then other addresses still get theirs', async () => {
    expect((await anonymous('203.0.113.1')).statusCode).toBe(200);
    expect((await anonymous('203.0.113.1', 'docx')).statusCode).toBe(200);
    const refused = await anonymous('203.0.113.1');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json().error).toEqual({
      code: 'report-rate-limited',
      message:
        'Too many reports made for this address without signing in; try again in a few minutes, or sign in.',
      details: [],
    });
    expect((await anonymous('203.0.113.2')).statusCode).toBe(200);
  });

  it('does not limit signed-in callers', async () => {
    const { headers } = await signIn(app, 'admin'); // the domain world's administrator
    for (let i = 0; i < 4; i++) {
      const res = await app.inject({ url: `${REPORT}&format=xlsx`, remoteAddress: '203.0.113.3', headers });
      expect(res.statusCode).toBe(200);
    }
  });

  it.skipIf(!soffice)(
    'bounds the LibreOffice queue: past it, 503 server-busy with Retry-After, nothing queued without end',
    async () => {
      const pdf = (n: number) =>
        app.inject({
          url: `${REPORT}&format=pdf&pdfEngine=libreoffice`,
          remoteAddress: `198.51.100.${n}`,
          headers: { 'accept-language': 'en' },
        });
      const answers = await Promise.all([1, 2, 3].map(pdf));
      const statuses = answers.map((r) => r.statusCode).sort();
      expect(statuses).toEqual([200, 503, 503]);
      for (const busy of answers.filter((r) => r.statusCode === 503)) {
        expect(Number(busy.headers['retry-after'])).toBeGreaterThan(0);
        expect(busy.json().error).toMatchObject({ code: 'server-busy', details: [] });
      }
      // The queue is free again once the conversion is done.
      expect((await pdf(4)).statusCode).toBe(200);
    },
    180_000,
  );
});
