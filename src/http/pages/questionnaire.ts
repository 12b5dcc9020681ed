// The questionnaire of one review as server-rendered pages that work without JavaScript:
// a table of contents with progress per article, one page per article, saving as a new
// revision, conflicts shown with both versions, check-your-answers, submission, revisions
// and their differences.
import { Router, type Request, type Response } from 'express';
import { html, type SafeHtml } from '../../lib/html.js';
import { applyAction, diffData, fieldId, getAt, pageProgress, parsePage, prunePage, renderErrorSummary, renderPage, renderReadOnly, setAt, type FormBody, type FormPlan } from '../../forms/index.js';
import { can } from '../../auth/index.js';
import { listRevisions, revisionAt, saveResponse, submitResponse, type ConflictDetails, type ResponseData } from '../../responses/index.js';
import { Problem, notFound } from '../../lib/errors.js';
import { reviewTarget } from '../../reviews/service.js';
import { csrfProtection, requireUser } from '../guards.js';
import { csrfField, layout, pageContext } from '../views/layout.js';
import { domainCtx } from '../api/reviews.js';
import { loadResponse, pageErrors, renderContext, type LoadedResponse } from '../response-context.js';
import type { FormPlans } from '../form-plans.js';
import type { AppDeps } from '../deps.js';
import type { RouteTable } from '../route-table.js';

const OBLIGATIONS = ['mandatory', 'shall_consider', 'optional'] as const;

function editable(deps: AppDeps, r: LoadedResponse, req: Request): boolean {
  const target = reviewTarget(deps.db, r.id)!;
  return r.step === 'drafting' && can(req.actor, 'response.edit', { kind: 'review', review: target });
}

function pageParam(r: LoadedResponse, req: Request): string {
  const page = String(req.params.page ?? '');
  if (!r.pages.includes(page)) throw notFound('The page');
  return page;
}

function base(r: LoadedResponse): string {
  return `/reviews/${r.id}/questionnaire`;
}

function obligationsOf(plan: FormPlan, page: string): Set<string> {
  const node = plan.pageByKey.get(page)?.node;
  return new Set((node?.properties ?? []).flatMap((p) => (p.provision ? [p.provision.obligation] : [])));
}

