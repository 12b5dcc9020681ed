// Rendering entry points: one page of fields, the error summary, and the whole response
// read-only. None wraps a <form> or a document: the HTTP layer does.
import { html, type SafeHtml } from '../lib/html.js';
import { holds } from './condition.js';
import { notAnswered, summaryList, displayValue } from './display.js';
import { articleTag, field, renderProperties } from './markup.js';
import { fieldId, isPlainObject, own } from './pointer.js';
import type { FormPage, FormPlan, RenderContext } from './types.js';

export function getPage(plan: FormPlan, pageKey: string): FormPage {
  const page = plan.pageByKey.get(pageKey);
  if (!page) throw new Error(`No page "${pageKey}" in this questionnaire`);
  return page;
}

/** Pages whose condition (if any) holds for the answers: the ones to show and count. */
export function visiblePages(plan: FormPlan, data: unknown): FormPage[] {
  const root = isPlainObject(data) ? data : undefined;
  return plan.pages.filter((p) => holds(p.node.condition, root));
}

/** The fields of one page. The page's own title is the HTTP layer's h1; its hint and errors come first. */
export function renderPage(plan: FormPlan, pageKey: string, ctx: RenderContext): SafeHtml {
  const page = getPage(plan, pageKey);
  const node = page.node;
  const value = isPlainObject(ctx.data) ? own(ctx.data, page.key) : undefined;
  if (node.renderer.name !== 'fieldset') {
    const v = value === undefined && ctx.data === undefined ? node.default : value;
    return html`<div class="form-page" id="${fieldId(page.pointer)}--page">${node.renderer.render(ctx, node, v, page.pointer)}</div>`;
  }
  const f = field(ctx, node, page.pointer);
  return html`<div class="form-page" id="${f.id}">${articleTag(ctx, node)}${f.hint}${f.error}${renderProperties(ctx, node, value, page.pointer)}</div>`;
}

/**
 * The GOV.UK error summary: a heading and one link per field, in page order. Empty when no
 * errors. Links go to `#<field id>` on the same page; `href` gives them another address when
 * the fields are not on this page (e.g. "check your answers" links to each article's page).
 */
export function renderErrorSummary(errors: Map<string, string[]>, ctx: RenderContext, href: (pointer: string) => string = (pointer) => `#${fieldId(pointer)}`): SafeHtml {
  if (errors.size === 0) return html``;
  const items: SafeHtml[] = [];
  for (const [pointer, messages] of errors) {
    const to = href(pointer);
    for (const m of messages) items.push(html`<li><a href="${to}">${m}</a></li>`);
  }
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" data-module="error-summary"><h2 class="error-summary__title" id="error-summary-title">${ctx.t('form.errorSummary.title')}</h2><div class="error-summary__body"><ul class="error-summary__list">${items}</ul></div></div>`;
}

/** The whole response, one section and definition list per page, for "check your answers". */
export function renderReadOnly(plan: FormPlan, data: unknown, ctx: RenderContext): SafeHtml {
  const root = isPlainObject(data) ? data : undefined;
  const sections = visiblePages(plan, data).map((page) => {
    const node = page.node;
    const value = root === undefined ? undefined : own(root, page.key);
    const body = node.kind === 'object' && !node.renderer.leaf
      ? isPlainObject(value) || value === undefined
        ? summaryList(ctx, node, value as Record<string, unknown> | undefined, page.pointer, false)
        : displayValue(ctx, node, value, page.pointer)
      : html`<dl class="summary-list"><div class="summary-list__row"><dt class="summary-list__key">${ctx.label(node.title)}</dt><dd class="summary-list__value">${value === undefined ? notAnswered(ctx) : displayValue(ctx, node, value, page.pointer)}</dd></div></dl>`;
    return html`<section class="answers-page" id="${fieldId(page.pointer)}--answers"><h2 class="answers-page__title">${articleTag(ctx, node)}${ctx.label(page.title)}</h2>${body}</section>`;
  });
  return html`<div class="answers">${sections}</div>`;
}
