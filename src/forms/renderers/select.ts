// Many options (> 5): a select, with an empty first option so the answer can be cleared.
import { html } from '../../lib/html.js';
import { field, labelContent } from '../markup.js';
import type { Renderer } from '../types.js';
import { parseChoice, selectedKey } from './choice.js';
import { MAX_RADIOS } from './radios.js';

export const selectRenderer: Renderer = {
  name: 'select',
  leaf: true,
  tester: (node) => (node.kind !== 'array' && node.kind !== 'object' && node.options && node.options.length > MAX_RADIOS ? 10 : -1),
  render(ctx, node, value, pointer) {
    const f = field(ctx, node, pointer);
    const selected = selectedKey(value);
    const options = (node.options ?? []).map((o) => html`<option value="${o.key}"${o.key === selected ? html` selected` : html``}>${ctx.label(o.label)}</option>`);
    return html`<div class="${f.groupClass}"><label for="${f.id}">${labelContent(ctx, node)}</label>${f.hint}${f.error}<select id="${f.id}" name="${pointer}"${f.describedBy}${f.invalidAttr}><option value="">${ctx.t('form.select.placeholder')}</option>${options}</select></div>`;
  },
  parse: parseChoice,
};
