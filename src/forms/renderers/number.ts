// Numbers as text boxes with a numeric keyboard (GOV.UK advises against type=number).
// A value that is not a number is kept as typed, so validation can say so.
import { html } from '../../lib/html.js';
import { field, labelContent, readString, valueAttr } from '../markup.js';
import type { Renderer } from '../types.js';

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export function parseNumber(text: string): number | string {
  const t = text.trim();
  if (!NUMBER.test(t)) return text;
  const n = Number(t);
  return Number.isFinite(n) ? n : text;
}

export const numberRenderer: Renderer = {
  name: 'number',
  leaf: true,
  tester: (node) => ((node.kind === 'number' || node.kind === 'integer') && !node.options ? 5 : -1),
  render(ctx, node, value, pointer) {
    const f = field(ctx, node, pointer);
    return html`<div class="${f.groupClass}"><label for="${f.id}">${labelContent(ctx, node)}</label>${f.hint}${f.error}<input class="input--width-10" id="${f.id}" name="${pointer}" inputmode="${node.kind === 'integer' ? 'numeric' : 'decimal'}"${valueAttr(value)}${f.describedBy}${f.invalidAttr}></div>`;
  },
  parse(_node, body, pointer) {
    const s = readString(body, pointer);
    return s === undefined ? undefined : parseNumber(s);
  },
};
