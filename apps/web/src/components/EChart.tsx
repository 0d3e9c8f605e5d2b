import { Spin } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';

// ECharts is loaded only when a chart is on the page: the first visit's bundle stays small.
const EChartCore = lazy(() => import('./EChartCore'));

export interface EChartProps {
  /** An ECharts option object (see echarts' docs); animation is off for steady screenshots. */
  option: Record<string, unknown>;
  height?: number;
  /** What the chart shows, for screen readers; a table alternative sits beside every chart. */
  label: string;
}

/** A chart, lazily loaded. */
export function EChart(props: EChartProps): ReactNode {
  return (
    <Suspense fallback={<Spin />}>
      <EChartCore {...props} />
    </Suspense>
  );
}
