// Markup and parsing shared by the controls that pick from options.
import { html, type SafeHtml } from '../../lib/html.js';
import { field, legend, optionKey, readString } from '../markup.js';
import type { ChoiceOption, FormBody, FormNode, RenderContext } from '../types.js';

/** The option a submitted key stands for; an unknown key is kept as typed for validation to flag. */
export function parseChoice(node: FormNode, body: FormBody, pointer: string): unknown {
  const s = readString(body, pointer);
  if (s === undefined) return undefined;
  const o = node.options?.find((opt) => opt.key === s);
  return o ? o.value : s;
}

export interface RadioGroup {
  name: string;
  options: ChoiceOption[];
  selected: string | undefined;
  inline?: boolean;
  /** Heading-sized legend, for a question that stands alone (e.g. a variant choice). */
  asHeading?: boolean;
}

/**
 * A fieldset of radios. The first radio carries the field's id, so the error summary's
 * link lands on it; the others take `--2`, `--3`…
 */
export function radioGroup(ctx: RenderContext, node: FormNode, pointer: string, g: RadioGroup, translateOptions = true): SafeHtml {
  const f = field(ctx, node, pointer);
  const items = g.options.map((o, i) => {
    const id = i === 0 ? f.id : `${f.id}--${i + 1}`;
    const hintId = `${id}--item-hint`;
    const checked = g.selected === o.key;
    return html`<div><input id="${id}" name="${g.name}" type="radio" value="${o.key}"${checked ? html` checked` : html``}${o.description !== undefined ? html` aria-describedby="${hintId}"` : html``}${f.invalidAttr}><label for="${id}">${translateOptions ? ctx.label(o.label) : o.label}</label>${o.description !== undefined ? html`<div class="hint" id="${hintId}">${ctx.label(o.description)}</div>` : html``}</div>`;
  });
  return html`<fieldset class="${f.groupClass}"${f.describedBy}>${legend(ctx, node, g.asHeading ?? false)}${f.hint}${f.error}<div class="radios${g.inline ? ' radios--inline' : ''}">${items}</div></fieldset>`;
}

export function selectedKey(value: unknown): string | undefined {
  return value === undefined ? undefined : optionKey(value);
}
