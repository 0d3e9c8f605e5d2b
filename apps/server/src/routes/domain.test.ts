import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { testDialects } from '@chitieu/db';
import { parsePlanFile } from '@chitieu/plan-file';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../../../../test/helpers/cli.js';
import { type DomainWorld, domainWorld } from './domain-test-kit.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const DEMO = `${ROOT}demo/thi-xa-demo.yaml`;

describe.each(await testDialects())('domain API on %s', (dialect) => {
  let w: DomainWorld;
  beforeAll(async () => {
    assertBuilt();
    w = await domainWorld(dialect);
  });
  afterAll(async () => {
    await w?.close();
  });

  describe('plan files, evaluation and rankings', () => {
    it('imports the demo plan file in one request and reports what it added', async () => {
      const res = await w.call('POST', '/api/plan-files', readFileSync(DEMO, 'utf8'));
      expect(res.statusCode, res.body).toBe(200);
      const counts = res.json().counts;
      expect(counts.plans.added).toBeGreaterThanOrEqual(1);
      expect(counts.targets.added).toBeGreaterThanOrEqual(29);
      const again = await w.call('POST', '/api/plan-files', readFileSync(DEMO, 'utf8'));
      expect(Object.values(again.json().counts).every((c) => (c as { added: number }).added === 0)).toBe(
        true,
      );
    });

    it.each([
      ['2023', 'vi'],
      ['2023', 'en'],
      ['2025', 'vi'],
    ])(
      'GET evaluation (%s, %s) is byte for byte `chitieu evaluate --json` on the file',
      async (year, lang) => {
        const cli = await runCli(
          ['evaluate', DEMO, '--plan', 'NQ-DH-XV', '--year', year, '--json', '--lang', lang],
          {
            cwd: ROOT,
          },
        );
        expect(cli.code, cli.stderr).toBe(0);
        const api = await w.call('GET', `/api/plans/NQ-DH-XV/evaluation?year=${year}&lang=${lang}`);
        expect(api.statusCode).toBe(200);
        expect(api.headers['content-type']).toMatch(/^application\/json/);
        expect(api.body).toBe(cli.stdout);
        // Accept-Language chooses the language when ?lang= is absent.
        const byHeader = await w.call('GET', `/api/plans/NQ-DH-XV/evaluation?year=${year}`, undefined, {
          'accept-language': lang,
        });
        expect(byHeader.body).toBe(cli.stdout);
      },
    );

    it.each([
      ['GO', 'value', '50'],
      ['GO', 'growth', '50'],
      ['TNBQ', 'value', '50'],
    ])(
      'GET rankings (%s by %s under %s) is byte for byte `chitieu rank --json`',
      async (indicator, by, parent) => {
        const cli = await runCli(
          [
            'rank',
            DEMO,
            '--indicator',
            indicator,
            '--year',
            '2023',
            '--by',
            by,
            '--parent',
            parent,
            '--json',
          ],
          { cwd: ROOT },
        );
        expect(cli.code, cli.stderr).toBe(0);
        const api = await w.call(
          'GET',
          `/api/rankings?indicator=${indicator}&year=2023&by=${by}&parent=${parent}`,
        );
        expect(api.statusCode, api.body).toBe(200);
        expect(api.body).toBe(cli.stdout);
      },
    );

    it('ranking an unknown indicator or parent is a 422 naming each', async () => {
      const res = await w.call('GET', '/api/rankings?indicator=NOPE&year=2023&parent=999', undefined, {
        'accept-language': 'en',
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.details).toEqual([
        { path: 'body.indicator', message: 'There is no indicator "NOPE".' },
        { path: 'body.parent', message: 'There is no unit "999".' },
      ]);
    });

    it('exports a plan as a plan file that reads back valid, in JSON and YAML', async () => {
      for (const format of ['json', 'yaml']) {
        const res = await w.call('GET', `/api/plans/NQ-DH-XV/plan-file?format=${format}`);
        expect(res.statusCode).toBe(200);
        const parsed = parsePlanFile(res.body);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(parsed.data.plans.map((p) => p.code)).toEqual(['NQ-DH-XV']);
      }
    });

    it('refuses an invalid plan file with every problem and its path, in the caller language, writing nothing', async () => {
      const before = await w.call('GET', '/api/units?limit=1');
      const bad = [
        'format: chitieu.plan/1',
        'units:',
        '  - { code: "X1", name: "Xã Một", level: commune }',
        'indicators:',
        '  - { code: X_GO, name: { vi: "GO" }, unit: "tỷ đồng", direction: sideways }',
        'values:',
        '  - { indicator: X_GO, unit: X1, year: 20x3, value: 1 }',
      ].join('\n');
      const res = await w.call('POST', '/api/plan-files', bad, { 'accept-language': 'en' });
      expect(res.statusCode).toBe(400);
      const body = res.json();
      expect(body.error.code).toBe('invalid-plan-file');
      expect(body.error.message).toBe('The plan file has errors; nothing was imported.');
      expect(body.error.details.map((d: { path: string }) => d.path)).toEqual(
        expect.arrayContaining(['indicators[0].direction', 'values[0].year']),
      );
      const after = await w.call('GET', '/api/units?limit=1');
      expect(after.json().total).toBe(before.json().total);
      const unknown = await w.call(
        'POST',
        '/api/plan-files',
        'format: chitieu.plan/1\nvalues:\n  - { indicator: GO, unit: "999", year: 2023, value: 1 }',
      );
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.details[1]).toEqual({
        path: 'values[0].unit',
        message: 'Không có đơn vị mã "999" trong units. (dòng 3, cột 28)',
      });
    });
  });

  describe('records with versions', () => {
    it('units: create, read, filter and page, edit with the version read, delete', async () => {
      const created = await w.call('POST', '/api/units', {
        code: 'T1',
        name: 'Tỉnh Thử',
        level: 'province',
        adminCode: '99',
        validFrom: '2025-07-01',
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({ code: 'T1', parent: null, adminCode: '99', version: 1 });
      for (const code of ['T11', 'T12', 'T13']) {
        const r = await w.call('POST', '/api/units', {
          code,
          name: `Xã ${code}`,
          level: 'commune',
          parent: 'T1',
        });
        expect(r.statusCode).toBe(201);
      }
      const page = await w.call('GET', '/api/units?parent=T1&limit=2&offset=1');
      expect(page.json()).toMatchObject({ total: 3, limit: 2, offset: 1 });
      expect(page.json().items.map((u: { code: string }) => u.code)).toEqual(['T12', 'T13']);
      const edited = await w.call('PATCH', '/api/units/T13', { name: 'Xã Mười Ba', version: 1 });
      expect(edited.json()).toMatchObject({ name: 'Xã Mười Ba', version: 2 });
      const dup = await w.call('POST', '/api/units', { code: 'T13', name: 'x', level: 'commune' });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error.code).toBe('duplicate');
      const cycle = await w.call('PATCH', '/api/units/T1', { parent: 'T12', version: 1 });
      expect(cycle.statusCode).toBe(422);
      const inUse = await w.call('DELETE', '/api/units/T1?version=1');
      expect(inUse.statusCode).toBe(409);
      expect(inUse.json().error.code).toBe('in-use');
      const gone = await w.call('DELETE', '/api/units/T13', undefined, { 'if-match': '"2"' });
      expect(gone.statusCode).toBe(204);
      expect((await w.call('GET', '/api/units/T13')).statusCode).toBe(404);
    });

    it('a stale version gets 409 with the record as it now is; nothing is overwritten', async () => {
      await w.call('POST', '/api/units', { code: 'S1', name: 'Phường Một', level: 'commune', parent: 'T1' });
      const first = await w.call('PATCH', '/api/units/S1', { name: 'Phường Số Một', version: 1 });
      expect(first.statusCode).toBe(200);
      const second = await w.call(
        'PATCH',
        '/api/units/S1',
        { name: 'Phường I', version: 1 },
        { 'accept-language': 'en' },
      );
      expect(second.statusCode).toBe(409);
      expect(second.json().error).toMatchObject({
        code: 'version-conflict',
        message: 'Someone else changed this record; see the current version and edit again.',
        current: { code: 'S1', name: 'Phường Số Một', version: 2 },
      });
      expect((await w.call('GET', '/api/units/S1')).json().name).toBe('Phường Số Một');
      const noVersion = await w.call('PATCH', '/api/units/S1', { name: 'x' });
      expect(noVersion.statusCode).toBe(400);
      expect(noVersion.json().error.code).toBe('version-required');
    });

    it('indicators: defaults of the plan file, unknown weight 422, stale edit 409', async () => {
      const r = await w.call('POST', '/api/indicators', {
        code: 'T_RATE',
        name: { vi: 'Tỷ lệ thử', en: 'Test rate' },
        unit: '%',
        direction: 'down',
        aggregation: 'weighted-mean',
        weight: 'NO_SUCH',
      });
      expect(r.statusCode).toBe(422);
      expect(r.json().error.details).toEqual([
        { path: 'body.weight', message: 'Không có chỉ tiêu thống kê "NO_SUCH".' },
      ]);
      const ok = await w.call('POST', '/api/indicators', {
        code: 'T_RATE',
        name: { vi: 'Tỷ lệ thử' },
        unit: '%',
        direction: 'down',
        aggregation: 'weighted-mean',
        weight: 'DAN_SO',
      });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json()).toMatchObject({ decimals: 2, trend: 'linear', bounds: [0, 100], weight: 'DAN_SO' });
      const list = await w.call('GET', '/api/indicators?q=T_RATE');
      expect(list.json().total).toBe(1);
      expect((await w.call('GET', '/api/indicators/T_RATE')).json()).toMatchObject({
        unit: '%',
        direction: 'down',
      });
      const edit = await w.call('PATCH', '/api/indicators/T_RATE', { formula: 'DAN_SO / 100', version: 1 });
      expect(edit.json()).toMatchObject({ formula: 'DAN_SO / 100', version: 2 });
      const stale = await w.call('PATCH', '/api/indicators/T_RATE', { decimals: 1, version: 1 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.current).toMatchObject({ formula: 'DAN_SO / 100', version: 2 });
      expect((await w.call('DELETE', '/api/indicators/T_RATE?version=2')).statusCode).toBe(204);
    });

    it('plans, targets, programs, tasks and progress notes: everything a plan file says, through the API', async () => {
      const plan = await w.call('POST', '/api/plans', {
        code: 'KH-T1',
        title: { vi: 'Kế hoạch phát triển kinh tế - xã hội 5 năm 2026–2030' },
        unit: 'T1',
        kind: 'socio-economic-plan',
        issuer: 'HĐND tỉnh',
        baselineYear: 2025,
        targetYear: 2030,
        bands: [100, 80, 50],
        forecast: { exceed: 110, complete: 100 },
        visibility: 'private',
      });
      expect(plan.statusCode, plan.body).toBe(201);
      expect(plan.json()).toMatchObject({
        unit: 'T1',
        visibility: 'private',
        methodology: 'chitieu',
        version: 1,
      });
      const badYears = await w.call('POST', '/api/plans', { ...plan.json(), code: 'KH-X', targetYear: 2020 });
      expect(badYears.statusCode).toBe(422);

      const t1 = await w.call('POST', '/api/plans/KH-T1/targets', {
        code: '1',
        group: 'Kinh tế',
        text: { vi: 'GO tăng bình quân 8–9 %/năm' },
        indicator: 'GO',
        kind: 'avg-growth',
        low: 8,
        high: 9,
        lead: 'Sở Kế hoạch và Đầu tư',
        coAgencies: ['Cục Thống kê'],
      });
      expect(t1.statusCode, t1.body).toBe(201);
      expect(t1.json()).toMatchObject({
        position: 0,
        lead: 'Sở Kế hoạch và Đầu tư',
        coAgencies: ['Cục Thống kê'],
      });
      const t2 = await w.call('POST', '/api/plans/KH-T1/targets', {
        code: '2',
        group: 'Xã hội',
        text: { vi: 'Tỷ lệ hộ nghèo dưới 1 %' },
        indicator: 'HO_NGHEO',
        kind: 'level',
        value: 1,
      });
      expect(t2.json().position).toBe(1);
      const badRange = await w.call('POST', '/api/plans/KH-T1/targets', {
        code: '3',
        text: { vi: 'x' },
        indicator: 'GO',
        kind: 'level',
        low: 9,
        high: 8,
      });
      expect(badRange.statusCode).toBe(422);
      const moved = await w.call('PATCH', `/api/plans/KH-T1/targets/${t2.json().id}`, {
        position: -1,
        version: 1,
      });
      expect(moved.statusCode).toBe(422);
      const reordered = await w.call('PATCH', `/api/plans/KH-T1/targets/${t2.json().id}`, {
        position: 0,
        version: 1,
      });
      expect(reordered.json().version).toBe(2);
      await w.call('PATCH', `/api/plans/KH-T1/targets/${t1.json().id}`, { position: 1, version: 1 });
      const targets = await w.call('GET', '/api/plans/KH-T1/targets');
      expect(targets.json().items.map((t: { code: string }) => t.code)).toEqual(['2', '1']);
      expect((await w.call('GET', `/api/plans/KH-T1/targets/${t1.json().id}`)).json()).toMatchObject({
        code: '1',
        version: 2,
      });
      const t3 = await w.call('POST', '/api/plans/KH-T1/targets', {
        code: '3',
        text: { vi: 'x' },
        indicator: 'GO',
        kind: 'level',
        value: 1,
      });
      expect((await w.call('DELETE', `/api/plans/KH-T1/targets/${t3.json().id}?version=1`)).statusCode).toBe(
        204,
      );
      const renamed = await w.call('PATCH', '/api/plans/KH-T1', {
        title: { vi: 'Kế hoạch 5 năm 2026–2030', en: 'Five-year plan' },
        version: 1,
      });
      expect(renamed.json()).toMatchObject({ title: { en: 'Five-year plan' }, version: 2 });
      expect((await w.call('GET', '/api/plans/KH-T1')).json().version).toBe(2);
      expect((await w.call('GET', `/api/plans/NQ-DH-XV/targets/${t1.json().id}`)).statusCode).toBe(404);

      const program = await w.call('POST', '/api/plans/KH-T1/programs', {
        code: 'DP1',
        kind: 'breakthrough',
        title: { vi: 'Đột phá hạ tầng' },
        lead: 'Sở Giao thông vận tải',
        coAgencies: ['Sở Tài chính'],
        targets: ['1'],
      });
      expect(program.statusCode, program.body).toBe(201);
      expect(program.json()).toMatchObject({ targets: ['1'], coAgencies: ['Sở Tài chính'] });
      const unknownTarget = await w.call('POST', '/api/plans/KH-T1/programs', {
        code: 'DP2',
        kind: 'program',
        title: { vi: 'x' },
        targets: ['42'],
      });
      expect(unknownTarget.statusCode).toBe(422);
      expect(unknownTarget.json().error.details[0].path).toBe('body.targets[0]');
      const relinked = await w.call('PATCH', `/api/plans/KH-T1/programs/${program.json().id}`, {
        targets: ['2', '1'],
        version: 1,
      });
      expect(relinked.json()).toMatchObject({ targets: ['2', '1'], version: 2 });
      const extra = await w.call('POST', '/api/plans/KH-T1/programs', {
        code: 'NV1',
        kind: 'task-group',
        title: { vi: 'Nhóm giải pháp' },
      });
      const programs = await w.call('GET', '/api/plans/KH-T1/programs?kind=task-group');
      expect(programs.json().items.map((p: { code: string }) => p.code)).toEqual(['NV1']);
      expect((await w.call('GET', `/api/plans/KH-T1/programs/${extra.json().id}`)).json().position).toBe(1);
      expect(
        (
          await w.call('DELETE', `/api/plans/KH-T1/programs/${extra.json().id}`, undefined, {
            'if-match': 'W/"1"',
          })
        ).statusCode,
      ).toBe(204);

      const task = await w.call('POST', `/api/plans/KH-T1/programs/${program.json().id}/tasks`, {
        code: 'DP1.1',
        title: { vi: 'Cao tốc nội tỉnh' },
        lead: 'Sở Giao thông vận tải',
        coAgencies: ['UBND huyện'],
        due: '2027-12-31',
        status: 'in-progress',
        progress: 20,
        targets: ['1'],
      });
      expect(task.statusCode, task.body).toBe(201);
      expect(task.json()).toMatchObject({ program: { code: 'DP1' }, targets: ['1'], due: '2027-12-31' });
      const taskId = task.json().id;
      const progressed = await w.call('PATCH', `/api/plans/KH-T1/tasks/${taskId}`, {
        progress: 45,
        version: 1,
      });
      expect(progressed.json()).toMatchObject({ progress: 45, version: 2 });
      const due = await w.call('GET', '/api/plans/KH-T1/tasks?dueBy=2027-12-31&status=in-progress');
      expect(due.json().total).toBe(1);
      const note = await w.call('POST', `/api/plans/KH-T1/tasks/${taskId}/notes`, {
        date: '2026-06-30',
        progress: 45,
        text: { vi: 'Đã giải phóng mặt bằng 60 %' },
      });
      expect(note.statusCode, note.body).toBe(201);
      expect(note.json()).toMatchObject({ actor: 'admin', version: 1 });
      const notes = await w.call('GET', `/api/plans/KH-T1/tasks/${taskId}/notes`);
      expect(notes.json().items).toHaveLength(1);
      const noteEdit = await w.call('PATCH', `/api/plans/KH-T1/notes/${note.json().id}`, {
        text: { vi: 'Đã giải phóng mặt bằng 65 %' },
        version: 1,
      });
      expect(noteEdit.json().version).toBe(2);
      expect((await w.call('DELETE', `/api/plans/KH-T1/notes/${note.json().id}?version=2`)).statusCode).toBe(
        204,
      );

      // The plan as a whole: evaluable and exportable like any imported one.
      expect((await w.call('GET', '/api/plans/KH-T1/evaluation?year=2026')).statusCode).toBe(200);
      const file = parsePlanFile((await w.call('GET', '/api/plans/KH-T1/plan-file')).body);
      expect(file.ok && file.data.plans[0]?.programs?.[0]?.targets).toEqual(['2', '1']);

      // Listing: private plans are not shown to anyone not signed in.
      const anonymous = await w.app.inject({ url: '/api/plans?unit=T1' });
      expect(anonymous.json().total).toBe(0);
      expect((await w.call('GET', '/api/plans?unit=T1')).json().total).toBe(1);
      expect((await w.app.inject({ url: '/api/plans/KH-T1' })).statusCode).toBe(401);

      const stale = await w.call('DELETE', '/api/plans/KH-T1?version=0');
      expect(stale.statusCode).toBe(400);
      const staleDelete = await w.call('DELETE', '/api/plans/KH-T1?version=1');
      expect(staleDelete.statusCode).toBe(409);
      expect(staleDelete.json().error.current).toMatchObject({ code: 'KH-T1', version: 2 });
      const deleted = await w.call('DELETE', '/api/plans/KH-T1?version=2');
      expect(deleted.statusCode).toBe(204);
      expect((await w.call('GET', `/api/plans/KH-T1/tasks/${taskId}`)).statusCode).toBe(404);
    });
  });

  describe('figures', () => {
    it('records, revises and keeps every revision; a stale version gets 409 and the current figure', async () => {
      const first = await w.call('POST', '/api/figures', {
        unit: 'S1',
        indicator: 'GO',
        year: 2024,
        status: 'estimate',
        value: 100,
        source: 'ước',
      });
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json()).toMatchObject({ unit: 'S1', period: null, version: 1 });
      const id = first.json().id;
      const again = await w.call('POST', '/api/figures', {
        unit: 'S1',
        indicator: 'GO',
        year: 2024,
        status: 'estimate',
        value: 120,
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.current).toMatchObject({ id, value: 100, version: 1 });
      const revised = await w.call('POST', '/api/figures', {
        unit: 'S1',
        indicator: 'GO',
        year: 2024,
        status: 'estimate',
        value: 120,
        version: 1,
      });
      expect(revised.statusCode).toBe(200);
      const patched = await w.call('PATCH', `/api/figures/${id}`, {
        value: 125,
        note: 'điều chỉnh',
        version: 2,
      });
      expect(patched.json()).toMatchObject({ value: 125, note: 'điều chỉnh', source: 'ước', version: 3 });
      const stale = await w.call('PATCH', `/api/figures/${id}`, { value: 1, version: 2 });
      expect(stale.statusCode).toBe(409);
      expect((await w.call('GET', `/api/figures/${id}`)).json()).toMatchObject({ value: 125, version: 3 });
      const deletion = await w.call('DELETE', `/api/figures/${id}`);
      expect(deletion.statusCode).toBe(405);
      expect(deletion.json().error.details[0].message).toMatch(/^Số liệu không bao giờ bị xóa/);
      const history = await w.call('GET', `/api/figures/${id}/history`);
      expect(
        history.json().revisions.map((r: { version: number; value: number }) => [r.version, r.value]),
      ).toEqual([
        [1, 100],
        [2, 120],
        [3, 125],
      ]);
      expect(history.json().revisions[0].actor).toBe('admin');
      const quarter = await w.call('POST', '/api/figures', {
        unit: 'S1',
        indicator: 'GO',
        year: 2024,
        period: 'Q1',
        value: 30,
      });
      expect(quarter.json()).toMatchObject({ period: 'Q1', status: 'official' });
      const yearly = await w.call('GET', '/api/figures?unit=S1&indicator=GO&period=year');
      expect(yearly.json().items.map((f: { id: number }) => f.id)).toEqual([id]);
      const unknown = await w.call('POST', '/api/figures', {
        unit: 'NOPE',
        indicator: 'GO',
        year: 2024,
        value: 1,
      });
      expect(unknown.statusCode).toBe(422);
      const invalid = await w.call('POST', '/api/figures', {
        unit: 'S1',
        indicator: 'GO',
        year: 2024,
        value: 'many',
      });
      expect(invalid.statusCode).toBe(422);
      expect(invalid.json().error.details[0].path).toBe('body.value');
    });

    it('a figure written is in the very next evaluation (no stale read)', async () => {
      const before = await w.call('GET', '/api/plans/NQ-DH-XV/evaluation?year=2024');
      const target = JSON.parse(before.body).targets.find((t: { code: string }) => t.code === '1');
      const figures = await w.call(
        'GET',
        '/api/figures?unit=502&indicator=GO&from=2024&to=2024&status=official',
      );
      const written =
        figures.json().total > 0
          ? await w.call('PATCH', `/api/figures/${figures.json().items[0].id}`, {
              value: figures.json().items[0].value * 1.5,
              version: figures.json().items[0].version,
            })
          : await w.call('POST', '/api/figures', { unit: '502', indicator: 'GO', year: 2024, value: 99999 });
      expect(written.statusCode).toBeLessThan(300);
      const after = await w.call('GET', '/api/plans/NQ-DH-XV/evaluation?year=2024');
      const changed = JSON.parse(after.body).targets.find((t: { code: string }) => t.code === '1');
      expect(changed.actual).not.toBe(target.actual);
      expect(changed.year).toBe(2024);
    });

    it('a cached evaluation is never served after any write, even one that bypasses the API', async () => {
      const url = '/api/plans/NQ-DH-XV/evaluation?year=2022';
      const first = await w.call('GET', url);
      expect((await w.call('GET', url)).body).toBe(first.body);
      const actual = (body: string) =>
        JSON.parse(body).targets.find((t: { code: string }) => t.code === '1').actual;
      // A write straight to the database (as an import or a script would): the next read sees it.
      await w.t.handle.db
        .updateTable('indicator_values')
        .set((eb) => ({ value: eb('value', '*', 2) }))
        .where('year', '=', 2022)
        .execute();
      const after = await w.call('GET', url);
      expect(actual(after.body)).not.toBe(actual(first.body));
      await w.t.handle.db
        .updateTable('indicator_values')
        .set((eb) => ({ value: eb('value', '/', 2) }))
        .where('year', '=', 2022)
        .execute();
      expect((await w.call('GET', url)).body).toBe(first.body);
    });

    it('a unit whose figures are approved in the workflow refuses figure writes', async () => {
      const db = w.t.handle.db;
      const unit = await db
        .selectFrom('units')
        .select('id')
        .where('code', '=', '503')
        .executeTakeFirstOrThrow();
      const plan = await db
        .selectFrom('plans')
        .select('id')
        .where('code', '=', 'NQ-DH-XV')
        .executeTakeFirstOrThrow();
      const at = new Date().toISOString();
      await db
        .insertInto('figure_workflows')
        .values({
          plan_id: plan.id,
          unit_id: unit.id,
          year: 2024,
          state: 'approved',
          version: 1,
          created_at: at,
          updated_at: at,
        })
        .execute();
      const res = await w.call('POST', '/api/figures', {
        unit: '503',
        indicator: 'GO',
        year: 2024,
        value: 1,
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('figures-locked');
      expect(res.json().error.details[0].message).toMatch(
        /^Số liệu năm 2024 của đơn vị 503 thuộc kế hoạch NQ-DH-XV/,
      );
      const otherYear = await w.call('POST', '/api/figures', {
        unit: '503',
        indicator: 'GO',
        year: 2019,
        value: 1,
      });
      expect(otherYear.statusCode).toBe(201);
    });
  });

  describe('reorganisation', () => {
    it("two districts merged into one: old plans still evaluate, the new unit's history sums them", async () => {
      const file = [
        'format: chitieu.plan/1',
        'units:',
        '  - { code: "R", name: "Tỉnh R", level: province }',
        '  - { code: "RA", name: "Huyện A", level: district, parent: "R" }',
        '  - { code: "RB", name: "Huyện B", level: district, parent: "R" }',
        '  - { code: "RC", name: "Huyện C", level: district, parent: "R" }',
        'indicators:',
        '  - { code: R_GO, name: { vi: "Giá trị sản xuất" }, unit: "tỷ đồng", direction: up, aggregation: sum }',
        'plans:',
        '  - code: NQ-RA',
        '    title: { vi: "Nghị quyết huyện A 2020–2025" }',
        '    unit: "RA"',
        '    baselineYear: 2020',
        '    targetYear: 2025',
        '    targets:',
        '      - { code: "1", text: { vi: "GO tăng 10 %/năm" }, indicator: R_GO, kind: avg-growth, value: 10 }',
        'values:',
        ...[2020, 2021, 2022, 2023, 2024].flatMap((y, i) => [
          `  - { indicator: R_GO, unit: "RA", year: ${y}, value: ${100 + 10 * i} }`,
          `  - { indicator: R_GO, unit: "RB", year: ${y}, value: ${50 + 5 * i} }`,
          `  - { indicator: R_GO, unit: "RC", year: ${y}, value: ${70 + 7 * i} }`,
        ]),
      ].join('\n');
      expect((await w.call('POST', '/api/plan-files', file)).statusCode).toBe(200);
      const oldBefore = await w.call('GET', '/api/plans/NQ-RA/evaluation?year=2024');

      const ab = await w.call('POST', '/api/units', {
        code: 'RAB',
        name: 'Huyện AB',
        level: 'district',
        parent: 'R',
        validFrom: '2025-07-01',
      });
      expect(ab.statusCode).toBe(201);
      const merged = await w.call('POST', '/api/reorganisations', {
        kind: 'merge',
        from: ['RA', 'RB'],
        to: ['RAB'],
        effective: '2025-07-01',
        note: 'Nghị quyết của UBTVQH',
      });
      expect(merged.statusCode, merged.body).toBe(201);
      expect(merged.json().map((l: { predecessor: string }) => l.predecessor)).toEqual(['RA', 'RB']);
      expect((await w.call('GET', '/api/units/RA')).json().validTo).toBe('2025-07-01');
      expect((await w.call('GET', '/api/units/RAB/lineage')).json()).toHaveLength(2);
      const twice = await w.call('POST', '/api/reorganisations', {
        kind: 'merge',
        from: ['RA'],
        to: ['RC'],
        effective: '2025-08-01',
      });
      expect(twice.statusCode).toBe(422);
      await w.call('POST', '/api/figures', { unit: 'RAB', indicator: 'R_GO', year: 2025, value: 230 });

      // The old plan: unchanged, still evaluable.
      const oldAfter = await w.call('GET', '/api/plans/NQ-RA/evaluation?year=2024');
      expect(oldAfter.statusCode).toBe(200);
      expect(oldAfter.body).toBe(oldBefore.body);

      // The successor's history: its predecessors' sum before the merger, its own figure after.
      const history = await w.call('GET', '/api/units/RAB/figures?indicator=R_GO&from=2020&to=2025');
      expect(history.statusCode, history.body).toBe(200);
      expect(
        history
          .json()
          .rows.map((r: { year: number; value: number; origin: string }) => [r.year, r.value, r.origin]),
      ).toEqual([
        [2020, 150, 'aggregated'],
        [2021, 165, 'aggregated'],
        [2022, 180, 'aggregated'],
        [2023, 195, 'aggregated'],
        [2024, 210, 'aggregated'],
        [2025, 230, 'entered'],
      ]);
      // The province still sums its districts, the merged ones through their successor.
      const province = await w.call('GET', '/api/units/R/figures?indicator=R_GO&from=2023&to=2023');
      expect(province.json().rows[0]).toMatchObject({ value: 195 + 91, origin: 'aggregated' });

      // A new plan of the successor evaluates against the merged baseline.
      const plan = await w.call('POST', '/api/plans', {
        code: 'NQ-RAB',
        title: { vi: 'Nghị quyết huyện AB' },
        unit: 'RAB',
        baselineYear: 2020,
        targetYear: 2030,
      });
      expect(plan.statusCode).toBe(201);
      await w.call('POST', '/api/plans/NQ-RAB/targets', {
        code: '1',
        text: { vi: 'GO tăng 10 %/năm' },
        indicator: 'R_GO',
        kind: 'avg-growth',
        value: 10,
      });
      const evaluation = JSON.parse((await w.call('GET', '/api/plans/NQ-RAB/evaluation?year=2025')).body);
      const g = ((230 / 150) ** (1 / 5) - 1) * 100;
      expect(evaluation.targets[0].observedGrowthPercent).toBeCloseTo(g, 1);
      // Rankings among the province's current districts: RAB (merged) and RC.
      const ranking = JSON.parse(
        (await w.call('GET', '/api/rankings?indicator=R_GO&year=2024&parent=R')).body,
      );
      expect(ranking.rows.map((r: { unit: string; value: number }) => [r.unit, r.value])).toEqual([
        ['RAB', 210],
        ['RC', 98],
      ]);
    });
  });

  describe('errors and documentation', () => {
    it('an unknown record is a 404 in the error shape, in Vietnamese by default and English on request', async () => {
      const vi = await w.call('GET', '/api/plans/NO-PLAN/targets');
      expect(vi.statusCode).toBe(404);
      expect(vi.json()).toEqual({
        error: { code: 'not-found', message: 'Không tìm thấy địa chỉ yêu cầu.', details: [] },
      });
      const en = await w.call('GET', '/api/units/NOPE', undefined, { 'accept-language': 'en' });
      expect(en.json().error.message).toBe('Nothing was found at this address.');
    });

    it('serves OpenAPI 3 at /api/openapi.json, listing every domain route, and the browsable docs', async () => {
      const res = await w.app.inject({ url: '/api/openapi.json' });
      expect(res.statusCode).toBe(200);
      const doc = res.json();
      expect(doc.openapi).toMatch(/^3\./);
      for (const path of [
        '/api/units',
        '/api/units/{code}',
        '/api/units/{code}/figures',
        '/api/indicators/{code}',
        '/api/plans/{code}',
        '/api/plans/{code}/targets/{id}',
        '/api/plans/{code}/programs/{id}/tasks',
        '/api/plans/{code}/tasks/{id}/notes',
        '/api/figures/{id}/history',
        '/api/plan-files',
        '/api/plans/{code}/plan-file',
        '/api/plans/{code}/evaluation',
        '/api/rankings',
        '/api/reorganisations',
      ]) {
        expect(Object.keys(doc.paths)).toContain(path);
      }
      const docs = await w.app.inject({ url: '/api/docs/' });
      expect(docs.statusCode).toBe(200);
      expect(docs.body).toContain('swagger-ui');
    });
  });
});
