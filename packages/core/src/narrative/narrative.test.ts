import { describe, expect, it } from 'vitest';
import type { Evaluation, TargetEvaluation } from '../evaluation-types.js';
import type { Indicator, Program, Target } from '../model.js';
import {
  countOf,
  forecastSentence,
  forecastSummarySentence,
  groupName,
  ordinal,
  programSentence,
  summarySentence,
  type TargetContext,
  targetSentence,
  taskState,
} from './index.js';

const plan = { baselineYear: 2020, targetYear: 2025 };

function evaluation(
  summary: Partial<Evaluation['summary']>,
  methodology: Evaluation['methodology'] = 'chitieu',
): Evaluation {
  return {
    plan: 'NQ',
    unit: '381',
    asOf: 2023,
    methodology,
    summary: {
      total: 0,
      bands: [],
      met: 0,
      insufficientData: 0,
      forecast: { exceed: 0, complete: 0, atRisk: 0, insufficientData: 0 },
      ...summary,
    },
    targets: [],
  };
}

function indicator(over: Partial<Indicator>): Indicator {
  return {
    code: 'X',
    name: { vi: 'Chỉ tiêu X', en: 'Indicator X' },
    unit: 'tỷ đồng',
    direction: 'up',
    decimals: 1,
    trend: 'compound',
    aggregation: 'sum',
    ...over,
  };
}

function target(over: Partial<Target>): Target {
  return { code: '1', text: { vi: 'Mục tiêu' }, indicator: 'X', kind: 'level', value: 100, ...over };
}

function result(over: Partial<TargetEvaluation>): TargetEvaluation {
  return {
    code: '1',
    kind: 'level',
    status: 'ok',
    year: 2023,
    actual: null,
    achievement: null,
    achievementPercent: null,
    band: null,
    met: null,
    forecast: { value: null, achievementPercent: null, class: 'insufficient-data' },
    estimate: false,
    ...over,
  };
}

const GO = indicator({
  code: 'GO',
  name: { vi: 'Giá trị sản xuất (giá so sánh 2010)', en: 'Gross output (constant 2010 prices)' },
});

/** docs/methodology.md's example: g* = 15 %, g_obs = 10,71 % over 2021–2023 → A = 71,4 %, g_req = 21,75 %. */
const growthCtx: TargetContext = {
  target: target({ kind: 'avg-growth', indicator: 'GO', value: 15 }),
  indicator: GO,
  plan,
  evaluation: result({
    kind: 'avg-growth',
    actual: 10.71,
    observedGrowthPercent: 10.71,
    requiredGrowthPercent: 21.75,
    achievement: 0.71404,
    achievementPercent: 71.4,
    band: 1,
    met: false,
    estimate: true,
    forecast: {
      value: 24000,
      achievementPercent: 82.3,
      class: 'at-risk',
      effort: { kind: 'growth', requiredPerYear: 21.75, achievedPerYear: 10.71, remainingYears: 2 },
    },
  }),
};