function formatValue(v: unknown): string {
  if (v === undefined || v === null || v === '') return '—';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function questionnairePages(deps: AppDeps, table: RouteTable, plans: FormPlans): Router {
  const router = Router();
  const page = (spec: { method: 'get' | 'post'; path: string; summary: string; writes?: boolean }, handler: (req: Request, res: Response) => unknown) =>
    table.add(router, { ...spec, kind: 'page', audience: 'review' }, requireUser, ...(spec.writes ? [csrfProtection] : []), handler);

  page({ method: 'get', path: '/reviews/:id/questionnaire', summary: 'Table of contents with progress per article, filtered by instrument and obligation' }, (req, res) => {
    const r = loadResponse(deps, plans, req);
    const ctx = pageContext(req);
    const { t } = ctx;
    const instrument = typeof req.query.instrument === 'string' ? req.query.instrument : '';
    const obligation = typeof req.query.obligation === 'string' ? req.query.obligation : '';
    // Like on the pages, problems count only for articles that have been saved at least once.
    const shownErrors = new Map([...r.errors].filter(([ptr]) => r.revision.data[ptr.split('/')[1] ?? ''] !== undefined));
    const progress = new Map(pageProgress(r.plan, r.revision.data, shownErrors).map((p) => [p.key, p]));
    const pages = r.plan.pages.filter((p) => r.pages.includes(p.key) && (!instrument || p.annotation?.instrument === instrument) && (!obligation || obligationsOf(r.plan, p.key).has(obligation)));
    const instruments = [...new Set(r.plan.pages.filter((p) => r.pages.includes(p.key)).flatMap((p) => (p.annotation ? [p.annotation.instrument] : [])))];
    const title = t('q.tocTitle');
    res.send(
      layout(ctx, {
        title,
        body: html`<p><a href="/reviews/${r.id}">${t('q.backToReview')}</a></p>
<h1>${title}</h1>
<p class="muted">${t('q.revisionInfo', { n: r.revision.number, author: r.revision.authorName ?? '—' })} ${r.revision.submitted ? html`<span class="tag done">${t('q.submitted')}</span>` : ''}</p>
${!editable(deps, r, req) && html`<div class="notice">${t(r.step === 'drafting' ? 'q.readOnlyRole' : 'q.readOnlyStep', { step: t(`step.${r.step}`) })}</div>`}
<form method="get" action="${base(r)}" class="filters">
<div class="form-group"><label for="instrument">${t('q.filterInstrument')}</label><select id="instrument" name="instrument"><option value="">${t('q.all')}</option>${instruments.map((i) => html`<option value="${i}"${i === instrument ? ' selected' : ''}>${i}</option>`)}</select></div>
<div class="form-group"><label for="obligation">${t('q.filterObligation')}</label><select id="obligation" name="obligation"><option value="">${t('q.all')}</option>${OBLIGATIONS.map((o) => html`<option value="${o}"${o === obligation ? ' selected' : ''}>${t(`form.obligation.${o === 'shall_consider' ? 'shallConsider' : o}`)}</option>`)}</select></div>
<div class="button-row"><button type="submit" class="button secondary">${t('q.filter')}</button></div>
</form>
<table><caption>${t('q.tocCaption', { shown: pages.length, total: r.pages.length })}</caption>
<thead><tr><th scope="col">${t('q.article')}</th><th scope="col">${t('q.answered')}</th><th scope="col">${t('q.problems')}</th></tr></thead>
<tbody>${pages.map((p) => {
          const pr = progress.get(p.key);
          return html`<tr><td><a href="${base(r)}/pages/${p.key}">${r.label(p.title)}</a></td><td>${t('q.answeredOf', { answered: pr?.answered ?? 0, total: pr?.total ?? 0 })}</td><td>${pr?.errors ? html`<span class="tag overdue">${t('q.problemCount', { n: pr.errors })}</span>` : pr && pr.answered === pr.total && pr.total > 0 ? html`<span class="tag done">${t('q.complete')}</span>` : '—'}</td></tr>`;
        })}</tbody></table>
<div class="button-row"><a class="button" href="${base(r)}/check">${t('q.checkAnswers')}</a> <a href="${base(r)}/revisions">${t('q.revisions')}</a></div>`,
      }),
    );
  });

  const articlePage = (req: Request, r: LoadedResponse, key: string, data: ResponseData, errors: Map<string, string[]>, notice?: SafeHtml): string => {
    const ctx = pageContext(req);
    const { t } = ctx;
    const idx = r.pages.indexOf(key);
    const prev = r.pages[idx - 1];
    const next = r.pages[idx + 1];
    const fp = r.plan.pageByKey.get(key)!;
    const rctx = renderContext(req, data, errors, r.label);
    const canEdit = editable(deps, r, req);
    const fields = canEdit ? renderPage(r.plan, key, rctx) : renderReadOnly({ ...r.plan, pages: [fp] }, data, rctx);
    return layout(ctx, {
      title: `${errors.size ? `${t('form.errorPrefix')} ` : ''}${r.label(fp.title)}`,
      scripts: canEdit ? ['/static/forms/conditional.js', '/static/autosave.js'] : [],
      body: html`<p><a href="${base(r)}">${t('q.backToToc')}</a></p>
${notice ?? ''}
${errors.size ? renderErrorSummary(errors, rctx) : ''}
<p class="muted">${t('q.pageOf', { n: idx + 1, total: r.pages.length })}</p>
<h1>${r.label(fp.title)}</h1>
${canEdit
        ? html`<form method="post" action="${base(r)}/pages/${key}" novalidate data-autosave="/api/reviews/${r.id}/response/pages/${key}" data-revision="${r.revision.number}">
${csrfField(ctx)}
<input type="hidden" name="_revision" value="${r.revision.number}">
<button type="submit" name="_action" value="save" class="visually-hidden" tabindex="-1" aria-hidden="true">${t('q.save')}</button>
${fields}
<p class="autosave-status muted" role="status" aria-live="polite"></p>
<div class="button-row">
<button type="submit" name="_action" value="save" class="button">${t('q.save')}</button>
${next ? html`<button type="submit" name="_action" value="next" class="button secondary">${t('q.saveAndNext')}</button>` : html`<button type="submit" name="_action" value="check" class="button secondary">${t('q.saveAndCheck')}</button>`}
</div>
</form>`
        : fields}
<nav class="button-row" aria-label="${t('q.pagination')}">${prev ? html`<a href="${base(r)}/pages/${prev}" rel="prev">${t('q.previous')}</a>` : ''} ${next ? html`<a href="${base(r)}/pages/${next}" rel="next">${t('q.next')}</a>` : ''}</nav>`,
    });
  };

  page({ method: 'get', path: '/reviews/:id/questionnaire/pages/:page', summary: 'One article of the questionnaire' }, (req, res) => {
    const r = loadResponse(deps, plans, req);
    const key = pageParam(r, req);
    // Errors appear once the page has been saved, not on a first visit.
    const errors = r.revision.data[key] !== undefined || req.query.check ? pageErrors(r.errors, key) : new Map<string, string[]>();
    const notice = req.query.saved ? html`<div class="notice success" role="status">${req.t('q.saved', { n: r.revision.number })}</div>` : undefined;
    res.send(articlePage(req, r, key, r.revision.data, errors, notice));
  });

  const conflictPage = (req: Request, r: LoadedResponse, key: string, c: ConflictDetails): string => {
    const ctx = pageContext(req);
    const { t } = ctx;
    const diffs = diffData(r.plan, c.theirs, c.yours);
    const title = t('conflict.title');
    return layout(ctx, {
      title,
      body: html`<h1>${title}</h1>
<div class="notice" role="alert"><p>${t('conflict.intro', { name: c.theirAuthor ?? t('conflict.someone'), base: c.base, current: c.current })}</p></div>
<form method="post" action="${base(r)}/pages/${key}/resolve" novalidate>
${csrfField(ctx)}
<input type="hidden" name="_revision" value="${c.current}">
<input type="hidden" name="_yours" value="${JSON.stringify(c.yours)}">
${diffs.length
          ? html`<table><caption>${t('conflict.caption', { n: diffs.length })}</caption>
<thead><tr><th scope="col">${t('conflict.field')}</th><th scope="col">${t('conflict.original')}</th><th scope="col">${t('conflict.theirs')}</th><th scope="col">${t('conflict.yours')}</th><th scope="col">${t('conflict.keep')}</th></tr></thead>
<tbody>${diffs.map((d, i) => {
              const theirsChanged = JSON.stringify(getAt(c.original, d.pointer)) !== JSON.stringify(d.before);
              return html`<tr><th scope="row">${d.path.map((p) => r.label(p)).join(' › ')} › ${r.label(d.label)}</th><td>${formatValue(getAt(c.original, d.pointer))}</td><td>${formatValue(d.before)}</td><td>${formatValue(d.after)}</td>
<td><fieldset><legend class="visually-hidden">${t('conflict.keepFor', { field: r.label(d.label) })}</legend>
<div class="choice"><input type="radio" id="c${i}-mine" name="choice:${d.pointer}" value="mine"${theirsChanged ? '' : ' checked'}><label for="c${i}-mine">${t('conflict.mine')}</label></div>
<div class="choice"><input type="radio" id="c${i}-theirs" name="choice:${d.pointer}" value="theirs"${theirsChanged ? ' checked' : ''}><label for="c${i}-theirs">${t('conflict.theirsShort')}</label></div></fieldset></td></tr>`;
            })}</tbody></table>`
          : html`<p>${t('conflict.noDifference')}</p>`}
<div class="button-row">
<button type="submit" name="_resolve" value="fields" class="button">${t('conflict.mergeChosen')}</button>
<button type="submit" name="_resolve" value="mine" class="button secondary">${t('conflict.keepAllMine')}</button>
<button type="submit" name="_resolve" value="theirs" class="button secondary">${t('conflict.takeAllTheirs')}</button>
</div></form>`,
    });
  };

  page({ method: 'post', path: '/reviews/:id/questionnaire/pages/:page', summary: 'Save one article as a new revision (and add or remove rows)', writes: true }, (req, res) => {
    const r = loadResponse(deps, plans, req);
    const key = pageParam(r, req);
    const body = req.body as FormBody;
    const baseRevision = Number(body._revision);
    if (!Number.isInteger(baseRevision) || baseRevision < 0) throw new Problem('bad_request', req.t('q.missingRevision'));
    let pageData = parsePage(r.plan, key, body);
    const action = typeof body._action === 'string' ? body._action : 'save';
    if (action.startsWith('add:') || action.startsWith('remove:')) {
      const whole = applyAction(r.plan, { [key]: pageData }, action) as ResponseData;
      pageData = whole[key];
    }
    pageData = prunePage(r.plan, key, pageData);
    try {
      const saved = saveResponse(domainCtx(deps, req), r.id, r.rc, { baseRevision, data: pageData, page: key });
      const hasErrors = saved.validation.errors.some((e) => e.instancePath === `/${key}` || e.instancePath.startsWith(`/${key}/`) || (e.instancePath === '' && (e.params as { missingProperty?: string }).missingProperty === key));
      const idx = r.pages.indexOf(key);
      if (action === 'next' && !hasErrors && r.pages[idx + 1]) return res.redirect(303, `${base(r)}/pages/${r.pages[idx + 1]}`);
      if (action === 'check' && !hasErrors) return res.redirect(303, `${base(r)}/check`);
      const anchor = action.startsWith('add:') ? `#${encodeURIComponent(action.slice(4))}` : '';
      res.redirect(303, `${base(r)}/pages/${key}?saved=1${anchor}`);
    } catch (e) {
      if (e instanceof Problem && e.code === 'conflict') return res.status(409).send(conflictPage(req, r, key, e.details as ConflictDetails));
      throw e;
    }
  });

  page({ method: 'post', path: '/reviews/:id/questionnaire/pages/:page/resolve', summary: 'Resolve a conflicting save: keep yours, take theirs, or merge per field', writes: true }, (req, res) => {
    const r = loadResponse(deps, plans, req);
    const key = pageParam(r, req);
    const body = req.body as FormBody;
    const baseRevision = Number(body._revision);
    let yours: ResponseData;
    try {
      yours = JSON.parse(String(body._yours ?? '')) as ResponseData;
    } catch {
      throw new Problem('bad_request', req.t('conflict.lost'));
    }
    const theirs = revisionAt(deps.db, r.id, baseRevision);
    if (!theirs || typeof yours !== 'object' || yours === null) throw new Problem('bad_request', req.t('conflict.lost'));
    let merged: ResponseData;
    if (body._resolve === 'mine') merged = yours;
    else if (body._resolve === 'theirs') merged = theirs.data;
    else {
      merged = structuredClone(theirs.data);
      for (const d of diffData(r.plan, theirs.data, yours)) {
        if (body[`choice:${d.pointer}`] === 'mine') merged = setAt(merged, d.pointer, getAt(yours, d.pointer)) as ResponseData;
      }
    }
    try {
      saveResponse(domainCtx(deps, req), r.id, r.rc, { baseRevision, data: merged });
      res.redirect(303, `${base(r)}/pages/${key}?saved=1`);
    } catch (e) {
      if (e instanceof Problem && e.code === 'conflict') return res.status(409).send(conflictPage(req, r, key, e.details as ConflictDetails));
      throw e;
    }
  });

  page({ method: 'get', path: '/reviews/:id/questionnaire/check', summary: 'Check your answers: the whole response read-only, and submission' }, (req, res) => {
    const r = loadResponse(deps, plans, req);
    const ctx = pageContext(req);
    const { t } = ctx;
    const target = reviewTarget(deps.db, r.id)!;
    const canSubmit = r.step === 'drafting' && can(req.actor, 'response.submit', { kind: 'review', review: target });
    const plan = { ...r.plan, pages: r.plan.pages.filter((p) => r.pages.includes(p.key)) };
    const rctx = renderContext(req, r.revision.data, r.errors, r.label);
    const title = t('q.checkAnswers');
    res.send(
      layout(ctx, {
        title,
        body: html`<p><a href="${base(r)}">${t('q.backToToc')}</a></p>
<h1>${title}</h1>
<p class="muted">${t('q.revisionInfo', { n: r.revision.number, author: r.revision.authorName ?? '—' })}</p>
${r.valid ? html`<div class="notice success">${t('q.complete')}</div>` : renderErrorSummary(r.errors, rctx, (pointer) => {
          // The fields are on the articles' pages, not here: link to the field on its page.
          const p = plan.pages.find((pg) => pointer === pg.pointer || pointer.startsWith(`${pg.pointer}/`));
          return p ? `${base(r)}/pages/${encodeURIComponent(p.key)}?check=1#${fieldId(pointer)}` : base(r);
        })}
${renderReadOnly(plan, r.revision.data, rctx)}
${canSubmit
          ? html`<h2>${t('q.submitTitle')}</h2><p>${t('q.submitIntro')}</p>
<form method="post" action="${base(r)}/submit">${csrfField(ctx)}<input type="hidden" name="_revision" value="${r.revision.number}">
<div class="button-row"><button type="submit" class="button"${r.valid ? '' : ' disabled aria-disabled="true"'}>${t('q.submit')}</button></div></form>`
          : ''}`,
      }),
    );
  });

  page({ method: 'post', path: '/reviews/:id/questionnaire/submit', summary: 'Clear and submit the questionnaire (focal point)', writes: true }, (req, res) => {
    const r = loadResponse(deps, plans, req);
    submitResponse(domainCtx(deps, req), r.id, r.rc, Number((req.body as FormBody)._revision));
    res.redirect(303, `/reviews/${r.id}?done=1`);
  });

  page({ method: 'get', path: '/reviews/:id/questionnaire/revisions', summary: 'Revisions of the answers, and a form to compare two' }, (req, res) => {
    const r = loadResponse(deps, plans, req);
    const ctx = pageContext(req);
    const { t } = ctx;
    const revs = listRevisions(deps.db, r.id);
    const from = Number(req.query.from ?? Math.max(0, r.revision.number - 1));
    const to = Number(req.query.to ?? r.revision.number);
    const a = revisionAt(deps.db, r.id, from);
    const b = revisionAt(deps.db, r.id, to);
    const diffs = a && b ? diffData(r.plan, a.data, b.data) : [];
    const options = (selected: number) => [html`<option value="0"${selected === 0 ? ' selected' : ''}>0 — ${t('q.empty')}</option>`, ...revs.map((v) => html`<option value="${v.number}"${v.number === selected ? ' selected' : ''}>${v.number} — ${v.author ?? ''} ${v.createdAt.slice(0, 16).replace('T', ' ')}${v.submitted ? ` (${t('q.submitted')})` : ''}</option>`)];
    res.send(
      layout(ctx, {
        title: t('q.revisions'),
        body: html`<p><a href="${base(r)}">${t('q.backToToc')}</a></p><h1>${t('q.revisions')}</h1>
<form method="get" action="${base(r)}/revisions">
<div class="form-group"><label for="from">${t('q.compareFrom')}</label><select id="from" name="from">${options(from)}</select></div>
<div class="form-group"><label for="to">${t('q.compareTo')}</label><select id="to" name="to">${options(to)}</select></div>
<div class="button-row"><button type="submit" class="button secondary">${t('q.compare')}</button></div></form>
<table><caption>${t('q.diffCaption', { from, to, n: diffs.length })}</caption><thead><tr><th scope="col">${t('conflict.field')}</th><th scope="col">${t('q.before')}</th><th scope="col">${t('q.after')}</th></tr></thead>
<tbody>${diffs.map((d) => html`<tr><th scope="row">${d.path.map((p) => r.label(p)).join(' › ')} › ${r.label(d.label)}</th><td>${formatValue(d.before)}</td><td>${formatValue(d.after)}</td></tr>`)}</tbody></table>`,
      }),
    );
  });
  return router;
}
