// A multi-line text box: strings that may be long (maxLength > 200, or no maxLength).
import { html } from '../../lib/html.js';
import { field, labelContent, readString, textValue } from '../markup.js';
import type { Renderer } from '../types.js';
import { isPlainString } from './text-input.js';

export const LONG_TEXT = 200;

export const textareaRenderer: Renderer = {
  name: 'textarea',
  leaf: true,
  tester: (node) => (isPlainString(node) && (node.maxLength === undefined || node.maxLength > LONG_TEXT) ? 2 : -1),
  render(ctx, node, value, pointer) {
    const f = field(ctx, node, pointer);
    // Two rows (the default) for a paragraph at most; five for anything longer.
    const rows = (node.maxLength ?? Infinity) > 1000 ? html` rows="5"` : html``;
    // The newline after <textarea> is swallowed by the parser, so an answer starting with one keeps it.
    return html`<div class="${f.groupClass}"><label for="${f.id}">${labelContent(ctx, node)}</label>${f.hint}${f.error}<textarea id="${f.id}" name="${pointer}"${rows}${f.describedBy}${f.invalidAttr}>
${textValue(value)}</textarea></div>`;
  },
  parse: (_node, body, pointer) => readString(body, pointer),
};
