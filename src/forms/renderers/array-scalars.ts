// Arrays of strings or numbers (examples of implementation…): one control per row.
import type { FormNode, Renderer } from '../types.js';
import { parseRows, renderRows } from './rows.js';

const SCALARS = new Set(['string', 'number', 'integer']);

const isScalarRows = (node: FormNode): boolean =>
  node.kind === 'array' && node.items !== undefined && SCALARS.has(node.items.kind) && node.items.renderer.leaf && node.items.renderer.name !== 'json' && !node.items.readOnly;

export const arrayOfScalarsRenderer: Renderer = {
  name: 'array-scalars',
  leaf: false,
  tester: (node) => (isScalarRows(node) ? 5 : -1),
  render(ctx, node, value, pointer) {
    const items = node.items!;
    return renderRows(ctx, node, value, pointer, (row, rowPointer, rowLabel) =>
      items.renderer.render(ctx, { ...items, title: rowLabel, required: true }, row, rowPointer));
  },
  parse: (node, body, pointer) => parseRows(node, body, pointer, () => ''),
};
