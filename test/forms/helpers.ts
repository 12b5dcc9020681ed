// Small factories shared by the forms tests.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { buildFormPlan, type FormPlan, type JsonSchema, type RenderContext, type Translate } from '../../src/forms/index.js';
import type { PlanOptions } from '../../src/forms/plan.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** English UI messages as src/i18n merges them: locales/en.json, then locales/en/*.json. */
function englishMessages(): Record<string, string> {
  const dir = `${ROOT}src/i18n/locales/`;
  const out = JSON.parse(readFileSync(`${dir}en.json`, 'utf8')) as Record<string, string>;
  if (existsSync(`${dir}en`)) {
    for (const f of readdirSync(`${dir}en`).filter((n) => n.endsWith('.json')).sort()) Object.assign(out, JSON.parse(readFileSync(`${dir}en/${f}`, 'utf8')));
  }
  return out;
}

const messages = englishMessages();

export const t: Translate = (key, params) => {
  const text = messages[key];
  if (text === undefined) throw new Error(`missing message ${key}`);
  return params ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : text;
};

export function ctxOf(data: unknown, errors: Map<string, string[]> = new Map()): RenderContext {
  return { data, errors, t, label: (s) => s };
}

export function loadBlocks(): Map<string, JsonSchema> {
  const dir = `${ROOT}schemas/blocks/`;
  const out = new Map<string, JsonSchema>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const s = JSON.parse(readFileSync(dir + f, 'utf8')) as JsonSchema;
    out.set(String(s.$id), s);
  }
  return out;
}

export const blocks = loadBlocks();
export const BLOCK = (name: string): string => `https://untoc-review.example/schemas/blocks/${name}.json`;

export function resolveBlock(uri: string): object {
  const b = blocks.get(uri);
  if (!b) throw new Error(`unknown schema ${uri}`);
  return b;
}

export function planOf(schema: JsonSchema, options?: PlanOptions): FormPlan {
  return buildFormPlan(schema, resolveBlock, options);
}

/** A questionnaire with one page `p` holding these properties. */
export function onePage(properties: Record<string, unknown>, required: string[] = [], extra: JsonSchema = {}): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: { p: { type: 'object', title: 'Page', properties, required, ...extra } },
  };
}

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => void;

/** Validates with ajv (2020-12, allErrors, formats) against the schema and the blocks. */
export function validator(schema: JsonSchema): (data: unknown) => import('ajv').ErrorObject[] {
  const validate = sharedAjv().compile(schema);
  return (data) => (validate(data) ? [] : [...(validate.errors ?? [])]);
}

let ajv: Ajv2020 | undefined;
function sharedAjv(): Ajv2020 {
  if (!ajv) {
    ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    for (const b of blocks.values()) ajv.addSchema(b);
  }
  return ajv;
}

/** The markup of the first element carrying this id (start tag only). */
export function tagWithId(html: string, id: string): string {
  const m = new RegExp(`<[a-z]+[^>]*\\sid="${id}"[^>]*>`).exec(html);
  if (!m) throw new Error(`no element with id ${id}`);
  return m[0];
}

export const SHARED_BENCH = fileURLToPath(new URL('../../../shared/bench/', import.meta.url));
export const QUESTIONNAIRES = `${ROOT}questionnaires/`;
export const PROJECT_ROOT = ROOT;
