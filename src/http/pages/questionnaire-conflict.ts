// A save based on an older revision: the page that shows, field by field, the answer when
// the user opened the page, the colleague's and the user's own, and the merge that follows.
import type { Request } from 'express';
import { html } from '../../lib/html.js';
import { diffData, getAt, setAt, type FormBody } from '../../forms/index.js';
import { revisionAt, saveResponse, type ConflictDetails, type ResponseData } from '../../responses/index.js';
import { Problem } from '../../lib/errors.js';
import { csrfField, layout, pageContext } from '../views/layout.js';
import { domainCtx } from '../request.js';
import { loadResponse, type LoadedResponse } from '../response-context.js';
import { base, formatValue, pageParam, type PageRoute } from './questionnaire-shared.js';
import type { FormPlans } from '../form-plans.js';
import type { AppDeps } from '../deps.js';

export function renderConflictPage(req: Request, r: LoadedResponse, key: string, c: ConflictDetails): string {
  const ctx = pageContext(req);
  const { t } = ctx;
  const diffs = diffData(r.plan, c.theirs, c.yours);
  const title = t('conflict.title');
  return layout(ctx, {
    title,
    body: html`<h1>${title}</h1>
      <div class="notice" role="alert">
        <p>${t('conflict.intro', { name: c.theirAuthor ?? t('conflict.someone'), base: c.base, current: c.current })}</p>
      </div>
      <form method="post" action="${base(r)}/pages/${key}/resolve" novalidate>
        ${csrfField(ctx)}
        <input type="hidden" name="_revision" value="${c.current}" />
        <input type="hidden" name="_yours" value="${JSON.stringify(c.yours)}" />
        ${
          diffs.length
            ? html`<table>
                <caption>
                  ${t('conflict.caption', { n: diffs.length })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">${t('conflict.field')}</th>
                    <th scope="col">${t('conflict.original')}</th>
                    <th scope="col">${t('conflict.theirs')}</th>
                    <th scope="col">${t('conflict.yours')}</th>
                    <th scope="col">${t('conflict.keep')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${diffs.map((d, i) => {
                    const theirsChanged = JSON.stringify(getAt(c.original, d.pointer)) !== JSON.stringify(d.before);
                    return html`<tr>
                      <th scope="row">${d.path.map((p) => r.label(p)).join(' › ')} › ${r.label(d.label)}</th>
                      <td>${formatValue(getAt(c.original, d.pointer))}</td>
                      <td>${formatValue(d.before)}</td>
                      <td>${formatValue(d.after)}</td>
                      <td>
                        <fieldset>
                          <legend class="visually-hidden">${t('conflict.keepFor', { field: r.label(d.label) })}</legend>
                          <div class="choice">
                            <input type="radio" id="c${i}-mine" name="choice:${d.pointer}" value="mine" ${theirsChanged ? '' : ' checked'} /><label for="c${i}-mine"
                              >${t('conflict.mine')}</label
                            >
                          </div>
                          <div class="choice">
                            <input type="radio" id="c${i}-theirs" name="choice:${d.pointer}" value="theirs" ${theirsChanged ? ' checked' : ''} /><label for="c${i}-theirs"
                              >${t('conflict.theirsShort')}</label
                            >
                          </div>
                        </fieldset>
                      </td>
                    </tr>`;
                  })}
                </tbody>
              </table>`
            : html`<p>${t('conflict.noDifference')}</p>`
        }
        <div class="button-row">
          <button type="submit" name="_resolve" value="fields" class="button">${t('conflict.mergeChosen')}</button>
          <button type="submit" name="_resolve" value="mine" class="button secondary">${t('conflict.keepAllMine')}</button>
          <button type="submit" name="_resolve" value="theirs" class="button secondary">${t('conflict.takeAllTheirs')}</button>
        </div>
      </form>`,
  });
}

export function conflictRoutes(page: PageRoute, deps: AppDeps, plans: FormPlans): void {
  page(
    {
      method: 'post',
      path: '/reviews/:id/questionnaire/pages/:page/resolve',
      summary: 'Resolve a conflicting save: keep yours, take theirs, or merge per field',
      writes: true,
    },
    (req, res) => {
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
        saveResponse(domainCtx(deps, req), r.id, r.rc, {
          baseRevision,
          data: merged,
        });
        res.redirect(303, `${base(r)}/pages/${key}?saved=1`);
      } catch (e) {
        if (e instanceof Problem && e.code === 'conflict') return res.status(409).send(renderConflictPage(req, r, key, e.details as ConflictDetails));
        throw e;
      }
    },
  );
}
