import {
  createValueSource,
  evaluatePlan,
  forecastSummarySentence,
  formatNumber,
  type PlanData,
  programSentence,
  summarySentence,
  targetSentence,
} from '@chitieu/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateReport, rankingsFor } from '../generate.js';
import { demoData, paragraphs, unzip } from '../testkit.js';

let data: PlanData;
beforeAll(async () => {
  data = await demoData();
});

async function docx(
  planCode: string,
  opts: { lang?: 'vi' | 'en'; type?: 'midterm' | 'annual' | 'final' } = {},
) {
  const r = await generateReport({
    data,
    planCode,
    year: 2023,
    type: opts.type ?? 'midterm',
    format: 'docx',
    lang: opts.lang ?? 'vi',
  });
  const { text, media } = await unzip(r.bytes);
  const xml = text.get('word/document.xml') ?? '';
  return { r, text, media, xml, paras: paragraphs(xml) };
}

const attr = (xml: string, tag: string, name: string) =>
  [...xml.matchAll(new RegExp(`<${tag} [^>]*w:${name}="([^"]+)"`, 'g'))].map((m) => m[1]);

/** Cells of every row of the last table (the appendix), as text. */
function lastTableRows(xml: string): string[][] {
  const tables = xml.split('<w:tbl>');
  const last = tables[tables.length - 1] ?? '';
  return [...last.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((tr) =>
    [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) =>
      paragraphs(tc[0])
        .map((p) => p.text)
        .join(' '),
    ),
  );
}

