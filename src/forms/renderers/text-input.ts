// A one-line text box: strings with a short maxLength.
import { html } from '../../lib/html.js';
import { field, labelContent, readString, valueAttr } from '../markup.js';
import type { FormNode, Renderer } from '../types.js';

export const isPlainString = (node: FormNode): boolean => node.kind === 'string' && !node.options;

export const textInputRenderer: Renderer = {
  name: 'text-input',
  leaf: true,
  tester: (node) => (isPlainString(node) ? 1 : -1),
  render(ctx, node, value, pointer) {
    const f = field(ctx, node, pointer);
    return html`<div class="${f.groupClass}"><label for="${f.id}">${labelContent(ctx, node)}</label>${f.hint}${f.error}<input id="${f.id}" name="${pointer}"${valueAttr(value)}${f.describedBy}${f.invalidAttr}></div>`;
  },
  parse: (_node, body, pointer) => readString(body, pointer),
};
