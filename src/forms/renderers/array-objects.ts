// Arrays of objects (citations, statistics…): one fieldset per row.
import { html } from '../../lib/html.js';
import { legend, renderProperties } from '../markup.js';
import type { FormNode, Renderer } from '../types.js';
import { parseRows, renderRows } from './rows.js';

const isObjectRows = (node: FormNode): boolean =>
  node.kind === 'array' && node.items !== undefined && node.items.kind === 'object' && !node.items.renderer.leaf;

const SUBMITS_WHEN_EMPTY = new Set(['text-input', 'textarea', 'formatted-input', 'number', 'select', 'json']);
const markerless = new WeakMap<FormNode, boolean>();

function alwaysSubmits(items: FormNode): boolean {
  let yes = markerless.get(items);
  if (yes === undefined) {
    yes = (items.properties ?? []).some((p) => !p.condition && SUBMITS_WHEN_EMPTY.has(p.renderer.name));
    markerless.set(items, yes);
  }
  return yes;
}

export const arrayOfObjectsRenderer: Renderer = {
  name: 'array-objects',
  leaf: false,
  tester: (node) => (isObjectRows(node) ? 5 : -1),
  render(ctx, node, value, pointer) {
    const items = node.items!;
    return renderRows(ctx, node, value, pointer, (row, rowPointer, rowLabel) => {
      // Variants (or any custom object control) render themselves; plain objects get a row fieldset.
      if (items.renderer.name !== 'fieldset') return items.renderer.render(ctx, { ...items, title: rowLabel, required: true }, row, rowPointer);
      // Text boxes always submit, so a row with one is found in the post; a row made only of
      // radios or boxes carries a hidden marker so that it is found even when nothing is ticked.
      return html`<fieldset>${legend(ctx, items, true, html`${rowLabel}`)}${alwaysSubmits(items) ? html`` : html`<input type="hidden" name="${rowPointer}">`}${renderProperties(ctx, items, row, rowPointer)}</fieldset>`;
    });
  },
  parse: (node, body, pointer) => parseRows(node, body, pointer, () => ({})),
};
