// Answers as read-only text, for "check your answers", read-only fields and reviewers.
import { html, type SafeHtml } from '../lib/html.js';
import { holds } from './condition.js';
import { jsonText } from './renderers/json.js';
import { optionKey, paragraphs, provisionTag } from './markup.js';
import { isAnswered, isPlainObject, own } from './pointer.js';
import type { FormNode, RenderContext } from './types.js';

export function notAnswered(ctx: RenderContext): SafeHtml {
  return html`<span class="not-answered">${ctx.t('form.notAnswered')}</span>`;
}

export function displayValue(ctx: RenderContext, node: FormNode, value: unknown, pointer: string): SafeHtml {
  if (!isAnswered(value)) return notAnswered(ctx);
  if (node.renderer.display && !node.readOnly) return node.renderer.display(ctx, node, value, pointer);
  if (node.unsupported !== undefined || node.recursive) return html`<pre class="answer-json">${jsonText(value)}</pre>`;
  if (node.options) return html`${optionLabel(ctx, node, value)}`;
  switch (node.kind) {
    case 'boolean':
      return typeof value === 'boolean' ? html`${ctx.t(value ? 'form.yes' : 'form.no')}` : html`${String(value)}`;
    case 'string':
      return typeof value === 'string' ? paragraphs(value) : html`${JSON.stringify(value)}`;
    case 'number':
    case 'integer':
      return html`${typeof value === 'number' ? value.toLocaleString('en') : String(value)}`;
    case 'object':
      return isPlainObject(value) ? summaryList(ctx, node, value, pointer, true) : html`<pre class="answer-json">${jsonText(value)}</pre>`;
    case 'array': {
      const items = node.items;
      if (!Array.isArray(value) || !items) return html`<pre class="answer-json">${jsonText(value)}</pre>`;
      if (items.kind === 'object' && !items.renderer.leaf) {
        return html`<ol class="answer-rows">${value.map((row, i) => html`<li>${displayValue(ctx, items, row, `${pointer}/${i}`)}</li>`)}</ol>`;
      }
      return html`<ul class="answer-list">${value.map((v, i) => html`<li>${displayValue(ctx, items, v, `${pointer}/${i}`)}</li>`)}</ul>`;
    }
    default:
      return html`<pre class="answer-json">${jsonText(value)}</pre>`;
  }
}

function optionLabel(ctx: RenderContext, node: FormNode, value: unknown): string {
  const key = optionKey(value);
  const o = node.options?.find((opt) => opt.key === key);
  return o ? ctx.label(o.label) : String(value);
}

/** A definition list of an object's questions that are currently asked. */
export function summaryList(ctx: RenderContext, node: FormNode, value: Record<string, unknown> | undefined, pointer: string, nested: boolean): SafeHtml {
  const children: FormNode[] = [...(node.properties ?? [])];
  if (node.variants && value) {
    for (const v of node.variants) {
      for (const p of v.node.properties ?? []) if (p.key !== v.discriminator?.key && own(value, p.key) !== undefined && !children.includes(p)) children.push(p);
    }
  }
  const rows = children.map((child) => {
    if (!holds(child.condition, value)) return html``;
    const v = value === undefined ? undefined : own(value, child.key);
    const p = `${pointer}/${child.seg}`;
    return html`<div class="summary-list__row"><dt class="summary-list__key">${provisionTag(ctx, child)}${ctx.label(child.title)}</dt><dd class="summary-list__value">${displayValue(ctx, child, v, p)}</dd></div>`;
  });
  return html`<dl class="summary-list${nested ? ' summary-list--nested' : ''}">${rows}</dl>`;
}

