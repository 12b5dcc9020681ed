// A small JSON Schema evaluator for the conditions of if/then/else and dependent branches.
// It is written here rather than delegated to ajv because it runs on every render and
// prune, per object, on partial data; the keywords questionnaires use in conditions
// (properties with const/enum/type, required, not, allOf/anyOf/oneOf) plus the common
// value constraints are covered. Keywords outside the subset are treated as satisfied,
// so an unusual condition shows a branch rather than hiding answers.
import { escapeSegment, isPlainObject, own } from './pointer.js';
import type { ClientCondition, Condition, JsonSchema, RelativeClientCondition } from './types.js';

export function evaluate(schema: unknown, data: unknown): boolean {
  if (schema === true || schema === undefined) return true;
  if (schema === false) return false;
  if (!isPlainObject(schema)) return true;
  const s = schema;
  if (s.type !== undefined && !matchesType(s.type, data)) return false;
  if ('const' in s && !deepEqual(s.const, data)) return false;
  if (Array.isArray(s.enum) && !s.enum.some((v) => deepEqual(v, data))) return false;
  if (s.not !== undefined && evaluate(s.not, data)) return false;
  if (Array.isArray(s.allOf) && !s.allOf.every((sub) => evaluate(sub, data))) return false;
  if (Array.isArray(s.anyOf) && !s.anyOf.some((sub) => evaluate(sub, data))) return false;
  if (Array.isArray(s.oneOf) && s.oneOf.filter((sub) => evaluate(sub, data)).length !== 1) return false;
  if (s.if !== undefined) {
    const branch = evaluate(s.if, data) ? s.then : s.else;
    if (branch !== undefined && !evaluate(branch, data)) return false;
  }
  if (isPlainObject(data)) {
    if (Array.isArray(s.required) && !s.required.every((k) => typeof k === 'string' && own(data, k) !== undefined)) return false;
    if (isPlainObject(s.properties)) {
      for (const k in s.properties) {
        const v = own(data, k);
        if (v !== undefined && !evaluate(s.properties[k], v)) return false;
      }
    }
    if (typeof s.minProperties === 'number' && Object.keys(data).length < s.minProperties) return false;
    if (isPlainObject(s.dependentRequired)) {
      for (const k in s.dependentRequired) {
        const deps = s.dependentRequired[k];
        if (own(data, k) !== undefined && Array.isArray(deps) && !deps.every((d) => typeof d === 'string' && own(data, d) !== undefined)) return false;
      }
    }
  } else if (typeof data === 'string') {
    if (typeof s.minLength === 'number' && [...data].length < s.minLength) return false;
    if (typeof s.maxLength === 'number' && [...data].length > s.maxLength) return false;
    if (typeof s.pattern === 'string' && !safeRegExp(s.pattern)?.test(data)) return false;
  } else if (typeof data === 'number') {
    if (typeof s.minimum === 'number' && data < s.minimum) return false;
    if (typeof s.maximum === 'number' && data > s.maximum) return false;
    if (typeof s.exclusiveMinimum === 'number' && data <= s.exclusiveMinimum) return false;
    if (typeof s.exclusiveMaximum === 'number' && data >= s.exclusiveMaximum) return false;
  } else if (Array.isArray(data)) {
    if (typeof s.minItems === 'number' && data.length < s.minItems) return false;
    if (typeof s.maxItems === 'number' && data.length > s.maxItems) return false;
    if (s.items !== undefined && typeof s.items !== 'boolean' && !data.every((v) => evaluate(s.items, v))) return false;
    if (s.contains !== undefined && !data.some((v) => evaluate(s.contains, v))) return false;
  }
  return true;
}

function matchesType(type: unknown, data: unknown): boolean {
  if (Array.isArray(type)) return type.some((t) => matchesType(t, data));
  switch (type) {
    case 'string': return typeof data === 'string';
    case 'number': return typeof data === 'number' && Number.isFinite(data);
    case 'integer': return typeof data === 'number' && Number.isInteger(data);
    case 'boolean': return typeof data === 'boolean';
    case 'null': return data === null;
    case 'array': return Array.isArray(data);
    case 'object': return isPlainObject(data);
    default: return true;
  }
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

const regexCache = new Map<string, RegExp | null>();
function safeRegExp(pattern: string): RegExp | null {
  let re = regexCache.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(pattern, 'u');
    } catch {
      re = null;
    }
    regexCache.set(pattern, re);
  }
  return re;
}

