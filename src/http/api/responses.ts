// The answers as a JSON API, with optimistic concurrency: the ETag names the revision, a
// save must send it back in If-Match (428 without, 412 when it is stale, with both versions).
import { Router, type Request, type Response } from 'express';
import { diffData, parsePage, prunePage, prune, type FormBody } from '../../forms/index.js';
import { listRevisions, revisionAt, saveResponse, submitResponse, type ConflictDetails } from '../../responses/index.js';
import { Problem, notFound } from '../../lib/errors.js';
import { csrfProtection, requireUser } from '../guards.js';
import { domainCtx } from '../request.js';
import { loadResponse } from '../response-context.js';
import type { FormPlans } from '../form-plans.js';
import type { AppDeps } from '../deps.js';
import type { RouteTable } from '../route-table.js';

export const etagOf = (revision: number) => `"rev-${revision}"`;

function ifMatch(req: Request): number {
  const header = req.get('if-match');
  if (!header) throw new Problem('precondition_required', 'Send If-Match with the ETag of the revision your change is based on.');
  const m = /^(?:W\/)?"rev-(\d+)"$/.exec(header.trim());
  if (!m) throw new Problem('precondition_failed', 'If-Match does not name a revision of these answers.', { ifMatch: header });
  return Number(m[1]);
}

function stale(e: unknown): never {
  if (e instanceof Problem && e.code === 'conflict') {
    const c = e.details as ConflictDetails;
    throw new Problem('precondition_failed', 'The answers have changed since your revision. Both versions are in details.', { current: c.current, base: c.base, theirs: c.theirs, yours: c.yours, theirAuthor: c.theirAuthor }, { ETag: etagOf(c.current) });
  }
  throw e;
}

export function responseRoutes(deps: AppDeps, table: RouteTable, plans: FormPlans): Router {
  const router = Router();
  const api = (spec: Parameters<RouteTable['add']>[1], ...handlers: ((req: Request, res: Response) => unknown)[]) =>
    table.add(router, spec, requireUser, ...(spec.writes ? [csrfProtection] : []), ...handlers);
  const reply = (res: Response, r: { number: number; data: unknown; valid: boolean }, status = 200) => {
    res.status(status).setHeader('ETag', etagOf(r.number));
    res.json({ revision: r.number, data: r.data, valid: r.valid });
  };

  api(
    { method: 'get', path: '/api/reviews/:id/response', summary: 'The latest answers: { revision, data, valid } with an ETag', kind: 'api', audience: 'review', responses: { 200: { schema: 'response', description: 'Latest revision' }, 404: { schema: 'error', description: 'Not visible' } } },
    (req, res) => {
      const r = loadResponse(deps, plans, req, 'export');
      reply(res, { number: r.revision.number, data: r.revision.data, valid: r.valid });
    },
  );

  api(
    {
      method: 'put',
      path: '/api/reviews/:id/response',
      summary: 'Save the whole response as a new revision (If-Match required)',
      kind: 'api',
      audience: 'review',
      writes: true,
      requestBody: 'response-data',
      responses: { 200: { schema: 'response', description: 'Saved' }, 400: { schema: 'error', description: 'Not a JSON object' }, 403: { schema: 'error', description: 'Role may not edit' }, 404: { schema: 'error', description: 'Not visible' }, 409: { schema: 'error', description: 'Editing locked (submitted)' }, 412: { schema: 'error', description: 'Stale: both versions in details' }, 428: { schema: 'error', description: 'If-Match missing' } },
    },
    (req, res) => {
      const r = loadResponse(deps, plans, req);
      const base = ifMatch(req);
      const body = req.body as unknown;
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Problem('bad_request', 'The response is a JSON object, one property per page.');
      // Unknown pages are ignored rather than stored; hidden branches are pruned.
      const known = Object.fromEntries(Object.entries(body as Record<string, unknown>).filter(([k]) => r.plan.pageByKey.has(k)));
      try {
        const saved = saveResponse(domainCtx(deps, req), r.id, r.rc, { baseRevision: base, data: prune(r.plan, known) });
        reply(res, { number: saved.revision.number, data: saved.revision.data, valid: saved.validation.valid });
      } catch (e) {
        stale(e);
      }
    },
  );

  api(
    {
      method: 'put',
      path: '/api/reviews/:id/response/pages/:page',
      summary: 'Save one article’s answers as a new revision (If-Match required); used by autosave',
      kind: 'api',
      audience: 'review',
      writes: true,
      requestBody: 'response-page',
      responses: { 200: { schema: 'response', description: 'Saved' }, 403: { schema: 'error', description: 'Role may not edit' }, 404: { schema: 'error', description: 'Not visible or no such page' }, 412: { schema: 'error', description: 'Stale' }, 428: { schema: 'error', description: 'If-Match missing' } },
    },
    (req, res) => {
      const r = loadResponse(deps, plans, req);
      const page = String(req.params.page);
      if (!r.pages.includes(page)) throw notFound('The page');
      const base = ifMatch(req);
      try {
        // The page's own form, urlencoded, is accepted too: that is what autosave sends, parsed
        // by the schema exactly as a normal submit would be.
        const data = req.is('application/x-www-form-urlencoded') ? parsePage(r.plan, page, req.body as FormBody) : req.body;
        const saved = saveResponse(domainCtx(deps, req), r.id, r.rc, { baseRevision: base, data: prunePage(r.plan, page, data), page });
        reply(res, { number: saved.revision.number, data: saved.revision.data, valid: saved.validation.valid });
      } catch (e) {
        stale(e);
      }
    },
  );

  api(
    { method: 'post', path: '/api/reviews/:id/response/submit', summary: 'Clear and submit the answers (focal point; If-Match required; the response must be complete)', kind: 'api', audience: 'review', writes: true, responses: { 200: { description: 'Submitted' }, 403: { schema: 'error', description: 'Not the focal point' }, 404: { schema: 'error', description: 'Not visible' }, 409: { schema: 'error', description: 'Incomplete, changed, or not at the drafting step' }, 428: { schema: 'error', description: 'If-Match missing' } } },
    (req, res) => {
      const r = loadResponse(deps, plans, req);
      const out = submitResponse(domainCtx(deps, req), r.id, r.rc, ifMatch(req));
      res.json(out);
    },
  );

  api({ method: 'get', path: '/api/reviews/:id/response/revisions', summary: 'The revisions of the answers, newest first', kind: 'api', audience: 'review', responses: { 200: { description: 'Revisions' }, 404: { schema: 'error', description: 'Not visible' } } }, (req, res) => {
    const r = loadResponse(deps, plans, req);
    res.json({ items: listRevisions(deps.db, r.id) });
  });

  api({ method: 'get', path: '/api/reviews/:id/response/diff', summary: 'Field-by-field differences between two revisions (?from=&to=)', kind: 'api', audience: 'review', responses: { 200: { description: 'Differences' }, 400: { schema: 'error', description: 'Bad revision numbers' }, 404: { schema: 'error', description: 'Not visible' } } }, (req, res) => {
    const r = loadResponse(deps, plans, req);
    const from = Number(req.query.from);
    const to = Number(req.query.to);
    const a = Number.isInteger(from) ? revisionAt(deps.db, r.id, from) : undefined;
    const b = Number.isInteger(to) ? revisionAt(deps.db, r.id, to) : undefined;
    if (!a || !b) throw new Problem('bad_request', 'Give two existing revision numbers as ?from=&to=.');
    res.json({ from, to, changes: diffData(r.plan, a.data, b.data) });
  });
  return router;
}
