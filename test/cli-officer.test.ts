/**
 * The command line as an officer meets it: a version, their language everywhere (commander's own words
 * included), required options marked, a clear sentence and exit code 2 for every bad input, warnings
 * printed — never a stack trace.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GOOD_PLAN_YAML } from '@chitieu/rules/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { assertBuilt, type Finished, runCli } from './helpers/cli.js';

const DEMO = fileURLToPath(new URL('../demo/thi-xa-demo.yaml', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'chitieu-officer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = (args: string[], env: Record<string, string> = {}) =>
  runCli(args, { cwd: dir, env: { DATABASE_URL: 'sqlite:./data/x.db', CHITIEU_DEMO: '0', ...env } });
const noStack = (r: Finished) => expect(`${r.stdout}${r.stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('chitieu on the command line', () => {
  assertBuilt();

  it('says its version', async () => {
    const r = await cli(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: '0.1.0\n' });
  });

  it('speaks commander’s errors in Vietnamese by default and English on request, exit 2', async () => {
    const vi = await cli(['evaluate', DEMO, '--plan', 'NQ-DH-XV']);
    expect(vi.code).toBe(2);
    expect(vi.stderr).toContain('lỗi: thiếu tùy chọn bắt buộc --year <year>');
    expect(vi.stderr).toContain('Cách dùng: chitieu evaluate');
    const en = await cli(['evaluate', DEMO, '--plan', 'NQ-DH-XV'], { CHITIEU_LANG: 'en' });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain("error: required option '--year <year>' not specified");
    const unknown = await cli(['evalute']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('lỗi: không có lệnh evalute');
    expect(unknown.stderr).toContain('(Có phải ý bạn là evaluate?)');
  });

  it('marks the required options in --help, in the chosen language', async () => {
    const vi = await cli(['rank', '--help']);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toMatch(/--indicator <code>\s+\(bắt buộc\)/);
    expect(vi.stdout).toContain('Tùy chọn:');
    const en = await cli(['rank', '--help', '--lang', 'en']);
    expect(en.stdout).toMatch(/--year <year>\s+\(required\)/);
    expect(en.stdout).toContain('Options:');
  });

  it('honours CHITIEU_LANG in evaluate and rank, and --lang over it', async () => {
    const en = await cli(['evaluate', DEMO, '--plan', 'NQ-DH-XV', '--year', '2023'], { CHITIEU_LANG: 'en' });
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Unit: Thị xã An Phú — evaluated as of 2023');
    const vi = await cli(['rank', DEMO, '--indicator', 'GO', '--year', '2023', '--lang', 'vi'], {
      CHITIEU_LANG: 'en',
    });
    expect(vi.stdout).toContain('Xếp hạng');
  });

  it('refuses a year outside the plan’s term in evaluate, report and rank with the same sentence', async () => {
    const ev = await cli(['evaluate', DEMO, '--plan', 'NQ-DH-XV', '--year', '2030']);
    const rep = await cli([
      'report',
      DEMO,
      '--plan',
      'NQ-DH-XV',
      '--year',
      '2030',
      '-o',
      join(dir, 'r.docx'),
    ]);
    for (const r of [ev, rep]) {
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('Năm 2030 nằm ngoài nhiệm kỳ của kế hoạch NQ-DH-XV (2021–2025).');
      noStack(r);
    }
    const rank = await cli(['rank', DEMO, '--indicator', 'GO', '--year', '2099', '--lang', 'en']);
    expect(rank.code).toBe(2);
    expect(rank.stderr).toContain('The year 2099 is too far ahead: the latest is 2030');
  });

  it('says one sentence for an unreadable input, a spreadsheet, or an output folder that does not exist', async () => {
    const folder = await cli(['evaluate', dir, '--plan', 'X', '--year', '2023', '--lang', 'en']);
    expect(folder.stderr.trim()).toBe(`Cannot read the file ${dir}: it is a folder, not a file.`);
    writeFileSync(join(dir, 'so-lieu.xlsx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    const xlsx = await cli(['import', join(dir, 'so-lieu.xlsx')]);
    expect(xlsx.stderr.trim().split('\n')).toHaveLength(1);
    expect(xlsx.stderr).toContain('chưa đọc được tệp .xlsx');
    const binary = await cli(['evaluate', join(dir, 'so-lieu.xlsx'), '--plan', 'X', '--year', '2023']);
    expect(binary.stderr).toContain('không phải tệp văn bản JSON hoặc YAML');
    const out = await cli([
      'report',
      DEMO,
      '--plan',
      'NQ-DH-XV',
      '--year',
      '2023',
      '-o',
      join(dir, 'khong-co/x.docx'),
    ]);
    expect(out.stderr.trim()).toBe(
      `Không ghi được ${join(dir, 'khong-co/x.docx')}: thư mục ${join(dir, 'khong-co')} không tồn tại.`,
    );
    for (const r of [folder, xlsx, binary, out]) {
      expect(r.code).toBe(2);
      noStack(r);
      // No screen of binary: neither the zip signature nor replacement characters.
      expect(r.stderr.includes('PK\u0003\u0004') || r.stderr.includes('\uFFFD')).toBe(false);
    }
  });

  it('prints warnings and still does the work', async () => {
    const file = join(dir, 'jump.yaml');
    writeFileSync(
      file,
      GOOD_PLAN_YAML.replace(
        '  - { indicator: GO, unit: "502", year: 2020, value: 15372.0 }',
        '  - { indicator: GO, unit: "502", year: 2020, value: 15372.0 }\n  - { indicator: GO, unit: "502", year: 2021, value: 1537.2 }',
      ),
    );
    const r = await cli(['evaluate', file, '--plan', 'NQ', '--year', '2023']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Cảnh báo về');
    expect(r.stderr).toContain('values[1].value: Giá trị 1.537,2 bằng 0,1 lần giá trị năm 2020 (15.372)');
  });
});
