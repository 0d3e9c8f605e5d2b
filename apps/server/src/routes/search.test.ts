import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { searchKey } from '@chitieu/core';
import { testDialects } from '@chitieu/db';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DomainWorld, domainWorld } from './domain-test-kit.js';

const DEMO = fileURLToPath(new URL('../../../../demo/thi-xa-demo.yaml', import.meta.url));

/** The same search typed four ways (and once in decomposed Unicode, as some keyboards send it). */
const AN_PHU = ['an phu', 'AN PHÚ', 'An Phú', 'an phú', 'An Phú'.normalize('NFD'), '  an   PHU '];

describe.each(await testDialects())('search without accents or case on %s', (dialect) => {
  let w: DomainWorld;
  const codes = async (url: string) => {
    const res = await w.call('GET', url);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { code: string }[]).map((i) => i.code).sort();
  };

  beforeAll(async () => {
    w = await domainWorld(dialect);
    const imported = await w.call('POST', '/api/plan-files', readFileSync(DEMO, 'utf8'));
    expect(imported.statusCode, imported.body).toBe(200);
  });
  afterAll(async () => w?.close());

  it('units: "an phu", "AN PHÚ", "An Phú" and "an phú" find the same units', async () => {
    const found = await Promise.all(AN_PHU.map((q) => codes(`/api/units?q=${encodeURIComponent(q)}`)));
    expect(found[0]).toEqual(['502', '50201']);
    for (const f of found) expect(f).toEqual(found[0]);
  });

  it('plans: by title, without accents', async () => {
    const found = await Promise.all(AN_PHU.map((q) => codes(`/api/plans?q=${encodeURIComponent(q)}`)));
    expect(found[0]).toEqual(['NQ-DH-XV', 'NQ-HDND-KTXH']);
    for (const f of found) expect(f).toEqual(found[0]);
    expect(await codes(`/api/plans?q=${encodeURIComponent('ĐẠI HỘI')}`)).toEqual(['NQ-DH-XV']);
    expect(await codes(`/api/plans?q=${encodeURIComponent('dai hoi')}`)).toEqual(['NQ-DH-XV']);
  });

  it('indicators: by name in either language, without accents', async () => {
    const accented = await codes(`/api/indicators?q=${encodeURIComponent('Tỷ trọng nông')}`);
    expect(accented).toContain('TT_NN');
    expect(await codes(`/api/indicators?q=${encodeURIComponent('ty trong nong')}`)).toEqual(accented);
    expect(await codes(`/api/indicators?q=${encodeURIComponent('TY TRONG NONG')}`)).toEqual(accented);
  });

  it('matches % and _ literally', async () => {
    expect(await codes('/api/units?q=%25')).toEqual([]);
    expect(await codes('/api/indicators?q=_')).toEqual(
      (await codes('/api/indicators?limit=500')).filter((c) => c.includes('_')),
    );
  });

  it("the database's chitieu_search_key is the core's searchKey", async () => {
    const letters = [...'aăâdđeêioôơuưyAĂÂDĐEÊIOÔƠUƯY àáảãạằắẳẵặẦẤẨẪẬéềếểễệÍÌỈĨỊóồốổỗộờớởỡợúừứửữựỳýỷỹỵ-_%1'];
    const samples = fc
      .sample(fc.array(fc.constantFrom(...letters), { maxLength: 24 }), 60)
      .map((a) => a.join(''));
    samples.push('Thị xã An Phú', 'Đường Hồ Chí Minh'.normalize('NFD'), '  Nhiều   khoảng  trắng ');
    for (const text of samples) {
      const { rows } = await sql<{ k: string }>`select chitieu_search_key(${text}) as k`.execute(
        w.t.handle.db,
      );
      expect(rows[0]?.k, JSON.stringify(text)).toBe(searchKey(text));
    }
  });
});
