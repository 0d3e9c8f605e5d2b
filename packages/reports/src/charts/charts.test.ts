import { describe, expect, it } from 'vitest';
import { bandChartOptions, rankChartOptions, seriesChartOptions } from './options.js';
import { renderChart, renderSvg } from './render.js';

const size = (png: Uint8Array) => {
  const v = new DataView(png.buffer, png.byteOffset);
  return [v.getUint32(16), v.getUint32(20)];
};

describe('charts', () => {
  it('render the same pixels for the same data, at 1.5 pixels per point', () => {
    const options = bandChartOptions({ labels: ['Đạt từ 80 % trở lên', 'Dưới 50 %'], counts: [23, 3] }, 'vi');
    const a = renderChart(options, 450, 230, 'Số chỉ tiêu');
    const b = renderChart(options, 450, 230, 'Số chỉ tiêu');
    expect(size(a.png)).toEqual([675, 345]);
    expect(Buffer.from(a.png).equals(Buffer.from(b.png))).toBe(true);
  });

  it('print numbers with core’s Vietnamese formatting and the bundled font', () => {
    const svg = renderSvg(
      seriesChartOptions(
        {
          years: [2020, 2021, 2022, 2023],
          actual: [14000, 15372, 17136.2, 18997.6],
          projection: [null, null, null, 18997.6],
          goal: [14000, 16100, 18515, 21292.25],
          decimals: 1,
        },
        'vi',
      ),
      450,
      250,
    );
    expect(svg).toContain('18.997,6');
    expect(svg).toContain('Thực hiện');
    expect(svg).toContain('Liberation Sans');
    expect(svg).not.toMatch(/NaN|undefined/);
  });

  it('highlight the plan’s own unit among its siblings', () => {
    const svg = renderSvg(
      rankChartOptions(
        {
          rows: [
            { name: 'Tân Lập', value: 12.6, own: false },
            { name: 'An Phú', value: 10.71, own: true },
          ],
          decimals: 2,
        },
        'en',
      ),
      450,
      80,
    );
    expect(svg).toContain('10.71');
    expect(svg).toContain('An Phú');
    expect(svg.match(/#c0392b/gi)?.length).toBe(1); // one highlighted bar
  });
});
