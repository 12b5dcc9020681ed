// JSON pointers (RFC 6901) are the names of the inputs and the keys of the error map, so
// the post, the data and the messages line up without a lookup table.

import { escapeSegment, unescapeSegment } from '../lib/json-pointer.js';

export { escapeSegment, unescapeSegment };

/** Raw (unescaped) keys of a pointer; '' gives []. */
export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map(unescapeSegment);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const hasOwn = Object.prototype.hasOwnProperty;

/** An own property of a data object (never one inherited from Object.prototype). */
export function own(obj: Record<string, unknown>, key: string): unknown {
  return hasOwn.call(obj, key) ? obj[key] : undefined;
}

/** Sets a data key, `__proto__` included, as an own property. */
export function assignKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

export function getAt(data: unknown, pointer: string): unknown {
  let cur = data;
  for (const key of splitPointer(pointer)) {
    if (Array.isArray(cur)) cur = cur[Number(key)];
    else if (isPlainObject(cur)) cur = own(cur, key);
    else return undefined;
  }
  return cur;
}

/** Returns a copy of `data` with `value` at `pointer` (undefined deletes), creating objects on the way. */
export function setAt(data: unknown, pointer: string, value: unknown): unknown {
  return setKeys(data, splitPointer(pointer), 0, value);
}

function setKeys(cur: unknown, keys: string[], i: number, value: unknown): unknown {
  if (i === keys.length) return value;
  const key = keys[i]!;
  if (Array.isArray(cur) && /^\d+$/.test(key)) {
    const copy = cur.slice();
    copy[Number(key)] = setKeys(copy[Number(key)], keys, i + 1, value);
    return copy;
  }
  const copy: Record<string, unknown> = isPlainObject(cur) ? { ...cur } : {};
  const next = setKeys(own(copy, key), keys, i + 1, value);
  if (next === undefined) delete copy[key];
  else assignKey(copy, key, next);
  return copy;
}

/**
 * A deterministic HTML id for a pointer: `f` and 46 bits of a hash of the pointer in base 36
 * (at most 10 characters; two of 3,000 fields share one with a chance of 1 in 15 million). Ids appear three times per field (id, label `for`,
 * aria-describedby); readable pointer-shaped ids made a filled 1,500-field form 20% larger.
 * Suffixes (`--hint`, `--error`, `--2` for further options) cannot clash: ids have no `-`.
 */
export function fieldId(pointer: string): string {
  let id = idCache.get(pointer);
  if (id === undefined) {
    id = 'f' + (hash53(pointer) % 2 ** 46).toString(36);
    if (idCache.size > 100_000) idCache.clear();
    idCache.set(pointer, id);
  }
  return id;
}

const idCache = new Map<string, string>();

// cyrb53 (public domain): a fast string hash with 53 well-mixed bits.
function hash53(s: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** An answer counts as given when it holds something other than empty strings, arrays and objects. */
export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.some(isAnswered);
  if (isPlainObject(value)) {
    for (const k in value) if (isAnswered(value[k])) return true;
    return false;
  }
  return true;
}