describe('summarySentence', () => {
  const ev = evaluation({
    total: 29,
    bands: [
      { minPercent: 80, count: 23 },
      { minPercent: 50, count: 3 },
      { minPercent: null, count: 3 },
    ],
    met: 9,
  });

  it('says the default bands as docs/methodology.md does', () => {
    expect(summarySentence(ev, 'vi')).toBe(
      '29 chỉ tiêu: 23 chỉ tiêu đạt từ 80 % trở lên, 3 chỉ tiêu đạt từ 50 % đến dưới 80 %, 3 chỉ tiêu dưới 50 %. Có 9 chỉ tiêu đã đạt hoặc vượt mục tiêu.',
    );
    expect(summarySentence(ev, 'en')).toBe(
      '29 targets: 23 at 80% or more, 3 at 50% to under 80%, 3 under 50%. 9 targets met or exceeded.',
    );
  });

  it('uses the plan’s own edges and labels, drops empty bands and counts missing data apart', () => {
    const custom = evaluation({
      total: 12,
      bands: [
        { minPercent: 100, count: 1, label: 'Hoàn thành' },
        { minPercent: 87.5, count: 0 },
        { minPercent: 50, count: 8 },
        { minPercent: null, count: 1 },
      ],
      met: 1,
      insufficientData: 2,
    });
    expect(summarySentence(custom, 'vi')).toBe(
      '12 chỉ tiêu: 1 chỉ tiêu “Hoàn thành” (đạt từ 100 % trở lên), 8 chỉ tiêu đạt từ 50 % đến dưới 87,5 %, 1 chỉ tiêu dưới 50 %. Có 1 chỉ tiêu đã đạt hoặc vượt mục tiêu. 2 chỉ tiêu chưa đủ số liệu để đánh giá.',
    );
    expect(summarySentence(custom, 'en')).toBe(
      '12 targets: 1 “Hoàn thành” (at 100% or more), 8 at 50% to under 87.5%, 1 under 50%. 1 target met or exceeded. 2 targets lack the data to be evaluated.',
    );
  });

  it('says when nothing is met or nothing could be evaluated', () => {
    const none = evaluation({
      total: 2,
      bands: [
        { minPercent: 80, count: 0 },
        { minPercent: null, count: 1 },
      ],
      insufficientData: 1,
    });
    expect(summarySentence(none, 'vi')).toBe(
      '2 chỉ tiêu: 1 chỉ tiêu dưới 80 %. Chưa có chỉ tiêu nào đạt mục tiêu. 1 chỉ tiêu chưa đủ số liệu để đánh giá.',
    );
    expect(summarySentence(none, 'en')).toBe(
      '2 targets: 1 under 80%. No target met yet. 1 target lacks the data to be evaluated.',
    );
    const empty = evaluation({
      total: 1,
      bands: [
        { minPercent: 80, count: 0 },
        { minPercent: null, count: 0 },
      ],
      insufficientData: 1,
    });
    expect(summarySentence(empty, 'vi')).toBe('1 chỉ tiêu. 1 chỉ tiêu chưa đủ số liệu để đánh giá.');
  });

  it('summarises SDG progress by status', () => {
    const sdg = evaluation(
      {
        total: 6,
        sdgProgress: {
          'target-achieved': 1,
          substantial: 2,
          moderate: 0,
          limited: 1,
          deterioration: 1,
          'insufficient-data': 1,
        },
      },
      'sdg-progress',
    );
    expect(summarySentence(sdg, 'vi')).toBe(
      '6 chỉ tiêu: 1 chỉ tiêu đã đạt mục tiêu, 2 chỉ tiêu tiến bộ đáng kể, 1 chỉ tiêu tiến bộ hạn chế, 1 chỉ tiêu thụt lùi. 1 chỉ tiêu chưa đủ số liệu để đánh giá.',
    );
  });
});

describe('forecastSummarySentence', () => {
  it('counts each class in the glossary’s words', () => {
    const ev = evaluation({
      total: 29,
      forecast: { exceed: 5, complete: 20, atRisk: 3, insufficientData: 1 },
    });
    expect(forecastSummarySentence(ev, 'vi', { targetYear: 2025 })).toBe(
      'Dự báo đến năm 2025: 5 chỉ tiêu vượt kế hoạch, 20 chỉ tiêu hoàn thành kế hoạch, 3 chỉ tiêu phải nỗ lực, phấn đấu rất cao mới có thể hoàn thành. 1 chỉ tiêu chưa đủ số liệu để dự báo.',
    );
    expect(forecastSummarySentence(ev, 'en', { targetYear: 2025 })).toBe(
      'Forecast to 2025: 5 targets will exceed the plan, 20 targets will complete the plan, 3 targets need very high effort to complete. 1 target lacks the data for a forecast.',
    );
    const one = evaluation({
      total: 1,
      forecast: { exceed: 0, complete: 0, atRisk: 1, insufficientData: 0 },
    });
    expect(forecastSummarySentence(one, 'en')).toBe(
      'Forecast to the end of the term: 1 target needs very high effort to complete.',
    );
    const none = evaluation({
      total: 1,
      forecast: { exceed: 0, complete: 0, atRisk: 0, insufficientData: 1 },
    });
    expect(forecastSummarySentence(none, 'vi', { targetYear: 2025 })).toBe(
      'Dự báo đến năm 2025: chưa dự báo được chỉ tiêu nào.',
    );
  });
});

