// Every route × every actor. The table below must have an entry for every route the app
// registers (the test fails otherwise), and an unrelated State must get 404 on every
// review-scoped route: even a review's existence is not disclosed.
import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createTestRuntime } from '../support/runtime.js';
import { ACTORS, anonymous, pickDemoAccounts, signIn, type ActorName, type Session } from '../support/actors.js';
import { seedDemo } from '../../src/seed/demo.js';
import type { RouteSpec } from '../../src/http/route-table.js';
import { tables } from '../../src/db/index.js';

type Outcome = 'ok' | 'login' | 403 | 404 | 'any';
type Expectations = Record<ActorName, Outcome>;

const all = (o: Outcome): Expectations => Object.fromEntries(ACTORS.map((a) => [a, o])) as Expectations;
const PUBLIC = all('ok');
const USER: Expectations = { ...all('ok'), anonymous: 'login' };
const SECRETARIAT: Expectations = { ...all(403), secretariat: 'ok', anonymous: 'login' };
/** Everyone with a part in the review may read it; nobody else learns it exists. */
const REVIEW_READ: Expectations = { secretariat: 'ok', surFocal: 'ok', surExpert: 'ok', surObserver: 'ok', reviewerExpert: 'ok', unrelatedExpert: 404, anonymous: 'login' };
const REVIEW_SECRETARIAT: Expectations = { ...REVIEW_READ, surFocal: 403, surExpert: 403, surObserver: 403, reviewerExpert: 403 };
/** Only the State under review's focal point and experts write answers. */
const REVIEW_EDIT: Expectations = { ...REVIEW_READ, secretariat: 403, surObserver: 403, reviewerExpert: 403 };
const REVIEW_FOCAL_UNDER_REVIEW: Expectations = { ...REVIEW_READ, secretariat: 403, surExpert: 403, surObserver: 403, reviewerExpert: 403 };

interface Entry {
  expect: Expectations;
  query?: string;
  /** Values for the route's :params. */
  params?: (f: Fixtures) => Record<string, string | number>;
  body?: (f: Fixtures, actor: ActorName) => Record<string, unknown>;
  /** Uses a fresh session per actor (the route ends it), or runs last (it changes who sees what). */
  fresh?: boolean;
  last?: boolean;
}

interface Fixtures {
  reviewId: number;
  phaseId: number;
  drawId: number;
  userId: number;
  membershipId: number;
  /** A reviewer of the review other than the reviewing expert's State, as it is now. */
  otherReviewer: () => string;
}

const review = (f: Fixtures) => ({ id: f.reviewId });
const finalizeNow = () => ({ action: 'finalize' });

