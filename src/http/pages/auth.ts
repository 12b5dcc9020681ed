// Sign-in, sign-out, and setting a password from an invitation or reset link.
import { Router } from 'express';
import { html } from '../../lib/html.js';
import { acceptInvitation, deleteSession, invitationState, type LoginThrottle } from '../../auth/index.js';
import { clearSessionCookie, clientIp, setSessionCookie } from '../context.js';
import { csrfProtection } from '../guards.js';
import { login } from '../api/session.js';
import { csrfField, errorSummary, layout, pageContext, type PageContext } from '../views/layout.js';
import type { AppDeps } from '../deps.js';
import type { RouteTable } from '../route-table.js';

function safeNext(next: unknown): string {
  // Only same-site paths: never redirect to another origin after sign-in.
  return typeof next === 'string' && /^\/(?!\/)[^\s\\]*$/.test(next) ? next : '/';
}

function loginPage(ctx: PageContext, opts: { email?: string; error?: string; next?: string }): string {
  const { t } = ctx;
  const errors = opts.error ? [{ href: '#email', message: opts.error }] : [];
  return layout(ctx, {
    title: t('login.title'),
    body: html`${errorSummary(t, errors)}
<h1>${t('login.title')}</h1>
<form method="post" action="/login" novalidate>
  ${csrfField(ctx)}
  <input type="hidden" name="next" value="${opts.next ?? '/'}">
  <div class="form-group${opts.error ? ' has-error' : ''}">
    <label for="email">${t('login.email')}</label>
    ${opts.error && html`<p class="error-message" id="email-error"><span class="visually-hidden">${t('form.errorPrefix')}</span> ${opts.error}</p>`}
    <input id="email" name="email" type="email" autocomplete="username" spellcheck="false" value="${opts.email ?? ''}"${opts.error ? html` aria-invalid="true" aria-describedby="email-error"` : ''}>
  </div>
  <div class="form-group">
    <label for="password">${t('login.password')}</label>
    <input id="password" name="password" type="password" autocomplete="current-password">
  </div>
  <div class="button-row"><button type="submit" class="button">${t('login.submit')}</button></div>
</form>
<p class="muted">${t('login.help')}</p>`,
  });
}

export function authPages(deps: AppDeps, table: RouteTable, throttle: LoginThrottle): Router {
  const router = Router();
  const production = deps.config.env === 'production';

  table.add(router, { method: 'get', path: '/login', summary: 'Sign-in page', kind: 'page', audience: 'public' }, (req, res) => {
    if (req.actor) return res.redirect(303, safeNext(req.query.next));
    res.send(loginPage(pageContext(req), { next: safeNext(req.query.next) }));
  });

  table.add(router, { method: 'post', path: '/login', summary: 'Sign in', kind: 'page', audience: 'public', writes: true }, csrfProtection, async (req, res) => {
    const b = req.body as Record<string, string | undefined>;
    const email = String(b.email ?? '').slice(0, 320);
    const next = safeNext(b.next);
    const result = await login(deps, throttle, email, String(b.password ?? '').slice(0, 1000), clientIp(req));
    if (result && 'retryAfter' in result) {
      res.setHeader('Retry-After', String(result.retryAfter));
      return res.status(429).send(loginPage(pageContext(req), { email, next, error: req.t('login.throttled', { seconds: result.retryAfter }) }));
    }
    if (!result) return res.status(401).send(loginPage(pageContext(req), { email, next, error: req.t('login.wrong') }));
    setSessionCookie(res, production, result.token);
    res.redirect(303, next);
  });

  table.add(router, { method: 'post', path: '/logout', summary: 'Sign out', kind: 'page', audience: 'public', writes: true }, csrfProtection, (req, res) => {
    if (req.sessionToken) deleteSession(deps.db, req.sessionToken);
    clearSessionCookie(res, production);
    res.redirect(303, '/login');
  });

  const passwordPage = (ctx: PageContext, token: string, email: string, problems: string[]) => {
    const { t } = ctx;
    const errors = problems.map((p) => ({ href: '#password', message: t(p) }));
    return layout(ctx, {
      title: t('invitation.title'),
      body: html`${errorSummary(t, errors)}
<h1>${t('invitation.title')}</h1>
<p>${t('invitation.intro', { email })}</p>
<form method="post" action="/invitations/${token}" novalidate>
  ${csrfField(ctx)}
  <input type="hidden" name="username" value="${email}" autocomplete="username">
  <div class="form-group${errors.length ? ' has-error' : ''}">
    <label for="password">${t('invitation.password')}</label>
    <p class="hint" id="password-hint">${t('invitation.hint')}</p>
    ${errors.map((e, i) => html`<p class="error-message" id="password-error-${i}">${e.message}</p>`)}
    <input id="password" name="password" type="password" autocomplete="new-password" aria-describedby="password-hint${errors.map((_, i) => ` password-error-${i}`).join('')}"${errors.length ? html` aria-invalid="true"` : ''}>
  </div>
  <div class="button-row"><button type="submit" class="button">${t('invitation.submit')}</button></div>
</form>`,
    });
  };

  const invalidLink = (ctx: PageContext, state: string) =>
    layout(ctx, { title: ctx.t(`invitation.${state}.title`), body: html`<h1>${ctx.t(`invitation.${state}.title`)}</h1><p>${ctx.t(`invitation.${state}.body`)}</p>` });

  table.add(router, { method: 'get', path: '/invitations/:token', summary: 'Set a password from an invitation or reset link', kind: 'page', audience: 'public' }, (req, res) => {
    const token = String(req.params.token);
    const inv = invitationState(deps.db, token, deps.clock.now());
    if (inv.state !== 'valid') return res.status(inv.state === 'unknown' ? 404 : 410).send(invalidLink(pageContext(req), inv.state));
    res.send(passwordPage(pageContext(req), token, inv.email, []));
  });

  table.add(router, { method: 'post', path: '/invitations/:token', summary: 'Set the password', kind: 'page', audience: 'public', writes: true }, csrfProtection, async (req, res) => {
    const token = String(req.params.token);
    const inv = invitationState(deps.db, token, deps.clock.now());
    if (inv.state !== 'valid') return res.status(inv.state === 'unknown' ? 404 : 410).send(invalidLink(pageContext(req), inv.state));
    const result = await acceptInvitation({ db: deps.db, now: deps.clock.now(), ip: clientIp(req) }, token, String((req.body as Record<string, unknown>).password ?? ''));
    if (!result.ok) return res.status(400).send(passwordPage(pageContext(req), token, inv.email, result.problems));
    res.redirect(303, '/login?set=1');
  });
  return router;
}
