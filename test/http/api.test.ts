import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createTestRuntime } from '../support/runtime.js';
import { openApiPath } from '../../src/http/openapi.js';

let rt: ReturnType<typeof createTestRuntime>;
beforeAll(() => {
  rt = createTestRuntime();
});

describe('health', () => {
  it('answers 200 when the database is reachable and questionnaires are loaded', async () => {
    const res = await request(rt.app).get('/healthz').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: true, questionnaires: 4 });
  });
});

describe('questionnaires API', () => {
  it('lists the four clusters', async () => {
    const res = await request(rt.app).get('/api/questionnaires').expect(200);
    expect(res.body.items.map((q: { id: string; cluster: string }) => `${q.id}:${q.cluster}`)).toEqual(['cluster-1:I', 'cluster-2:II', 'cluster-3:III', 'cluster-4:IV']);
    expect(res.body.items[0]).toMatchObject({ version: 1, title: expect.stringContaining('Cluster I') });
  });

  it('serves the bundled schema by key and by key@version', async () => {
    const a = await request(rt.app).get('/api/questionnaires/cluster-1').expect(200);
    const b = await request(rt.app).get('/api/questionnaires/cluster-1@1').expect(200);
    const schema = JSON.parse(a.text);
    expect(schema['x-questionnaire'].id).toBe('cluster-1');
    expect(schema.$defs['provision-answer']).toBeDefined();
    expect(a.text).toBe(b.text);
  });

  it('answers 404 in the JSON error format for an unknown questionnaire', async () => {
    const res = await request(rt.app).get('/api/questionnaires/cluster-9').expect(404);
    expect(res.body).toMatchObject({ code: 'not_found', message: expect.any(String) });
    await request(rt.app).get('/api/questionnaires/cluster-1@x').expect(404);
  });

  it('serves TypeScript answer types of one version', async () => {
    const res = await request(rt.app).get('/api/questionnaires/cluster-1/types.d.ts').expect(200);
    expect(res.text).toContain('export interface ProvisionAnswer');
    expect(res.text).toMatch(/status: StatusOfImplementation/);
    expect(res.text).toContain('citations?:');
  });
});

describe('parties API', () => {
  it('lists the parties with names in six languages and their instruments', async () => {
    const res = await request(rt.app).get('/api/parties').expect(200);
    const fra = res.body.items.find((p: { iso3: string }) => p.iso3 === 'FRA');
    expect(fra.regionalGroup).toBe('Western European and others');
    expect(Object.keys(fra.names).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    expect(fra.instruments.map((i: { code: string }) => i.code)).toContain('UNTOC');
  });

  it('filters by instrument and rejects an unknown one with 400', async () => {
    const all = await request(rt.app).get('/api/parties').expect(200);
    const fa = await request(rt.app).get('/api/parties?instrument=FA').expect(200);
    expect(fa.body.items.length).toBeLessThan(all.body.items.length);
    const bad = await request(rt.app).get('/api/parties?instrument=XYZ').expect(400);
    expect(bad.body.code).toBe('bad_request');
  });
});

describe('errors', () => {
  it('answers an unknown route with 404 in the JSON error format', async () => {
    const res = await request(rt.app).get('/api/nothing-here').expect(404);
    expect(res.body).toEqual({ code: 'not_found', message: 'No route for GET /api/nothing-here.' });
  });

  it('answers malformed JSON with 400, without a stack trace', async () => {
    const res = await request(rt.app).post('/api/parties').set('Content-Type', 'application/json').send('{bad').expect(400);
    expect(res.body.code).toBe('bad_request');
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts/);
  });
});

describe('OpenAPI document', () => {
  it('describes every API route the app serves', async () => {
    const res = await request(rt.app).get('/api/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    const served = rt.routes.specs.filter((s) => s.kind === 'api');
    expect(served.length).toBeGreaterThan(4);
    for (const spec of served) {
      expect(res.body.paths[openApiPath(spec.path)]?.[spec.method], `${spec.method} ${spec.path}`).toBeDefined();
    }
  });

  it('resolves every $ref to a component schema', async () => {
    const res = await request(rt.app).get('/api/openapi.json').expect(200);
    const refs = [...JSON.stringify(res.body).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    for (const r of refs) expect(res.body.components.schemas[r], r).toBeDefined();
  });

  it('lists every route express knows about in the route table', () => {
    // Express 5 keeps layers with a `route` for each registered path; none may bypass the table.
    const stack = (rt.app as unknown as { router: { stack: Layer[] } }).router.stack;
    const registered = collectRoutes(stack);
    const declared = new Set(rt.routes.specs.map((s) => `${s.method} ${s.path}`));
    for (const r of registered) expect(declared.has(r), r).toBe(true);
  });
});

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}
function collectRoutes(stack: Layer[]): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) return Object.keys(layer.route.methods).map((m) => `${m} ${layer.route!.path}`);
    return layer.handle?.stack ? collectRoutes(layer.handle.stack) : [];
  });
}
