/**
 * Friendly shorthands a person writes by hand, turned into the strict shape before validation:
 * a whole-number code (`code: 381`) becomes text, a plain string where a `{ vi, en }` text is expected
 * becomes `{ vi }`, and a date object (from some YAML writers) becomes `YYYY-MM-DD`.
 * Nothing is guessed beyond that: anything else goes to validation as written.
 */
type Obj = Record<string, unknown>;

export const isObject = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

const codeish = (x: unknown) => (typeof x === 'number' && Number.isInteger(x) ? String(x) : x);
const text = (x: unknown) => (typeof x === 'string' ? { vi: x } : x);
const date = (x: unknown) =>
  x instanceof Date && !Number.isNaN(x.getTime()) ? x.toISOString().slice(0, 10) : x;

/** Apply `f` to the named fields; the object is copied only when something changes (files are large). */
function fields(o: unknown, f: Record<string, (x: unknown) => unknown>): unknown {
  if (!isObject(o)) return o;
  let out: Obj | null = null;
  for (const k in f) {
    if (!(k in o)) continue;
    const next = (f[k] as (x: unknown) => unknown)(o[k]);
    if (next === o[k]) continue;
    out ??= { ...o };
    out[k] = next;
  }
  return out ?? o;
}
const each = (fn: (x: unknown) => unknown) => (xs: unknown) => {
  if (!Array.isArray(xs)) return xs;
  const out = xs.map(fn);
  return out.every((x, i) => x === xs[i]) ? xs : out;
};

const task = (t: unknown) => fields(t, { code: codeish, title: text, due: date });
const program = (p: unknown) =>
  fields(p, { code: codeish, title: text, targets: each(codeish), tasks: each(task) });
const target = (t: unknown) => fields(t, { code: codeish, indicator: codeish, text });
const plan = (p: unknown) =>
  fields(p, {
    code: codeish,
    unit: codeish,
    title: text,
    bandLabels: each(text),
    targets: each(target),
    programs: each(program),
  });

/** @example normalizeRaw({ units: [{ code: 38 }] }) // { units: [{ code: '38' }] } */
export function normalizeRaw(raw: unknown): unknown {
  return fields(raw, {
    units: each((u) => fields(u, { code: codeish, parent: codeish })),
    indicators: each((i) => fields(i, { code: codeish, weight: codeish, name: text })),
    plans: each(plan),
    values: each((v) => fields(v, { indicator: codeish, unit: codeish })),
  });
}
