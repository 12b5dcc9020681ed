// Markup shared by the renderers, after the GOV.UK Design System: label (or legend), hint,
// error message, then the control, tied together by aria-describedby; "(optional)" rather
// than asterisks; every value escaped by the `html` tag.
import { html, type SafeHtml } from '../lib/html.js';
import { clientConditionJson, holds } from './condition.js';
import { fieldId, isPlainObject, own } from './pointer.js';
import type { FormBody, FormNode, RenderContext } from './types.js';

const EMPTY = html``;

export interface Field {
  id: string;
  invalid: boolean;
  groupClass: string;
  hint: SafeHtml;
  error: SafeHtml;
  /** aria-describedby (and aria-invalid on controls) for the control or the fieldset. */
  describedBy: SafeHtml;
  invalidAttr: SafeHtml;
}

/** The pieces every field has, computed once per render of a field. */
export function field(ctx: RenderContext, node: FormNode, pointer: string, extraHint?: string): Field {
  const id = fieldId(pointer);
  const messages = ctx.errors.get(pointer);
  const invalid = messages !== undefined && messages.length > 0;
  const hintText = node.description !== undefined ? ctx.label(node.description) : undefined;
  const hasHint = hintText !== undefined || extraHint !== undefined;
  const hintId = id + '--hint';
  const errorId = id + '--error';
  const ids = (hasHint ? hintId : '') + (invalid ? (hasHint ? ' ' : '') + errorId : '');
  return {
    id,
    invalid,
    groupClass: invalid ? 'form-group form-group--error' : 'form-group',
    hint: hasHint
      ? html`<div class="hint" id="${hintId}">${hintText !== undefined ? paragraphs(hintText) : EMPTY}${extraHint !== undefined ? html`<p class="hint__extra">${extraHint}</p>` : EMPTY}</div>`
      : EMPTY,
    error: invalid
      ? html`<p class="error-message" id="${errorId}"><span class="visually-hidden">${ctx.t('form.errorPrefix')}</span> ${withBreaks(messages)}</p>`
      : EMPTY,
    describedBy: ids !== '' ? html` aria-describedby="${ids}"` : EMPTY,
    invalidAttr: invalid ? html` aria-invalid="true"` : EMPTY,
  };
}

/** Lines joined by <br>, each escaped. */
function withBreaks(lines: string[]): SafeHtml {
  if (lines.length === 1) return html`${lines[0]}`;
  return html`${lines.map((line, i) => (i === 0 ? html`${line}` : html`<br>${line}`))}`;
}

/** Text with its line breaks kept. */
export function paragraphs(text: string): SafeHtml {
  return withBreaks(text.indexOf('\n') === -1 ? [text] : text.split(/\r?\n/));
}

export function isOptional(node: FormNode): boolean {
  return !node.required && node.key !== '' && !node.readOnly;
}

/** Provision tag, title and "(optional)": the text of a label or legend. */
export function labelContent(ctx: RenderContext, node: FormNode): SafeHtml {
  return html`${provisionTag(ctx, node)}${ctx.label(node.title)}${isOptional(node) ? html` ${ctx.t('form.optional')}` : EMPTY}`;
}

const OBLIGATION_KEYS: Record<string, string> = {
  mandatory: 'form.obligation.mandatory',
  shall_consider: 'form.obligation.shallConsider',
  optional: 'form.obligation.optional',
};

export function provisionTag(ctx: RenderContext, node: FormNode): SafeHtml {
  const p = node.provision;
  if (!p) return EMPTY;
  return html`<span class="provision-tag"><span class="provision-tag__ref">${ctx.t('form.provision', { instrument: p.instrument, article: p.article, paragraph: p.paragraph })}</span> · <span class="provision-tag__obligation provision-tag__obligation--${p.obligation}">${ctx.t(OBLIGATION_KEYS[p.obligation] ?? 'form.obligation.mandatory')}</span></span> `;
}

export function articleTag(ctx: RenderContext, node: FormNode): SafeHtml {
  const a = node.article;
  if (!a) return EMPTY;
  return html`<span class="article-tag">${ctx.t('form.article', { instrument: a.instrument, article: a.article })}</span>`;
}

/** Pages are headed h1 by the HTTP layer; sections below them take h2, h3… */
export function headingLevel(node: FormNode): number {
  return Math.min(6, Math.max(2, node.depth));
}

export function legend(ctx: RenderContext, node: FormNode, asHeading: boolean, text?: SafeHtml): SafeHtml {
  const content = text ?? labelContent(ctx, node);
  if (!asHeading) return html`<legend>${content}</legend>`;
  const level = headingLevel(node);
  return html`<legend><h${level}>${content}</h${level}></legend>`;
}

/** ` value="…"`, left out when empty (an input's value defaults to ""). */
export function valueAttr(value: unknown): SafeHtml {
  const v = textValue(value);
  return v === '' ? EMPTY : html` value="${v}"`;
}

export function textValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** What a choice control submits for a value. */
export function optionKey(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? '';
}

