// Home: the secretariat's dashboard, or a State's page with its own review and the reviews
// it performs, each with what awaits it.
import { Router } from 'express';
import { eq } from 'drizzle-orm';
import { tables } from '../../db/index.js';
import { html, type SafeHtml } from '../../lib/html.js';
import { visibleReviews, type ReviewDetails } from '../../reviews/service.js';
import { STEPS, movesFor } from '../../reviews/steps.js';
import { permissionsOf, type ReviewRole } from '../../auth/index.js';
import { requireUser } from '../guards.js';
import { layout, pageContext, type PageContext } from '../views/layout.js';
import type { AppDeps } from '../deps.js';
import type { RouteTable } from '../route-table.js';

type Row = ReviewDetails & { role: ReviewRole };

export function stepTag(ctx: PageContext, r: ReviewDetails): SafeHtml {
  return html`<span class="tag">${ctx.t(`step.${r.step}`)}</span>${r.overdue ? html` <span class="tag overdue">${ctx.t('review.overdue')}</span>` : ''}`;
}

/** What the caller is expected to do next in a review, in words. */
export function awaiting(ctx: PageContext, r: Row): string {
  const mine = movesFor(r.role, r.step);
  if (r.step === 'drafting' && permissionsOf(r.role).includes('response.edit')) return ctx.t('awaits.answer');
  if (mine.length) return mine.map((m) => ctx.t(`action.${m.action}`)).join(' · ');
  return ctx.t('awaits.nothing');
}

function reviewTable(ctx: PageContext, caption: string, rows: Row[], withRole: boolean): SafeHtml {
  const { t } = ctx;
  if (!rows.length) return html`<p class="muted">${t('home.none')}</p>`;
  return html`<table>
<caption>${caption}</caption>
<thead><tr><th scope="col">${t('review.state')}</th><th scope="col">${t('review.phase')}</th><th scope="col">${t('review.step')}</th><th scope="col">${t('review.nextDue')}</th>${withRole ? html`<th scope="col">${t('review.yourRole')}</th>` : ''}<th scope="col">${t('review.awaits')}</th></tr></thead>
<tbody>${rows.map((r) => {
    const next = r.deadlines.find((d) => !d.completedAt);
    return html`<tr>
<td><a href="/reviews/${r.id}">${r.partyName}</a></td>
<td>${t('review.phaseLabel', { sequence: r.phase.sequence, cluster: r.phase.cluster, group: r.phase.groupNo })}</td>
<td>${stepTag(ctx, r)}</td>
<td>${next ? html`${next.dueOn}${next.overdue ? html` <span class="tag overdue">${t('review.overdue')}</span>` : ''}` : '—'}</td>
${withRole ? html`<td>${r.role.kind === 'state' ? t(`role.${r.role.role}`) : ''}</td>` : ''}
<td>${awaiting(ctx, r)}</td>
</tr>`;
  })}</tbody></table>`;
}

