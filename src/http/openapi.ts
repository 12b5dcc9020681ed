// Assembles the OpenAPI 3.1 document from the route table and the JSON Schemas in
// schemas/api/ and schemas/blocks/, so the description cannot drift from the routes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMAS_DIR } from '../questionnaire/index.js';
import type { RouteSpec } from './route-table.js';

export function loadApiSchemas(dir = join(SCHEMAS_DIR, 'api')): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const schema = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>;
    const { $schema: _s, $id: _i, ...body } = schema;
    out[f.replace(/\.json$/, '')] = rewriteRefs(body) as Record<string, unknown>;
  }
  return out;
}

/** `other.json` → `#/components/schemas/other`, the layout of the components section. */
function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node as Record<string, unknown>).map(([k, v]) =>
      k === '$ref' && typeof v === 'string' && v.endsWith('.json') ? [k, `#/components/schemas/${v.replace(/^.*\//, '').replace(/\.json$/, '')}`] : [k, rewriteRefs(v)],
    ),
  );
}

export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

export function buildOpenApi(specs: RouteSpec[], version: string): Record<string, unknown> {
  const schemas = loadApiSchemas();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of specs.filter((s) => s.kind === 'api')) {
    const path = openApiPath(spec.path);
    const params = [...spec.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(spec.responses ?? { 200: { description: 'OK' } })) {
      const content = r.schema
        ? { 'application/json': { schema: { $ref: `#/components/schemas/${r.schema}` } } }
        : r.mediaType
          ? { [r.mediaType]: {} }
          : undefined;
      responses[status] = { description: r.description, ...(content ? { content } : {}) };
    }
    responses.default = { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/error' } } } };
    paths[path] = {
      ...paths[path],
      [spec.method]: {
        summary: spec.summary,
        ...(params.length ? { parameters: params } : {}),
        ...(spec.requestBody ? { requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${spec.requestBody}` } } } } } : {}),
        responses,
        ...(spec.audience === 'public' ? { security: [] } : {}),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'UNTOC Review Mechanism questionnaire engine', version, description: 'JSON API. Errors share one format: { code, message, details }.' },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    components: {
      schemas,
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'session' } },
    },
    security: [{ session: [] }],
    paths,
  };
}