export const MATRIX: Record<string, Entry> = {
  'get /healthz': { expect: PUBLIC },
  'get /api/openapi.json': { expect: PUBLIC },
  'get /api/questionnaires': { expect: PUBLIC },
  'get /api/questionnaires/:id': { expect: PUBLIC, params: () => ({ id: 'cluster-1' }) },
  'get /api/questionnaires/:id/types.d.ts': { expect: PUBLIC, params: () => ({ id: 'cluster-3' }) },
  'get /api/parties': { expect: PUBLIC },
  'post /api/session': { expect: all('any'), body: () => ({ email: 'nobody@example.org', password: 'wrong-password-123' }) },
  'delete /api/session': { expect: all('any'), fresh: true },
  'get /login': { expect: all('any') },
  'post /login': { expect: all('any'), body: () => ({ email: 'nobody@example.org', password: 'wrong-password-123' }) },
  'post /logout': { expect: all('any'), fresh: true },
  'get /invitations/:token': { expect: all(404), params: () => ({ token: 'not-a-real-token' }) },
  'post /invitations/:token': { expect: all(404), params: () => ({ token: 'not-a-real-token' }), body: () => ({ password: 'a long enough password' }) },
  'get /': { expect: USER },
  'get /api/reviews': { expect: USER },
  'get /api/reviews/:id': { expect: REVIEW_READ, params: review },
  'get /reviews/:id': { expect: REVIEW_READ, params: review },
  'post /api/reviews/:id/transitions': { expect: REVIEW_SECRETARIAT, params: review, body: finalizeNow },
  'post /reviews/:id/transitions': { expect: REVIEW_SECRETARIAT, params: review, body: finalizeNow },
  'put /api/reviews/:id/deadlines/:key': { expect: REVIEW_SECRETARIAT, params: (f) => ({ id: f.reviewId, key: 'questionnaire' }), body: () => ({ dueOn: '2027-06-30' }) },
  'post /reviews/:id/deadlines/:key': { expect: REVIEW_SECRETARIAT, params: (f) => ({ id: f.reviewId, key: 'questionnaire' }), body: () => ({ dueOn: '2027-06-30' }) },
  'put /api/reviews/:id/publication-consent': { expect: REVIEW_FOCAL_UNDER_REVIEW, params: review, body: () => ({ consent: true }) },
  // Replacing the other reviewer keeps the reviewing expert's State on the review.
  'post /api/reviews/:id/redraw': { expect: REVIEW_SECRETARIAT, params: review, body: (f) => ({ reason: 'withdrawal', replace: f.otherReviewer() }), last: true },
  'post /secretariat/reviews/:id/redraw': { expect: REVIEW_SECRETARIAT, params: review, body: (f) => ({ reason: 'withdrawal', replace: f.otherReviewer() }), last: true },
  'get /api/reviews/:id/response': { expect: REVIEW_READ, params: review },
  'put /api/reviews/:id/response': { expect: REVIEW_EDIT, params: review, body: () => ({}) },
  'put /api/reviews/:id/response/pages/:page': { expect: REVIEW_EDIT, params: (f) => ({ id: f.reviewId, page: 'untoc_5' }), body: () => ({ p1_a_i: { status: 'yes' } }) },
  'post /api/reviews/:id/response/submit': { expect: REVIEW_FOCAL_UNDER_REVIEW, params: review },
  'get /api/reviews/:id/response/revisions': { expect: REVIEW_READ, params: review },
  'get /api/reviews/:id/response/diff': { expect: REVIEW_READ, params: review, query: '?from=0&to=0' },
  'get /reviews/:id/questionnaire': { expect: REVIEW_READ, params: review },
  'get /reviews/:id/questionnaire/pages/:page': { expect: REVIEW_READ, params: (f) => ({ id: f.reviewId, page: 'untoc_5' }) },
  'post /reviews/:id/questionnaire/pages/:page': { expect: REVIEW_EDIT, params: (f) => ({ id: f.reviewId, page: 'untoc_5' }), body: () => ({ _revision: '0', '/untoc_5/p1_a_i/status': 'no' }) },
  'post /reviews/:id/questionnaire/pages/:page/resolve': { expect: REVIEW_EDIT, params: (f) => ({ id: f.reviewId, page: 'untoc_5' }), body: () => ({ _revision: '0', _yours: '{}', _resolve: 'mine' }) },
  'get /reviews/:id/questionnaire/check': { expect: REVIEW_READ, params: review },
  'post /reviews/:id/questionnaire/submit': { expect: REVIEW_FOCAL_UNDER_REVIEW, params: review, body: () => ({ _revision: '0' }) },
  'get /reviews/:id/questionnaire/revisions': { expect: REVIEW_READ, params: review },
  'get /api/users': { expect: SECRETARIAT },
  'post /api/users': { expect: SECRETARIAT, body: (_f, a) => ({ email: `new.${a}@example.org`, displayName: `New ${a}` }) },
  'post /api/users/:id/password-reset': { expect: SECRETARIAT, params: (f) => ({ id: f.userId }) },
  'post /api/users/:id/memberships': { expect: SECRETARIAT, params: (f) => ({ id: f.userId }), body: () => ({ party: 'FRA', role: 'observer' }) },
  'delete /api/memberships/:id': { expect: SECRETARIAT, params: (f) => ({ id: f.membershipId }) },
  'get /api/phases': { expect: SECRETARIAT },
  'post /api/phases': { expect: SECRETARIAT, body: () => ({ cluster: 'I', sequence: 9, groupNo: 1, startsOn: '2031-01-01', endsOn: '2032-12-31' }) },
  'post /api/phases/:id/launch': { expect: SECRETARIAT, params: (f) => ({ id: f.phaseId }) },
  'post /api/phases/:id/draws': { expect: SECRETARIAT, params: (f) => ({ id: f.phaseId }), body: () => ({ seed: 'again' }) },
  'get /api/phases/:id/draws': { expect: SECRETARIAT, params: (f) => ({ id: f.phaseId }) },
  'get /api/draws/:id': { expect: SECRETARIAT, params: (f) => ({ id: f.drawId }) },
  'get /api/audit': { expect: SECRETARIAT },
  'get /secretariat/users': { expect: SECRETARIAT },
  'post /secretariat/users': { expect: SECRETARIAT, body: (_f, a) => ({ email: `page.${a}@example.org`, displayName: `Page ${a}`, role: 'expert', party: 'FRA' }) },
  'post /secretariat/users/:id/reset': { expect: SECRETARIAT, params: (f) => ({ id: f.userId }) },
  'get /secretariat/audit': { expect: SECRETARIAT },
  'get /secretariat/phases': { expect: SECRETARIAT },
  'get /secretariat/phases/:id': { expect: SECRETARIAT, params: (f) => ({ id: f.phaseId }) },
  'post /secretariat/phases/:id/launch': { expect: SECRETARIAT, params: (f) => ({ id: f.phaseId }) },
  'post /secretariat/phases/:id/draw': { expect: SECRETARIAT, params: (f) => ({ id: f.phaseId }), body: () => ({ seed: 'again' }) },
};

let rt: ReturnType<typeof createTestRuntime>;
let fixtures: Fixtures;
let accounts: ReturnType<typeof pickDemoAccounts>;
const sessions = new Map<ActorName, Session>();

