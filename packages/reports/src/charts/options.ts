/**
 * ECharts options for the report's three chart kinds. Pure: data in, options out. Numbers on
 * the charts go through core's formatting, so a chart says "18.997,6" like the text does.
 */
import type { Lang } from '@chitieu/core';
import { formatNumber } from '@chitieu/core';
import type { EChartsOption } from 'echarts';
import { CHART_FONT_FAMILY } from '../fonts/fonts.js';
import { t } from '../i18n.js';

// Sober print colours: readable in greyscale, distinct in colour.
const INK = '#1f2937';
const GRID = '#d1d5db';
const BAND_COLOURS = ['#1b7837', '#e0a526', '#c0392b', '#9ca3af', '#6b7280'];
const ACTUAL = '#1f4e9c';
const GOAL = '#c0392b';
const OWN = '#c0392b';
const OTHERS = '#8aa4cc';

/** The number behind a label, whatever shape ECharts hands it in ([x, y] pairs or plain values). */
function numberOf(value: unknown): number | null {
  const v = Array.isArray(value) ? value[1] : value;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** A label formatter printing numbers with core's formatting; blank where there is no number. */
const numberLabel = (decimals: number, lang: Lang) => (p: { value?: unknown }) => {
  const n = numberOf(p.value);
  return n == null ? '' : formatNumber(n, decimals, lang);
};

const base = {
  animation: false,
  backgroundColor: '#ffffff',
  textStyle: { fontFamily: CHART_FONT_FAMILY, color: INK, fontSize: 13 },
};

export interface BandChartData {
  labels: string[];
  counts: number[];
}

/** Bars: how many targets fall in each band (plus "not enough data" when any). */
export function bandChartOptions(d: BandChartData, lang: Lang): EChartsOption {
  return {
    ...base,
    grid: { left: 56, right: 24, top: 28, bottom: 64 },
    xAxis: {
      type: 'category',
      data: d.labels,
      // Wrap long band names inside their own slot instead of letting them overlap.
      axisLabel: {
        interval: 0,
        width: Math.floor(360 / Math.max(1, d.labels.length)) - 8,
        overflow: 'break',
        fontSize: 12,
      },
      axisLine: { lineStyle: { color: INK } },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      name: t(lang, 'chart.count'),
      nameTextStyle: { align: 'left' },
      splitLine: { lineStyle: { color: GRID } },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 72,
        data: d.counts.map((value, i) => ({ value, itemStyle: { color: BAND_COLOURS[i] ?? OTHERS } })),
        label: {
          show: true,
          position: 'top',
          fontSize: 14,
          fontWeight: 'bold',
          formatter: numberLabel(0, lang),
        },
      },
    ],
  };
}

export interface SeriesChartData {
  years: number[];
  /** Actual values by year (null where none). */
  actual: (number | null)[];
  /** Projected values by year: the last actual year and the forecast years; null elsewhere. */
  projection: (number | null)[];
  /** The goal by year: a flat line for a level, the goal path for average growth. */
  goal: (number | null)[];
  decimals: number;
}

/** Lines: actual (solid), projection (dashed) and the goal line, one indicator over the term. */
export function seriesChartOptions(d: SeriesChartData, lang: Lang): EChartsOption {
  const fmt = numberLabel(d.decimals, lang);
  const label = { show: true, position: 'top' as const, fontSize: 12, formatter: fmt };
  return {
    ...base,
    grid: { left: 72, right: 24, top: 36, bottom: 56 },
    legend: { bottom: 0, itemWidth: 28, textStyle: { fontSize: 13 } },
    xAxis: {
      type: 'category',
      data: d.years.map(String),
      boundaryGap: false,
      axisLine: { lineStyle: { color: INK } },
    },
    yAxis: {
      type: 'value',
      scale: true,
      splitLine: { lineStyle: { color: GRID } },
      // Large values need no decimals on the axis; the points carry the exact figures.
      axisLabel: {
        formatter: (v: number) => formatNumber(v, Math.abs(v) >= 100 ? 0 : Math.min(d.decimals, 1), lang),
      },
    },
    series: [
      {
        name: t(lang, 'chart.actual'),
        type: 'line',
        data: d.actual,
        symbolSize: 7,
        lineStyle: { width: 3, color: ACTUAL },
        itemStyle: { color: ACTUAL },
        label,
      },
      {
        name: t(lang, 'chart.projection'),
        type: 'line',
        data: d.projection,
        symbolSize: 6,
        lineStyle: { width: 2.5, type: 'dashed', color: ACTUAL },
        itemStyle: { color: '#ffffff', borderColor: ACTUAL, borderWidth: 2 },
        // The first projected point repeats the last actual one; label only the forecast years.
        label: {
          ...label,
          formatter: (p: { value?: unknown; dataIndex: number }) =>
            d.actual[p.dataIndex] != null ? '' : fmt(p),
        },
      },
      {
        name: t(lang, 'chart.goal'),
        type: 'line',
        data: d.goal,
        symbol: 'none',
        lineStyle: { width: 2, type: [8, 4], color: GOAL },
        itemStyle: { color: GOAL },
      },
    ],
  };
}

export interface RankChartData {
  rows: { name: string; value: number; own: boolean }[];
  decimals: number;
}

/** Horizontal bars: sibling units by value, the plan's own unit highlighted. */
export function rankChartOptions(d: RankChartData, lang: Lang): EChartsOption {
  const rows = [...d.rows].reverse(); // ECharts draws the first category at the bottom
  return {
    ...base,
    grid: { left: 8, right: 72, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', splitLine: { lineStyle: { color: GRID } }, axisLabel: { show: false } },
    yAxis: {
      type: 'category',
      data: rows.map((r) => r.name),
      axisLabel: { fontSize: 12, fontWeight: 'normal' },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        barCategoryGap: '25%',
        data: rows.map((r) => ({ value: r.value, itemStyle: { color: r.own ? OWN : OTHERS } })),
        label: {
          show: true,
          position: 'right',
          fontSize: 12,
          formatter: numberLabel(d.decimals, lang),
        },
      },
    ],
  };
}
