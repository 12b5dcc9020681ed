import { Router, type Request, type Response } from 'express';
import { Problem } from '../../lib/errors.js';
import { reviewDetails, setDueDate, setPublicationConsent, transition, visibleReview, visibleReviews, type ReviewDetails } from '../../reviews/service.js';
import { domainCtx, reviewId } from '../request.js';
import type { ReviewRole } from '../../auth/index.js';
import { redraw } from '../../reviews/draws.js';
import { csrfProtection, requireUser } from '../guards.js';
import type { AppDeps } from '../deps.js';
import type { RouteTable } from '../route-table.js';

/** What leaves the server about a review: the caller's role in plain words. */
export function presentReview(r: ReviewDetails, role: ReviewRole) {
  const { history, ...rest } = r;
  return { ...rest, role: role.kind === 'secretariat' ? { kind: 'secretariat' } : { kind: 'state', side: role.side, role: role.role, party: role.party }, history };
}

function today(deps: AppDeps): string {
  return deps.clock.now().toISOString().slice(0, 10);
}

export function reviewRoutes(deps: AppDeps, table: RouteTable): Router {
  const router = Router();
  /** Answers with a review as the caller sees it (their role in it included). */
  const reply = (req: Request, res: Response, r: ReviewDetails) => {
    res.json(presentReview(r, visibleReview(deps.db, req.actor, r.id).role));
  };

  table.add(
    router,
    { method: 'get', path: '/api/reviews', summary: 'The reviews visible to the caller, with the caller’s role in each', kind: 'api', audience: 'user', responses: { 200: { schema: 'review-list', description: 'Visible reviews' } } },
    requireUser,
    (req, res) => {
      const items = visibleReviews(deps.db, req.actor!, today(deps)).map(({ role, ...r }) => presentReview(r, role));
      res.json({ items });
    },
  );

  table.add(
    router,
    { method: 'get', path: '/api/reviews/:id', summary: 'One review: step, due dates, reviewing States, history', kind: 'api', audience: 'review', responses: { 200: { schema: 'review', description: 'The review' }, 404: { schema: 'error', description: 'Absent or not visible to the caller' } } },
    requireUser,
    (req, res) => {
      visibleReview(deps.db, req.actor, reviewId(req));
      reply(req, res, reviewDetails(deps.db, reviewId(req), today(deps)));
    },
  );

  table.add(
    router,
    {
      method: 'post',
      path: '/api/reviews/:id/transitions',
      summary: 'Move a review to its next step by a named action (409 with the reason if the move is not possible now)',
      kind: 'api',
      audience: 'review',
      writes: true,
      requestBody: 'transition-request',
      responses: { 200: { schema: 'review', description: 'The review after the move' }, 403: { schema: 'error', description: 'Role may not' }, 404: { schema: 'error', description: 'Not visible' }, 409: { schema: 'error', description: 'Invalid transition' } },
    },
    requireUser,
    csrfProtection,
    (req, res) => {
      const body = req.body as { action?: unknown; reason?: unknown };
      if (typeof body?.action !== 'string') throw new Problem('bad_request', 'Send {"action": "<name>"}.');
      reply(req, res, transition(domainCtx(deps, req), reviewId(req), body.action, typeof body.reason === 'string' ? body.reason.slice(0, 2000) : undefined));
    },
  );

  table.add(
    router,
    {
      method: 'put',
      path: '/api/reviews/:id/deadlines/:key',
      summary: 'Change one due date of a review (secretariat)',
      kind: 'api',
      audience: 'review',
      writes: true,
      requestBody: 'deadline-update',
      responses: { 200: { schema: 'review', description: 'The review' }, 400: { schema: 'error', description: 'Bad date' }, 403: { schema: 'error', description: 'Not the secretariat' }, 404: { schema: 'error', description: 'Not visible' } },
    },
    requireUser,
    csrfProtection,
    (req, res) => {
      const dueOn = (req.body as { dueOn?: unknown })?.dueOn;
      if (typeof dueOn !== 'string') throw new Problem('bad_request', 'Send {"dueOn": "YYYY-MM-DD"}.');
      reply(req, res, setDueDate(domainCtx(deps, req), reviewId(req), String(req.params.key), dueOn));
    },
  );

  table.add(
    router,
    {
      method: 'put',
      path: '/api/reviews/:id/publication-consent',
      summary: 'Give or withdraw consent to publish the list of observations (focal point of the State under review)',
      kind: 'api',
      audience: 'review',
      writes: true,
      requestBody: 'consent-update',
      responses: { 200: { schema: 'review', description: 'The review' }, 403: { schema: 'error', description: 'Not the focal point' }, 404: { schema: 'error', description: 'Not visible' } },
    },
    requireUser,
    csrfProtection,
    (req, res) => {
      const consent = (req.body as { consent?: unknown })?.consent;
      if (typeof consent !== 'boolean') throw new Problem('bad_request', 'Send {"consent": true} or {"consent": false}.');
      reply(req, res, setPublicationConsent(domainCtx(deps, req), reviewId(req), consent));
    },
  );
  table.add(
    router,
    {
      method: 'post',
      path: '/api/reviews/:id/redraw',
      summary: 'Re-draw the reviewers of one review (secretariat; requested by the State under review, limited; or after a withdrawal)',
      kind: 'api',
      audience: 'review',
      writes: true,
      requestBody: 'redraw-request',
      responses: { 201: { description: 'Re-drawn' }, 403: { schema: 'error', description: 'Not the secretariat' }, 404: { schema: 'error', description: 'Not visible' }, 409: { schema: 'error', description: 'Limit reached or rules cannot be met' } },
    },
    requireUser,
    csrfProtection,
    (req, res) => {
      const b = (req.body ?? {}) as Record<string, unknown>;
      // fetch → 404 first, so that a State with no part in the review learns nothing of it.
      visibleReview(deps.db, req.actor, reviewId(req));
      if (b.reason !== 'requested' && b.reason !== 'withdrawal') throw new Problem('validation_failed', 'Give the reason: "requested" or "withdrawal".');
      const out = redraw(domainCtx(deps, req), { reviewId: reviewId(req), reason: b.reason, ...(typeof b.replace === 'string' ? { replace: b.replace } : {}) });
      res.status(201).json(out);
    },
  );
  return router;
}
