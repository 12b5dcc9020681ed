// Small readers of a request shared by the routers: the domain context of the caller and
// numeric ids from the path.
import type { Request } from 'express';
import type { Ctx } from '../reviews/service.js';
import type { AuditFilter } from '../audit/index.js';
import { clientIp } from './context.js';
import type { AppDeps } from './deps.js';

/** What the domain needs to know of a request: who, when, from where. */
export function domainCtx(deps: AppDeps, req: Request): Ctx {
  return { db: deps.db, now: deps.clock.now(), actor: req.actor, ip: clientIp(req) };
}

/** A whole number from a path, form or query value; anything else is NaN. */
export function wholeNumber(v: unknown): number {
  return typeof v === 'string' && /^\d{1,12}$/.test(v) ? Number(v) : NaN;
}

/** A numeric path parameter. Malformed ids are simply not found (NaN → 404), the same answer as a review one may not see. */
export function idParam(req: Request, name = 'id'): number {
  return wholeNumber(req.params[name]);
}

export const reviewId = (req: Request): number => idParam(req);

/** A single query value as text; repeated or missing values give undefined. */
export function queryText(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** The audit log's filters, from the query of the API and of the page alike. */
export function auditFilter(query: Record<string, unknown>, limit?: number): AuditFilter {
  const n = (v: unknown) => {
    const x = wholeNumber(v);
    return Number.isNaN(x) ? undefined : x;
  };
  return { action: queryText(query.action), actorUserId: n(query.user), reviewId: n(query.review), from: queryText(query.from), to: queryText(query.to), limit: limit ?? n(query.limit), offset: n(query.offset) };
}
