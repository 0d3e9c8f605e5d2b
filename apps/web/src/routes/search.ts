/** A year from the address bar (`?year=2023`), or undefined when absent or not a plausible year. */
export function yearParam(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isInteger(n) && n >= 1900 && n <= 2200 ? n : undefined;
}

/** A short text from the address bar, or undefined. */
export function textParam(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.slice(0, 200) : undefined;
}

/** One of the allowed words, or undefined. */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}
