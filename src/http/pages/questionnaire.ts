// The questionnaire of one review as server-rendered pages that work without JavaScript:
// a table of contents with progress per article, and one page per article, saved as a new
// revision. Conflicts: questionnaire-conflict.ts; check, submit, revisions: questionnaire-check.ts.
import { Router, type Request } from 'express';
import { html, type SafeHtml } from '../../lib/html.js';
import { applyAction, pageProgress, parsePage, prunePage, renderErrorSummary, renderPage, renderReadOnly, type FormBody, type FormPlan } from '../../forms/index.js';
import { saveResponse, type ConflictDetails, type ResponseData } from '../../responses/index.js';
import { Problem } from '../../lib/errors.js';
import { csrfField, layout, pageContext } from '../views/layout.js';
import { domainCtx } from '../request.js';
import { loadResponse, pageErrors, renderContext, savedPageErrors, type LoadedResponse } from '../response-context.js';
import type { FormPlans } from '../form-plans.js';
import type { AppDeps } from '../deps.js';
import type { RouteTable } from '../route-table.js';
import { base, editable, pageParam, pageRoute } from './questionnaire-shared.js';
import { conflictRoutes, renderConflictPage } from './questionnaire-conflict.js';
import { checkRoutes } from './questionnaire-check.js';
const OBLIGATIONS = ['mandatory', 'shall_consider', 'optional'] as const;

function obligationsOf(plan: FormPlan, page: string): Set<string> {
  const node = plan.pageByKey.get(page)?.node;
  return new Set((node?.properties ?? []).flatMap((p) => (p.provision ? [p.provision.obligation] : [])));
}

