// Builds, once per questionnaire version, the tree the renderers and parsers walk: refs
// resolved, allOf merged, conditional branches turned into conditional nodes, and a
// renderer chosen for every node. Rendering then never looks at the raw schema again.
import { andSchema, makeCondition } from './condition.js';
import { escapeSegment, isPlainObject } from './pointer.js';
import { defaultRegistry, type RendererRegistry } from './registry.js';
import { SchemaResolver, resolveUri } from './resolve.js';
import { humanize, isIdentifierLike } from './text.js';
import type {
  ArticleAnnotation, ChoiceOption, FormNode, FormPage, FormPlan, JsonSchema, NodeKind, ProvisionAnnotation, Renderer, Variant,
} from './types.js';

export interface PlanOptions {
  registry?: RendererRegistry;
  /** Nodes deeper than this fall back to the JSON textarea. */
  maxDepth?: number;
}

interface Source {
  schema: unknown;
  base: string;
  viaRef: boolean;
  /** The branch condition a conditional property's source came from. */
  cond?: JsonSchema | boolean;
}

interface Contribution {
  schema: JsonSchema;
  base: string;
  viaRef: boolean;
}

interface Flattened {
  contribs: Contribution[];
  followed: string[];
  recursive: boolean;
  unresolved?: string;
  never: boolean;
}

interface BuildState {
  resolver: SchemaResolver;
  registry: RendererRegistry;
  maxDepth: number;
  inlined: WeakMap<object, Map<string, JsonSchema | boolean>>;
}

interface NodeInfo {
  key: string;
  path: string;
  depth: number;
  stack: string[];
  fallbackTitle: string;
}

const UNSET = undefined as unknown as Renderer;

export function buildFormPlan(rootSchema: object, resolveRef: (uri: string) => object, options: PlanOptions = {}): FormPlan {
  const root = rootSchema as JsonSchema;
  const resolver = new SchemaResolver(root, resolveRef);
  const st: BuildState = {
    resolver,
    registry: options.registry ?? defaultRegistry,
    maxDepth: options.maxDepth ?? 12,
    inlined: new WeakMap(),
  };
  const rootDoc = resolver.rootBase.split('#')[0]!;
  const rootNode = buildNode([{ schema: root, base: resolver.rootBase, viaRef: false }], {
    key: '', path: '', depth: 0, stack: [rootDoc], fallbackTitle: typeof root.title === 'string' ? root.title : 'Questionnaire',
  }, st);
  const pages: FormPage[] = (rootNode.properties ?? []).map((node) => ({
    key: node.key,
    pointer: '/' + node.seg,
    title: node.title,
    ...(node.article ? { annotation: node.article } : {}),
    node,
  }));
  return {
    root: rootNode,
    pages,
    pageByKey: new Map(pages.map((p) => [p.key, p])),
    fieldCount: countFields(rootNode),
    ...(typeof root.title === 'string' ? { title: root.title } : {}),
    ...(typeof root.description === 'string' ? { description: root.description } : {}),
  };
}

/** Controls in a subtree: leaves count once, whatever they hold (a checkbox group is one field). */
function countFields(node: FormNode): number {
  if (node.renderer.leaf) return 1;
  let n = 0;
  for (const c of node.properties ?? []) n += countFields(c);
  for (const v of node.variants ?? []) for (const c of v.node.properties ?? []) if (c.key !== v.discriminator?.key) n += countFields(c);
  if (node.items) n += countFields(node.items);
  return n;
}

function flatten(sources: Source[], stack: string[], st: BuildState): Flattened {
  const out: Flattened = { contribs: [], followed: [], recursive: false, never: false };
  const visit = (schema: unknown, base: string, viaRef: boolean, chain: string[]): void => {
    if (schema === false) {
      out.never = true;
      return;
    }
    if (!isPlainObject(schema)) return;
    if (typeof schema.$id === 'string') base = resolveUri(schema.$id, base);
    out.contribs.push({ schema, base, viaRef });
    const ref = typeof schema.$ref === 'string' ? schema.$ref : typeof schema.$dynamicRef === 'string' ? schema.$dynamicRef : undefined;
    if (ref !== undefined) {
      const r = st.resolver.resolve(ref, base);
      if ('error' in r) out.unresolved = r.error;
      else if (stack.includes(r.uri) || chain.includes(r.uri)) out.recursive = true;
      else {
        out.followed.push(r.uri);
        visit(r.schema, r.base, true, [...chain, r.uri]);
      }
    }
    if (Array.isArray(schema.allOf)) for (const member of schema.allOf) visit(member, base, viaRef, chain);
  };
  for (const s of sources) visit(s.schema, s.base, s.viaRef, []);
  return out;
}

