import { ROLES as DB_ROLES } from '@chitieu/db';
import {
  REPORT_FORMATS as REPORT_PACKAGE_FORMATS,
  REPORT_TYPES as REPORT_PACKAGE_TYPES,
} from '@chitieu/reports/types';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ENDPOINTS, type Endpoint, endpointUrl } from './endpoints.js';
import { REPORT_FORMATS, REPORT_TYPES } from './reports.js';
import { ROLES } from './users.js';

type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown) => (s as { _zod: { def: Def } })._zod.def;

/** Paths of every object in `schema` that lets an unknown key through (not strict). */
function looseObjects(schema: unknown, path = ''): string[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const strict = defOf(def.catchall ?? { _zod: { def: { type: 'none' } } }).type === 'never';
      const shape = def.shape as Record<string, unknown>;
      return [
        ...(strict ? [] : [path || '(root)']),
        ...Object.entries(shape).flatMap(([k, v]) => looseObjects(v, `${path}.${k}`)),
      ];
    }
    case 'array':
      return looseObjects(def.element, `${path}[]`);
    case 'tuple':
      return (def.items as unknown[]).flatMap((item, i) => looseObjects(item, `${path}[${i}]`));
    case 'union':
      return (def.options as unknown[]).flatMap((o) => looseObjects(o, path));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return looseObjects(def.innerType, path);
    case 'pipe':
      return looseObjects(def.in, path);
    default:
      return [];
  }
}

describe('the API contract', () => {
  it('refuses unknown keys everywhere a client writes: every body, query string and path', () => {
    const loose = Object.entries(ENDPOINTS as Record<string, Endpoint>).flatMap(([id, e]) =>
      (['params', 'query', 'body'] as const).flatMap((part) =>
        e[part] ? looseObjects(e[part] as z.ZodType).map((p) => `${id} ${part}${p}`) : [],
      ),
    );
    expect(loose).toEqual([]);
  });

  it('finds a loose object where there is one (the check can fail)', async () => {
    const { z } = await import('zod');
    expect(looseObjects(z.strictObject({ a: z.array(z.object({ b: z.int() })).optional() }))).toEqual([
      '.a[]',
    ]);
  });

  it('names the roles and report kinds as the database and the report package do', () => {
    expect([...ROLES]).toEqual([...DB_ROLES]);
    expect([...REPORT_TYPES]).toEqual([...REPORT_PACKAGE_TYPES]);
    expect([...REPORT_FORMATS]).toEqual([...REPORT_PACKAGE_FORMATS]);
  });

  it("builds an operation's address from its parameters", () => {
    expect(endpointUrl('getUnit', { code: '502' })).toBe('/api/units/502');
    expect(endpointUrl('getTarget', { code: 'NQ/XV', id: 3 })).toBe('/api/plans/NQ%2FXV/targets/3');
    expect(endpointUrl('listFigures', {}, { unit: '502', year: 2023, status: undefined })).toBe(
      '/api/figures?unit=502&year=2023',
    );
    expect(() => endpointUrl('getUnit', {})).toThrow(/code/);
  });
});
