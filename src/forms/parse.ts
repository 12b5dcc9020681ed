// A form post back to typed JSON, by the schema: numbers and booleans typed, rows
// renumbered, empty answers absent. Unknown names are ignored. Values that cannot be
// typed are kept as typed so that validation reports them and the page shows them again.
import { getPage } from './render.js';
import { getAt, isPlainObject, own, setAt, splitPointer, assignKey } from './pointer.js';
import { locate } from './walk.js';
import type { FormBody, FormNode, FormPlan } from './types.js';

export interface ParseOptions {
  /** The stored answers for this page: readOnly answers are carried over from them. */
  previous?: unknown;
}

/**
 * The answers of one page (the value of `data[pageKey]`). On an Add/Remove post
 * (`_action` present) blank rows keep their place; apply the action with applyAction.
 */
export function parsePage(plan: FormPlan, pageKey: string, body: FormBody, options: ParseOptions = {}): unknown {
  const page = getPage(plan, pageKey);
  const parsed = page.node.renderer.parse(page.node, body, page.pointer);
  return options.previous === undefined ? parsed : carryReadOnly(page.node, parsed, options.previous);
}

function carryReadOnly(node: FormNode, parsed: unknown, previous: unknown): unknown {
  if (node.readOnly) return previous;
  if (node.renderer.leaf || previous === undefined) return parsed;
  if (node.properties && isPlainObject(previous)) {
    let out = isPlainObject(parsed) ? parsed : undefined;
    for (const child of node.properties) {
      if (!child.readOnly && child.renderer.leaf) continue;
      const prev = own(previous, child.key);
      if (prev === undefined) continue;
      const cur = out === undefined ? undefined : own(out, child.key);
      const next = carryReadOnly(child, cur, prev);
      if (next !== cur) {
        out = out === undefined ? {} : out;
        assignKey(out, child.key, next);
      }
    }
    return out;
  }
  if (node.items && Array.isArray(parsed) && Array.isArray(previous)) {
    return parsed.map((row, i) => carryReadOnly(node.items!, row, previous[i]));
  }
  return parsed;
}

/**
 * Applies an "Add" (`add:/ptr`) or "Remove" (`remove:/ptr/2`) button to the answers and
 * returns the new answers; anything that is not a row action of this plan leaves them as they are.
 */
export function applyAction(plan: FormPlan, data: unknown, action: string): unknown {
  const m = /^(add|remove):(\/.*)$/.exec(action);
  if (!m) return data;
  const verb = m[1]!;
  let pointer = m[2]!;
  let index = -1;
  if (verb === 'remove') {
    const cut = pointer.lastIndexOf('/');
    const last = pointer.slice(cut + 1);
    if (!/^\d+$/.test(last)) return data;
    index = Number(last);
    pointer = pointer.slice(0, cut);
  }
  const loc = locate(plan, pointer);
  const node = loc.node;
  if (!loc.exact || node.kind !== 'array' || !node.items || node.renderer.leaf || splitPointer(pointer).length === 0) return data;
  const current = getAt(data, pointer);
  const rows = Array.isArray(current) ? current.slice() : [];
  if (verb === 'add') {
    if (node.maxItems !== undefined && rows.length >= node.maxItems) return data;
    // The page shows one blank row for an empty list; adding to it means a second row.
    if (rows.length === 0) rows.push(blankItem(node.items));
    rows.push(blankItem(node.items));
  } else {
    if (index >= rows.length) return data;
    rows.splice(index, 1);
  }
  return setAt(data, pointer, rows.length > 0 ? rows : undefined);
}

function blankItem(items: FormNode): unknown {
  if (items.default !== undefined) return structuredClone(items.default);
  return items.kind === 'object' ? {} : '';
}