function buildNode(sources: Source[], info: NodeInfo, st: BuildState): FormNode {
  const f = flatten(sources, info.stack, st);
  const cs = f.contribs;
  const { title, description } = pickText(cs);
  const merged: JsonSchema = {};
  for (let i = cs.length - 1; i >= 0; i--) Object.assign(merged, cs[i]!.schema);
  delete merged.$ref;
  delete merged.allOf;
  const node: FormNode = {
    key: info.key,
    seg: escapeSegment(info.key),
    path: info.path,
    depth: info.depth,
    kind: 'any',
    title: title ?? info.fallbackTitle,
    required: false,
    readOnly: cs.some((c) => c.schema.readOnly === true),
    schema: merged,
    renderer: UNSET,
  };
  if (description !== undefined) node.description = description;
  const withDefault = cs.find((c) => 'default' in c.schema);
  if (withDefault) node.default = withDefault.schema.default;
  const provision = firstKeyword(cs, 'x-provision');
  if (isProvision(provision)) node.provision = provision;
  const article = firstKeyword(cs, 'x-article');
  if (isArticle(article)) node.article = article;

  if (f.recursive) {
    node.recursive = true;
    node.unsupported = 'recursive reference';
  } else if (f.unresolved !== undefined) node.unsupported = f.unresolved;
  else if (f.never) node.unsupported = 'a schema that accepts nothing';
  else if (info.depth > st.maxDepth) node.unsupported = 'nested too deeply';
  else classify(node, cs, { ...info, stack: info.stack.concat(f.followed) }, st);

  node.renderer = st.registry.select(node);
  return node;
}

function classify(node: FormNode, cs: Contribution[], info: NodeInfo, st: BuildState): void {
  collectConstraints(node, cs);
  let types = intersectTypes(cs);
  if (types !== undefined && types.length === 0) {
    node.unsupported = 'contradictory types';
    return;
  }
  let variantAlts: Source[] | undefined;

  const enumOwner = cs.find((c) => Array.isArray(c.schema.enum));
  const constOwner = cs.find((c) => 'const' in c.schema);
  if (enumOwner) node.options = (enumOwner.schema.enum as unknown[]).map((v) => option(v, valueLabel(v)));
  else if (constOwner) node.options = [option(constOwner.schema.const, valueLabel(constOwner.schema.const))];

  const altOwner = cs.find((c) => Array.isArray(c.schema.oneOf)) ?? cs.find((c) => Array.isArray(c.schema.anyOf));
  if (!node.options && altOwner) {
    const list = (Array.isArray(altOwner.schema.oneOf) ? altOwner.schema.oneOf : altOwner.schema.anyOf) as unknown[];
    const alts = list.map((schema) => ({ source: { schema, base: altOwner.base, viaRef: false }, flat: flatten([{ schema, base: altOwner.base, viaRef: false }], info.stack, st) }));
    const consts = alts.map((a) => a.flat.contribs.find((c) => 'const' in c.schema));
    if (alts.length > 0 && consts.every((c) => c !== undefined)) {
      node.options = alts.map((a, i) => {
        const text = pickText(a.flat.contribs);
        const value = consts[i]!.schema.const;
        return option(value, text.title ?? valueLabel(value), text.description);
      });
    } else {
      const nonNull = alts.filter((a) => !isNullSchema(a.flat.contribs));
      if (nonNull.length === 1 && nonNull.length < alts.length) {
        // `anyOf: [X, {type: null}]`: a nullable X.
        cs = cs.concat(nonNull[0]!.flat.contribs);
        collectConstraints(node, cs);
        types = intersectTypes(cs);
      } else if (alts.some((a) => isObjectShaped(a.flat.contribs))) {
        variantAlts = alts.map((a) => a.source);
      }
      // Otherwise the alternatives only constrain (e.g. oneOf of `required` lists): validation handles them.
    }
  }

  let kind: NodeKind | undefined;
  if (types !== undefined) {
    if (types.length > 1) {
      node.unsupported = `a union of types (${types.join(', ')})`;
      return;
    }
    kind = types[0] as NodeKind;
  } else kind = inferKind(cs, node.options, variantAlts !== undefined);
  node.kind = kind;

  if (kind === 'object') {
    buildObject(node, cs, info, st, variantAlts);
    if ((node.properties?.length ?? 0) === 0 && !node.variants) node.unsupported = 'an object without named properties';
  } else if (kind === 'array') {
    const itemsOwner = cs.find((c) => c.schema.items !== undefined || c.schema.prefixItems !== undefined);
    if (!itemsOwner) node.unsupported = 'an array without an items schema';
    else if (itemsOwner.schema.prefixItems !== undefined) node.unsupported = 'an array with prefixItems';
    else if (itemsOwner.schema.items === false) node.unsupported = 'an array that accepts no items';
    else {
      node.items = buildNode([{ schema: itemsOwner.schema.items, base: itemsOwner.base, viaRef: false }], {
        key: '', path: node.path + '/*', depth: node.depth + 1, stack: info.stack, fallbackTitle: node.title,
      }, st);
    }
  } else if (kind === 'any' && !node.options) {
    node.unsupported = 'an answer of any type';
  }
}

