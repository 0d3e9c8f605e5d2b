import {
  CheckCircleFilled,
  CloseCircleFilled,
  ExclamationCircleFilled,
  QuestionCircleFilled,
} from '@ant-design/icons';
import { bandLabel, type ForecastClass, forecastClassLabel, type LocalizedText } from '@chitieu/core';
import type { ReactNode } from 'react';
import { useLang } from '../i18n/use-lang';
import { AA, bandColor, forecastColor } from '../theme/bands';

function iconOf(color: string): ReactNode {
  if (color === AA.red) return <CloseCircleFilled aria-hidden />;
  if (color === AA.amber) return <ExclamationCircleFilled aria-hidden />;
  if (color === AA.grey) return <QuestionCircleFilled aria-hidden />;
  return <CheckCircleFilled aria-hidden />;
}

/** A coloured pill with an icon and words: colour is never the only signal. */
export function ColorTag({ color, children }: { color: string; children: ReactNode }): ReactNode {
  return (
    <span className="color-tag" style={{ color, borderColor: color }}>
      {iconOf(color)}
      <span>{children}</span>
    </span>
  );
}

interface BandProps {
  band: number | null | undefined;
  edges: readonly number[];
  labels?: readonly LocalizedText[] | null;
  /** Words for a target without a band (no data). */
  noneText: string;
}

/** A target's band as the core words it ("đạt từ 80 % trở lên"), in its AA colour. */
export function BandTag({ band, edges, labels, noneText }: BandProps): ReactNode {
  const lang = useLang();
  const color = bandColor(band, edges.length + 1);
  return <ColorTag color={color}>{band == null ? noneText : bandLabel(band, edges, lang, labels)}</ColorTag>;
}

/** A forecast class in words ("phải nỗ lực, phấn đấu rất cao…") and colour. */
export function ForecastTag({ value }: { value: ForecastClass | 'insufficient-data' }): ReactNode {
  const lang = useLang();
  return <ColorTag color={forecastColor(value)}>{forecastClassLabel(value, lang)}</ColorTag>;
}
