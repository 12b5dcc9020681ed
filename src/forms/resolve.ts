// $ref resolution for building a plan: absolute URIs (fetched once through the injected
// resolveRef), local `#/...` pointers and `#anchor`s, and references relative to the nearest
// `$id`. Documents are indexed once for their embedded `$id`s and `$anchor`s.
import { isPlainObject, unescapeSegment } from './pointer.js';
import type { JsonSchema } from './types.js';

export const ROOT_BASE = 'urn:untoc-forms:root';

export interface Resolved {
  schema: unknown;
  base: string;
  /** Absolute URI of the target, the key used to detect recursion. */
  uri: string;
}

export class SchemaResolver {
  private readonly docs = new Map<string, unknown>();
  private readonly anchors = new Map<string, { schema: unknown; base: string }>();

  constructor(
    root: JsonSchema,
    private readonly external: (uri: string) => object,
  ) {
    this.rootBase = typeof root.$id === 'string' ? resolveUri(root.$id, ROOT_BASE) : ROOT_BASE;
    this.addDocument(stripFragment(this.rootBase), root);
  }

  readonly rootBase: string;

  resolve(ref: string, base: string): Resolved | { error: string } {
    const abs = resolveUri(ref, base);
    const hashAt = abs.indexOf('#');
    const docUri = hashAt === -1 ? abs : abs.slice(0, hashAt);
    const fragment = hashAt === -1 ? '' : abs.slice(hashAt + 1);
    let doc = this.docs.get(docUri);
    if (doc === undefined) {
      try {
        doc = this.external(docUri);
      } catch (e) {
        return { error: `cannot resolve ${abs}: ${(e as Error).message}` };
      }
      if (!isPlainObject(doc) && typeof doc !== 'boolean') return { error: `cannot resolve ${abs}` };
      this.addDocument(docUri, doc);
    }
    const docBase = isPlainObject(doc) && typeof doc.$id === 'string' ? resolveUri(doc.$id, docUri) : docUri;
    if (fragment === '') return { schema: doc, base: docBase, uri: docUri };
    if (fragment.startsWith('/')) {
      let cur: unknown = doc;
      let curBase = docBase;
      for (const raw of fragment.slice(1).split('/')) {
        const key = unescapeSegment(decodeURIComponent(raw));
        if (Array.isArray(cur)) cur = cur[Number(key)];
        else if (isPlainObject(cur) && Object.prototype.hasOwnProperty.call(cur, key)) cur = cur[key];
        else return { error: `no ${abs}` };
        if (isPlainObject(cur) && typeof cur.$id === 'string') curBase = resolveUri(cur.$id, curBase);
      }
      return { schema: cur, base: curBase, uri: docUri + '#' + fragment };
    }
    const anchored = this.anchors.get(docUri + '#' + fragment);
    if (!anchored) return { error: `no anchor ${abs}` };
    return { schema: anchored.schema, base: anchored.base, uri: docUri + '#' + fragment };
  }

  private addDocument(uri: string, doc: unknown): void {
    this.docs.set(uri, doc);
    this.index(doc, uri);
  }

  private index(schema: unknown, base: string): void {
    if (Array.isArray(schema)) {
      for (const s of schema) this.index(s, base);
      return;
    }
    if (!isPlainObject(schema)) return;
    let here = base;
    if (typeof schema.$id === 'string') {
      here = resolveUri(schema.$id, base);
      const doc = stripFragment(here);
      if (!this.docs.has(doc)) this.docs.set(doc, schema);
    }
    if (typeof schema.$anchor === 'string') this.anchors.set(stripFragment(here) + '#' + schema.$anchor, { schema, base: here });
    for (const k in schema) {
      // Values of these keywords are data, not schemas.
      if (k === 'const' || k === 'enum' || k === 'default' || k === 'examples' || k.startsWith('x-')) continue;
      const v = schema[k];
      if (typeof v === 'object' && v !== null) this.index(v, here);
    }
  }
}

export function resolveUri(ref: string, base: string): string {
  try {
    return new URL(ref, base).href;
  } catch {
    if (ref.startsWith('#')) return stripFragment(base) + ref;
    return ref;
  }
}

function stripFragment(uri: string): string {
  const i = uri.indexOf('#');
  return i === -1 ? uri : uri.slice(0, i);
}
