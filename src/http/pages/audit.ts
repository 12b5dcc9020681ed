// The audit log, newest first, with filters.
import { Router } from 'express';
import { html } from '../../lib/html.js';
import { listEvents } from '../../audit/index.js';
import { layout, pageContext } from '../views/layout.js';
import { secretariatRoute } from './secretariat-route.js';
import { auditFilter, queryText } from '../request.js';
import type { AppDeps } from '../deps.js';
import type { RouteTable } from '../route-table.js';

export function auditPages(deps: AppDeps, table: RouteTable): Router {
  const router = Router();
  const add = secretariatRoute(router, table);
  add({ method: 'get', path: '/secretariat/audit', summary: 'The audit log with filters' }, (req, res) => {
    const ctx = pageContext(req);
    const { t } = ctx;
    const q = req.query as Record<string, string | undefined>;
    const events = listEvents(deps.db, auditFilter(req.query, 200));
    res.send(
      layout(ctx, {
        title: t('audit.title'),
        body: html`<h1>${t('audit.title')}</h1>
<form method="get" action="/secretariat/audit" class="filters">
<div class="form-group"><label for="action">${t('audit.action')}</label><p class="hint" id="action-hint">${t('audit.actionHint')}</p><input id="action" name="action" type="text" value="${queryText(q.action) ?? ''}" aria-describedby="action-hint"></div>
<div class="form-group"><label for="review">${t('audit.review')}</label><input id="review" name="review" type="text" inputmode="numeric" value="${queryText(q.review) ?? ''}"></div>
<div class="form-group"><label for="user">${t('audit.user')}</label><input id="user" name="user" type="text" inputmode="numeric" value="${queryText(q.user) ?? ''}"></div>
<div class="form-group"><label for="from">${t('audit.from')}</label><input id="from" name="from" type="date" value="${queryText(q.from) ?? ''}"></div>
<div class="form-group"><label for="to">${t('audit.to')}</label><input id="to" name="to" type="date" value="${queryText(q.to) ?? ''}"></div>
<div class="button-row"><button type="submit" class="button">${t('audit.filter')}</button></div>
</form>
<table><caption>${t('audit.caption', { n: events.length })}</caption><thead><tr><th scope="col">${t('review.when')}</th><th scope="col">${t('audit.action')}</th><th scope="col">${t('audit.user')}</th><th scope="col">${t('audit.review')}</th><th scope="col">${t('audit.target')}</th><th scope="col">${t('audit.details')}</th></tr></thead>
<tbody>${events.map((e) => html`<tr><td>${e.at.slice(0, 19).replace('T', ' ')}</td><td>${e.action}</td><td>${e.actorUserId ?? '—'}</td><td>${e.reviewId ?? '—'}</td><td>${e.targetType ?? ''} ${e.targetId ?? ''}</td><td><code>${e.details ? JSON.stringify(e.details).slice(0, 300) : ''}</code></td></tr>`)}</tbody></table>`,
      }),
    );
  });

  return router;
}
