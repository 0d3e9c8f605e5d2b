import type { ReactNode } from 'react';

export interface Bar {
  key: string;
  label: string;
  value: number;
  color: string;
}

interface Props {
  caption: string;
  labelHeader: string;
  valueHeader: string;
  bars: Bar[];
}

/**
 * A horizontal bar chart drawn as a table: sighted readers see bars, screen readers a table with the same
 * numbers — the chart is its own table alternative, and needs no charting library on the dashboard.
 */
export function BarTable({ caption, labelHeader, valueHeader, bars }: Props): ReactNode {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <table className="bar-table">
      <caption className="sr-only">{caption}</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">{labelHeader}</th>
          <th scope="col">{valueHeader}</th>
        </tr>
      </thead>
      <tbody>
        {bars.map((b) => (
          <tr key={b.key}>
            <th scope="row">{b.label}</th>
            <td>
              <span
                className="bar"
                style={{ width: `${(b.value / max) * 100}%`, background: b.color }}
                aria-hidden
              />
              <span className="bar-value">{b.value}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
