// Phases: launching the reviews of a group, drawing lots, re-drawing one review.
import { Router } from 'express';
import { asc, eq } from 'drizzle-orm';
import { tables } from '../../db/index.js';
import { html } from '../../lib/html.js';
import { Problem } from '../../lib/errors.js';
import { getPhase, launchPhase, listPhases } from '../../reviews/phases.js';
import { drawsOfPhase, redraw, runDraw } from '../../reviews/draws.js';
import { visibleReview } from '../../reviews/service.js';
import { csrfProtection, requireUser } from '../guards.js';
import { csrfField, layout, pageContext } from '../views/layout.js';
import { domainCtx, wholeNumber } from '../request.js';
import { secretariatRoute } from './secretariat-route.js';
import type { AppDeps } from '../deps.js';
import type { RouteTable } from '../route-table.js';

export function phasePages(deps: AppDeps, table: RouteTable): Router {
  const router = Router();
  const add = secretariatRoute(router, table);
  add({ method: 'get', path: '/secretariat/phases', summary: 'Phases: launch reviews and draw lots' }, (req, res) => {
    const ctx = pageContext(req);
    const { t } = ctx;
    const counts = new Map<number, number>();
    for (const r of deps.db.select({ phaseId: tables.reviews.phaseId }).from(tables.reviews).all()) counts.set(r.phaseId, (counts.get(r.phaseId) ?? 0) + 1);
    res.send(
      layout(ctx, {
        title: t('phases.title'),
        body: html`<h1>${t('phases.title')}</h1>
<table><caption>${t('phases.title')}</caption><thead><tr><th scope="col">${t('review.phase')}</th><th scope="col">${t('phases.dates')}</th><th scope="col">${t('phases.reviews')}</th><th scope="col">${t('phases.open')}</th></tr></thead>
<tbody>${listPhases(deps.db).map((p) => html`<tr><td>${t('review.phaseLabel', { sequence: p.sequence, cluster: p.cluster, group: p.groupNo })}</td><td>${p.startsOn} – ${p.endsOn}</td><td>${counts.get(p.id) ?? 0}</td><td><a href="/secretariat/phases/${p.id}">${t('phases.open')}</a></td></tr>`)}</tbody></table>`,
      }),
    );
  });

  add({ method: 'get', path: '/secretariat/phases/:id', summary: 'One phase: launch, draw lots, re-draw' }, (req, res) => {
    const ctx = pageContext(req);
    const { t } = ctx;
    const phase = getPhase(deps.db, wholeNumber(req.params.id));
    const reviews = deps.db.select({ id: tables.reviews.id, party: tables.reviews.party, name: tables.parties.nameEn }).from(tables.reviews).innerJoin(tables.parties, eq(tables.parties.iso3, tables.reviews.party)).where(eq(tables.reviews.phaseId, phase.id)).orderBy(asc(tables.parties.nameEn)).all();
    const assignments = deps.db.select().from(tables.reviewerAssignments).where(eq(tables.reviewerAssignments.active, true)).all();
    const draws = drawsOfPhase(deps.db, phase.id);
    const title = t('review.phaseLabel', { sequence: phase.sequence, cluster: phase.cluster, group: phase.groupNo });
    res.send(
      layout(ctx, {
        title,
        body: html`<h1>${title}</h1>
${req.query.drawn && html`<div class="notice success" role="status">${t('phases.drawn', { ms: String(req.query.ms ?? '') })}</div>`}
<form method="post" action="/secretariat/phases/${phase.id}/launch">${csrfField(ctx)}<div class="button-row"><button type="submit" class="button">${t('phases.launch')}</button></div></form>
<h2>${t('phases.draw')}</h2>
<form method="post" action="/secretariat/phases/${phase.id}/draw">${csrfField(ctx)}
<div class="form-group"><label for="seed">${t('phases.seed')}</label><p class="hint" id="seed-hint">${t('phases.seedHint')}</p><input id="seed" name="seed" type="text" required aria-describedby="seed-hint"></div>
<div class="form-group"><label for="cap">${t('phases.cap')}</label><input id="cap" name="cap" type="text" inputmode="numeric" value="3"></div>
<div class="button-row"><button type="submit" class="button">${t('phases.drawButton')}</button></div></form>
${draws.length ? html`<p>${t('phases.draws')}: ${draws.map((d) => html`<a href="/api/draws/${d.id}">#${d.id} (${d.seed})</a> `)}</p>` : ''}
<table><caption>${t('phases.assignments')}</caption><thead><tr><th scope="col">${t('review.state')}</th><th scope="col">${t('review.reviewers')}</th><th scope="col">${t('phases.redraw')}</th></tr></thead>
<tbody>${reviews.map((r) => {
          const mine = assignments.filter((a) => a.reviewId === r.id);
          return html`<tr><td><a href="/reviews/${r.id}">${r.name}</a></td><td>${mine.map((a) => html`${a.reviewerParty} (${t(`basis.${a.basis}`)}: ${(a.instruments as string[]).join(', ')})<br>`)}</td>
<td>${mine.length ? html`<form method="post" action="/secretariat/reviews/${r.id}/redraw">${csrfField(ctx)}<label for="replace-${r.id}" class="visually-hidden">${t('phases.replaceFor', { state: r.name })}</label><select id="replace-${r.id}" name="replace"><option value="">${t('phases.allReviewers')}</option>${mine.map((a) => html`<option value="${a.reviewerParty}">${a.reviewerParty}</option>`)}</select>
<label for="reason-${r.id}" class="visually-hidden">${t('phases.reasonFor', { state: r.name })}</label><select id="reason-${r.id}" name="reason"><option value="requested">${t('phases.requested')}</option><option value="withdrawal">${t('phases.withdrawal')}</option></select>
<button type="submit" class="button secondary">${t('phases.redraw')}</button></form>` : '—'}</td></tr>`;
        })}</tbody></table>`,
      }),
    );
  });

  add({ method: 'post', path: '/secretariat/phases/:id/launch', summary: 'Launch the reviews (form)', writes: true }, (req, res) => {
    const phase = getPhase(deps.db, wholeNumber(req.params.id));
    const q = deps.questionnaires.currentForCluster(phase.cluster);
    if (!q) throw new Problem('conflict', `No questionnaire is loaded for cluster ${phase.cluster}.`);
    launchPhase(domainCtx(deps, req), phase.id, q.id);
    res.redirect(303, `/secretariat/phases/${phase.id}`);
  });

  add({ method: 'post', path: '/secretariat/phases/:id/draw', summary: 'Draw lots (form)', writes: true }, (req, res) => {
    const phase = getPhase(deps.db, wholeNumber(req.params.id));
    const b = req.body as Record<string, string | undefined>;
    if (!b.seed?.trim()) throw new Problem('validation_failed', req.t('phases.seedRequired'));
    const cap = wholeNumber(b.cap);
    const { ms } = runDraw(domainCtx(deps, req), { phaseId: phase.id, seed: b.seed.trim().slice(0, 200), rules: Number.isNaN(cap) ? {} : { maxReviewsPerReviewer: cap } });
    res.redirect(303, `/secretariat/phases/${phase.id}?drawn=1&ms=${Math.round(ms)}`);
  });

  table.add(router, { method: 'post', path: '/secretariat/reviews/:id/redraw', summary: 'Re-draw one review (form)', kind: 'page', audience: 'review', writes: true }, requireUser, csrfProtection, (req, res) => {
    visibleReview(deps.db, req.actor, wholeNumber(req.params.id));
    const b = req.body as Record<string, string | undefined>;
    const id = wholeNumber(req.params.id);
    const reason = b.reason === 'withdrawal' ? 'withdrawal' : 'requested';
    redraw(domainCtx(deps, req), { reviewId: id, reason, ...(b.replace ? { replace: b.replace } : {}) });
    const phaseId = deps.db.select({ p: tables.reviews.phaseId }).from(tables.reviews).where(eq(tables.reviews.id, id)).get()?.p;
    res.redirect(303, `/secretariat/phases/${phaseId}`);
  });

  return router;
}
