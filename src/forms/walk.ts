// Finding the plan node behind a data pointer (for error messages, actions and labels).
import { splitPointer, escapeSegment } from './pointer.js';
import type { FormNode, FormPlan } from './types.js';

export interface Located {
  node: FormNode;
  /** The longest prefix of the pointer that has its own node (or stops at a leaf control). */
  pointer: string;
  exact: boolean;
  /** Document order of the pointer: property positions and row indexes. */
  order: number[];
  /** Nodes from the root down to `node`. */
  trail: FormNode[];
}

export function locate(plan: FormPlan, pointer: string): Located {
  let node = plan.root;
  let at = '';
  const order: number[] = [];
  const trail: FormNode[] = [node];
  const keys = splitPointer(pointer);
  let i = 0;
  for (; i < keys.length; i++) {
    if (node.renderer.leaf) break;
    const key = keys[i]!;
    if (node.kind === 'array' && node.items) {
      if (!/^\d+$/.test(key)) break;
      order.push(Number(key));
      node = node.items;
    } else {
      const found = childOf(node, key);
      if (!found) break;
      order.push(found.index);
      node = found.child;
    }
    at += '/' + escapeSegment(key);
    trail.push(node);
  }
  return { node, pointer: at, exact: i === keys.length, order, trail };
}

function childOf(node: FormNode, key: string): { child: FormNode; index: number } | undefined {
  const direct = node.childByKey?.get(key);
  if (direct) return { child: direct, index: node.properties!.indexOf(direct) };
  const base = node.properties?.length ?? 0;
  const variants = node.variants ?? [];
  for (let v = 0; v < variants.length; v++) {
    const vnode = variants[v]!.node;
    const child = vnode.childByKey?.get(key);
    if (child) return { child, index: base + 1 + v * 1000 + vnode.properties!.indexOf(child) };
  }
  return undefined;
}

export function compareOrder(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
