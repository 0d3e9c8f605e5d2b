// @vitest-environment jsdom
import '../../i18n';
import type { TargetEvaluation } from '@chitieu/core';
import { createValueSource, evaluatePlan } from '@chitieu/core';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLanguage } from '../../i18n';
import { indicatorMap } from '../../logic/plan-data';
import { targetRows } from '../../logic/targets';
import { demoData } from '../../testing/demo';
import { WhatIf } from './WhatIf';

// antd asks the window for media queries; jsdom has none.
Object.defineProperty(window, 'matchMedia', {
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Type into an input the way a person does: React listens to the native input event. */
function type(input: HTMLInputElement, text: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  setter?.call(input, text);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('<WhatIf> on target 1 of the demo (jsdom)', () => {
  let world: Awaited<ReturnType<typeof demoData>>;
  let root: Root | undefined;
  let host: HTMLDivElement;
  beforeAll(async () => {
    world = await demoData();
  });
  afterEach(() => {
    act(() => root?.unmount());
    host?.remove();
  });

  function render(lang: 'vi' | 'en') {
    act(() => setLanguage(lang));
    const { data, plan } = world;
    const ev = evaluatePlan({
      plan,
      indicators: data.indicators,
      values: createValueSource(data),
      asOf: 2023,
      lang,
    });
    const row = targetRows(data, plan, ev, lang).find((r) => r.code === '1');
    if (!row) throw new Error('no target 1');
    const ctx = {
      data: { ...data, format: 'chitieu.plan/1' },
      plan,
      year: 2023,
      indicators: indicatorMap(data),
      unitName: 'Thị xã An Phú',
    };
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    act(() => root?.render(<WhatIf ctx={ctx} row={row} />));
    return { ev: ev.targets[0] as TargetEvaluation };
  }
  const q = (id: string) => host.querySelector(`[data-testid="${id}"]`);
  const input = (year: number) =>
    host.querySelector(
      `[data-testid="what-if-${year}"] input, input[data-testid="what-if-${year}"]`,
    ) as HTMLInputElement;

  it('shows the evaluation now, then the new achievement, band and class as values are typed', () => {
    const { ev } = render('vi');
    expect(q('what-if-before-achievement')?.textContent).toBe('71,4 %');
    expect(q('what-if-before-class')?.getAttribute('data-class')).toBe(ev.forecast.class);
    expect(q('what-if-after-class')).toBeNull();
    expect(input(2024)).toBeTruthy();
    act(() => type(input(2024), '24000'));
    act(() => type(input(2025), '29000'));
    expect(q('what-if-after-class')?.getAttribute('data-class')).not.toBe('at-risk');
    expect(q('what-if-after-band')?.getAttribute('data-band')).toBe('0');
    expect(q('what-if-after-achievement')?.textContent).toMatch(/^1\d\d,\d %$/);
    expect(host.textContent).not.toMatch(/NaN|undefined|Infinity|\[object/);
  });

  it('words the result in English on an English page', () => {
    render('en');
    expect(q('what-if-before-achievement')?.textContent).toBe('71.4%');
    act(() => type(input(2024), '19500.5'));
    expect(q('what-if-after-class')?.getAttribute('data-class')).toBe('at-risk');
    expect(host.textContent).toContain('With these values');
    act(() => setLanguage('vi'));
  });
});