interface PropAcc {
  key: string;
  sources: Source[];
  conditional: boolean;
  conds: (JsonSchema | boolean)[];
}

function buildObject(node: FormNode, cs: Contribution[], info: NodeInfo, st: BuildState, variantAlts: Source[] | undefined): void {
  const acc = new Map<string, PropAcc>();
  const required = new Set<string>();
  const requiredWhen = new Map<string, (JsonSchema | boolean)[]>();
  const followed: string[] = [];

  const ensure = (key: string, conditional: boolean): PropAcc => {
    let a = acc.get(key);
    if (!a) acc.set(key, (a = { key, sources: [], conditional, conds: [] }));
    return a;
  };
  const requireWhen = (key: string, cond: JsonSchema | boolean): void => {
    const list = requiredWhen.get(key) ?? [];
    if (!list.includes(cond)) list.push(cond);
    requiredWhen.set(key, list);
  };

  for (const c of cs) {
    if (isPlainObject(c.schema.properties)) {
      for (const k in c.schema.properties) ensure(k, false).sources.push({ schema: c.schema.properties[k], base: c.base, viaRef: false });
    }
    if (Array.isArray(c.schema.required)) for (const k of c.schema.required) if (typeof k === 'string') required.add(k);
  }

  const branch = (schema: unknown, base: string, cond: JsonSchema | boolean): void => {
    const fb = flatten([{ schema, base, viaRef: false }], info.stack, st);
    followed.push(...fb.followed);
    for (const b of fb.contribs) {
      if (isPlainObject(b.schema.properties)) {
        for (const k in b.schema.properties) {
          const existing = acc.get(k);
          if (existing && !existing.conditional) continue; // a branch refining an always-present property
          const a = existing ?? ensure(k, true);
          if (!a.conds.includes(cond)) a.conds.push(cond);
          a.sources.push({ schema: b.schema.properties[k], base: b.base, viaRef: false, cond });
        }
      }
      if (Array.isArray(b.schema.required)) for (const k of b.schema.required) if (typeof k === 'string') requireWhen(k, cond);
      conditionals(b, cond);
    }
  };
  const conditionals = (c: Contribution, outer: JsonSchema | boolean | null): void => {
    const s = c.schema;
    if (s.if !== undefined) {
      const ifSchema = inline(s.if, c.base, st);
      if (s.then !== undefined) branch(s.then, c.base, andSchema(outer, ifSchema));
      if (s.else !== undefined) branch(s.else, c.base, andSchema(outer, { not: ifSchema }));
    }
    if (isPlainObject(s.dependentSchemas)) {
      for (const k in s.dependentSchemas) branch(s.dependentSchemas[k], c.base, andSchema(outer, { required: [k] }));
    }
    if (isPlainObject(s.dependentRequired)) {
      for (const k in s.dependentRequired) {
        const deps = s.dependentRequired[k];
        if (Array.isArray(deps)) for (const d of deps) if (typeof d === 'string') requireWhen(d, andSchema(outer, { required: [k] }));
      }
    }
  };
  for (const c of cs) conditionals(c, null);

  const childInfo = (key: string, seg: string): NodeInfo => ({
    key, path: node.path + '/' + seg, depth: node.depth + 1, stack: info.stack.concat(followed), fallbackTitle: humanize(key),
  });
  const children: FormNode[] = [];
  const conditional: FormNode[] = [];
  for (const a of acc.values()) {
    const child = buildNode(a.sources, childInfo(a.key, escapeSegment(a.key)), st);
    child.required = required.has(a.key);
    const rw = requiredWhen.get(a.key);
    // Required by the very branches that ask it: required whenever it is shown.
    if (rw && a.conditional && a.conds.every((c) => rw.includes(c))) child.required = true;
    if (rw && !child.required) child.requiredWhen = makeCondition(rw.length === 1 ? rw[0]! : { anyOf: rw });
    if (a.conditional) {
      child.condition = makeCondition(a.conds.length === 1 ? a.conds[0]! : { anyOf: a.conds });
      if (a.conds.length > 1) {
        const texts = a.conds.map((cond) => {
          const src = a.sources.find((s) => s.cond === cond && isPlainObject(s.schema) && typeof s.schema.description === 'string');
          return { condition: makeCondition(cond), text: src ? String((src.schema as JsonSchema).description) : child.description };
        });
        if (new Set(texts.map((t) => t.text)).size > 1) {
          child.descriptionWhen = texts.filter((t): t is { condition: typeof t.condition; text: string } => t.text !== undefined);
        }
      }
      conditional.push(child);
    } else children.push(child);
  }
  // A conditional property goes right after the last sibling its condition reads, the
  // way a revealed question follows the answer that reveals it.
  for (const child of conditional) {
    let at = -1;
    for (const f of child.condition!.fields) {
      const i = children.findIndex((c) => c.key === f);
      if (i > at) at = i;
    }
    if (at === -1) children.push(child);
    else {
      let insert = at + 1;
      while (insert < children.length && children[insert]!.condition?.fields.includes(children[at]!.key)) insert++;
      children.splice(insert, 0, child);
    }
  }
  node.properties = children;
  node.childByKey = new Map(children.map((c) => [c.key, c]));

  if (variantAlts) {
    node.variants = variantAlts.map((alt, i): Variant => {
      const vnode = buildNode([alt], { ...info, fallbackTitle: `Option ${i + 1}` }, st);
      const variant: Variant = { node: vnode, match: inline(alt.schema, alt.base, st) };
      const text = pickText(flatten([alt], info.stack, st).contribs);
      if (text.title !== undefined) variant.title = text.title;
      const disc = vnode.properties?.find((p) => p.options?.length === 1 && 'const' in p.schema);
      if (disc) variant.discriminator = { key: disc.key, value: disc.options![0]!.value };
      return variant;
    });
  }
}

