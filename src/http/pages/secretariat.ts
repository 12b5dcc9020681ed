// The secretariat's pages: users and roles, the audit log, phases with launching and the
// drawing of lots. All behind requireSecretariat; writes carry the CSRF token.
import { Router } from 'express';
import { asc, eq } from 'drizzle-orm';
import { tables } from '../../db/index.js';
import { html } from '../../lib/html.js';
import { createUser, issuePasswordReset, type StateRole } from '../../auth/index.js';
import { listEvents } from '../../audit/index.js';
import { Problem } from '../../lib/errors.js';
import { getPhase, launchPhase, listPhases } from '../../reviews/phases.js';
import { drawsOfPhase, redraw, runDraw } from '../../reviews/draws.js';
import { csrfProtection, requireSecretariat, requireUser } from '../guards.js';
import { visibleReview } from '../../reviews/service.js';
import { csrfField, errorSummary, layout, pageContext } from '../views/layout.js';
import { domainCtx } from '../request.js';
import type { AppDeps } from '../deps.js';
import type { RouteSpec, RouteTable } from '../route-table.js';

export function secretariatPages(deps: AppDeps, table: RouteTable): Router {
  const router = Router();
  const add = (spec: Omit<RouteSpec, 'kind' | 'audience'>, handler: Parameters<RouteTable['add']>[2]) =>
    table.add(router, { ...spec, kind: 'page', audience: 'secretariat' }, requireSecretariat, ...(spec.writes ? [csrfProtection] : []), handler);
  const num = (v: unknown) => (typeof v === 'string' && /^\d{1,12}$/.test(v) ? Number(v) : NaN);

  const usersPage = (req: Parameters<Parameters<RouteTable['add']>[2]>[0], extra: { link?: string; error?: string } = {}) => {
    const ctx = pageContext(req);
    const { t } = ctx;
    const members = deps.db.select().from(tables.memberships).where(eq(tables.memberships.active, true)).all();
    const users = deps.db.select().from(tables.users).orderBy(asc(tables.users.id)).all();
    const parties = deps.db.select({ iso3: tables.parties.iso3, name: tables.parties.nameEn }).from(tables.parties).orderBy(asc(tables.parties.nameEn)).all();
    return layout(ctx, {
      title: t('users.title'),
      body: html`${errorSummary(t, extra.error ? [{ href: '#email', message: extra.error }] : [])}
<h1>${t('users.title')}</h1>
${extra.link && html`<div class="notice success" role="status"><p>${t('users.linkIntro')}</p><p><code>${extra.link}</code></p></div>`}
<h2>${t('users.create')}</h2>
<form method="post" action="/secretariat/users" novalidate>${csrfField(ctx)}
<div class="form-group"><label for="email">${t('login.email')}</label><input id="email" name="email" type="email" autocomplete="off" spellcheck="false"></div>
<div class="form-group"><label for="displayName">${t('users.name')}</label><input id="displayName" name="displayName" type="text"></div>
<div class="form-group"><label for="party">${t('users.party')}</label><select id="party" name="party"><option value="">${t('users.noParty')}</option>${parties.map((p) => html`<option value="${p.iso3}">${p.name} (${p.iso3})</option>`)}</select></div>
<fieldset class="form-group"><legend>${t('users.role')}</legend><div class="choices">${(['focal_point', 'expert', 'observer', 'secretariat'] as const).map(
        (r, i) => html`<div class="choice"><input type="radio" id="role-${r}" name="role" value="${r}"${i === 1 ? ' checked' : ''}><label for="role-${r}">${t(`role.${r}`)}</label></div>`,
      )}</div></fieldset>
<div class="button-row"><button type="submit" class="button">${t('users.invite')}</button></div>
</form>
<h2>${t('users.list')}</h2>
<table><caption>${t('users.list')}</caption><thead><tr><th scope="col">${t('users.name')}</th><th scope="col">${t('login.email')}</th><th scope="col">${t('users.status')}</th><th scope="col">${t('users.roles')}</th><th scope="col">${t('users.reset')}</th></tr></thead>
<tbody>${users.map(
        (u) => html`<tr><td>${u.displayName}</td><td>${u.email}</td><td>${t(`users.status.${u.status}`)}</td>
<td>${u.isSecretariat ? t('role.secretariat') : members.filter((m) => m.userId === u.id).map((m) => html`${t(`role.${m.role}`)} · ${m.party}${m.reviewId ? ` #${m.reviewId}` : ''}<br>`)}</td>
<td><form method="post" action="/secretariat/users/${u.id}/reset">${csrfField(ctx)}<button type="submit" class="button secondary" aria-label="${t('users.resetFor', { name: u.displayName })}">${t('users.reset')}</button></form></td></tr>`,
      )}</tbody></table>`,
    });
  };

  add({ method: 'get', path: '/secretariat/users', summary: 'Users and roles' }, (req, res) => {
    res.send(usersPage(req));
  });

  add({ method: 'post', path: '/secretariat/users', summary: 'Invite a user (form)', writes: true }, (req, res) => {
    const b = req.body as Record<string, string | undefined>;
    const role = b.role ?? 'expert';
    try {
      if (role !== 'secretariat' && !b.party) throw new Problem('validation_failed', req.t('users.partyRequired'));
      const { inviteToken } = createUser(domainCtx(deps, req), {
        email: b.email ?? '',
        displayName: b.displayName ?? '',
        isSecretariat: role === 'secretariat',
        memberships: role !== 'secretariat' && b.party ? [{ party: b.party, role: role as StateRole }] : [],
      });
      res.status(201).send(usersPage(req, { link: `${deps.config.baseUrl}/invitations/${inviteToken}` }));
    } catch (e) {
      if (e instanceof Problem && e.status < 500) return res.status(e.status).send(usersPage(req, { error: e.message }));
      throw e;
    }
  });

  add({ method: 'post', path: '/secretariat/users/:id/reset', summary: 'Issue a password reset link (form)', writes: true }, (req, res) => {
    const token = issuePasswordReset(domainCtx(deps, req), num(req.params.id));
    res.send(usersPage(req, { link: `${deps.config.baseUrl}/invitations/${token}` }));
  });

  add({ method: 'get', path: '/secretariat/audit', summary: 'The audit log with filters' }, (req, res) => {
    const ctx = pageContext(req);
    const { t } = ctx;
    const q = req.query as Record<string, string | undefined>;
    const events = listEvents(deps.db, { action: q.action || undefined, actorUserId: Number.isNaN(num(q.user)) ? undefined : num(q.user), reviewId: Number.isNaN(num(q.review)) ? undefined : num(q.review), from: q.from || undefined, to: q.to || undefined, limit: 200 });
    res.send(
      layout(ctx, {
        title: t('audit.title'),
        body: html`<h1>${t('audit.title')}</h1>
<form method="get" action="/secretariat/audit" class="filters">
<div class="form-group"><label for="action">${t('audit.action')}</label><p class="hint" id="action-hint">${t('audit.actionHint')}</p><input id="action" name="action" type="text" value="${q.action ?? ''}" aria-describedby="action-hint"></div>
<div class="form-group"><label for="review">${t('audit.review')}</label><input id="review" name="review" type="text" inputmode="numeric" value="${q.review ?? ''}"></div>
<div class="form-group"><label for="user">${t('audit.user')}</label><input id="user" name="user" type="text" inputmode="numeric" value="${q.user ?? ''}"></div>
<div class="form-group"><label for="from">${t('audit.from')}</label><input id="from" name="from" type="date" value="${q.from ?? ''}"></div>
<div class="form-group"><label for="to">${t('audit.to')}</label><input id="to" name="to" type="date" value="${q.to ?? ''}"></div>
<div class="button-row"><button type="submit" class="button">${t('audit.filter')}</button></div>
</form>
<table><caption>${t('audit.caption', { n: events.length })}</caption><thead><tr><th scope="col">${t('review.when')}</th><th scope="col">${t('audit.action')}</th><th scope="col">${t('audit.user')}</th><th scope="col">${t('audit.review')}</th><th scope="col">${t('audit.target')}</th><th scope="col">${t('audit.details')}</th></tr></thead>
<tbody>${events.map((e) => html`<tr><td>${e.at.slice(0, 19).replace('T', ' ')}</td><td>${e.action}</td><td>${e.actorUserId ?? '—'}</td><td>${e.reviewId ?? '—'}</td><td>${e.targetType ?? ''} ${e.targetId ?? ''}</td><td><code>${e.details ? JSON.stringify(e.details).slice(0, 300) : ''}</code></td></tr>`)}</tbody></table>`,
      }),
    );
  });

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
    const phase = getPhase(deps.db, num(req.params.id));
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
    const phase = getPhase(deps.db, num(req.params.id));
    const q = deps.questionnaires.currentForCluster(phase.cluster);
    if (!q) throw new Problem('conflict', `No questionnaire is loaded for cluster ${phase.cluster}.`);
    launchPhase(domainCtx(deps, req), phase.id, q.id);
    res.redirect(303, `/secretariat/phases/${phase.id}`);
  });

  add({ method: 'post', path: '/secretariat/phases/:id/draw', summary: 'Draw lots (form)', writes: true }, (req, res) => {
    const phase = getPhase(deps.db, num(req.params.id));
    const b = req.body as Record<string, string | undefined>;
    if (!b.seed?.trim()) throw new Problem('validation_failed', req.t('phases.seedRequired'));
    const cap = num(b.cap);
    const { ms } = runDraw(domainCtx(deps, req), { phaseId: phase.id, seed: b.seed.trim().slice(0, 200), rules: Number.isNaN(cap) ? {} : { maxReviewsPerReviewer: cap } });
    res.redirect(303, `/secretariat/phases/${phase.id}?drawn=1&ms=${Math.round(ms)}`);
  });

  table.add(router, { method: 'post', path: '/secretariat/reviews/:id/redraw', summary: 'Re-draw one review (form)', kind: 'page', audience: 'review', writes: true }, requireUser, csrfProtection, (req, res) => {
    visibleReview(deps.db, req.actor, num(req.params.id));
    const b = req.body as Record<string, string | undefined>;
    const id = num(req.params.id);
    const reason = b.reason === 'withdrawal' ? 'withdrawal' : 'requested';
    redraw(domainCtx(deps, req), { reviewId: id, reason, ...(b.replace ? { replace: b.replace } : {}) });
    const phaseId = deps.db.select({ p: tables.reviews.phaseId }).from(tables.reviews).where(eq(tables.reviews.id, id)).get()?.p;
    res.redirect(303, `/secretariat/phases/${phaseId}`);
  });

  return router;
}
