// Strings with a format browsers know: a link, an email address or a date.
import { html } from '../../lib/html.js';
import { field, labelContent, readString, valueAttr } from '../markup.js';
import type { Renderer } from '../types.js';
import { isPlainString } from './text-input.js';

const INPUT_TYPES: Record<string, { type: string; extra: string }> = {
  uri: { type: 'url', extra: 'url' },
  iri: { type: 'url', extra: 'url' },
  'uri-reference': { type: 'url', extra: 'url' },
  email: { type: 'email', extra: 'email' },
  'idn-email': { type: 'email', extra: 'email' },
  date: { type: 'date', extra: 'date' },
};

export const formattedInputRenderer: Renderer = {
  name: 'formatted-input',
  leaf: true,
  tester: (node) => (isPlainString(node) && node.format !== undefined && node.format in INPUT_TYPES ? 3 : -1),
  render(ctx, node, value, pointer) {
    const f = field(ctx, node, pointer);
    const t = INPUT_TYPES[node.format ?? '']!;
    return html`<div class="${f.groupClass}"><label for="${f.id}">${labelContent(ctx, node)}</label>${f.hint}${f.error}<input${t.type === 'date' ? html` class="input--width-10"` : html``} id="${f.id}" name="${pointer}" type="${t.type}"${t.type === 'email' ? html` autocomplete="email"` : html``}${valueAttr(value)}${f.describedBy}${f.invalidAttr}></div>`;
  },
  parse: (_node, body, pointer) => readString(body, pointer),
};
