/**
 * Server-side chart rendering: ECharts to SVG (no DOM), then SVG to PNG with resvg using only the
 * bundled fonts, so the same data gives the same pixels on every machine.
 */
import { Resvg, renderAsync } from '@resvg/resvg-js';
import type { EChartsOption } from 'echarts';
import * as echarts from 'echarts';
import type { ChartImage } from '../content/document.js';
import { CHART_FONT_FAMILY, FONT_FILES } from '../fonts/fonts.js';

/** Pixels per point of the page size: 1.5 gives 108 dpi on paper, sharp on screen and in print
 * preview; each step up costs render and PNG time in proportion to the pixels. */
const ZOOM = 1.5;

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

/**
 * The same as {@link renderChart}, with the rasterising done on libuv's thread pool, so the charts
 * of a report render side by side while the main thread lays out the next one.
 *
 * @example const img = await renderChartAsync(options, 450, 250, 'Giá trị sản xuất');
 */
export async function renderChartAsync(
  options: EChartsOption,
  widthPt: number,
  heightPt: number,
  alt: string,
): Promise<ChartImage> {
  const svg = renderSvg(options, widthPt, heightPt);
  const image = await renderAsync(svg, { font: RESVG_FONTS, fitTo: { mode: 'zoom', value: ZOOM } });
  const png = image.asPng();
  return { png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength), widthPt, heightPt, alt };
}
