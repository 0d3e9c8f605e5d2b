import { readFileSync } from 'node:fs';
import { testDialects } from '@chitieu/db';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DomainWorld, domainWorld } from '../domain-test-kit.js';

const DEMO = new URL('../../../../../demo/thi-xa-demo.yaml', import.meta.url);

async function documentXml(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return (await zip.file('word/document.xml')?.async('string')) ?? '';
}

describe.each(await testDialects())('review reports over HTTP on %s', (dialect) => {
  let w: DomainWorld;
  beforeAll(async () => {
    w = await domainWorld(dialect);
    const res = await w.call('POST', '/api/plan-files', readFileSync(DEMO, 'utf8'));
    expect(res.statusCode).toBe(200);
  });
  afterAll(async () => w?.close());

  it('Given the demo plan in the database, When a mid-term DOCX is asked for, Then it is the official report with the evaluation’s numbers', async () => {
    const res = await w.call('GET', '/api/plans/NQ-DH-XV/reports/midterm?year=2023&charts=false');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('officedocument.wordprocessingml');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[\x20-\x7e]+\.docx"/);
    const xml = await documentXml(res.rawPayload);
    expect(xml).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    // docs/methodology.md's example, as the demo's first target states it: 10,71 %/năm, 71,4 % of the goal, 21,75 % needed
    // (a no-break space keeps each number with its %).
    expect(xml).toContain('10,71\u00a0%/năm, bằng 71,4\u00a0%');
    expect(xml).toContain('21,75\u00a0%/năm');
    expect(xml).not.toMatch(/NaN|undefined|\[object Object\]/);
  });

  it('Given ?lang=en and format=xlsx, When asked, Then the appendix workbook comes back', async () => {
    const res = await w.call('GET', '/api/plans/NQ-DH-XV/reports/annual?year=2023&format=xlsx&lang=en');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('Given a year outside the term, When asked, Then 400 in the error shape says why, in the caller’s language', async () => {
    const res = await w.call('GET', '/api/plans/NQ-DH-XV/reports/midterm?year=2031', undefined, {
      'accept-language': 'en',
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('bad-request');
    expect(body.error.details[0].message).toMatch(/2031/);
  });

  it('Given an unknown plan or report type, When asked, Then 404 / 400', async () => {
    expect((await w.call('GET', '/api/plans/NOPE/reports/midterm?year=2023')).statusCode).toBe(404);
    const bad = await w.call('GET', '/api/plans/NQ-DH-XV/reports/weekly?year=2023');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toMatch(/type/);
  });
});
