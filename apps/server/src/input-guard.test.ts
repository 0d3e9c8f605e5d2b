import { testDialects } from '@chitieu/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DomainWorld, domainWorld } from './routes/domain-test-kit.js';

/** A minimal valid plan file around `unitCode`, as JSON text. */
const planFile = (unitCode: string) =>
  JSON.stringify({
    format: 'chitieu.plan/1',
    units: [{ code: unitCode, name: 'Xã A', level: 'commune' }],
    indicators: [],
    plans: [],
    values: [],
  });

describe.each(await testDialects())('control characters on %s', (dialect) => {
  let w: DomainWorld;
  beforeAll(async () => {
    w = await domainWorld(dialect);
  });
  afterAll(async () => {
    await w?.close();
  });

  const anonymous = (url: string) => w.app.inject({ url, headers: { 'accept-language': 'en' } });

  it.each([
    ['/api/units/%00', 'params.code', 'U+0000'],
    ['/api/units/a%00b', 'params.code', 'U+0000'],
    ['/api/units/X%01', 'params.code', 'U+0001'],
    ['/api/units/X%09', 'params.code', 'U+0009'],
    ['/api/units/X%0A', 'params.code', 'U+000A'],
    ['/api/units/X%7F', 'params.code', 'U+007F'],
    ['/api/units/X%C2%85', 'params.code', 'U+0085'],
    ['/api/units?q=%00', 'querystring.q', 'U+0000'],
    ['/api/units?parent=a%1Fb', 'querystring.parent', 'U+001F'],
    ['/api/indicators/%00', 'params.code', 'U+0000'],
    ['/api/plans/%00/plan-file', 'params.code', 'U+0000'],
    ['/api/plans/NQ%00/reports/midterm?year=2023', 'params.code', 'U+0000'],
    ['/api/units/50/figures?indicator=GO%00', 'querystring.indicator', 'U+0000'],
  ])('anonymous GET %s → 400 at %s', async (url, path, character) => {
    const res = await anonymous(url);
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('control-character');
    expect(error.message).toBe('The data sent contains control characters that are not allowed.');
    expect(error.details).toHaveLength(1);
    expect(error.details[0].path).toBe(path);
    expect(error.details[0].message).toContain(character);
  });

  it('says it in Vietnamese by default', async () => {
    const res = await w.app.inject({ url: '/api/units/%00' });
    expect(res.json().error).toMatchObject({
      code: 'control-character',
      message: 'Dữ liệu gửi lên chứa ký tự điều khiển không được phép.',
      details: [
        {
          path: 'params.code',
          message: 'Chứa ký tự NUL (U+0000) ở vị trí 1, ký tự này không bao giờ được phép.',
        },
      ],
    });
  });

  it.each([
    [
      'a note',
      'POST',
      '/api/figures',
      { unit: 'U', indicator: 'I', year: 2024, value: 1, note: 'a\u0000b' },
      'body.note',
    ],
    ['a name', 'PATCH', '/api/units/U', { name: 'Xã\u0000', version: 1 }, 'body.name'],
    ['a code', 'POST', '/api/units', { code: 'U\u0001', name: 'Xã', level: 'commune' }, 'body.code'],
    ['a code with a tab', 'POST', '/api/units', { code: 'U\t', name: 'Xã', level: 'commune' }, 'body.code'],
    [
      'a nested code',
      'POST',
      '/api/reorganisations',
      { kind: 'merge', from: ['A', 'B\u0002'], to: ['C'], effective: '2025-07-01' },
      'body.from[1]',
    ],
    [
      'a field name',
      'POST',
      '/api/units',
      { code: 'U', name: 'Xã', level: 'commune', 'x\u0000': 1 },
      'body.x\\u0000',
    ],
    [
      'a key with a control character',
      'POST',
      '/api/units',
      { code: 'U', 'le\u0007vel': 'x' },
      'body.le\\u0007vel',
    ],
    ['deep inside', 'POST', '/api/figures', { a: [{ b: [{ c: 'd\u0000' }] }] }, 'body.a[0].b[0].c'],
  ])(
    'refuses %s with NUL or a control character: %s %s → 400 at %s',
    async (_what, method, url, payload, path) => {
      const res = await w.call(method as 'POST' | 'PATCH', url, payload, { 'accept-language': 'en' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('control-character');
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual([path]);
    },
  );

  it('lists several at once, in document order', async () => {
    const res = await w.call('POST', '/api/units', { code: 'A\u0001', name: 'b\u0000', level: 'c\u0000' });
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'body.code',
      'body.name',
      'body.level',
    ]);
  });

  it('lets free text keep tabs and line breaks', async () => {
    const res = await w.call('POST', '/api/units', {
      code: 'LB',
      name: 'Xã\tLiên\nBình\r\n',
      level: 'commune',
    });
    expect(res.json().error?.code).not.toBe('control-character');
  });

  it('a plan file with NUL, JSON or YAML, is refused with its place, and nothing is imported', async () => {
    const json = planFile('X\u0000');
    const yaml = 'format: chitieu.plan/1\nunits:\n  - { code: "Y\\0", name: Xã B, level: commune }\n';
    for (const [body, type] of [
      [json, 'application/json'],
      [yaml, 'application/yaml'],
    ] as const) {
      const res = await w.call('POST', '/api/plan-files', body, { 'content-type': type });
      expect(res.statusCode, type).toBe(400);
      expect(JSON.stringify(res.json().error.details), type).toMatch(/units\[0\]\.code/);
    }
    const units = await w.call('GET', '/api/units?limit=500');
    expect(JSON.stringify(units.json())).not.toMatch(/\\u0000/);
  });

  it('a raw NUL byte in a plan file body is refused before it is read as a file', async () => {
    const res = await w.call('POST', '/api/plan-files', `${planFile('Z')}\u0000`, {
      'content-type': 'application/json',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'control-character', details: [{ path: 'body' }] });
  });
});