describe('targetSentence', () => {
  it('avg-growth: observed and required growth, estimate wording and rank', () => {
    const ctx = { ...growthCtx, rank: { rank: 4, of: 27, scope: 'province' as const } };
    expect(targetSentence(ctx, 'vi')).toBe(
      'Giá trị sản xuất (giá so sánh 2010): tốc độ tăng bình quân giai đoạn 2021–2023 ước đạt 10,71 %/năm, bằng 71,4 % mục tiêu (15 %/năm); cần tăng bình quân 21,75 %/năm trong giai đoạn 2024–2025; xếp thứ 4/27 toàn tỉnh.',
    );
    expect(targetSentence(ctx, 'en')).toBe(
      'Gross output (constant 2010 prices): average growth over 2021–2023 estimated at 10.71%/year, 71.4% of the goal (15%/year); needs 21.75%/year on average in 2024–2025; ranks 4th of 27 in the province.',
    );
  });

  it('level: "đạt" for official figures, the goal with its unit, met', () => {
    const ctx: TargetContext = {
      target: target({ value: 70 }),
      indicator: indicator({ name: { vi: 'Thu nhập bình quân đầu người' }, unit: 'triệu đồng/người' }),
      plan,
      evaluation: result({
        actual: 72.45,
        achievementPercent: 103.5,
        achievement: 1.035,
        met: true,
        band: 0,
      }),
    };
    expect(targetSentence(ctx, 'vi')).toBe(
      'Thu nhập bình quân đầu người năm 2023 đạt 72,5 triệu đồng/người, bằng 103,5 % mục tiêu (70 triệu đồng/người); đã vượt mục tiêu.',
    );
    expect(targetSentence(ctx, 'en')).toBe(
      'Thu nhập bình quân đầu người in 2023: reached 72.5 million VND per person, 103.5% of the goal (70 million VND per person); goal exceeded.',
    );
  });

  it('level with a ceiling and the "không để xảy ra" zero target', () => {
    const poverty: TargetContext = {
      target: target({ value: 1.5 }),
      indicator: indicator({ name: { vi: 'Tỷ lệ hộ nghèo' }, unit: '%', direction: 'down', decimals: 2 }),
      plan,
      evaluation: result({ actual: 1.8, achievementPercent: 83.3, met: false, estimate: true }),
    };
    expect(targetSentence(poverty, 'vi')).toBe(
      'Tỷ lệ hộ nghèo năm 2023 ước đạt 1,80 %, cao hơn mức trần dưới 1,5 %; mức độ đạt 83,3 %.',
    );
    const fires: TargetContext = {
      target: target({ value: 0 }),
      indicator: indicator({
        name: { vi: 'Số vụ cháy rừng', en: 'Forest fires' },
        unit: 'vụ',
        direction: 'down',
        decimals: 0,
      }),
      plan,
      evaluation: result({ actual: 0, achievementPercent: 100, met: true, goal: 0 }),
    };
    expect(targetSentence(fires, 'vi')).toBe(
      'Số vụ cháy rừng năm 2023: 0 vụ (mục tiêu không để xảy ra); đạt mục tiêu.',
    );
    expect(targetSentence(fires, 'en')).toBe('Forest fires in 2023: 0 cases (goal: none at all); goal met.');
    const burnt = { ...fires, evaluation: result({ actual: 2, achievementPercent: 0, met: false, goal: 0 }) };
    expect(targetSentence(burnt, 'vi')).toBe(
      'Số vụ cháy rừng năm 2023: 2 vụ (mục tiêu không để xảy ra); chưa đạt mục tiêu.',
    );
  });

  it('cumulative: the whole term’s goal and the pace so far', () => {
    const ctx: TargetContext = {
      target: target({ kind: 'cumulative', value: 25000 }),
      indicator: indicator({
        name: { vi: 'Tổng vốn đầu tư toàn xã hội', en: 'Total social investment' },
        decimals: 0,
      }),
      plan,
      evaluation: result({ kind: 'cumulative', actual: 14230, achievementPercent: 56.9, pacePercent: 94.9 }),
    };
    expect(targetSentence(ctx, 'vi')).toBe(
      'Tổng vốn đầu tư toàn xã hội lũy kế giai đoạn 2021–2023 đạt 14.230 tỷ đồng, bằng 56,9 % mục tiêu cả giai đoạn 2021–2025 (25.000 tỷ đồng); bằng 94,9 % tiến độ yêu cầu đến năm 2023.',
    );
    expect(targetSentence(ctx, 'en')).toBe(
      'Total social investment, cumulative over 2021–2023: reached 14,230 billion VND, 56.9% of the goal for 2021–2025 (25,000 billion VND); 94.9% of the pace required by 2023.',
    );
  });

  it('annual and change targets, with a range goal', () => {
    const jobs: TargetContext = {
      target: target({ kind: 'annual', value: 1500 }),
      indicator: indicator({
        name: { vi: 'Số lao động được giải quyết việc làm' },
        unit: 'người',
        decimals: 0,
      }),
      plan,
      evaluation: result({ kind: 'annual', actual: 1433.33, achievementPercent: 95.6 }),
    };
    expect(targetSentence(jobs, 'vi')).toBe(
      'Số lao động được giải quyết việc làm bình quân mỗi năm giai đoạn 2021–2023 đạt 1.433 người, bằng 95,6 % mục tiêu (1.500 người mỗi năm).',
    );
    const poor: TargetContext = {
      target: target({ kind: 'change', value: null, low: 1, high: 1.5 }),
      indicator: indicator({
        name: { vi: 'Tỷ lệ hộ nghèo', en: 'Poverty rate' },
        unit: '%',
        direction: 'down',
        decimals: 2,
      }),
      plan,
      evaluation: result({ kind: 'change', actual: 0.8, achievementPercent: 80, goal: 1, estimate: true }),
    };
    expect(targetSentence(poor, 'vi')).toBe(
      'Tỷ lệ hộ nghèo: bình quân mỗi năm giai đoạn 2021–2023 ước giảm 0,80 điểm %, bằng 80,0 % mục tiêu (giảm 1–1,5 điểm %/năm).',
    );
    expect(targetSentence(poor, 'en')).toBe(
      'Poverty rate: reduced by 0.80 percentage points a year on average over 2021–2023 (estimate), 80.0% of the goal (reduced 1–1.5 percentage points a year).',
    );
    const worse = {
      ...poor,
      evaluation: result({ kind: 'change', actual: -0.35, achievementPercent: -35, goal: 1 }),
    };
    expect(targetSentence(worse, 'vi')).toBe(
      'Tỷ lệ hộ nghèo: bình quân mỗi năm giai đoạn 2021–2023 tăng 0,35 điểm %, bằng -35,0 % mục tiêu (giảm 1–1,5 điểm %/năm).',
    );
  });

  it('adds the SDG progress status for sdg-progress plans', () => {
    const ctx: TargetContext = {
      target: target({ value: 95 }),
      indicator: indicator({
        name: { vi: 'Tỷ lệ tham gia bảo hiểm y tế', en: 'Health-insurance coverage' },
        unit: '%',
      }),
      plan,
      evaluation: result({
        actual: 93.1,
        achievementPercent: 98,
        sdgProgress: { status: 'substantial', ratio: 1.1027 },
      }),
    };
    expect(targetSentence(ctx, 'vi')).toBe(
      'Tỷ lệ tham gia bảo hiểm y tế năm 2023 đạt 93,1 %, bằng 98,0 % mục tiêu (95 %); tiến độ SDG: tiến bộ đáng kể (R = 1,10).',
    );
    expect(targetSentence({ ...ctx, rank: { rank: 2, of: 13, scope: 'province' } }, 'en')).toBe(
      'Health-insurance coverage in 2023: reached 93.1%, 98.0% of the goal (95%); ranks 2nd of 13 in the province; SDG progress: substantial progress (R = 1.10).',
    );
  });

  it('milestones use the target’s own text', () => {
    const ctx: TargetContext = {
      target: target({
        kind: 'milestone',
        text: { vi: 'Hoàn thành tiêu chí đô thị loại III', en: 'Meet the grade-III urban criteria' },
      }),
      indicator: indicator({ unit: '%', decimals: 0 }),
      plan,
      evaluation: result({ kind: 'milestone', actual: 60, achievementPercent: 60, estimate: true }),
    };
    expect(targetSentence(ctx, 'vi')).toBe('Hoàn thành tiêu chí đô thị loại III: tiến độ ước đạt 60 %.');
    expect(targetSentence(ctx, 'en')).toBe('Meet the grade-III urban criteria: progress estimated at 60%.');
    const done = {
      ...ctx,
      evaluation: result({ kind: 'milestone', actual: 100, achievementPercent: 100, met: true }),
    };
    expect(targetSentence(done, 'vi')).toBe('Hoàn thành tiêu chí đô thị loại III: đã hoàn thành.');
  });

  it('says why when data are missing, and never prints NaN or undefined', () => {
    const ctx: TargetContext = {
      ...growthCtx,
      evaluation: result({
        kind: 'avg-growth',
        status: 'insufficient-data',
        year: null,
        reason: 'chưa có số liệu năm gốc 2020',
        reasonCode: 'no-baseline',
      }),
    };
    expect(targetSentence(ctx, 'vi')).toBe(
      'Giá trị sản xuất (giá so sánh 2010): chưa đủ số liệu để đánh giá (chưa có số liệu năm gốc 2020).',
    );
    const noWords = { ...ctx, evaluation: { ...ctx.evaluation, reason: undefined } };
    expect(targetSentence(noWords, 'en')).toBe(
      'Gross output (constant 2010 prices): not enough data to evaluate.',
    );
    expect(forecastSentence(noWords, 'vi')).toBe(
      'Giá trị sản xuất (giá so sánh 2010): chưa đủ số liệu để dự báo khả năng hoàn thành đến năm 2025.',
    );
  });
});

