/**
 * Server-side chart rendering: ECharts to SVG (no DOM), then SVG to PNG with resvg using only the
 * bundled fonts, so the same data gives the same pixels on every machine.
 */
import { Resvg } from '@resvg/resvg-js';
import type { EChartsOption } from 'echarts';
import * as echarts from 'echarts';
import type { ChartImage } from '../content/document.js';
import { CHART_FONT_FAMILY, FONT_FILES } from '../fonts/fonts.js';

/** Pixels per point of the page size: 2 gives about 144 dpi, sharp in print preview. */
const ZOOM = 2;

const RESVG_FONTS = {
  loadSystemFonts: false,
  fontFiles: [FONT_FILES.sansRegular, FONT_FILES.sansBold],
  defaultFontFamily: CHART_FONT_FAMILY,
  sansSerifFamily: CHART_FONT_FAMILY,
};

/** The chart as an SVG string, `width`×`height` in points. */
export function renderSvg(options: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(options);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * Render ECharts options to a PNG sized for the page.
 *
 * @example
 * const img = renderChart(bandChartOptions({ labels, counts }, 'vi'), 450, 250, 'Số chỉ tiêu theo mức độ đạt');
 * img.png // Uint8Array, 900×500 pixels
 */
export function renderChart(
  options: EChartsOption,
  widthPt: number,
  heightPt: number,
  alt: string,
): ChartImage {
  const svg = renderSvg(options, widthPt, heightPt);
  const png = new Resvg(svg, { font: RESVG_FONTS, fitTo: { mode: 'zoom', value: ZOOM } }).render().asPng();
  return { png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength), widthPt, heightPt, alt };
}
