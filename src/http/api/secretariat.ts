// The secretariat's JSON API: users and roles, phases, launching, drawing lots, the audit log.
import { Router, type Request } from 'express';
import { asc, eq } from 'drizzle-orm';
import { tables } from '../../db/index.js';
import { createUser, grantRole, issuePasswordReset, revokeRole, type StateRole } from '../../auth/index.js';
import { listEvents } from '../../audit/index.js';
import { Problem, notFound } from '../../lib/errors.js';
import { createPhase, getPhase, launchPhase, listPhases } from '../../reviews/phases.js';
import { drawsOfPhase, getDraw, runDraw } from '../../reviews/draws.js';
import type { DrawRules } from '../../reviews/lots.js';
import type { RegionalGroup } from '../../reference/index.js';
import { csrfProtection, requireSecretariat } from '../guards.js';
import { auditFilter, domainCtx, idParam } from '../request.js';
import type { AppDeps } from '../deps.js';
import type { RouteSpec, RouteTable } from '../route-table.js';

const ROLES: StateRole[] = ['focal_point', 'expert', 'observer'];


function body(req: Request): Record<string, unknown> {
  const b = req.body as unknown;
  if (!b || typeof b !== 'object' || Array.isArray(b)) throw new Problem('bad_request', 'Send a JSON object.');
  return b as Record<string, unknown>;
}

const GROUPS = ['African', 'Asia-Pacific', 'Eastern European', 'Latin American and Caribbean', 'Western European and others'];

/** The configurable rules of a draw, checked one by one (unknown keys are ignored). */
function drawRules(r: Record<string, unknown>): Partial<DrawRules> {
  const out: Partial<DrawRules> = {};
  if (r.maxReviewsPerReviewer !== undefined) {
    if (!Number.isInteger(r.maxReviewsPerReviewer) || (r.maxReviewsPerReviewer as number) < 1) throw new Problem('validation_failed', 'maxReviewsPerReviewer must be a whole number from 1.');
    out.maxReviewsPerReviewer = r.maxReviewsPerReviewer as number;
  }
  if (r.forbidReciprocal !== undefined) {
    if (typeof r.forbidReciprocal !== 'boolean') throw new Problem('validation_failed', 'forbidReciprocal must be true or false.');
    out.forbidReciprocal = r.forbidReciprocal;
  }
  if (r.ungroupedMayReview !== undefined) {
    if (typeof r.ungroupedMayReview !== 'boolean') throw new Problem('validation_failed', 'ungroupedMayReview must be true or false.');
    out.ungroupedMayReview = r.ungroupedMayReview;
  }
  if (r.ungrouped !== undefined) {
    const u = r.ungrouped as { treatAs?: unknown } | string;
    if (u === 'any_two_groups') out.ungrouped = 'any_two_groups';
    else if (typeof u === 'object' && u && GROUPS.includes(String(u.treatAs))) out.ungrouped = { treatAs: u.treatAs as RegionalGroup };
    else throw new Problem('validation_failed', `ungrouped must be "any_two_groups" or { "treatAs": one of ${GROUPS.join(', ')} }.`);
  }
  return out;
}

export function presentUser(u: typeof tables.users.$inferSelect, memberships: (typeof tables.memberships.$inferSelect)[]) {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    isSecretariat: u.isSecretariat,
    status: u.status,
    memberships: memberships.filter((m) => m.active).map((m) => ({ id: m.id, party: m.party, role: m.role, reviewId: m.reviewId })),
  };
}

