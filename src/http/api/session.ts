import { Router } from 'express';
import { authenticate, createSession, deleteSession, LoginThrottle } from '../../auth/index.js';
import { Problem } from '../../lib/errors.js';
import { record } from '../../audit/index.js';
import { clientIp, clearSessionCookie, setSessionCookie } from '../context.js';
import type { AppDeps } from '../deps.js';
import type { RouteTable } from '../route-table.js';
import { csrfProtection } from '../guards.js';
import type { SessionCreated } from '../../types/generated.js';

/** Checks credentials through the throttle. Shared by the JSON API and the login page. */
export async function login(deps: AppDeps, throttle: LoginThrottle, email: string, password: string, ip: string): Promise<{ token: string; csrfToken: string } | { retryAfter: number } | null> {
  const account = email.trim().toLowerCase();
  const decision = throttle.check(account, ip);
  if (!decision.allowed) {
    record(deps.db, { at: deps.clock.now().toISOString(), action: 'login.throttled', ip, details: { email: account.slice(0, 200) } });
    return { retryAfter: decision.retryAfterSeconds };
  }
  const userId = await authenticate({ db: deps.db, now: deps.clock.now(), ip }, email, password);
  if (userId === null) {
    throttle.fail(account, ip);
    return null;
  }
  throttle.succeed(account);
  return createSession(deps.db, userId, deps.clock.now());
}

export function sessionRoutes(deps: AppDeps, table: RouteTable, throttle: LoginThrottle): Router {
  const router = Router();
  const production = deps.config.env === 'production';

  table.add(
    router,
    {
      method: 'post',
      path: '/api/session',
      summary: 'Sign in with email and password; sets the session cookie and returns the CSRF token for later writes',
      kind: 'api',
      audience: 'public',
      writes: true,
      requestBody: 'session-login',
      responses: { 201: { schema: 'session-created', description: 'Signed in' }, 400: { schema: 'error', description: 'Malformed body' }, 401: { schema: 'error', description: 'Wrong email or password' }, 429: { schema: 'error', description: 'Too many failed attempts; see Retry-After' } },
    },
    csrfProtection,
    async (req, res) => {
      const body = req.body as { email?: unknown; password?: unknown } | undefined;
      if (!body || typeof body.email !== 'string' || typeof body.password !== 'string' || body.email.length > 320 || body.password.length > 1000) {
        throw new Problem('bad_request', 'Send a JSON object with "email" and "password" strings.');
      }
      const result = await login(deps, throttle, body.email, body.password, clientIp(req));
      if (result && 'retryAfter' in result) {
        throw new Problem('too_many_requests', 'Too many failed sign-in attempts. Wait before trying again.', { retryAfterSeconds: result.retryAfter }, { 'Retry-After': String(result.retryAfter) });
      }
      if (!result) throw new Problem('unauthenticated', 'The email address or password is not right.');
      setSessionCookie(res, production, result.token);
      const out: SessionCreated = { csrfToken: result.csrfToken };
      res.status(201).json(out);
    },
  );

  table.add(
    router,
    { method: 'delete', path: '/api/session', summary: 'Sign out', kind: 'api', audience: 'user', writes: true, responses: { 204: { description: 'Signed out' } } },
    csrfProtection,
    (req, res) => {
      if (req.sessionToken) deleteSession(deps.db, req.sessionToken);
      clearSessionCookie(res, production);
      res.status(204).end();
    },
  );
  return router;
}