// ---------------------------------------------------------------------------------------
// Children of an object: defaults, branch-dependent state and conditional wrappers.

export function renderProperties(ctx: RenderContext, node: FormNode, value: unknown, pointer: string, children = node.properties): SafeHtml {
  if (!children || children.length === 0) return EMPTY;
  const obj = isPlainObject(value) ? value : undefined;
  const fresh = obj === undefined || isEmptyObject(obj);
  const parts: SafeHtml[] = [];
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (!child.condition) {
      parts.push(renderChild(ctx, child, obj, pointer, fresh));
      continue;
    }
    // Neighbours revealed by the same condition share one conditional block.
    const group = [renderChild(ctx, child, obj, pointer, fresh)];
    while (children[i + 1]?.condition?.schema === child.condition.schema) group.push(renderChild(ctx, children[++i]!, obj, pointer, fresh));
    const visible = holds(child.condition, obj);
    const cond = child.condition.client ? clientConditionJson(child.condition.client, pointer) : undefined;
    parts.push(html`<div class="conditional"${cond !== undefined ? html` data-condition='${cond}'` : EMPTY}${visible ? EMPTY : html` hidden`}>${group}</div>`);
  }
  return html`${parts}`;
}

function renderChild(ctx: RenderContext, child: FormNode, obj: Record<string, unknown> | undefined, parentPointer: string, fresh: boolean): SafeHtml {
  let value = obj === undefined ? undefined : own(obj, child.key);
  // Defaults fill a question only while nothing around it has been answered, so that an
  // answer cleared on purpose does not come back.
  if (value === undefined && fresh && child.default !== undefined) value = child.default;
  return child.renderer.render(ctx, effectiveNode(child, obj), value, parentPointer + '/' + child.seg);
}

/** The node as it stands for the current answers: required by a branch, hint of the branch. */
export function effectiveNode(child: FormNode, obj: Record<string, unknown> | undefined): FormNode {
  let effective = child;
  if (child.requiredWhen && !child.required && holds(child.requiredWhen, obj)) effective = { ...effective, required: true };
  if (child.descriptionWhen) {
    const chosen = child.descriptionWhen.find((d) => holds(d.condition, obj));
    if (chosen && chosen.text !== effective.description) effective = { ...effective, description: chosen.text };
  }
  return effective;
}

function isEmptyObject(obj: Record<string, unknown>): boolean {
  for (const _ in obj) return false;
  return true;
}

// ---------------------------------------------------------------------------------------
// Reading a post.

/** One submitted string, line endings normalised; empty or blank → undefined. */
export function readString(body: FormBody, pointer: string): string | undefined {
  let v = Object.prototype.hasOwnProperty.call(body, pointer) ? body[pointer] : undefined;
  if (Array.isArray(v)) v = v.find((x) => x.trim() !== '') ?? v[0];
  if (typeof v !== 'string') return undefined;
  if (v.trim() === '') return undefined;
  return v.indexOf('\r') === -1 ? v : v.replace(/\r\n?/g, '\n');
}

export function readStrings(body: FormBody, pointer: string): string[] {
  const v = Object.prototype.hasOwnProperty.call(body, pointer) ? body[pointer] : undefined;
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).filter((x) => typeof x === 'string' && x.trim() !== '');
}

/**
 * Whether this post is an "Add"/"Remove" round trip, where blank rows keep their place. Other
 * `_action` values (the pages' "save", "next", "check" buttons) are ordinary saves: blank rows
 * are dropped, or every untouched optional list would fail validation with its blank row.
 */
export function isActionPost(body: FormBody): boolean {
  return typeof body._action === 'string' && /^(?:add|remove):/.test(body._action);
}

export function parseProperties(node: FormNode, body: FormBody, pointer: string, children = node.properties): Record<string, unknown> | undefined {
  if (!children) return undefined;
  let out: Record<string, unknown> | undefined;
  for (const child of children) {
    const v = child.renderer.parse(child, body, pointer + '/' + child.seg);
    if (v === undefined) continue;
    out ??= {};
    if (child.key === '__proto__') Object.defineProperty(out, child.key, { value: v, enumerable: true, writable: true, configurable: true });
    else out[child.key] = v;
  }
  return out;
}

const VARIANT = '_variant:';

/** Indexes of the rows of an array submitted under `pointer` (variant choices included), ascending. */
export function rowIndexes(body: FormBody, pointer: string): number[] {
  const prefix = pointer + '/';
  const found: number[] = [];
  for (let k in body) {
    if (k.startsWith(VARIANT)) k = k.slice(VARIANT.length);
    if (!k.startsWith(prefix)) continue;
    let end = k.indexOf('/', prefix.length);
    if (end === -1) end = k.length;
    const seg = k.slice(prefix.length, end);
    if (seg.length > 0 && seg.length <= 6 && /^\d+$/.test(seg)) {
      const n = Number(seg);
      if (!found.includes(n)) found.push(n);
    }
  }
  return found.sort((a, b) => a - b);
}