describe('forecastSentence', () => {
  it('gives the class and the effort next to what was achieved so far', () => {
    expect(forecastSentence(growthCtx, 'vi')).toBe(
      'Giá trị sản xuất (giá so sánh 2010): dự báo đến năm 2025 phải nỗ lực, phấn đấu rất cao mới có thể hoàn thành (đạt khoảng 82,3 % mục tiêu); cần tăng bình quân 21,75 %/năm trong giai đoạn 2024–2025 (giai đoạn 2021–2023 đạt 10,71 %/năm).',
    );
    expect(forecastSentence(growthCtx, 'en')).toBe(
      'Gross output (constant 2010 prices): forecast to 2025, needs very high effort to complete (about 82.3% of the goal); needs 21.75%/year on average in 2024–2025 (10.71%/year in 2021–2023).',
    );
  });

  it('states the remaining total per year for cumulative targets', () => {
    const ctx: TargetContext = {
      target: target({ kind: 'cumulative', value: 25000 }),
      indicator: indicator({ name: { vi: 'Tổng vốn đầu tư toàn xã hội' }, decimals: 0 }),
      plan,
      evaluation: result({
        kind: 'cumulative',
        actual: 14230,
        forecast: {
          value: 5100,
          achievementPercent: 107.2,
          class: 'exceed',
          effort: {
            kind: 'remaining-total',
            requiredPerYear: 5385,
            achievedPerYear: 4743.3,
            remainingYears: 2,
          },
        },
      }),
    };
    expect(forecastSentence(ctx, 'vi')).toBe(
      'Tổng vốn đầu tư toàn xã hội: dự báo đến năm 2025 vượt kế hoạch (đạt khoảng 107,2 % mục tiêu); cần thực hiện bình quân 5.385 tỷ đồng mỗi năm trong giai đoạn 2024–2025 (đến nay bình quân 4.743 tỷ đồng mỗi năm).',
    );
  });

  it('speaks of the outcome, not a forecast, once the target year is reached', () => {
    const end: TargetContext = {
      ...growthCtx,
      evaluation: {
        ...growthCtx.evaluation,
        year: 2025,
        forecast: { value: null, achievementPercent: 90.7, class: 'at-risk' },
      },
    };
    expect(forecastSentence(end, 'vi')).toBe(
      'Giá trị sản xuất (giá so sánh 2010): kết quả cả nhiệm kỳ không hoàn thành kế hoạch (đạt 90,7 % mục tiêu).',
    );
    expect(forecastSentence(end, 'en')).toBe(
      'Gross output (constant 2010 prices): over the term, did not complete the plan (90.7% of the goal).',
    );
    const ev = {
      ...evaluation({ total: 3, forecast: { exceed: 1, complete: 0, atRisk: 1, insufficientData: 1 } }),
      asOf: 2025,
      targets: [end.evaluation],
    };
    expect(forecastSummarySentence(ev, 'vi', { targetYear: 2025 })).toBe(
      'Kết quả cả nhiệm kỳ (đến năm 2025): 1 chỉ tiêu vượt kế hoạch, 1 chỉ tiêu không hoàn thành kế hoạch. 1 chỉ tiêu chưa đủ số liệu để đánh giá.',
    );
    // Reviewed in 2025 but the latest figures are for 2024: still a forecast.
    const early = { ...ev, targets: [{ ...end.evaluation, year: 2024 }] };
    expect(forecastSummarySentence(early, 'vi', { targetYear: 2025 })).toMatch(/^Dự báo đến năm 2025: /);
  });

  it('milestones take the unit’s own forecast', () => {
    const ctx: TargetContext = {
      target: target({
        kind: 'milestone',
        text: { vi: 'Thị xã đạt chuẩn đô thị loại III' },
        expected: 'complete',
      }),
      indicator: indicator({ unit: '%' }),
      plan,
      evaluation: result({
        kind: 'milestone',
        actual: 60,
        forecast: { value: null, achievementPercent: null, class: 'complete' },
      }),
    };
    expect(forecastSentence(ctx, 'vi')).toBe(
      'Thị xã đạt chuẩn đô thị loại III: dự báo đến năm 2025 hoàn thành kế hoạch (theo đánh giá của đơn vị).',
    );
  });
});