export function secretariatRoutes(deps: AppDeps, table: RouteTable): Router {
  const router = Router();
  const add = (spec: Omit<RouteSpec, 'kind' | 'audience'>, handler: Parameters<RouteTable['add']>[2]) =>
    table.add(router, { ...spec, kind: 'api', audience: 'secretariat' }, requireSecretariat, ...(spec.writes ? [csrfProtection] : []), handler);
  const link = (token: string, kind: 'invitation' | 'reset') => `${deps.config.baseUrl}/invitations/${token}`;

  add({ method: 'get', path: '/api/users', summary: 'All users with their roles', responses: { 200: { schema: 'user-list', description: 'Users' } } }, (_req, res) => {
    const members = deps.db.select().from(tables.memberships).all();
    const items = deps.db.select().from(tables.users).orderBy(asc(tables.users.id)).all().map((u) => presentUser(u, members.filter((m) => m.userId === u.id)));
    res.json({ items });
  });

  add(
    { method: 'post', path: '/api/users', summary: 'Register a user; returns the invitation link (valid 10 days)', writes: true, requestBody: 'user-create', responses: { 201: { schema: 'user-invited', description: 'Invited' }, 400: { schema: 'error', description: 'Invalid' }, 409: { schema: 'error', description: 'Email taken' } } },
    (req, res) => {
      const b = body(req);
      const memberships = Array.isArray(b.memberships) ? b.memberships : [];
      for (const m of memberships as Record<string, unknown>[]) {
        if (typeof m?.party !== 'string' || !ROLES.includes(m.role as StateRole)) throw new Problem('validation_failed', 'Each membership needs a party (ISO alpha-3) and a role: focal_point, expert or observer.');
        if (!deps.db.select().from(tables.parties).where(eq(tables.parties.iso3, m.party)).get()) throw new Problem('validation_failed', `Unknown party ${m.party}.`);
      }
      const { userId, inviteToken } = createUser(domainCtx(deps, req), {
        email: String(b.email ?? ''),
        displayName: String(b.displayName ?? ''),
        isSecretariat: b.isSecretariat === true,
        lang: typeof b.lang === 'string' ? b.lang : 'en',
        memberships: (memberships as { party: string; role: StateRole; reviewId?: number }[]).map((m) => ({ party: m.party, role: m.role, reviewId: typeof m.reviewId === 'number' ? m.reviewId : null })),
      });
      res.status(201).json({ id: userId, invitationUrl: link(inviteToken, 'invitation') });
    },
  );

  add(
    { method: 'post', path: '/api/users/:id/password-reset', summary: 'Issue a password reset link for a user', writes: true, responses: { 201: { schema: 'user-invited', description: 'Reset link' }, 404: { schema: 'error', description: 'Unknown user' } } },
    (req, res) => {
      const id = idParam(req);
      if (Number.isNaN(id)) throw notFound('The user');
      const token = issuePasswordReset(domainCtx(deps, req), id);
      res.status(201).json({ id, invitationUrl: link(token, 'reset') });
    },
  );

  add(
    { method: 'post', path: '/api/users/:id/memberships', summary: 'Give a user a role for a State (optionally for one review)', writes: true, requestBody: 'membership-create', responses: { 204: { description: 'Granted' }, 400: { schema: 'error', description: 'Invalid' }, 404: { schema: 'error', description: 'Unknown user' } } },
    (req, res) => {
      const id = idParam(req);
      const b = body(req);
      if (Number.isNaN(id) || !deps.db.select().from(tables.users).where(eq(tables.users.id, id)).get()) throw notFound('The user');
      if (typeof b.party !== 'string' || !deps.db.select().from(tables.parties).where(eq(tables.parties.iso3, b.party)).get()) throw new Problem('validation_failed', 'Choose a known party (ISO alpha-3).');
      if (!ROLES.includes(b.role as StateRole)) throw new Problem('validation_failed', 'Choose a role: focal_point, expert or observer.');
      grantRole(domainCtx(deps, req), id, b.party, b.role as StateRole, typeof b.reviewId === 'number' ? b.reviewId : null);
      res.status(204).end();
    },
  );

  add({ method: 'delete', path: '/api/memberships/:id', summary: 'Withdraw a role', writes: true, responses: { 204: { description: 'Withdrawn' }, 404: { schema: 'error', description: 'Unknown' } } }, (req, res) => {
    const id = idParam(req);
    if (Number.isNaN(id)) throw notFound('The role');
    revokeRole(domainCtx(deps, req), id);
    res.status(204).end();
  });

  add({ method: 'get', path: '/api/phases', summary: 'All phases', responses: { 200: { schema: 'phase-list', description: 'Phases' } } }, (_req, res) => {
    res.json({ items: listPhases(deps.db) });
  });

  add(
    { method: 'post', path: '/api/phases', summary: 'Create a phase (cluster, sequence, group, dates)', writes: true, requestBody: 'phase-create', responses: { 201: { schema: 'phase', description: 'Created' }, 400: { schema: 'error', description: 'Invalid' }, 409: { schema: 'error', description: 'Exists' } } },
    (req, res) => {
      const b = body(req);
      const phase = createPhase(domainCtx(deps, req), { cluster: String(b.cluster ?? ''), sequence: Number(b.sequence), groupNo: Number(b.groupNo), startsOn: String(b.startsOn ?? ''), endsOn: String(b.endsOn ?? '') });
      res.status(201).json(phase);
    },
  );

  add(
    { method: 'post', path: '/api/phases/:id/launch', summary: 'Launch the reviews of every State in the phase’s group', writes: true, responses: { 200: { schema: 'launch-result', description: 'Launched' }, 404: { schema: 'error', description: 'Unknown phase' }, 409: { schema: 'error', description: 'No questionnaire for the cluster' } } },
    (req, res) => {
      const phase = getPhase(deps.db, idParam(req));
      const q = deps.questionnaires.currentForCluster(phase.cluster);
      if (!q) throw new Problem('conflict', `No questionnaire is loaded for cluster ${phase.cluster}.`);
      res.json(launchPhase(domainCtx(deps, req), phase.id, q.id));
    },
  );

  add(
    { method: 'post', path: '/api/phases/:id/draws', summary: 'Draw lots for every launched review of the phase; records seed, inputs and result', writes: true, requestBody: 'draw-request', responses: { 201: { schema: 'draw-result', description: 'Drawn' }, 404: { schema: 'error', description: 'Unknown phase' }, 409: { schema: 'error', description: 'Already drawn, or rules cannot be met' } } },
    (req, res) => {
      const b = body(req);
      const phase = getPhase(deps.db, idParam(req));
      if (typeof b.seed !== 'string' || !b.seed.trim() || b.seed.length > 200) throw new Problem('validation_failed', 'Enter a seed (any text up to 200 characters); it makes the draw reproducible.');
      const rules = (b.rules && typeof b.rules === 'object' ? b.rules : {}) as Record<string, unknown>;
      const { drawId, result, ms } = runDraw(domainCtx(deps, req), { phaseId: phase.id, seed: b.seed, rules: drawRules(rules) });
      res.status(201).json({ id: drawId, seed: result.seed, assignments: result.assignments, elapsedMs: Math.round(ms) });
    },
  );

  add({ method: 'get', path: '/api/phases/:id/draws', summary: 'The draws of a phase', responses: { 200: { description: 'Draws' } } }, (req, res) => {
    const phase = getPhase(deps.db, idParam(req));
    res.json({ items: drawsOfPhase(deps.db, phase.id) });
  });

  add({ method: 'get', path: '/api/draws/:id', summary: 'One draw with its seed, inputs and result, for audit and re-running', responses: { 200: { description: 'The draw' }, 404: { schema: 'error', description: 'Unknown' } } }, (req, res) => {
    res.json(getDraw(deps.db, idParam(req)));
  });

  add({ method: 'get', path: '/api/audit', summary: 'The audit log, newest first, filtered by action prefix, user, review and dates', responses: { 200: { description: 'Events' } } }, (req, res) => {
    res.json({ items: listEvents(deps.db, auditFilter(req.query)) });
  });

  return router;
}
