// Check your answers (the whole response read-only), submission by the focal point, and
// the revisions of the answers with a field-by-field comparison.
import { html } from '../../lib/html.js';
import { diffData, fieldId, renderErrorSummary, renderReadOnly, type FormBody } from '../../forms/index.js';
import { listRevisions, revisionAt, submitResponse } from '../../responses/index.js';
import { csrfField, layout, pageContext } from '../views/layout.js';
import { domainCtx } from '../request.js';
import { loadResponse, may, renderContext } from '../response-context.js';
import { base, formatValue, type PageRoute } from './questionnaire-shared.js';
import type { FormPlans } from '../form-plans.js';
import type { AppDeps } from '../deps.js';

export function checkRoutes(page: PageRoute, deps: AppDeps, plans: FormPlans): void {
  page(
    {
      method: 'get',
      path: '/reviews/:id/questionnaire/check',
      summary: 'Check your answers: the whole response read-only, and submission',
    },
    (req, res) => {
      const r = loadResponse(deps, plans, req);
      const ctx = pageContext(req);
      const { t } = ctx;
      const canSubmit = r.step === 'drafting' && may(req, r, 'response.submit');
      const plan = {
        ...r.plan,
        pages: r.plan.pages.filter((p) => r.pages.includes(p.key)),
      };
      const rctx = renderContext(req, r.revision.data, r.errors, r.label);
      const title = t('q.checkAnswers');
      res.send(
        layout(ctx, {
          title,
          body: html`<p><a href="${base(r)}">${t('q.backToToc')}</a></p>
            <h1>${title}</h1>
            <p class="muted">${t('q.revisionInfo', { n: r.revision.number, author: r.revision.authorName ?? '—' })}</p>
            ${
              r.valid
                ? html`<div class="notice success">${t('q.complete')}</div>`
                : renderErrorSummary(r.errors, rctx, (pointer) => {
                    // The fields are on the articles' pages, not here: link to the field on its page.
                    const p = plan.pages.find((pg) => pointer === pg.pointer || pointer.startsWith(`${pg.pointer}/`));
                    return p ? `${base(r)}/pages/${encodeURIComponent(p.key)}?check=1#${fieldId(pointer)}` : base(r);
                  })
            }
            ${renderReadOnly(plan, r.revision.data, rctx)}
            ${
              canSubmit
                ? html`<h2>${t('q.submitTitle')}</h2>
                    <p>${t('q.submitIntro')}</p>
                    <form method="post" action="${base(r)}/submit">
                      ${csrfField(ctx)}<input type="hidden" name="_revision" value="${r.revision.number}" />
                      <div class="button-row">
                        <button type="submit" class="button" ${r.valid ? '' : ' disabled aria-disabled="true"'}>${t('q.submit')}</button>
                      </div>
                    </form>`
                : ''
            }`,
        }),
      );
    },
  );

  page(
    {
      method: 'post',
      path: '/reviews/:id/questionnaire/submit',
      summary: 'Clear and submit the questionnaire (focal point)',
      writes: true,
    },
    (req, res) => {
      const r = loadResponse(deps, plans, req);
      submitResponse(domainCtx(deps, req), r.id, r.rc, Number((req.body as FormBody)._revision));
      res.redirect(303, `/reviews/${r.id}?done=1`);
    },
  );

  page(
    {
      method: 'get',
      path: '/reviews/:id/questionnaire/revisions',
      summary: 'Revisions of the answers, and a form to compare two',
    },
    (req, res) => {
      const r = loadResponse(deps, plans, req);
      const ctx = pageContext(req);
      const { t } = ctx;
      const revs = listRevisions(deps.db, r.id);
      const from = Number(req.query.from ?? Math.max(0, r.revision.number - 1));
      const to = Number(req.query.to ?? r.revision.number);
      const a = revisionAt(deps.db, r.id, from);
      const b = revisionAt(deps.db, r.id, to);
      const diffs = a && b ? diffData(r.plan, a.data, b.data) : [];
      const options = (selected: number) => [
        html`<option value="0" ${selected === 0 ? ' selected' : ''}>0 — ${t('q.empty')}</option>`,
        ...revs.map(
          (v) =>
            html`<option value="${v.number}" ${v.number === selected ? ' selected' : ''}>
              ${v.number} — ${v.author ?? ''} ${v.createdAt.slice(0, 16).replace('T', ' ')}${v.submitted ? ` (${t('q.submitted')})` : ''}
            </option>`,
        ),
      ];
      res.send(
        layout(ctx, {
          title: t('q.revisions'),
          body: html`<p><a href="${base(r)}">${t('q.backToToc')}</a></p>
            <h1>${t('q.revisions')}</h1>
            <form method="get" action="${base(r)}/revisions">
              <div class="form-group">
                <label for="from">${t('q.compareFrom')}</label
                ><select id="from" name="from">
                  ${options(from)}
                </select>
              </div>
              <div class="form-group">
                <label for="to">${t('q.compareTo')}</label
                ><select id="to" name="to">
                  ${options(to)}
                </select>
              </div>
              <div class="button-row">
                <button type="submit" class="button secondary">${t('q.compare')}</button>
              </div>
            </form>
            <table>
              <caption>
                ${t('q.diffCaption', { from, to, n: diffs.length })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${t('conflict.field')}</th>
                  <th scope="col">${t('q.before')}</th>
                  <th scope="col">${t('q.after')}</th>
                </tr>
              </thead>
              <tbody>
                ${diffs.map(
                  (d) =>
                    html`<tr>
                      <th scope="row">${d.path.map((p) => r.label(p)).join(' › ')} › ${r.label(d.label)}</th>
                      <td>${formatValue(d.before)}</td>
                      <td>${formatValue(d.after)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`,
        }),
      );
    },
  );
}
