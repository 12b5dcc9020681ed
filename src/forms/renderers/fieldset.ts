// An object: a fieldset whose legend is the question, holding its properties.
import { html } from '../../lib/html.js';
import { field, legend, parseProperties, renderProperties } from '../markup.js';
import type { Renderer } from '../types.js';

export const fieldsetRenderer: Renderer = {
  name: 'fieldset',
  leaf: false,
  tester: (node) => (node.kind === 'object' && (node.properties?.length ?? 0) > 0 && !node.variants ? 1 : -1),
  render(ctx, node, value, pointer) {
    const f = field(ctx, node, pointer);
    return html`<fieldset class="${f.groupClass}" id="${f.id}"${f.describedBy}>${legend(ctx, node, true)}${f.hint}${f.error}${renderProperties(ctx, node, value, pointer)}</fieldset>`;
  },
  parse: (node, body, pointer) => parseProperties(node, body, pointer),
};
