// Users and roles: the list, inviting a user with a role for a State, password resets.
import { Router } from 'express';
import { asc, eq } from 'drizzle-orm';
import { tables } from '../../db/index.js';
import { html } from '../../lib/html.js';
import { createUser, issuePasswordReset, type StateRole } from '../../auth/index.js';
import { Problem } from '../../lib/errors.js';
import { csrfField, errorSummary, layout, pageContext } from '../views/layout.js';
import { domainCtx, wholeNumber } from '../request.js';
import { secretariatRoute } from './secretariat-route.js';
import type { AppDeps } from '../deps.js';
import type { RouteTable } from '../route-table.js';

export function userPages(deps: AppDeps, table: RouteTable): Router {
  const router = Router();
  const add = secretariatRoute(router, table);
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
    const token = issuePasswordReset(domainCtx(deps, req), wholeNumber(req.params.id));
    res.send(usersPage(req, { link: `${deps.config.baseUrl}/invitations/${token}` }));
  });

  return router;
}
