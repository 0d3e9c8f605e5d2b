import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { testDialects } from '@chitieu/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DomainWorld, domainWorld } from './domain-test-kit.js';

const DEMO = fileURLToPath(new URL('../../../../demo/thi-xa-demo.yaml', import.meta.url));

/** One bad request: what the API must answer, where the problem is, and a word of its sentence. */
interface BadInput {
  name: string;
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  body?: unknown;
  status: number;
  code: string;
  /** The first detail's path. */
  path?: string;
  /** Words the first detail's message (Vietnamese) must contain. */
  says?: string[];
}

/** The demo's Vietnamese-formatted number, sent as text. */
const VIETNAMESE_NUMBER = '1.234,5';

/** Bad API bodies and query strings; none may change a row. */
const CORPUS: BadInput[] = [
  {
    name: 'a misspelt key in a figure names the closest valid one',
    method: 'POST',
    url: '/api/figures',
    body: { unit: '502', indicator: 'GO', year: 2019, value: 1, stauts: 'estimate' },
    status: 422,
    code: 'validation-failed',
    path: 'body.stauts',
    says: ['stauts', 'status'],
  },
  {
    name: 'a Vietnamese-formatted number as text gets the decimal-dot hint',
    method: 'POST',
    url: '/api/figures',
    body: { unit: '502', indicator: 'GO', year: 2019, value: VIETNAMESE_NUMBER },
    status: 422,
    code: 'validation-failed',
    path: 'body.value',
    says: [VIETNAMESE_NUMBER, 'dấu chấm'],
  },
  {
    name: 'an unknown key in a nested object (a name’s language)',
    method: 'POST',
    url: '/api/indicators',
    body: { code: 'NEW', name: { vi: 'Mới', eng: 'New' }, unit: 'người', direction: 'up' },
    status: 422,
    code: 'validation-failed',
    path: 'body.name.eng',
    says: ['eng', 'en'],
  },
  {
    name: 'an unknown key in an edit',
    method: 'PATCH',
    url: '/api/units/502',
    body: { nmae: 'Phường Mới', version: 1 },
    status: 422,
    code: 'validation-failed',
    path: 'body.nmae',
    says: ['nmae', 'name'],
  },
  {
    name: 'an unknown key in a role grant',
    method: 'POST',
    url: '/api/users',
    body: { username: 'nva', password: 'mat-khau-dai-du', roles: [{ role: 'viewer', unti: '502' }] },
    status: 422,
    code: 'validation-failed',
    path: 'body.roles[0].unti',
    says: ['unti', 'unit'],
  },
  {
    name: 'an unknown key in a progress note',
    method: 'POST',
    url: '/api/plans/NQ-DH-XV/tasks/1/notes',
    body: { date: '2024-01-02', text: { vi: 'Ghi chú' }, progres: 10 },
    status: 422,
    code: 'validation-failed',
    path: 'body.progres',
    says: ['progres', 'progress'],
  },
  {
    name: 'a level target with growth-rate input, refused as the plan-file reader refuses it',
    method: 'POST',
    url: '/api/plans/NQ-DH-XV/targets',
    body: {
      code: 'X1',
      text: { vi: 'Chỉ tiêu thử' },
      indicator: 'GO',
      kind: 'level',
      value: 5,
      input: 'rates',
    },
    status: 422,
    code: 'unprocessable',
    path: 'body.input',
  },
  {
    name: 'a share above 100 % is outside the indicator’s bounds',
    method: 'POST',
    url: '/api/figures',
    body: { unit: '502', indicator: 'DT_LOAI3', year: 2023, value: 250, status: 'estimate' },
    status: 422,
    code: 'unprocessable',
    path: 'body.value',
    says: ['250', '100'],
  },
  {
    name: 'a figure for 2099 in a 2021–2025 plan is implausible',
    method: 'POST',
    url: '/api/figures',
    body: { unit: '502', indicator: 'GO', year: 2099, value: 1 },
    status: 422,
    code: 'unprocessable',
    path: 'body.year',
    says: ['2099'],
  },
  {
    name: 'an evaluation year outside the plan’s term',
    method: 'GET',
    url: '/api/plans/NQ-DH-XV/evaluation?year=2099',
    status: 422,
    code: 'unprocessable',
    path: 'querystring.year',
    says: ['2099', '2021', '2025'],
  },
  {
    name: 'a ranking year no plan comes near',
    method: 'GET',
    url: '/api/rankings?indicator=GO&year=2099',
    status: 422,
    code: 'unprocessable',
    path: 'querystring.year',
    says: ['2099'],
  },
  {
    name: 'an empty list says it needs an item (not a [min, max] pair)',
    method: 'POST',
    url: '/api/reorganisations',
    body: { kind: 'merge', from: [], to: ['502'], effective: '2025-07-01' },
    status: 422,
    code: 'validation-failed',
    path: 'body.from',
    says: ['ít nhất 1'],
  },
  {
    name: 'an unknown query parameter names the closest one',
    method: 'GET',
    url: '/api/figures?yeer=2023',
    status: 400,
    code: 'validation-failed',
    path: 'querystring.yeer',
    says: ['yeer', 'year'],
  },
  {
    name: 'a route without a query string takes none',
    method: 'GET',
    url: '/api/units/502?expand=children',
    status: 400,
    code: 'validation-failed',
    path: 'querystring.expand',
    says: ['expand'],
  },
];