describe('programSentence', () => {
  const program: Program = {
    code: 'CT1',
    kind: 'program',
    title: { vi: 'Phát triển hạ tầng đô thị', en: 'Urban infrastructure' },
    tasks: [
      { code: 'CT1.1', title: { vi: 'a' }, due: '2022-12-31', status: 'done', progress: 100 },
      { code: 'CT1.2', title: { vi: 'b' }, due: '2025-06-30', status: 'in-progress', progress: 60 },
      { code: 'CT1.3', title: { vi: 'c' }, due: '2023-06-30', status: 'in-progress', progress: 40 },
      { code: 'CT1.4', title: { vi: 'd' }, due: '2025-12-31', status: 'not-started' },
      { code: 'CT1.5', title: { vi: 'e' }, due: '2024-12-31', status: 'cancelled' },
    ],
  };

  it('counts tasks by state and names the overdue ones', () => {
    expect(programSentence(program, 'vi', { asOf: '2023-12-31' })).toBe(
      'Chương trình trọng tâm “Phát triển hạ tầng đô thị”: 5 nhiệm vụ, trong đó 1 đã hoàn thành, 2 đang thực hiện, 1 chưa triển khai, 1 đã dừng thực hiện; 1 nhiệm vụ quá hạn (CT1.3); tiến độ bình quân 50 %.',
    );
    expect(programSentence(program, 'en', { asOf: '2023-12-31' })).toBe(
      'Key program “Urban infrastructure”: 5 tasks (1 done, 2 in progress, 1 not started, 1 cancelled); 1 task overdue (CT1.3); average progress 50%.',
    );
  });

  it('finds tasks behind schedule from the time elapsed', () => {
    // From 2021-01-01 to 2025-06-30 is 1641 days; by 2023-12-31, 1094 have passed (67 %) and CT1.2 is at 60 %.
    expect(programSentence(program, 'vi', { asOf: '2023-12-31', start: '2021-01-01' })).toBe(
      'Chương trình trọng tâm “Phát triển hạ tầng đô thị”: 5 nhiệm vụ, trong đó 1 đã hoàn thành, 2 đang thực hiện, 1 chưa triển khai, 1 đã dừng thực hiện; 1 nhiệm vụ quá hạn (CT1.3); 2 nhiệm vụ chậm tiến độ (CT1.2 và CT1.4); tiến độ bình quân 50 %.',
    );
    expect(taskState({ code: 'x', title: { vi: 'x' }, status: 'overdue' })).toBe('overdue');
    expect(taskState({ code: 'x', title: { vi: 'x' }, progress: 100 })).toBe('done');
  });

  it('handles a breakthrough without tasks', () => {
    expect(
      programSentence({ code: 'DP1', kind: 'breakthrough', title: { vi: 'Cải cách hành chính' } }, 'vi'),
    ).toBe('Khâu đột phá “Cải cách hành chính”: chưa giao nhiệm vụ cụ thể.');
  });

  it('does not repeat the kind when the title already starts with it', () => {
    const group: Program = {
      code: 'NV1',
      kind: 'task-group',
      title: { vi: 'Nhóm nhiệm vụ, giải pháp về phát triển kinh tế', en: 'Task group on the economy' },
    };
    expect(programSentence(group, 'vi')).toBe(
      'Nhóm nhiệm vụ, giải pháp về phát triển kinh tế: chưa giao nhiệm vụ cụ thể.',
    );
    expect(programSentence(group, 'en')).toBe('Task group on the economy: no tasks recorded.');
  });
});

describe('words', () => {
  it('pluralises English and ordinals', () => {
    expect(countOf(1, 'target', 'en')).toBe('1 target');
    expect(countOf(3, 'target', 'en')).toBe('3 targets');
    expect(countOf(1200, 'target', 'vi')).toBe('1.200 chỉ tiêu');
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 112].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '112th',
    ]);
  });
});

describe('groupName', () => {
  it('translates the usual sections for English pages only', () => {
    expect(groupName('Quốc phòng - an ninh', 'en')).toBe('Defence and security');
    expect(groupName('Văn hóa - xã hội', 'en')).toBe('Culture and society');
    expect(groupName('Kinh tế', 'vi')).toBe('Kinh tế');
    expect(groupName('Chuyển đổi số', 'en')).toBe('Chuyển đổi số');
  });
});
