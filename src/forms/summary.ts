// Progress per page and field-by-field differences between two versions of the answers.
import { deepEqual, holds } from './condition.js';
import { visiblePages } from './render.js';
import { isAnswered, isPlainObject, own } from './pointer.js';
import type { FormNode, FormPlan } from './types.js';

export interface PageProgress {
  key: string;
  /** Questions on the page that have an answer. */
  answered: number;
  /** Questions on the page: its direct properties that are currently asked and editable. */
  total: number;
  /** Fields of the page with an error message. */
  errors: number;
}

export function pageProgress(plan: FormPlan, data: unknown, errors: Map<string, string[]> = new Map()): PageProgress[] {
  const root = isPlainObject(data) ? data : undefined;
  const errorPointers = [...errors.keys()];
  return visiblePages(plan, data).map((page) => {
    const value = root === undefined ? undefined : own(root, page.key);
    const node = page.node;
    let answered = 0;
    let total = 0;
    if (node.kind === 'object' && node.properties && !node.renderer.leaf) {
      const obj = isPlainObject(value) ? value : undefined;
      for (const q of node.properties) {
        if (q.readOnly || !holds(q.condition, obj)) continue;
        total++;
        if (obj !== undefined && isAnswered(own(obj, q.key))) answered++;
      }
    } else {
      total = 1;
      answered = isAnswered(value) ? 1 : 0;
    }
    const prefix = page.pointer + '/';
    const errorCount = errorPointers.filter((p) => p === page.pointer || p.startsWith(prefix)).length;
    return { key: page.key, answered, total, errors: errorCount };
  });
}

export interface FieldDiff {
  pointer: string;
  /** The field's own label (with its row number inside a list). */
  label: string;
  /** Labels from the page down to the field, for context. */
  path: string[];
  before: unknown;
  after: unknown;
}

/** Leaf values that differ between two versions of the answers, in questionnaire order. */
export function diffData(plan: FormPlan, a: unknown, b: unknown): FieldDiff[] {
  const out: FieldDiff[] = [];
  walk(plan.root, a, b, '', [], undefined, out);
  return out;
}

function walk(node: FormNode, a: unknown, b: unknown, pointer: string, path: string[], rowLabel: string | undefined, out: FieldDiff[]): void {
  if (a === b) return;
  const label = rowLabel ?? node.title;
  const structured = !node.renderer.leaf && ((node.kind === 'object' && (isPlainObject(a) || a === undefined) && (isPlainObject(b) || b === undefined))
    || (node.kind === 'array' && node.items !== undefined && (Array.isArray(a) || a === undefined) && (Array.isArray(b) || b === undefined)));
  if (!structured) {
    if (!deepEqual(a, b)) out.push({ pointer, label, path: [...path, label], before: a, after: b });
    return;
  }
  const here = pointer === '' ? path : [...path, label];
  if (node.kind === 'array') {
    const ra = (a ?? []) as unknown[];
    const rb = (b ?? []) as unknown[];
    const items = node.items!;
    for (let i = 0; i < Math.max(ra.length, rb.length); i++) {
      walk(items, ra[i], rb[i], `${pointer}/${i}`, here, `${items.title} ${i + 1}`, out);
    }
    return;
  }
  const oa = a as Record<string, unknown> | undefined;
  const ob = b as Record<string, unknown> | undefined;
  const children = [...(node.properties ?? [])];
  for (const v of node.variants ?? []) for (const p of v.node.properties ?? []) if (!children.some((c) => c.key === p.key)) children.push(p);
  for (const child of children) {
    walk(child, oa === undefined ? undefined : own(oa, child.key), ob === undefined ? undefined : own(ob, child.key), `${pointer}/${child.seg}`, here, undefined, out);
  }
}