function secretariatDashboard(deps: AppDeps, ctx: PageContext, rows: Row[]): SafeHtml {
  const { t } = ctx;
  const byStep = STEPS.map((s) => ({ step: s, n: rows.filter((r) => r.step === s).length }));
  const groups = [...new Set(rows.map((r) => r.regionalGroup ?? t('review.noGroup')))].sort();
  const overdue = rows.filter((r) => r.overdue);
  const focalPoints = deps.db
    .select({ party: tables.memberships.party, role: tables.memberships.role, name: tables.users.displayName, reviewId: tables.memberships.reviewId })
    .from(tables.memberships)
    .innerJoin(tables.users, eq(tables.users.id, tables.memberships.userId))
    .where(eq(tables.memberships.active, true))
    .all();
  const phases = [...new Map(rows.map((r) => [r.phase.id, r.phase])).values()];
  return html`<h1>${t('dashboard.title')}</h1>
<p><a href="/secretariat/phases">${t('dashboard.phasesLink')}</a></p>
<h2>${t('dashboard.byStep')}</h2>
<table><caption>${t('dashboard.byStepCaption')}</caption>
<thead><tr><th scope="col">${t('review.step')}</th><th scope="col">${t('dashboard.count')}</th>${phases.map((p) => html`<th scope="col">${t('review.phaseLabel', { sequence: p.sequence, cluster: p.cluster, group: p.groupNo })}</th>`)}</tr></thead>
<tbody>${byStep.map((s) => html`<tr><th scope="row">${t(`step.${s.step}`)}</th><td>${s.n}</td>${phases.map((p) => html`<td>${rows.filter((r) => r.step === s.step && r.phase.id === p.id).length}</td>`)}</tr>`)}</tbody></table>
<h2>${t('dashboard.byRegion')}</h2>
<table><caption>${t('dashboard.byRegionCaption')}</caption>
<thead><tr><th scope="col">${t('review.regionalGroup')}</th><th scope="col">${t('dashboard.count')}</th><th scope="col">${t('review.overdue')}</th><th scope="col">${t('step.finalized')}</th></tr></thead>
<tbody>${groups.map((g) => {
    const inGroup = rows.filter((r) => (r.regionalGroup ?? t('review.noGroup')) === g);
    return html`<tr><th scope="row">${g}</th><td>${inGroup.length}</td><td>${inGroup.filter((r) => r.overdue).length}</td><td>${inGroup.filter((r) => r.step === 'finalized').length}</td></tr>`;
  })}</tbody></table>
<h2>${t('dashboard.overdue', { n: overdue.length })}</h2>
${overdue.length
    ? html`<table><caption>${t('dashboard.overdueCaption')}</caption><thead><tr><th scope="col">${t('review.state')}</th><th scope="col">${t('review.step')}</th><th scope="col">${t('dashboard.overdueDeadlines')}</th></tr></thead>
<tbody>${overdue.map((r) => html`<tr><td><a href="/reviews/${r.id}">${r.partyName}</a></td><td>${t(`step.${r.step}`)}</td><td>${r.deadlines.filter((d) => d.overdue).map((d) => html`${t(`deadline.${d.key}`)} (${d.dueOn}) `)}</td></tr>`)}</tbody></table>`
    : html`<p class="muted">${t('dashboard.noneOverdue')}</p>`}
<h2>${t('dashboard.appointments')}</h2>
<table><caption>${t('dashboard.appointmentsCaption')}</caption>
<thead><tr><th scope="col">${t('review.state')}</th><th scope="col">${t('role.focal_point')}</th><th scope="col">${t('role.expert')}</th><th scope="col">${t('role.observer')}</th></tr></thead>
<tbody>${[...new Set(focalPoints.map((f) => f.party))].sort().map((party) => {
    const of = (role: string) => focalPoints.filter((f) => f.party === party && f.role === role).map((f) => f.name).join(', ') || '—';
    return html`<tr><th scope="row">${party}</th><td>${of('focal_point')}</td><td>${of('expert')}</td><td>${of('observer')}</td></tr>`;
  })}</tbody></table>
<h2>${t('dashboard.allReviews')}</h2>
${reviewTable(ctx, t('dashboard.allReviews'), rows, false)}`;
}

export function homePages(deps: AppDeps, table: RouteTable): Router {
  const router = Router();
  table.add(router, { method: 'get', path: '/', summary: 'Home: the secretariat dashboard or a State’s reviews', kind: 'page', audience: 'user' }, requireUser, (req, res) => {
    const ctx = pageContext(req);
    const { t } = ctx;
    const rows = visibleReviews(deps.db, req.actor!, deps.clock.now().toISOString().slice(0, 10));
    if (req.actor!.isSecretariat) return res.send(layout(ctx, { title: t('dashboard.title'), body: secretariatDashboard(deps, ctx, rows) }));
    const own = rows.filter((r) => r.role.kind === 'state' && r.role.side === 'under_review');
    const performing = rows.filter((r) => r.role.kind === 'state' && r.role.side === 'reviewer');
    const parties = [...new Set(req.actor!.memberships.map((m) => m.party))];
    res.send(
      layout(ctx, {
        title: t('home.title'),
        body: html`<h1>${t('home.title')}</h1>
<p>${t('home.actingFor', { parties: parties.join(', ') || '—' })}</p>
<h2>${t('home.ownReview')}</h2>
${reviewTable(ctx, t('home.ownReview'), own, true)}
<h2>${t('home.performing')}</h2>
${reviewTable(ctx, t('home.performing'), performing, true)}`,
      }),
    );
  });
  return router;
}