/** Row counts of every data table and a checksum of the figures: equal before and after means untouched. */
async function snapshot(w: DomainWorld): Promise<string> {
  const db = w.t.handle.db;
  const tables = [
    'units',
    'indicators',
    'plans',
    'targets',
    'programs',
    'tasks',
    'progress_notes',
    'indicator_values',
    'value_revisions',
    'users',
    'user_roles',
  ] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  const figures = await db
    .selectFrom('indicator_values')
    .select(['id', 'unit_id', 'indicator_id', 'year', 'period', 'status', 'value', 'version'])
    .orderBy('id')
    .execute();
  const checksum = figures
    .map((f) =>
      [f.id, f.unit_id, f.indicator_id, f.year, f.period, f.status, Number(f.value), f.version].join('|'),
    )
    .join('\n');
  return JSON.stringify(counts) + checksum;
}

describe.each(await testDialects())('bad API input on %s: refused, located, nothing written', (dialect) => {
  let w: DomainWorld;
  beforeAll(async () => {
    w = await domainWorld(dialect);
    const imported = await w.call('POST', '/api/plan-files', readFileSync(DEMO, 'utf8'));
    expect(imported.statusCode, imported.body).toBe(200);
  });
  afterAll(async () => w?.close());

  it.each(CORPUS)('$name', async (bad) => {
    const before = await snapshot(w);
    const res = await w.call(bad.method, bad.url, bad.body);
    expect(res.statusCode, res.body).toBe(bad.status);
    const { error } = res.json() as { error: { code: string; details: { path: string; message: string }[] } };
    expect(error.code).toBe(bad.code);
    if (bad.path !== undefined) expect(error.details[0]?.path, res.body).toBe(bad.path);
    for (const word of bad.says ?? []) expect(error.details[0]?.message).toContain(word);
    expect(await snapshot(w)).toBe(before);
  });

  it('says the same in English when asked', async () => {
    const res = await w.call('POST', '/api/figures', CORPUS[0]?.body, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(422);
    const detail = res.json().error.details[0];
    expect(detail.path).toBe('body.stauts');
    expect(detail.message).toMatch(/status/);
    expect(detail.message).not.toMatch(/không|trường/);
  });

  it('/api/figures?year= lists the figures of that year only', async () => {
    const all = (await w.call('GET', '/api/figures?indicator=GO&limit=500')).json();
    const years = new Set(all.items.map((f: { year: number }) => f.year));
    expect(years.size).toBeGreaterThan(1);
    const res = await w.call('GET', '/api/figures?indicator=GO&year=2023&limit=500');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { year: number }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((f) => f.year === 2023)).toBe(true);
    expect(items.length).toBe(all.items.filter((f: { year: number }) => f.year === 2023).length);
  });
});