export function questionnairePages(deps: AppDeps, table: RouteTable, plans: FormPlans): Router {
  const router = Router();
  const page = pageRoute(router, table);

  page(
    {
      method: 'get',
      path: '/reviews/:id/questionnaire',
      summary: 'Table of contents with progress per article, filtered by instrument and obligation',
    },
    (req, res) => {
      const r = loadResponse(deps, plans, req);
      const ctx = pageContext(req);
      const { t } = ctx;
      const instrument = typeof req.query.instrument === 'string' ? req.query.instrument : '';
      const obligation = typeof req.query.obligation === 'string' ? req.query.obligation : '';
      const shownErrors = savedPageErrors(r);
      const progress = new Map(pageProgress(r.plan, r.revision.data, shownErrors).map((p) => [p.key, p]));
      const pages = r.plan.pages.filter(
        (p) => r.pages.includes(p.key) && (!instrument || p.annotation?.instrument === instrument) && (!obligation || obligationsOf(r.plan, p.key).has(obligation)),
      );
      const instruments = [...new Set(r.plan.pages.filter((p) => r.pages.includes(p.key)).flatMap((p) => (p.annotation ? [p.annotation.instrument] : [])))];
      const title = t('q.tocTitle');
      res.send(
        layout(ctx, {
          title,
          body: html`<p>
              <a href="/reviews/${r.id}">${t('q.backToReview')}</a>
            </p>
            <h1>${title}</h1>
            <p class="muted">
              ${t('q.revisionInfo', { n: r.revision.number, author: r.revision.authorName ?? '—' })}
              ${r.revision.submitted ? html`<span class="tag done">${t('q.submitted')}</span>` : ''}
            </p>
            ${!editable(r, req) && html`<div class="notice">${t(r.step === 'drafting' ? 'q.readOnlyRole' : 'q.readOnlyStep', { step: t(`step.${r.step}`) })}</div>`}
            <form method="get" action="${base(r)}" class="filters">
              <div class="form-group">
                <label for="instrument">${t('q.filterInstrument')}</label
                ><select id="instrument" name="instrument">
                  <option value="">${t('q.all')}</option>
                  ${instruments.map((i) => html`<option value="${i}" ${i === instrument ? ' selected' : ''}>${i}</option>`)}
                </select>
              </div>
              <div class="form-group">
                <label for="obligation">${t('q.filterObligation')}</label
                ><select id="obligation" name="obligation">
                  <option value="">${t('q.all')}</option>
                  ${OBLIGATIONS.map((o) => html`<option value="${o}" ${o === obligation ? ' selected' : ''}>${t(`form.obligation.${o === 'shall_consider' ? 'shallConsider' : o}`)}</option>`)}
                </select>
              </div>
              <div class="button-row">
                <button type="submit" class="button secondary">${t('q.filter')}</button>
              </div>
            </form>
            <table>
              <caption>
                ${t('q.tocCaption', { shown: pages.length, total: r.pages.length })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${t('q.article')}</th>
                  <th scope="col">${t('q.answered')}</th>
                  <th scope="col">${t('q.problems')}</th>
                </tr>
              </thead>
              <tbody>
                ${pages.map((p) => {
                  const pr = progress.get(p.key);
                  return html`<tr>
                    <td>
                      <a href="${base(r)}/pages/${p.key}">${r.label(p.title)}</a>
                    </td>
                    <td>${t('q.answeredOf', { answered: pr?.answered ?? 0, total: pr?.total ?? 0 })}</td>
                    <td>
                      ${pr?.errors ? html`<span class="tag overdue">${t('q.problemCount', { n: pr.errors })}</span>` : pr && pr.answered === pr.total && pr.total > 0 ? html`<span class="tag done">${t('q.complete')}</span>` : '—'}
                    </td>
                  </tr>`;
                })}
              </tbody>
            </table>
            <div class="button-row">
              <a class="button" href="${base(r)}/check">${t('q.checkAnswers')}</a>
              <a href="${base(r)}/revisions">${t('q.revisions')}</a>
            </div>`,
        }),
      );
    },
  );

  const articlePage = (req: Request, r: LoadedResponse, key: string, data: ResponseData, errors: Map<string, string[]>, notice?: SafeHtml): string => {
    const ctx = pageContext(req);
    const { t } = ctx;
    const idx = r.pages.indexOf(key);
    const prev = r.pages[idx - 1];
    const next = r.pages[idx + 1];
    const fp = r.plan.pageByKey.get(key)!;
    const rctx = renderContext(req, data, errors, r.label);
    const canEdit = editable(r, req);
    const fields = canEdit ? renderPage(r.plan, key, rctx) : renderReadOnly({ ...r.plan, pages: [fp] }, data, rctx);
    return layout(ctx, {
      title: `${errors.size ? `${t('form.errorPrefix')} ` : ''}${r.label(fp.title)}`,
      scripts: canEdit ? ['/static/forms/conditional.js', '/static/autosave.js'] : [],
      body: html`<p><a href="${base(r)}">${t('q.backToToc')}</a></p>
        ${notice ?? ''} ${errors.size ? renderErrorSummary(errors, rctx) : ''}
        <p class="muted">${t('q.pageOf', { n: idx + 1, total: r.pages.length })}</p>
        <h1>${r.label(fp.title)}</h1>
        ${
          canEdit
            ? html`<form method="post" action="${base(r)}/pages/${key}" novalidate data-autosave="/api/reviews/${r.id}/response/pages/${key}" data-revision="${r.revision.number}">
                ${csrfField(ctx)}
                <input type="hidden" name="_revision" value="${r.revision.number}" />
                <button type="submit" name="_action" value="save" class="visually-hidden" tabindex="-1" aria-hidden="true">${t('q.save')}</button>
                ${fields}
                <p class="autosave-status muted" role="status" aria-live="polite"></p>
                <div class="button-row">
                  <button type="submit" name="_action" value="save" class="button">${t('q.save')}</button>
                  ${next ? html`<button type="submit" name="_action" value="next" class="button secondary">${t('q.saveAndNext')}</button>` : html`<button type="submit" name="_action" value="check" class="button secondary">${t('q.saveAndCheck')}</button>`}
                </div>
              </form>`
            : fields
        }
        <nav class="button-row" aria-label="${t('q.pagination')}">
          ${prev ? html`<a href="${base(r)}/pages/${prev}" rel="prev">${t('q.previous')}</a>` : ''}
          ${next ? html`<a href="${base(r)}/pages/${next}" rel="next">${t('q.next')}</a>` : ''}
        </nav>`,
    });
  };

  page(
    {
      method: 'get',
      path: '/reviews/:id/questionnaire/pages/:page',
      summary: 'One article of the questionnaire',
    },
    (req, res) => {
      const r = loadResponse(deps, plans, req);
      const key = pageParam(r, req);
      // ?check=1 (a link from "check your answers") shows the errors of an unsaved article too.
      const errors = pageErrors(req.query.check ? r.errors : savedPageErrors(r), key);
      const notice = req.query.saved ? html`<div class="notice success" role="status">${req.t('q.saved', { n: r.revision.number })}</div>` : undefined;
      res.send(articlePage(req, r, key, r.revision.data, errors, notice));
    },
  );

  page(
    {
      method: 'post',
      path: '/reviews/:id/questionnaire/pages/:page',
      summary: 'Save one article as a new revision (and add or remove rows)',
      writes: true,
    },
    (req, res) => {
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
        const saved = saveResponse(domainCtx(deps, req), r.id, r.rc, {
          baseRevision,
          data: pageData,
          page: key,
        });
        const hasErrors = saved.validation.errors.some(
          (e) =>
            e.instancePath === `/${key}` || e.instancePath.startsWith(`/${key}/`) || (e.instancePath === '' && (e.params as { missingProperty?: string }).missingProperty === key),
        );
        const idx = r.pages.indexOf(key);
        if (action === 'next' && !hasErrors && r.pages[idx + 1]) return res.redirect(303, `${base(r)}/pages/${r.pages[idx + 1]}`);
        if (action === 'check' && !hasErrors) return res.redirect(303, `${base(r)}/check`);
        const anchor = action.startsWith('add:') ? `#${encodeURIComponent(action.slice(4))}` : '';
        res.redirect(303, `${base(r)}/pages/${key}?saved=1${anchor}`);
      } catch (e) {
        if (e instanceof Problem && e.code === 'conflict') return res.status(409).send(renderConflictPage(req, r, key, e.details as ConflictDetails));
        throw e;
      }
    },
  );

  conflictRoutes(page, deps, plans);
  checkRoutes(page, deps, plans);
  return router;
}
