// One review: where it stands, its due dates, reviewing States, history, and the moves the
// caller may make. Hidden reviews are 404, like on the API.
import { Router } from 'express';
import { html } from '../../lib/html.js';
import { permissionsOf } from '../../auth/index.js';
import { reviewDetails, setDueDate, transition, visibleReview } from '../../reviews/service.js';
import { movesFor } from '../../reviews/steps.js';
import { csrfProtection, requireUser } from '../guards.js';
import { csrfField, layout, pageContext } from '../views/layout.js';
import { domainCtx, reviewId } from '../request.js';
import { stepTag } from './home.js';
import type { AppDeps } from '../deps.js';
import type { RouteTable } from '../route-table.js';

export function reviewPages(deps: AppDeps, table: RouteTable): Router {
  const router = Router();
  const today = () => deps.clock.now().toISOString().slice(0, 10);

  table.add(router, { method: 'get', path: '/reviews/:id', summary: 'A review’s overview page', kind: 'page', audience: 'review' }, requireUser, (req, res) => {
    const ctx = pageContext(req);
    const { t } = ctx;
    const { role } = visibleReview(deps.db, req.actor, reviewId(req));
    const r = reviewDetails(deps.db, reviewId(req), today());
    const perms = permissionsOf(role);
    // Moves with their own route (submission, on "check your answers") are not offered here.
    const moves = movesFor(role, r.step).filter((m) => !m.through);
    const manage = perms.includes('review.manage');
    const title = t('review.title', { state: r.partyName });
    res.send(
      layout(ctx, {
        title,
        body: html`<h1>${title}</h1>
${req.query.done && html`<div class="notice success" role="status">${t('review.saved')}</div>`}
<dl class="summary-list">
  <dt>${t('review.phase')}</dt><dd>${t('review.phaseLabel', { sequence: r.phase.sequence, cluster: r.phase.cluster, group: r.phase.groupNo })}</dd>
  <dt>${t('review.step')}</dt><dd>${stepTag(ctx, r)}</dd>
  <dt>${t('review.questionnaire')}</dt><dd>${r.questionnaire.id} v${r.questionnaire.version} — <a href="/reviews/${r.id}/questionnaire">${t('review.openQuestionnaire')}</a></dd>
  <dt>${t('review.yourRole')}</dt><dd>${role.kind === 'secretariat' ? t('role.secretariat') : t(`side.${role.side}`, { role: t(`role.${role.role}`), party: role.party })}</dd>
  <dt>${t('review.reviewers')}</dt><dd>${r.reviewers.length ? html`<ul>${r.reviewers.map((v) => html`<li>${v.party} — ${t(`basis.${v.basis}`)} (${v.instruments.join(', ')})</li>`)}</ul>` : t('review.noReviewers')}</dd>
  <dt>${t('review.consent')}</dt><dd>${r.publicationConsent ? t('common.yes') : t('common.no')}</dd>
</dl>
${moves.length
          ? html`<h2>${t('review.actions')}</h2>${moves.map(
              (m) => html`<form method="post" action="/reviews/${r.id}/transitions" class="button-row">${csrfField(ctx)}<input type="hidden" name="action" value="${m.action}">
<label for="reason-${m.action}" class="visually-hidden">${t('review.reason')}</label>
<input id="reason-${m.action}" name="reason" type="text" maxlength="2000" placeholder="${t('review.reason')}" aria-label="${t('review.reasonFor', { action: t(`action.${m.action}`) })}">
<button type="submit" class="button">${t(`action.${m.action}`)}</button></form>`,
            )}`
          : ''}
<h2>${t('review.deadlines')}</h2>
<table><caption>${t('review.deadlinesCaption')}</caption>
<thead><tr><th scope="col">${t('review.deadline')}</th><th scope="col">${t('review.dueOn')}</th><th scope="col">${t('review.status')}</th>${manage ? html`<th scope="col">${t('review.change')}</th>` : ''}</tr></thead>
<tbody>${r.deadlines.map(
          (d) => html`<tr><th scope="row">${t(`deadline.${d.key}`)}</th><td>${d.dueOn}</td><td>${d.completedAt ? html`<span class="tag done">${t('review.done', { date: d.completedAt })}</span>` : d.overdue ? html`<span class="tag overdue">${t('review.overdue')}</span>` : t('review.open')}</td>
${manage ? html`<td><form method="post" action="/reviews/${r.id}/deadlines/${d.key}">${csrfField(ctx)}<label for="due-${d.key}" class="visually-hidden">${t('review.newDate', { deadline: t(`deadline.${d.key}`) })}</label><input id="due-${d.key}" name="dueOn" type="date" value="${d.dueOn}" required> <button type="submit" class="button secondary">${t('review.change')}</button></form></td>` : ''}</tr>`,
        )}</tbody></table>
<h2>${t('review.history')}</h2>
<table><caption>${t('review.historyCaption')}</caption><thead><tr><th scope="col">${t('review.when')}</th><th scope="col">${t('review.who')}</th><th scope="col">${t('review.from')}</th><th scope="col">${t('review.to')}</th><th scope="col">${t('review.reason')}</th></tr></thead>
<tbody>${r.history.map((h) => html`<tr><td>${h.at.slice(0, 16).replace('T', ' ')}</td><td>${h.actor ?? '—'}</td><td>${h.from ? t(`step.${h.from}`) : '—'}</td><td>${t(`step.${h.to}`)}</td><td>${h.reason ?? ''}</td></tr>`)}</tbody></table>`,
      }),
    );
  });

  table.add(router, { method: 'post', path: '/reviews/:id/transitions', summary: 'Move the review (form)', kind: 'page', audience: 'review', writes: true }, requireUser, csrfProtection, (req, res) => {
    const b = req.body as Record<string, string | undefined>;
    transition(domainCtx(deps, req), reviewId(req), String(b.action ?? ''), b.reason?.trim() ? b.reason.slice(0, 2000) : undefined);
    res.redirect(303, `/reviews/${reviewId(req)}?done=1`);
  });

  table.add(router, { method: 'post', path: '/reviews/:id/deadlines/:key', summary: 'Change a due date (form)', kind: 'page', audience: 'review', writes: true }, requireUser, csrfProtection, (req, res) => {
    setDueDate(domainCtx(deps, req), reviewId(req), String(req.params.key), String((req.body as Record<string, unknown>).dueOn ?? ''));
    res.redirect(303, `/reviews/${reviewId(req)}?done=1`);
  });
  return router;
}