describe('DOCX mid-term report of a party resolution (demo NQ-DH-XV, 2023)', () => {
  it('is A4 with the official margins, a landscape appendix and page numbers from page 2', async () => {
    const { r, xml, text } = await docx('NQ-DH-XV');
    expect(r.fileName).toBe('bao-cao-so-ket-NQ-DH-XV-2023.docx');
    expect(r.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    // Two sections: body (portrait) and appendix (landscape); 20/20/30/15 mm = 1134/1134/1701/850 twips.
    expect(attr(xml, 'w:pgSz', 'w')).toEqual(['11906', '16838']);
    expect(attr(xml, 'w:pgSz', 'h')).toEqual(['16838', '11906']);
    expect(attr(xml, 'w:pgSz', 'orient')).toContain('landscape');
    expect(attr(xml, 'w:pgMar', 'top')).toEqual(['1134', '1134']);
    expect(attr(xml, 'w:pgMar', 'bottom')).toEqual(['1134', '1134']);
    expect(attr(xml, 'w:pgMar', 'left')).toEqual(['1701', '1701']);
    expect(attr(xml, 'w:pgMar', 'right')).toEqual(['850', '850']);
    expect(xml).toContain('<w:titlePg/>');
    const headers = [...text.entries()].filter(([n]) => /^word\/header\d+\.xml$/.test(n)).map(([, x]) => x);
    expect(headers.filter((h) => h.includes('PAGE')).length).toBe(2); // body and appendix
    expect(headers.some((h) => !h.includes('<w:t') && !h.includes('PAGE'))).toBe(true); // empty first-page header
    // The page number is centred.
    expect(headers.find((h) => h.includes('PAGE'))).toContain('<w:jc w:val="center"/>');
  });

  it('uses Times New Roman 14 pt, Heading 1–3 and a table style', async () => {
    const { text, paras } = await docx('NQ-DH-XV');
    const styles = text.get('word/styles.xml') ?? '';
    const normal =
      /<w:style w:type="paragraph" w:styleId="Normal"[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? '';
    expect(normal).toContain('w:ascii="Times New Roman"');
    expect(normal).toContain('<w:sz w:val="28"/>');
    for (const id of ['Heading1', 'Heading2', 'Heading3', 'Caption'])
      expect(styles).toContain(`w:styleId="${id}"`);
    expect(styles).toContain('w:styleId="ChitieuTable"');
    const h1 = paras.filter((p) => p.style === 'Heading1').map((p) => p.text);
    expect(h1).toEqual([
      'I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU',
      'II. KẾT QUẢ THỰC HIỆN CÁC CHƯƠNG TRÌNH TRỌNG TÂM, KHÂU ĐỘT PHÁ VÀ NHIỆM VỤ, GIẢI PHÁP',
      'III. DỰ BÁO KHẢ NĂNG HOÀN THÀNH CÁC CHỈ TIÊU ĐẾN NĂM 2025',
    ]);
    const h2 = paras.filter((p) => p.style === 'Heading2').map((p) => p.text);
    for (const field of ['Kinh tế', 'Quốc phòng - an ninh', 'Xây dựng Đảng']) {
      expect(h2.some((h) => h.endsWith(field))).toBe(true);
    }
  });

  it('has the Party heading of Hướng dẫn 36-HD/VPTW and a T/M signature', async () => {
    const { paras, xml } = await docx('NQ-DH-XV');
    // The paragraph holding a text, as XML, to check its run properties.
    const pOf = (text: string) =>
      [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((p) => p.includes(`>${text}<`)) ??
      '';
    expect(pOf('ĐẢNG CỘNG SẢN VIỆT NAM')).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="30"\/>/); // bold 15 pt
    expect(pOf('THỊ ỦY AN PHÚ')).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="28"\/>/); // bold 14 pt
    expect(pOf('ĐẢNG BỘ TỈNH NAM SƠN')).not.toContain('<w:b/>');
    expect(pOf('An Phú, ngày     tháng     năm 2023')).toContain('<w:i/>');
    expect(pOf('BÁO CÁO')).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="32"\/>/); // bold 16 pt
    const texts = paras.map((p) => p.text);
    expect(texts.slice(0, 8)).toEqual([
      'ĐẢNG BỘ TỈNH NAM SƠN',
      'THỊ ỦY AN PHÚ',
      '*',
      'Số      -BC/TU',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      '', // the rule under it: a bordered paragraph without runs
      'An Phú, ngày     tháng     năm 2023',
      'BÁO CÁO',
    ]);
    expect(texts[8]).toBe(
      'sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội đại biểu Đảng bộ thị xã An Phú lần thứ XV, nhiệm kỳ 2020–2025',
    );
    expect(texts).toContain('T/M BAN THƯỜNG VỤ');
    expect(texts).toContain('BÍ THƯ');
    expect(texts).toContain('Nơi nhận:');
  });

  it('says for every target the sentence core writes, with the numbers of the evaluation', async () => {
    const { paras } = await docx('NQ-DH-XV');
    const texts = new Set(paras.map((p) => p.text));
    const plan = data.plans.find((p) => p.code === 'NQ-DH-XV');
    if (!plan) throw new Error('demo plan missing');
    const values = createValueSource(data);
    const ev = evaluatePlan({ plan, indicators: data.indicators, values, asOf: 2023, lang: 'vi' });
    const rankings = rankingsFor(data, plan, values, 2023);
    expect(texts.has(summarySentence(ev, 'vi'))).toBe(true);
    expect(texts.has(forecastSummarySentence(ev, 'vi', { targetYear: 2025 }))).toBe(true);
    for (const te of ev.targets) {
      const target = plan.targets.find((t) => t.code === te.code);
      const indicator = data.indicators.find((i) => i.code === target?.indicator);
      if (!target || !indicator) throw new Error(`target ${te.code} without indicator`);
      const own = rankings.get(te.code)?.rows.find((x) => x.unit === plan.unit);
      const rank = own ? { rank: own.rank, of: own.of, scope: 'province' as const } : null;
      const sentence = targetSentence({ target, indicator, evaluation: te, plan, rank }, 'vi');
      expect(texts.has(`- ${sentence}`), sentence).toBe(true);
      // Milestones speak of progress ("tiến độ ước đạt 70 %") and "không để xảy ra" goals of met or
      // not; every other target states its % of the goal.
      if (te.achievementPercent != null && te.kind !== 'milestone' && te.goal !== 0) {
        expect(sentence).toContain(formatNumber(te.achievementPercent, 1, 'vi'));
      }
    }
    // docs/methodology.md's worked example, which the demo reproduces for target 1, to the digit.
    const gross = [...texts].find((t) => t.startsWith('- Giá trị sản xuất (giá so sánh 2010):'));
    expect(gross).toContain('ước đạt 10,71 %/năm, bằng 71,4 % mục tiêu (15 %/năm)');
    expect(gross).toContain('cần tăng bình quân 21,75 %/năm trong giai đoạn 2024–2025');
    expect(gross).toMatch(/xếp thứ \d+\/13 toàn tỉnh/);
  });

  it('has an appendix row per target whose figures equal the evaluation, in Vietnamese format', async () => {
    const { xml } = await docx('NQ-DH-XV');
    const plan = data.plans.find((p) => p.code === 'NQ-DH-XV');
    if (!plan) throw new Error('demo plan missing');
    const ev = evaluatePlan({
      plan,
      indicators: data.indicators,
      values: createValueSource(data),
      asOf: 2023,
    });
    const rows = lastTableRows(xml);
    const header = rows[0] ?? [];
    expect(header.slice(0, 4)).toEqual(['STT', 'Chỉ tiêu', 'ĐVT', 'Mục tiêu']);
    expect(header).toContain('TH 2020');
    expect(header).toContain('Ước TH 2023');
    expect(header.slice(-3)).toEqual(['% đạt', 'Nhóm', 'Dự báo']);
    const targetRows = rows.slice(1).filter((r) => /^\d+$/.test(r[0] ?? ''));
    expect(targetRows.length).toBe(plan.targets.length);
    const pct = header.indexOf('% đạt');
    ev.targets.forEach((te, i) => {
      const cell = targetRows[i]?.[pct];
      expect(cell).toBe(te.achievementPercent == null ? '' : formatNumber(te.achievementPercent, 1, 'vi'));
    });
    // Gross output 2023 (an estimate) with a dot for thousands and a comma for decimals.
    expect(targetRows[0]?.[header.indexOf('Ước TH 2023')]).toBe('18.997,6');
    expect(targetRows[0]?.[3]).toBe('Tăng BQ 15 %/năm');
  });

  it('judges tasks on the report date: a task due in June 2023 and not done is overdue', async () => {
    const { xml, paras } = await docx('NQ-DH-XV');
    const plan = data.plans.find((p) => p.code === 'NQ-DH-XV');
    const program = plan?.programs?.find((p) => p.tasks?.some((t) => t.code === 'DP1.2'));
    if (!program) throw new Error('demo program with task DP1.2 missing');
    const calendar = { asOf: '2023-12-31', start: '2021-01-01' };
    const sentence = programSentence(program, 'vi', calendar);
    expect(sentence).toContain('DP1.2');
    expect(paras.map((p) => p.text)).toContain(`- ${sentence}`);
    const row = [...xml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)]
      .map((tr) => paragraphs(tr[0]).map((p) => p.text))
      .find((cells) => cells.includes('Nâng cấp hệ thống thoát nước khu vực nội thị'));
    expect(row).toEqual([
      '2',
      'Nâng cấp hệ thống thoát nước khu vực nội thị',
      'Phòng Quản lý đô thị',
      '30/06/2023',
      '80 %',
      'Quá hạn',
    ]);
  });

  it('embeds the charts as PNG images at print resolution', async () => {
    const { media, xml } = await docx('NQ-DH-XV');
    const pngs = [...media.entries()].filter(([n]) => n.startsWith('word/media/'));
    expect(pngs.length).toBeGreaterThanOrEqual(3); // bands + at least one series and one ranking
    expect((xml.match(/<w:drawing>/g) ?? []).length).toBe(pngs.length);
    for (const [, png] of pngs) {
      expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
      const width = new DataView(png.buffer, png.byteOffset).getUint32(16);
      expect(width).toBe(675); // 450 pt at 1.5 pixels per point
    }
  });

  it('is a clean draft: no text boxes, no empty runs, no NaN/undefined/null/[object Object]', async () => {
    for (const [code, lang] of [
      ['NQ-DH-XV', 'vi'],
      ['NQ-HDND-KTXH', 'en'],
    ] as const) {
      const { text } = await docx(code, { lang });
      for (const [name, xml] of text) {
        if (!name.startsWith('word/')) continue;
        expect(xml).not.toMatch(/txbx|<w:pict|<v:shape|<v:textbox/);
        const visible = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
        expect(visible).not.toMatch(/NaN|undefined|\bnull\b|\[object Object\]|Infinity/);
        // footnotes.xml and endnotes.xml hold docx's own separator boilerplate; the text lives here:
        if (!/^word\/(document|header\d+|footer\d+)\.xml$/.test(name)) continue;
        for (const run of xml.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? []) {
          expect(run, `${name}: ${run}`).toMatch(/<w:t[ >]|<w:drawing>|<w:fldChar|<w:instrText/);
        }
        expect(xml).not.toMatch(/<w:t(?: [^>]*)?><\/w:t>/);
      }
    }
  });
});

