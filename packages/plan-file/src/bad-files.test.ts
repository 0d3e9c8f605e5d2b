import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BAD_PLAN_FILES, GOOD_PLAN_YAML, LEGACY_NAMES } from '@chitieu/rules/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { readPlanFile } from './parse.js';

const dir = mkdtempSync(join(tmpdir(), 'chitieu-bad-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const byPlace = (a: { path: string; code: string }, b: { path: string; code: string }) =>
  a.path.localeCompare(b.path) || a.code.localeCompare(b.code);

describe('the corpus of bad plan files', () => {
  it('starts from a good file that reads without a problem (a negative growth rate included)', async () => {
    const r = await readPlanFile(write('good.yaml', GOOD_PLAN_YAML));
    expect(r.ok && r.warnings).toEqual([]);
    expect(r.ok && r.data.values.find((v) => v.indicator === 'GRDP')?.value).toBe(-1.5);
    expect(r.ok && r.data.indicators.find((i) => i.code === 'GRDP')?.bounds).toBeNull();
    expect(r.ok && r.data.indicators.find((i) => i.code === 'BHYT')?.bounds).toEqual([0, 100]);
    expect(r.ok && r.data.plans[0]?.targets.find((t) => t.code === '5')).toMatchObject({ every: true });
  });

  describe.each(BAD_PLAN_FILES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const path = write(c.file, c.content);

    it('is refused with every expected problem, located, and no other', async () => {
      const r = await readPlanFile(path);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      const got = r.problems
        .map((p) => ({
          code: p.code,
          path: p.path,
          ...(p.line !== undefined && c.expect.some((e) => e.line !== undefined) ? { line: p.line } : {}),
          ...(p.column !== undefined && c.expect.some((e) => e.column !== undefined)
            ? { column: p.column }
            : {}),
        }))
        .sort(byPlace);
      expect(got).toEqual([...c.expect].sort(byPlace));
    });

    it('says so in Vietnamese and in English, with no hole in the sentence', async () => {
      const vi = await readPlanFile(path, { lang: 'vi' });
      const en = await readPlanFile(path, { lang: 'en' });
      if (vi.ok || en.ok) throw new Error('accepted');
      expect(vi.problems).toHaveLength(en.problems.length);
      vi.problems.forEach((p, i) => {
        const e = en.problems[i];
        expect(p.message).not.toMatch(/undefined|NaN|\[object|null\b/);
        expect(e?.message).not.toMatch(/undefined|NaN|\[object/);
        expect(p.message).not.toBe(e?.message);
      });
      const legacy = LEGACY_NAMES[c.name];
      if (legacy) {
        expect(vi.problems[0]?.message).toContain(legacy);
        expect(en.problems[0]?.message).toContain(legacy);
      }
    });
  });

  it('names the closest key of a misspelt one, in either language', async () => {
    const c = BAD_PLAN_FILES.find((x) => x.name === 'misspelt key stauts');
    const path = write('stauts.yaml', c?.content ?? '');
    const vi = await readPlanFile(path);
    const en = await readPlanFile(path, { lang: 'en' });
    expect(!vi.ok && vi.problems[0]?.message).toBe('`stauts`: không có trường này; có phải `status`?');
    expect(!en.ok && en.problems[0]?.message).toBe(
      '`stauts`: there is no such field; did you mean `status`?',
    );
  });

  it('tells how to convert a Windows-1258 or UTF-16 file', async () => {
    const cp = await readPlanFile(join(dir, 'cp1258.yaml'), { lang: 'en' });
    expect(!cp.ok && cp.problems[0]?.message).toContain('iconv -f CP1258 -t UTF-8');
    const u16 = await readPlanFile(join(dir, 'utf16le.yaml'));
    expect(!u16.ok && u16.problems[0]?.message).toContain('iconv -f UTF-16LE -t UTF-8');
  });

  it('reads UTF-8 with a byte-order mark and stores text in NFC', async () => {
    const decomposed = GOOD_PLAN_YAML.replace('Thị xã An Phú', 'Thi\u0323 xa\u0303 An Phu\u0301');
    const r = await readPlanFile(write('bom.yaml', `\ufeff${decomposed}`));
    expect(r.ok && r.data.units[1]?.name).toBe('Thị xã An Phú');
  });
});
