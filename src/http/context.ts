// Per-request context: who is calling (from the server-side session only), their CSRF
// token, and the language of the response.
import type { RequestHandler, Request, Response } from 'express';
import { loadSession, type Actor } from '../auth/index.js';
import { randomBytes } from 'node:crypto';
import { negotiate, translator, type Lang, type Translate } from '../i18n/index.js';
import type { AppDeps } from './deps.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      actor: Actor | null;
      sessionToken: string | null;
      csrfToken: string;
      lang: Lang;
      t: Translate;
    }
  }
}

export function cookieNames(production: boolean) {
  // __Host- cookies must be Secure, path=/ and host-only: browsers refuse them over plain
  // http, so development (http://localhost) uses plain names.
  return production ? { session: '__Host-session', anon: '__Host-csrf', lang: '__Host-lang' } : { session: 'session', anon: 'csrf', lang: 'lang' };
}

export function cookieOptions(production: boolean) {
  return { httpOnly: true, sameSite: 'strict' as const, secure: production, path: '/' };
}

export function requestContext(deps: AppDeps): RequestHandler {
  const production = deps.config.env === 'production';
  const names = cookieNames(production);
  return (req, res, next) => {
    const cookies = (req.cookies ?? {}) as Record<string, string>;
    const token = cookies[names.session] ?? null;
    const session = token ? loadSession(deps.db, token, deps.clock.now()) : null;
    req.actor = session?.actor ?? null;
    req.sessionToken = session ? token : null;
    if (session) {
      req.csrfToken = session.csrfToken;
    } else {
      let anon = cookies[names.anon];
      if (!anon || !/^[A-Za-z0-9_-]{20,}$/.test(anon)) {
        anon = randomBytes(24).toString('base64url');
        res.cookie(names.anon, anon, cookieOptions(production));
      }
      req.csrfToken = anon;
    }
    const choice = typeof req.query.lang === 'string' ? req.query.lang : undefined;
    req.lang = negotiate(choice, cookies[names.lang] ?? req.actor?.lang, req.get('accept-language'));
    if (choice && choice === req.lang) res.cookie(names.lang, choice, { ...cookieOptions(production), maxAge: 365 * 86_400_000 });
    req.t = translator(req.lang);
    next();
  };
}

export function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

export function isApi(req: Request): boolean {
  return req.path.startsWith('/api/');
}

export function setSessionCookie(res: Response, production: boolean, token: string): void {
  res.cookie(cookieNames(production).session, token, { ...cookieOptions(production), maxAge: 8 * 3_600_000 });
}

export function clearSessionCookie(res: Response, production: boolean): void {
  res.clearCookie(cookieNames(production).session, cookieOptions(production));
}