describe('DOCX of a State plan and in English', () => {
  it('a People’s Council plan gets the national motto heading and a TM. signature', async () => {
    const { paras } = await docx('NQ-HDND-KTXH');
    const texts = paras.map((p) => p.text);
    expect(texts.slice(0, 3)).toEqual(['ỦY BAN NHÂN DÂN', 'THỊ XÃ AN PHÚ', '']);
    expect(texts).toContain('Số:      /BC-UBND');
    expect(texts).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(texts).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(texts).toContain('TM. ỦY BAN NHÂN DÂN');
    // State subjects start with a capital letter (NĐ 30/2020).
    expect(texts.find((t) => t.startsWith('Sơ kết giữa nhiệm kỳ'))).toBeDefined();
  });

  it('English reports use English words and the English number convention', async () => {
    const { paras, r } = await docx('NQ-DH-XV', { lang: 'en' });
    expect(r.fileName).toBe('midterm-review-NQ-DH-XV-2023.docx');
    const all = paras.map((p) => p.text).join('\n');
    expect(all).toContain('COMMUNIST PARTY OF VIETNAM');
    expect(all).toContain('REPORT');
    expect(all).toContain('10.71%');
    expect(all).toContain('18,997.6');
    expect(all).not.toContain('10,71');
  });

  it('a final review has no forecast section', async () => {
    const { paras, r } = await docx('NQ-DH-XV', { type: 'final' });
    expect(r.fileName).toBe('bao-cao-tong-ket-NQ-DH-XV-2023.docx');
    const h1 = paras.filter((p) => p.style === 'Heading1').map((p) => p.text);
    expect(h1.some((h) => h.includes('DỰ BÁO'))).toBe(false);
    expect(paras.some((p) => p.text.startsWith('tổng kết nhiệm kỳ thực hiện Nghị quyết'))).toBe(true);
  });
});
