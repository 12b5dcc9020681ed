// An array of options: checkboxes, several values under one name.
import { html } from '../../lib/html.js';
import { field, legend, optionKey, readStrings } from '../markup.js';
import type { FormNode, Renderer } from '../types.js';

const isOptionArray = (node: FormNode): boolean => node.kind === 'array' && !!node.items?.options && !node.items.unsupported;

export const checkboxesRenderer: Renderer = {
  name: 'checkboxes',
  leaf: true,
  tester: (node) => (isOptionArray(node) ? 10 : -1),
  render(ctx, node, value, pointer) {
    const f = field(ctx, node, pointer, node.description === undefined ? ctx.t('form.checkboxes.hint') : undefined);
    const chosen = new Set(Array.isArray(value) ? value.map(optionKey) : []);
    const items = (node.items?.options ?? []).map((o, i) => {
      const id = i === 0 ? f.id : `${f.id}--${i + 1}`;
      return html`<div><input id="${id}" name="${pointer}" type="checkbox" value="${o.key}"${chosen.has(o.key) ? html` checked` : html``}${f.invalidAttr}><label for="${id}">${ctx.label(o.label)}</label>${o.description !== undefined ? html`<div class="hint">${ctx.label(o.description)}</div>` : html``}</div>`;
    });
    return html`<fieldset class="${f.groupClass}"${f.describedBy}>${legend(ctx, node, false)}${f.hint}${f.error}<div class="checkboxes">${items}</div></fieldset>`;
  },
  parse(node, body, pointer) {
    const keys = readStrings(body, pointer);
    if (keys.length === 0) return undefined;
    const out: unknown[] = [];
    const seen = new Set<string>();
    for (const k of keys) {
      if (seen.has(k)) continue;
      seen.add(k);
      const o = node.items?.options?.find((opt) => opt.key === k);
      out.push(o ? o.value : k);
    }
    return out;
  },
};