// ---------------------------------------------------------------------------------------

function pickText(cs: Contribution[]): { title?: string; description?: string } {
  let title: string | undefined;
  for (const c of cs) {
    const t = c.schema.title;
    if (typeof t === 'string' && t.trim() !== '' && !(c.viaRef && isIdentifierLike(t))) {
      title = t;
      break;
    }
  }
  let description: string | undefined;
  for (const c of cs) {
    const d = c.schema.description;
    // A referenced definition's description documents the definition (for developers and
    // the generated types); the hint of a question is written where the question refers to it.
    if (typeof d === 'string' && d.trim() !== '' && !c.viaRef) {
      description = d;
      break;
    }
  }
  return { ...(title !== undefined ? { title } : {}), ...(description !== undefined ? { description } : {}) };
}

/** A label for an enum value without a title: `yes_in_part` → "Yes in part". */
function valueLabel(value: unknown): string {
  if (typeof value !== 'string') return JSON.stringify(value);
  const words = value.replace(/_/g, ' ').trim();
  return words === '' ? value : words.charAt(0).toUpperCase() + words.slice(1);
}

function option(value: unknown, label: string, description?: string): ChoiceOption {
  const o: ChoiceOption = { value, key: typeof value === 'string' ? value : JSON.stringify(value), label };
  if (description !== undefined) o.description = description;
  return o;
}

function firstKeyword(cs: Contribution[], keyword: string): unknown {
  for (const c of cs) if (c.schema[keyword] !== undefined) return c.schema[keyword];
  return undefined;
}

function isProvision(v: unknown): v is ProvisionAnnotation {
  return isPlainObject(v) && typeof v.instrument === 'string' && typeof v.article === 'number' && typeof v.paragraph === 'string' && typeof v.obligation === 'string';
}

function isArticle(v: unknown): v is ArticleAnnotation {
  return isPlainObject(v) && typeof v.instrument === 'string' && typeof v.article === 'number';
}

function collectConstraints(node: FormNode, cs: Contribution[]): void {
  for (const c of cs) {
    const s = c.schema;
    if (node.format === undefined && typeof s.format === 'string') node.format = s.format;
    if (node.pattern === undefined && typeof s.pattern === 'string') node.pattern = s.pattern;
    if (typeof s.maxLength === 'number') node.maxLength = Math.min(node.maxLength ?? Infinity, s.maxLength);
    if (typeof s.minLength === 'number') node.minLength = Math.max(node.minLength ?? 0, s.minLength);
    if (typeof s.maxItems === 'number') node.maxItems = Math.min(node.maxItems ?? Infinity, s.maxItems);
    if (typeof s.minItems === 'number') node.minItems = Math.max(node.minItems ?? 0, s.minItems);
    if (typeof s.minimum === 'number') node.minimum = Math.max(node.minimum ?? -Infinity, s.minimum);
    if (typeof s.maximum === 'number') node.maximum = Math.min(node.maximum ?? Infinity, s.maximum);
    if (s.uniqueItems === true) node.uniqueItems = true;
  }
}

