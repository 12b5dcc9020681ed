// Small readers of a request shared by the routers: the domain context of the caller and
// numeric ids from the path.
import type { Request } from 'express';
import type { Ctx } from '../reviews/service.js';
import { clientIp } from './context.js';
import type { AppDeps } from './deps.js';

/** What the domain needs to know of a request: who, when, from where. */
export function domainCtx(deps: AppDeps, req: Request): Ctx {
  return { db: deps.db, now: deps.clock.now(), actor: req.actor, ip: clientIp(req) };
}

/** A numeric path parameter; anything else is NaN, which the domain answers with 404. */
export function idParam(req: Request, name = 'id'): number {
  const raw = String(req.params[name] ?? '');
  // Malformed ids are simply not found: the same answer as a review one may not see.
  return /^\d{1,12}$/.test(raw) ? Number(raw) : NaN;
}

export const reviewId = (req: Request): number => idParam(req);
