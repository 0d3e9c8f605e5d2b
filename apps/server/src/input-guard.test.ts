import { testDialects } from '@chitieu/db';
import { parsePlanFile } from '@chitieu/plan-file';
import { message } from '@chitieu/rules';
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

/** What the plan-file reader says about a figure's note `note`, in `lang` (its line left aside). */
function planFileSays(note: string, lang: 'vi' | 'en'): string | undefined {
  const file = JSON.stringify({
    format: 'chitieu.plan/1',
    units: [],
    indicators: [],
    plans: [],
    values: [{ unit: 'U', indicator: 'I', year: 2024, value: 1, note }],
  });
  const parsed = parsePlanFile(file, { lang });
  return parsed.ok ? undefined : parsed.problems.find((p) => p.path === 'values[0].note')?.message;
}

/** `{"a":{"a":…inner…}}`, `depth` levels deep, as JSON text. */
const nested = (depth: number, inner: string) => `${'{"a":'.repeat(depth)}${inner}${'}'.repeat(depth)}`;

describe.each(await testDialects())('text rules at the door on %s', (dialect) => {
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
    expect(error.details[0].message).toBe(
      character === 'U+0000'
        ? message('nul-char', {}, 'en')
        : message('control-char', { char: character }, 'en'),
    );
  });

  it('says it in Vietnamese by default', async () => {
    const res = await w.app.inject({ url: '/api/units/%00' });
    expect(res.json().error).toMatchObject({
      code: 'control-character',
      message: 'Dữ liệu gửi lên chứa ký tự điều khiển không được phép.',
      details: [
        {
          path: 'params.code',
          message: 'Có ký tự NUL (mã 0) trong nội dung; hãy xóa nó (thường do sao chép từ tệp nhị phân).',
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

  it.each([
    ['a bell in free text', 'a\u0007b', 'control-character'],
    ['mojibake', 'Số liệu Thanh HÃ³a', 'garbled-text'],
  ])('refuses a note with %s exactly as a plan file does', async (_what, note, code) => {
    for (const lang of ['vi', 'en'] as const) {
      const said = planFileSays(note, lang);
      expect(said, 'the plan-file reader refuses it').toBeDefined();
      const res = await w.call(
        'POST',
        '/api/figures',
        { unit: 'U', indicator: 'I', year: 2024, value: 1, note },
        { 'accept-language': lang },
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code, details: [{ path: 'body.note', message: said }] });
    }
    expect(message('mojibake', { text: 'x' }, 'en')).toMatch(/garbled/);
  });

  it('stores a name typed with combining marks (NFD) in NFC, as a plan file does', async () => {
    const nfd = 'Xã Ho\u0300a Bi\u0300nh';
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    const created = await w.call('POST', '/api/units', { code: 'NFD1', name: nfd, level: 'commune' });
    expect(created.statusCode, created.body).toBeLessThan(300);
    const res = await w.call('GET', '/api/units/NFD1');
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe('Xã Hòa Bình');
    const stored = await w.t.handle.db
      .selectFrom('units')
      .select('name')
      .where('code', '=', 'NFD1')
      .executeTakeFirstOrThrow();
    expect(stored.name).toBe(nfd.normalize('NFC'));
  });

  it('answers a body nested 100.000 deep with a 4xx, not a stack overflow', async () => {
    for (const [inner, status, code] of [
      ['"x\\u0000"', 400, 'control-character'],
      ['"Ho\\u0300a"', 422, 'validation-failed'],
    ] as const) {
      const res = await w.call('POST', '/api/units', nested(100_000, inner), {
        'content-type': 'application/json',
      });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
    const health = await w.app.inject({ url: '/api/health' });
    expect(health.statusCode).toBe(200);
  });
});
