// Route guards: authentication, CSRF, and the secretariat audience. Review-scoped checks are
// done by the domain (visibleReview → can) so that a hidden review is a 404.
import type { RequestHandler } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { Problem } from '../lib/errors.js';
import { isApi } from './context.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Every state-changing request carries the CSRF token: forms in `_csrf`, API calls in the
 * `X-CSRF-Token` header. A JSON API call with no session cookie has no ambient authority to
 * abuse (a cross-site page cannot send application/json without a preflight), so the JSON
 * login itself needs none.
 */
export const csrfProtection: RequestHandler = (req, _res, next) => {
  if (SAFE.has(req.method)) return next();
  const sent = (req.get('x-csrf-token') ?? (req.body as Record<string, unknown> | undefined)?._csrf) as unknown;
  if (isApi(req) && !req.sessionToken && req.is('application/json')) return next();
  if (typeof sent !== 'string' || !same(sent, req.csrfToken)) {
    return next(new Problem('csrf_failed', 'The form has expired or did not come from this site. Go back, reload the page and try again.'));
  }
  next();
};

export const requireUser: RequestHandler = (req, res, next) => {
  if (req.actor) return next();
  if (isApi(req)) return next(new Problem('unauthenticated', 'Sign in first.'));
  res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
};

/** Secretariat-only routes: 403 for other users (they concern no State's review). */
export const requireSecretariat: RequestHandler = (req, res, next) => {
  if (!req.actor) return requireUser(req, res, next);
  if (req.actor.isSecretariat) return next();
  next(new Problem('forbidden', 'Only the secretariat can do this.'));
};
