// Checks one questionnaire file and compiles it. Every problem is reported with the file,
// a JSON pointer into it and a sentence, so that an author can fix them all in one pass.
import type { ErrorObject, ValidateFunction } from 'ajv';
import { escapeSegment } from '../lib/json-pointer.js';
import { createAjv, ANNOTATION_KEYWORDS, type Ajv } from './ajv.js';
import { bundleQuestionnaire } from './bundle.js';
import { contentHash } from './hash.js';
import type { JsonSchema, SchemaLibrary } from './schemas-dir.js';

export interface QuestionnaireProblem {
  file: string;
  pointer: string;
  problem: string;
}

export interface PageInfo {
  key: string;
  title: string;
  article?: { instrument: string; article: number };
}

export interface CompiledQuestionnaire {
  key: string;
  version: number;
  /** True when the version comes from x-questionnaire; false when it is assigned by content hash. */
  explicitVersion: boolean;
  cluster: string | null;
  title: string;
  instruments: string[];
  hash: string;
  /** The bundled, self-contained schema: what is stored and served. */
  schema: JsonSchema;
  validate: ValidateFunction;
  /**
   * A validator of one page's answers (compiled on first use), for saves that change one
   * page: validating 1 of 40 pages instead of the whole response.
   */
  validatePage(page: string): ValidateFunction;
  pages: PageInfo[];
}

export interface Checker {
  library: SchemaLibrary;
  check(file: string, text: string): { compiled?: CompiledQuestionnaire; problems: QuestionnaireProblem[] };
  compileBundled(schema: JsonSchema, key: string, version: number): CompiledQuestionnaire;
}

export function createChecker(library: SchemaLibrary): Checker {
  const metaAjv = createAjv(library);
  const validateMeta = metaAjv.compile(library.meta);
  const annotationValidators = Object.fromEntries(
    Object.entries(ANNOTATION_KEYWORDS).map(([kw, def]) => [
      kw,
      metaAjv.compile({ $ref: `${String(library.annotations.$id)}#/$defs/${def}` }),
    ]),
  ) as Record<keyof typeof ANNOTATION_KEYWORDS, ValidateFunction>;

  function compileBundled(schema: JsonSchema, key: string, version: number, explicit = true): CompiledQuestionnaire {
    const ajv: Ajv = createAjv(library);
    // Page validators refer into the root by URI, so the root needs one; a schema without
    // $id gets one for this ajv instance only (refs in a bundle are all local).
    const id = typeof schema.$id === 'string' ? schema.$id : `urn:untoc-review:questionnaire:${key}:${version}:${contentHash(schema).slice(0, 16)}`;
    const validate = ajv.compile(typeof schema.$id === 'string' ? schema : { ...schema, $id: id });
    const pageValidators = new Map<string, ValidateFunction>();
    const validatePage = (page: string): ValidateFunction => {
      let v = pageValidators.get(page);
      if (!v) {
        v = ajv.compile({ $ref: `${id}#/properties/${encodeURIComponent(escapeSegment(page))}` });
        pageValidators.set(page, v);
      }
      return v;
    };
    return describe(schema, key, version, explicit, validate, validatePage);
  }

  function check(file: string, text: string) {
    const problems: QuestionnaireProblem[] = [];
    const add = (pointer: string, problem: string) => {
      // The same fault can be found by two checks (meta-schema and annotation walk).
      if (!problems.some((p) => p.pointer === pointer && problem.endsWith(p.problem))) problems.push({ file, pointer, problem });
    };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      add('', `not valid JSON: ${(e as Error).message}`);
      return { problems };
    }
    if (!json || typeof json !== 'object' || Array.isArray(json)) {
      add('', 'a questionnaire must be a JSON object (a JSON Schema)');
      return { problems };
    }
    // Every check runs, so that one pass lists all the problems of a file.
    if (!validateMeta(json)) {
      for (const err of validateMeta.errors ?? []) add(err.instancePath, describeError(err));
    }
    // The 2020-12 meta-schema: catches misspelt types, wrong keyword values, etc.
    if (!metaAjv.validateSchema(json as JsonSchema)) {
      for (const err of metaAjv.errors ?? []) add(err.instancePath, describeError(err));
    }
    const schema = json as JsonSchema;
    walkAnnotations(schema, '', (keyword, value, pointer) => {
      const v = annotationValidators[keyword];
      if (!v(value)) for (const err of v.errors ?? []) add(pointer + err.instancePath, `${keyword}: ${describeError(err)}`);
    });
    if (problems.length) return { problems };

    const meta = schema['x-questionnaire'] as { id?: string; version?: number } | undefined;
    const key = meta?.id ?? file.replace(/^.*\//, '').replace(/\.json$/, '');
    let bundled: JsonSchema;
    try {
      bundled = bundleQuestionnaire(schema, library);
    } catch (e) {
      add('/$defs', (e as Error).message);
      return { problems };
    }
    try {
      const compiled = compileBundled(bundled, key, meta?.version ?? 0, meta?.version !== undefined);
      return { compiled, problems };
    } catch (e) {
      const err = e as Error & { missingRef?: string };
      add('', err.missingRef ? `reference cannot be resolved: ${err.missingRef}` : `schema does not compile: ${err.message}`);
      return { problems };
    }
  }

  return { library, check, compileBundled: (s, k, v) => compileBundled(s, k, v) };
}