// ---------------------------------------------------------------------------------------
// Conditions as the plan stores them.

export function makeCondition(schema: JsonSchema | boolean): Condition {
  const fields = new Set<string>();
  collectFields(schema, fields);
  const client = compileClient(schema, []);
  return { schema, client: client === true ? { allOf: [] } : client, fields: [...fields] };
}

export function holds(condition: Condition | undefined, parentValue: unknown): boolean {
  if (!condition) return true;
  return evaluate(condition.schema, parentValue === undefined ? {} : parentValue);
}

export function andSchema(outer: JsonSchema | boolean | null, inner: JsonSchema | boolean): JsonSchema | boolean {
  return outer === null ? inner : { allOf: [outer, inner] };
}

function collectFields(schema: unknown, out: Set<string>): void {
  if (!isPlainObject(schema)) return;
  if (isPlainObject(schema.properties)) for (const k in schema.properties) out.add(k);
  if (Array.isArray(schema.required)) for (const k of schema.required) if (typeof k === 'string') out.add(k);
  for (const kw of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = schema[kw];
    if (Array.isArray(list)) for (const sub of list) collectFields(sub, out);
  }
  if (schema.not !== undefined) collectFields(schema.not, out);
}

const IGNORED = new Set(['title', 'description', '$comment', 'examples', 'default', '$id', '$schema', '$anchor']);

/** Compiles a condition to the browser subset; true = always holds, null = outside the subset. */
function compileClient(schema: unknown, path: string[]): RelativeClientCondition | true | null {
  if (schema === true) return true;
  if (!isPlainObject(schema)) return null;
  const parts: RelativeClientCondition[] = [];
  const push = (c: RelativeClientCondition | true | null): boolean => {
    if (c === null) return false;
    if (c !== true) parts.push(c);
    return true;
  };
  for (const kw in schema) {
    const v = schema[kw];
    if (IGNORED.has(kw)) continue;
    if (kw === 'properties' && isPlainObject(v)) {
      for (const k in v) if (!push(compileProperty([...path, k], v[k]))) return null;
    } else if (kw === 'required' && Array.isArray(v)) {
      for (const k of v) if (typeof k !== 'string' || !push({ path: [...path, k], present: true })) return null;
    } else if (kw === 'not') {
      const c = compileClient(v, path);
      if (c === null || c === true) return null;
      parts.push({ not: c });
    } else if ((kw === 'allOf' || kw === 'anyOf') && Array.isArray(v)) {
      const list: RelativeClientCondition[] = [];
      let always = false;
      for (const sub of v) {
        const c = compileClient(sub, path);
        if (c === null) return null;
        if (c === true) always = true;
        else list.push(c);
      }
      if (kw === 'anyOf' && always) continue;
      parts.push(kw === 'allOf' ? { allOf: list } : { anyOf: list });
    } else if (kw === 'type' && v === 'object') {
      continue;
    } else {
      return null;
    }
  }
  if (parts.length === 0) return true;
  return parts.length === 1 ? parts[0]! : { allOf: parts };
}

function compileProperty(path: string[], schema: unknown): RelativeClientCondition | true | null {
  if (schema === true) return true;
  if (!isPlainObject(schema)) return null;
  if ('const' in schema) return { path, const: schema.const };
  if (Array.isArray(schema.enum)) return { path, enum: schema.enum };
  if (isPlainObject(schema.properties) || Array.isArray(schema.required)) return compileClient(schema, path);
  const keys = Object.keys(schema).filter((k) => !IGNORED.has(k));
  return keys.length === 0 ? true : null;
}

/** The browser condition with absolute input names, as the `data-condition` attribute carries it. */
export function clientConditionJson(cond: RelativeClientCondition, scope: string): string {
  return JSON.stringify(absolute(cond, scope));
}

function absolute(c: RelativeClientCondition, scope: string): ClientCondition {
  if ('not' in c) return { not: absolute(c.not, scope) };
  if ('allOf' in c) return { allOf: c.allOf.map((x) => absolute(x, scope)) };
  if ('anyOf' in c) return { anyOf: c.anyOf.map((x) => absolute(x, scope)) };
  const field = scope + '/' + c.path.map(escapeSegment).join('/');
  if ('present' in c) return { field, present: true };
  if ('enum' in c) return { field, enum: c.enum };
  return { field, const: c.const };
}
