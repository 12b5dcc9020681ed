// "Add another" lists that work without JavaScript: every row has a Remove button and the
// list an Add button, all plain submit buttons named `_action` whose value says what to do
// (`add:/ptr`, `remove:/ptr/2`); the server applies it with applyAction and shows the page
// again. An empty list shows one blank row so the first answer can be typed straight away.
import { html, type SafeHtml } from '../../lib/html.js';
import { decapitalize } from '../text.js';
import { field, isActionPost, legend, rowIndexes } from '../markup.js';
import type { FormBody, FormNode, RenderContext } from '../types.js';

export function rowsOf(value: unknown): unknown[] {
  return Array.isArray(value) && value.length > 0 ? value : [undefined];
}

export function itemTitle(node: FormNode): string {
  return node.items?.title ?? node.title;
}

export function renderRows(
  ctx: RenderContext,
  node: FormNode,
  value: unknown,
  pointer: string,
  renderRow: (row: unknown, rowPointer: string, rowLabel: string) => SafeHtml,
): SafeHtml {
  const f = field(ctx, node, pointer);
  const rows = rowsOf(value);
  const item = ctx.label(itemTitle(node));
  const answered = Array.isArray(value) ? value.length : 0;
  const canAdd = node.maxItems === undefined || answered < node.maxItems;
  const body = rows.map((row, i) => {
    const rowPointer = `${pointer}/${i}`;
    const rowLabel = ctx.t('form.row', { label: item, n: i + 1 });
    return html`<div class="row">${renderRow(row, rowPointer, rowLabel)}<button class="secondary" name="_action" value="remove:${rowPointer}">${ctx.t('form.remove')}<span class="visually-hidden"> ${rowLabel}</span></button></div>`;
  });
  const add = canAdd
    ? html`<button class="secondary" name="_action" value="add:${pointer}">${ctx.t(answered > 0 ? 'form.addAnother' : 'form.add', { item: decapitalize(item) })}</button>`
    : html``;
  return html`<fieldset class="${f.groupClass} add-another" id="${f.id}"${f.describedBy}>${legend(ctx, node, true)}${f.hint}${f.error}${body}${add}</fieldset>`;
}

/**
 * Rows found in a post, in index order and renumbered from 0. Blank rows are dropped,
 * except on an Add/Remove round trip, where they keep their place so that the index in a
 * `remove:` action still points at the row the person saw.
 */
export function parseRows(node: FormNode, body: FormBody, pointer: string, blank: () => unknown): unknown[] | undefined {
  const items = node.items;
  if (!items) return undefined;
  const keep = isActionPost(body);
  const out: unknown[] = [];
  for (const i of rowIndexes(body, pointer)) {
    const v = items.renderer.parse(items, body, `${pointer}/${i}`);
    if (v !== undefined) out.push(v);
    else if (keep) out.push(blank());
  }
  return out.length > 0 ? out : undefined;
}