function describe(schema: JsonSchema, key: string, version: number, explicit: boolean, validate: ValidateFunction, validatePage: (page: string) => ValidateFunction): CompiledQuestionnaire {
  const meta = (schema['x-questionnaire'] ?? {}) as { cluster?: string; instruments?: string[] };
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const pages: PageInfo[] = Object.entries(props).map(([pageKey, page]) => {
    const article = page['x-article'] as PageInfo['article'];
    return { key: pageKey, title: typeof page.title === 'string' ? page.title : pageKey, ...(article ? { article } : {}) };
  });
  return {
    key,
    version,
    explicitVersion: explicit,
    cluster: meta.cluster ?? null,
    title: typeof schema.title === 'string' ? schema.title : key,
    instruments: meta.instruments ?? [...new Set(pages.flatMap((p) => (p.article ? [p.article.instrument] : [])))],
    hash: contentHash(schema),
    schema,
    validate,
    validatePage,
    pages,
  };
}

function walkAnnotations(
  node: unknown,
  pointer: string,
  visit: (keyword: keyof typeof ANNOTATION_KEYWORDS, value: unknown, pointer: string) => void,
): void {
  if (Array.isArray(node)) {
    node.forEach((n, i) => walkAnnotations(n, `${pointer}/${i}`, visit));
    return;
  }
  if (!node || typeof node !== 'object') return;
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    const child = `${pointer}/${escapeSegment(k)}`;
    if (k in ANNOTATION_KEYWORDS) visit(k as keyof typeof ANNOTATION_KEYWORDS, v, child);
    else walkAnnotations(v, child, visit);
  }
}

function describeError(err: ErrorObject): string {
  const p = err.params as Record<string, unknown>;
  if (err.instancePath.endsWith('/type') && (err.keyword === 'anyOf' || err.keyword === 'enum' || err.keyword === 'type')) {
    return 'must be a JSON Schema type name (array, boolean, integer, null, number, object, string) or a list of them';
  }
  switch (err.keyword) {
    case 'required':
      return `missing required property "${String(p.missingProperty)}"`;
    case 'additionalProperties':
      return `unknown property "${String(p.additionalProperty)}"`;
    case 'enum':
      return `must be one of ${JSON.stringify(p.allowedValues)}`;
    case 'const':
      return `must be ${JSON.stringify(p.allowedValue)}`;
    default:
      return err.message ?? err.keyword;
  }
}
