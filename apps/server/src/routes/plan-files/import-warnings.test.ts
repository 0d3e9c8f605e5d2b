/**
 * `POST /api/plan-files` returns the import's warnings (accepted, suspicious figures) in its body, in
 * the reader's language, those the file reader also found with their line and column.
 */
import { smallPlan, testDialects } from '@chitieu/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DomainWorld, domainWorld } from '../domain-test-kit.js';

/** Figures of the small plan's units (the file names what they refer to), two of them suspicious. */
const figures = (estimate = 30000) =>
  JSON.stringify(
    {
      format: 'chitieu.plan/1',
      units: smallPlan().units,
      indicators: smallPlan().indicators,
      values: [
        // Stored: 382's official 31,444 for 2023.
        { indicator: 'GO', unit: '382', year: 2023, value: estimate, status: 'estimate' },
        { indicator: 'IND', unit: '382', year: 2021, value: 100 },
        // Ten times the year before, in the file.
        { indicator: 'IND', unit: '382', year: 2022, value: 1500 },
      ],
    },
    null,
    2,
  );
const JSON_TYPE = { 'content-type': 'application/json' };

describe.each(await testDialects())('import warnings through the API, on %s', (dialect) => {
  let w: DomainWorld;
  beforeAll(async () => {
    w = await domainWorld(dialect);
    const first = await w.call(
      'POST',
      '/api/plan-files',
      JSON.stringify({ format: 'chitieu.plan/1', ...smallPlan() }),
      {
        'content-type': 'application/json',
      },
    );
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().warnings).toEqual([]);
  });
  afterAll(async () => w?.close());

  it('lists them, located and worded, and imports the figures', async () => {
    const res = await w.call('POST', '/api/plan-files', figures(), { ...JSON_TYPE, 'accept-language': 'en' });
    expect(res.statusCode, res.body).toBe(200);
    const { counts, warnings } = res.json();
    expect(counts.values).toEqual({ added: 3, updated: 0, unchanged: 0 });
    expect(warnings).toEqual([
      {
        path: 'values[0].value',
        code: 'estimate-below-official',
        message: expect.stringContaining('31,444'),
      },
      {
        path: 'values[2].value',
        code: 'value-jump',
        message: expect.stringMatching(/\(line \d+, column \d+\)$/),
      },
    ]);
    const vi = await w.call('POST', '/api/plan-files', figures(30001), JSON_TYPE);
    expect(vi.json().warnings[0].message).toContain('31.444');
  });
});
