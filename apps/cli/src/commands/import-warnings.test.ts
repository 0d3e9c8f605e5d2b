/**
 * `chitieu import` prints the import's warnings against the stored figures (an estimate below the
 * stored official figure, a value 10× the stored figure of the year before), in the chosen language,
 * and still imports: exit 0.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../../../../test/helpers/cli.js';

const DEMO = fileURLToPath(new URL('../../../../demo/thi-xa-demo.yaml', import.meta.url));
const OFFICIAL_2022 =
  '  - { indicator: LUONG_THUC, unit: "502", year: 2022, value: 17650, source: "Chi cục Thống kê khu vực An Phú" }\n';
const ESTIMATE_2023 =
  '  - { indicator: LUONG_THUC, unit: "502", year: 2023, value: 18105, status: estimate, source: "Chi cục Thống kê khu vực An Phú" }\n';

const dir = mkdtempSync(join(tmpdir(), 'chitieu-warn-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('chitieu import warnings', () => {
  assertBuilt();

  it('prints those against the stored figures and imports anyway, exit 0, in vi and en', async () => {
    const cwd = mkdtempSync(join(dir, 'cli-'));
    const env = { DATABASE_URL: 'sqlite:./data/x.db', CHITIEU_DEMO: '0' };
    const first = await runCli(['import', DEMO], { cwd, env });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).not.toContain('Cảnh báo khi nạp');

    // Cereal output of 502: a 2022 estimate below the stored official 17,650 t (which the file no
    // longer states), and 181,050 t for 2024 — ten times the stored 2023 estimate of 18,105 t.
    const text = readFileSync(DEMO, 'utf8');
    expect(text).toContain(OFFICIAL_2022);
    expect(text).toContain(ESTIMATE_2023);
    const file = join(cwd, 'luong-thuc.yaml');
    writeFileSync(
      file,
      text
        .replace(OFFICIAL_2022, OFFICIAL_2022.replace('value: 17650,', 'value: 17000, status: estimate,'))
        .replace(
          ESTIMATE_2023,
          ESTIMATE_2023.replace('year: 2023, value: 18105, status: estimate', 'year: 2024, value: 181050'),
        ),
    );
    const vi = await runCli(['import', file], { cwd, env });
    expect(vi.code, vi.stderr).toBe(0);
    expect(vi.stderr).toContain('Cảnh báo khi nạp');
    expect(vi.stderr).toMatch(/values\[\d+\]\.value: .*17\.650/);
    expect(vi.stderr).toMatch(/values\[\d+\]\.value: .*18\.105/);
    expect(vi.stdout).toMatch(/số liệu\s+thêm 2,/);

    // Again in English: the estimate is no longer new, the jump is still there to see.
    const en = await runCli(['import', file, '--lang', 'en'], { cwd, env });
    expect(en.code, en.stderr).toBe(0);
    expect(en.stderr).toContain('Warnings importing');
    expect(en.stderr).not.toMatch(/17,650/);
    expect(en.stderr).toMatch(/values\[\d+\]\.value: .*18,105/);
  });
});