const ALL_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'];

function intersectTypes(cs: Contribution[]): string[] | undefined {
  let set: string[] | undefined;
  for (const c of cs) {
    const t = c.schema.type;
    if (t === undefined) continue;
    let list = (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string' && ALL_TYPES.includes(x));
    if (list.includes('number') && !list.includes('integer')) list = [...list, 'integer'];
    if (set === undefined) set = list;
    else {
      const prev: string[] = set;
      set = list.filter((x) => prev.includes(x));
    }
  }
  if (set === undefined) return undefined;
  if (set.includes('number') && set.includes('integer')) set = set.filter((x) => x !== 'integer');
  if (set.length > 1 && set.includes('null')) set = set.filter((x) => x !== 'null');
  return set;
}

function inferKind(cs: Contribution[], options: ChoiceOption[] | undefined, hasVariants: boolean): NodeKind {
  if (options && options.length > 0) {
    const kinds = new Set(options.map((o) => (o.value === null ? 'null' : typeof o.value)));
    if (kinds.size === 1) {
      const k = [...kinds][0]!;
      if (k === 'string' || k === 'boolean' || k === 'null') return k;
      if (k === 'number') return options.every((o) => Number.isInteger(o.value)) ? 'integer' : 'number';
    }
    return 'any';
  }
  const has = (...kws: string[]): boolean => cs.some((c) => kws.some((k) => c.schema[k] !== undefined));
  if (hasVariants || has('properties', 'required', 'additionalProperties', 'patternProperties', 'dependentSchemas', 'dependentRequired', 'minProperties', 'unevaluatedProperties')) return 'object';
  if (has('items', 'prefixItems', 'minItems', 'maxItems', 'uniqueItems', 'contains')) return 'array';
  if (has('maxLength', 'minLength', 'pattern', 'format')) return 'string';
  if (has('minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf')) return 'number';
  return 'any';
}

function isNullSchema(cs: Contribution[]): boolean {
  return cs.length > 0 && cs.every((c) => c.schema.type === 'null' || c.schema.const === null || Object.keys(c.schema).every((k) => k === 'title' || k === 'description'));
}

function isObjectShaped(cs: Contribution[]): boolean {
  return cs.some((c) => c.schema.type === 'object' || isPlainObject(c.schema.properties));
}

// ---------------------------------------------------------------------------------------
// Condition and variant schemas are evaluated on live data, so their refs are inlined once.

const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'dependentSchemas']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SCHEMA_ONE = new Set(['not', 'if', 'then', 'else', 'items', 'contains', 'additionalProperties', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties']);

function inline(schema: unknown, base: string, st: BuildState, seen: string[] = [], depth = 0): JsonSchema | boolean {
  if (typeof schema === 'boolean') return schema;
  if (!isPlainObject(schema) || depth > 24) return true;
  let cache = st.inlined.get(schema);
  const cached = seen.length === 0 ? cache?.get(base) : undefined;
  if (cached !== undefined) return cached;
  if (typeof schema.$id === 'string') base = resolveUri(schema.$id, base);
  const out: JsonSchema = {};
  const extra: (JsonSchema | boolean)[] = [];
  for (const k in schema) {
    const v = schema[k];
    if (k === '$ref' || k === '$dynamicRef') {
      if (typeof v !== 'string') continue;
      const r = st.resolver.resolve(v, base);
      if (!('error' in r) && !seen.includes(r.uri)) extra.push(inline(r.schema, r.base, st, [...seen, r.uri], depth + 1));
    } else if (k === '$defs' || k === 'definitions') {
      continue;
    } else if (SCHEMA_MAPS.has(k) && isPlainObject(v)) {
      const m: JsonSchema = {};
      for (const p in v) m[p] = inline(v[p], base, st, seen, depth + 1);
      out[k] = m;
    } else if (SCHEMA_LISTS.has(k) && Array.isArray(v)) {
      out[k] = v.map((x) => inline(x, base, st, seen, depth + 1));
    } else if (SCHEMA_ONE.has(k)) {
      out[k] = inline(v, base, st, seen, depth + 1);
    } else out[k] = v;
  }
  if (extra.length > 0) out.allOf = [...extra, ...((out.allOf as (JsonSchema | boolean)[] | undefined) ?? [])];
  if (seen.length === 0) {
    if (!cache) st.inlined.set(schema, (cache = new Map()));
    cache.set(base, out);
  }
  return out;
}

