import { ENDPOINTS, type Endpoint } from '@chitieu/contract';
import { createTestDatabase, migrateToLatest, type TestDatabase } from '@chitieu/db';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../../app.js';
import { lintOpenApi } from './lint.js';

type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
};
type OpenApi = {
  paths: Record<string, Record<string, Operation>>;
  tags: { name: string; description: string }[];
  servers: { url: string }[];
  components: { securitySchemes: Record<string, unknown> };
};

describe('OpenAPI document', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let doc: OpenApi;
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
    );

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    await migrateToLatest(t.handle);
    app = await buildApp({ database: t.handle, logger: false });
    await app.ready();
    doc = (await app.inject({ url: '/api/openapi.json', headers: { host: 'chitieu.test:8080' } })).json();
  });
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it("passes Spectral's spectral:oas ruleset without a warning or an error", async () => {
    const findings = await lintOpenApi(doc);
    expect(findings.filter((f) => f.severity === 'error' || f.severity === 'warning')).toEqual([]);
  });

  it('describes every operation from the contract, and the contract lists only real operations', () => {
    const documented = operations().map(({ method, path, op }) => `${op.operationId} ${method} ${path}`);
    const listed = Object.entries(ENDPOINTS as Record<string, Endpoint>)
      .filter(([, e]) => !e.hidden)
      .map(([id, e]) => `${id} ${e.method} ${e.path}`);
    expect(documented.sort()).toEqual(listed.sort());
    for (const { op } of operations()) {
      expect(op.summary, op.operationId).toMatch(/\S/);
      expect(op.description, op.operationId).toMatch(/Who may call it: /);
      expect(doc.tags.map((tag) => tag.name)).toContain(op.tags?.[0]);
    }
  });

  it("documents each operation's schemas as the contract's table says", () => {
    const json = (s: z.ZodType, io: 'input' | 'output') =>
      z.toJSONSchema(s, { io, target: 'openapi-3.0', unrepresentable: 'any' });
    for (const [id, e] of Object.entries(ENDPOINTS as Record<string, Endpoint>)) {
      if (e.hidden) {
        expect(app.hasRoute({ method: e.method, url: e.path.replace(/\{(\w+)\}/g, ':$1') }), id).toBe(true);
        continue;
      }
      const op = doc.paths[e.path]?.[e.method.toLowerCase()];
      expect(op, id).toBeDefined();
      if (e.body) {
        const body = op?.requestBody?.content?.['application/json']?.schema as Record<string, unknown>;
        const expected = json(e.body, 'input') as Record<string, unknown>;
        expect(Object.keys((body?.properties as object) ?? {}).sort(), `${id} body`).toEqual(
          Object.keys((expected.properties as object) ?? {}).sort(),
        );
        expect(body?.additionalProperties, `${id} body`).toBe(false);
      }
      const queryNames = (op?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      const expectedQuery = e.query ? Object.keys(json(e.query, 'input').properties ?? {}) : [];
      expect(queryNames.sort(), `${id} query`).toEqual(expectedQuery.sort());
      if (!e.response) continue;
      const success = op?.responses?.['200'] ?? op?.responses?.['201'];
      const documented = success?.content?.['application/json']?.schema as Record<string, unknown>;
      expect(documented, id).toBeDefined();
      const expected = json(e.response, 'output') as Record<string, unknown>;
      // Same fields, same required ones: the route answers what the contract promises.
      expect(Object.keys((documented.properties as object) ?? {}).sort(), id).toEqual(
        Object.keys((expected.properties as object) ?? {}).sort(),
      );
      expect(((documented.required as string[]) ?? []).sort(), id).toEqual(
        ((expected.required as string[]) ?? []).sort(),
      );
    }
  });

  it('describes the evaluation, not a bare passthrough', () => {
    const op = doc.paths['/api/plans/{code}/evaluation']?.get;
    const schema = JSON.stringify(op?.responses?.['200']?.content?.['application/json']?.schema);
    for (const field of [
      'achievementPercent',
      'forecast',
      'requiredPerYear',
      'minPercent',
      'insufficientData',
    ]) {
      expect(schema).toContain(field);
    }
  });

  it('offers the session cookie with the CSRF header and the Bearer token, so Authorize works', () => {
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearer', 'csrf', 'session']);
    const write = doc.paths['/api/figures']?.post;
    expect(write?.security).toEqual([{ session: [], csrf: [] }, { bearer: [] }]);
    const publicRead = doc.paths['/api/units']?.get;
    expect(publicRead?.security).toContainEqual({});
    expect(doc.servers).toEqual([{ url: 'http://chitieu.test:8080', description: 'This server' }]);
  });

  it('points to nothing outside the repository', () => {
    const text = JSON.stringify(doc);
    expect(text).not.toMatch(/METHOD\.md|PLAN-FORMAT\.md|\/work\/shared|\.\.\/shared/);
  });
});
