// readOnly answers (e.g. filled in by the secretariat) are shown, not editable and never
// read from a post: parsePage carries them over from the stored answers instead.
import { html } from '../../lib/html.js';
import { displayValue } from '../display.js';
import { field, labelContent } from '../markup.js';
import type { Renderer } from '../types.js';

export const readOnlyRenderer: Renderer = {
  name: 'read-only',
  leaf: true,
  tester: (node) => (node.readOnly ? 2000 : -1),
  render(ctx, node, value, pointer) {
    const f = field(ctx, node, pointer);
    return html`<div class="${f.groupClass} form-group--read-only"><p class="label" id="${f.id}">${labelContent(ctx, node)}</p>${f.hint}${f.error}<div class="read-only-value">${displayValue(ctx, { ...node, readOnly: false }, value, pointer)}</div></div>`;
  },
  parse: () => undefined,
};
