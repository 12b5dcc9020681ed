// Removes answers the questionnaire no longer asks for: properties of branches whose
// condition is false (e.g. an explanation left over after the status changed to Yes) and
// properties of variants other than the chosen one. Run before validation and storage.
import { holds } from './condition.js';
import { getPage } from './render.js';
import { assignKey, isPlainObject, own } from './pointer.js';
import { variantIndex } from './renderers/variants.js';
import type { FormNode, FormPlan } from './types.js';

export function prune(plan: FormPlan, data: unknown): unknown {
  return pruneNode(plan.root, data);
}

/** Prunes the answers of one page (the value of `data[pageKey]`). */
export function prunePage(plan: FormPlan, pageKey: string, value: unknown): unknown {
  return pruneNode(getPage(plan, pageKey).node, value);
}

function pruneNode(node: FormNode, value: unknown): unknown {
  if (value === undefined || node.renderer.leaf) return value;
  if (node.kind === 'array' && node.items && Array.isArray(value)) {
    const items = node.items;
    let changed = false;
    const out = value.map((v) => {
      const p = pruneNode(items, v);
      if (p !== v) changed = true;
      return p;
    });
    return changed ? out : value;
  }
  if (!node.properties || !isPlainObject(value)) return value;
  let out = value;
  const copy = (): Record<string, unknown> => (out === value ? (out = { ...value }) : out);

  // Removing one answer can close another branch that depends on it, so repeat until stable.
  for (let pass = 0, removed = true; removed && pass <= node.properties.length; pass++) {
    removed = false;
    for (const child of node.properties) {
      if (child.condition && own(out, child.key) !== undefined && !holds(child.condition, out)) {
        delete copy()[child.key];
        removed = true;
      }
    }
  }
  const children: FormNode[] = [...node.properties];
  if (node.variants) {
    const chosen = variantIndex(node, out);
    const keep = new Set(children.map((c) => c.key));
    if (chosen >= 0) for (const p of node.variants[chosen]!.node.properties ?? []) { keep.add(p.key); children.push(p); }
    for (const v of node.variants) {
      for (const p of v.node.properties ?? []) if (!keep.has(p.key) && own(out, p.key) !== undefined) delete copy()[p.key];
    }
  }
  for (const child of children) {
    const v = own(out, child.key);
    if (v === undefined) continue;
    const p = pruneNode(child, v);
    if (p !== v) assignKey(copy(), child.key, p);
  }
  return out;
}
