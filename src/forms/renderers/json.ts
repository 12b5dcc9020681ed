// The fallback for anything no other control fits (recursive structures, prefixItems,
// maps, unions…): a labelled textarea holding JSON. Never a crash, never a missing field.
// Text that is not valid JSON is kept as typed, so validation reports it and the person
// finds their text again.
import { html } from '../../lib/html.js';
import { field, labelContent, readString } from '../markup.js';
import type { Renderer } from '../types.js';

export function jsonText(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') {
    try {
      JSON.parse(value);
    } catch {
      return value; // the raw text of an earlier, invalid post
    }
  }
  return JSON.stringify(value, null, 2);
}

export const jsonRenderer: Renderer = {
  name: 'json',
  leaf: true,
  tester: (node) => (node.unsupported !== undefined || node.recursive ? 1000 : 0),
  render(ctx, node, value, pointer) {
    const f = field(ctx, node, pointer, ctx.t('form.json.hint'));
    return html`<div class="${f.groupClass}"><label for="${f.id}">${labelContent(ctx, node)}</label>${f.hint}${f.error}<textarea class="code" id="${f.id}" name="${pointer}" rows="6" spellcheck="false"${f.describedBy}${f.invalidAttr}>
${jsonText(value)}</textarea></div>`;
  },
  parse(_node, body, pointer) {
    const s = readString(body, pointer);
    if (s === undefined) return undefined;
    try {
      return JSON.parse(s) as unknown;
    } catch {
      return s;
    }
  },
};