async function sessionFor(actor: ActorName, fresh = false): Promise<Session> {
  if (!fresh && sessions.has(actor)) return sessions.get(actor)!;
  const s = actor === 'anonymous' ? await anonymous(rt.app) : await signIn(rt.app, accounts[actor].email, accounts[actor].password);
  if (!fresh) sessions.set(actor, s);
  return s;
}

function classify(spec: RouteSpec, status: number, location: string | undefined): Outcome | number {
  if (status >= 500) return status;
  if (status === 403 || status === 404) return status;
  if (status === 401 && spec.kind === 'api') return 'login';
  if (status === 303 && location?.startsWith('/login')) return 'login';
  return 'ok';
}

beforeAll(async () => {
  rt = createTestRuntime();
  const demo = await seedDemo(rt.db, rt.questionnaires, rt.clock.now());
  accounts = pickDemoAccounts(demo);
  const reviewId = rt.db.$client.prepare('SELECT id FROM reviews ORDER BY party LIMIT 1').get() as { id: number };
  const phase = rt.db.select().from(tables.phases).all().find((p) => p.sequence === 1 && p.groupNo === 1)!;
  const draw = rt.db.select().from(tables.draws).all()[0]!;
  const target = rt.db.$client.prepare("SELECT id FROM users WHERE email = ?").get(accounts.unrelatedExpert.email) as { id: number };
  const membership = rt.db.$client.prepare('SELECT id FROM memberships WHERE user_id = ?').get(target.id) as { id: number };
  const reviewerParty = accounts.reviewerExpert.party;
  const otherReviewer = () =>
    (rt.db.$client.prepare('SELECT reviewer_party AS p FROM reviewer_assignments WHERE review_id = ? AND active = 1 AND reviewer_party != ? ORDER BY id LIMIT 1').get(reviewId.id, reviewerParty) as { p: string }).p;
  fixtures = { reviewId: reviewId.id, phaseId: phase.id, drawId: draw.id, userId: target.id, membershipId: membership.id, otherReviewer };
}, 120_000);

describe('authorization matrix', () => {
  it('has an entry for every route the app registers, and none for routes that do not exist', () => {
    const registered = rt.routes.specs.map((s) => `${s.method} ${s.path}`);
    const missing = registered.filter((r) => !(r in MATRIX));
    const stale = Object.keys(MATRIX).filter((k) => !registered.includes(k));
    expect(missing, 'routes without a matrix entry').toEqual([]);
    expect(stale, 'matrix entries for routes that do not exist').toEqual([]);
  });

  it('gives every actor exactly the expected outcome on every route', async () => {
    const specs = [...rt.routes.specs].sort((a, b) => Number(!!MATRIX[`${a.method} ${a.path}`]?.last) - Number(!!MATRIX[`${b.method} ${b.path}`]?.last));
    const failures: string[] = [];
    for (const spec of specs) {
      const key = `${spec.method} ${spec.path}`;
      const entry = MATRIX[key];
      if (!entry) continue;
      // The secretariat goes last, so that a successful write does not change what the others see.
      const order = [...ACTORS].sort((a, b) => Number(a === 'secretariat') - Number(b === 'secretariat'));
      for (const actor of order) {
        const params = entry.params?.(fixtures) ?? {};
        const path = spec.path.replace(/:(\w+)/g, (_, p: string) => encodeURIComponent(String(params[p])));
        const session = await sessionFor(actor, entry.fresh);
        let req = request(rt.app)[spec.method](path + (entry.query ?? '')).set('Cookie', session.cookie.join('; '));
        const body = entry.body?.(fixtures, actor);
        if (spec.kind === 'api') {
          // If-Match lets writes reach the role check (without it they stop at 428).
          req = req.set('X-CSRF-Token', session.csrf).set('Accept', 'application/json').set('If-Match', '"rev-0"');
          if (body) req = req.send(body);
        } else if (spec.writes) {
          req = req.type('form').send({ ...(body ?? {}), _csrf: session.csrf });
        }
        const res = await req;
        const got = classify(spec, res.status, res.headers.location);
        const want = entry.expect[actor];
        if (want !== 'any' && got !== want) failures.push(`${key} as ${actor}: expected ${want}, got ${got} (${res.status})`);
        if (want === 'any' && typeof got === 'number' && got >= 500) failures.push(`${key} as ${actor}: server error ${got}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('answers an unrelated State with 404 on every review-scoped route', () => {
    for (const spec of rt.routes.specs.filter((s) => s.audience === 'review')) {
      expect(MATRIX[`${spec.method} ${spec.path}`]?.expect.unrelatedExpert, `${spec.method} ${spec.path}`).toBe(404);
    }
  });

  it('rejects a state-changing request without the CSRF token with 403', async () => {
    const s = await sessionFor('secretariat');
    const res = await request(rt.app).post('/api/users').set('Cookie', s.cookie.join('; ')).send({ email: 'x@example.org', displayName: 'X' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('csrf_failed');
    const page = await request(rt.app).post(`/reviews/${fixtures.reviewId}/transitions`).set('Cookie', s.cookie.join('; ')).type('form').send({ action: 'finalize', _csrf: 'wrong' });
    expect(page.status).toBe(403);
  });
});
