import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createTestRuntime } from '../support/runtime.js';
import { launchedReview, makeUser } from '../support/fixtures.js';
import { signIn, type Session } from '../support/actors.js';

let rt: ReturnType<typeof createTestRuntime>;
let f: Awaited<ReturnType<typeof launchedReview>>;
const as = (s: Session) => ({ Cookie: s.cookie.join('; '), 'X-CSRF-Token': s.csrf });

beforeAll(async () => {
  rt = createTestRuntime();
  f = await launchedReview(rt);
});

describe('reviews API', () => {
  it('lists only the reviews the caller has a part in, with the caller’s role', async () => {
    const u = await makeUser(rt, { party: f.reviewers[0]!, role: 'expert' });
    const s = await signIn(rt.app, u.email, u.password);
    const res = await request(rt.app).get('/api/reviews').set(as(s)).expect(200);
    const mine = res.body.items.find((r: { id: number }) => r.id === f.reviewId);
    expect(mine.role).toEqual({ kind: 'state', side: 'reviewer', role: 'expert', party: f.reviewers[0] });
    const parties = res.body.items.map((r: { party: string; reviewers: { party: string }[] }) => [r.party, ...r.reviewers.map((x) => x.party)]);
    for (const p of parties) expect(p).toContain(f.reviewers[0]);
  });

  it('gives one review with step, due dates and reviewing States', async () => {
    const u = await makeUser(rt, { party: f.party, role: 'observer' });
    const s = await signIn(rt.app, u.email, u.password);
    const res = await request(rt.app).get(`/api/reviews/${f.reviewId}`).set(as(s)).expect(200);
    expect(res.body).toMatchObject({ id: f.reviewId, party: f.party, step: 'launched' });
    expect(res.body.reviewers.length).toBeGreaterThanOrEqual(2);
    expect(res.body.deadlines.map((d: { key: string }) => d.key)).toContain('questionnaire');
  });

  it('ignores a State id forged in the query or body', async () => {
    const u = await makeUser(rt, { party: f.unrelated, role: 'focal_point' });
    const s = await signIn(rt.app, u.email, u.password);
    await request(rt.app).get(`/api/reviews/${f.reviewId}?party=${f.party}`).set(as(s)).expect(404);
    await request(rt.app).post(`/api/reviews/${f.reviewId}/transitions`).set(as(s)).send({ action: 'start_drafting', party: f.party }).expect(404);
  });

  it('refuses an observer’s write with 403 and changes nothing', async () => {
    const u = await makeUser(rt, { party: f.party, role: 'observer' });
    const s = await signIn(rt.app, u.email, u.password);
    await request(rt.app).put(`/api/reviews/${f.reviewId}/publication-consent`).set(as(s)).send({ consent: true }).expect(403);
    const row = rt.db.$client.prepare('SELECT publication_consent AS c FROM reviews WHERE id = ?').get(f.reviewId) as { c: number };
    expect(row.c).toBe(0);
    const denied = rt.db.$client.prepare("SELECT details FROM audit_events WHERE action = 'access.denied' AND actor_user_id = ?").get(u.userId) as { details: string };
    expect(JSON.parse(denied.details)).toMatchObject({ method: 'PUT', code: 'forbidden' });
  });

  it('refuses to submit through the generic transition route (409): submission has its own', async () => {
    const u = await makeUser(rt, { party: f.party, role: 'focal_point', reviewId: f.reviewId });
    const s = await signIn(rt.app, u.email, u.password);
    const res = await request(rt.app).post(`/api/reviews/${f.reviewId}/transitions`).set(as(s)).send({ action: 'submit' }).expect(409);
    expect(res.body.message).toMatch(/response\/submit/);
  });

  it('answers an invalid transition with 409 in the JSON error format', async () => {
    const u = await makeUser(rt, { secretariat: true });
    const s = await signIn(rt.app, u.email, u.password);
    const res = await request(rt.app).post(`/api/reviews/${f.reviewId}/transitions`).set(as(s)).send({ action: 'finalize' }).expect(409);
    expect(res.body).toMatchObject({ code: 'invalid_transition', details: { step: 'launched' } });
  });
});

describe('drawing lots through the API', () => {
  it('validates the configurable rules', async () => {
    const u = await makeUser(rt, { secretariat: true });
    const s = await signIn(rt.app, u.email, u.password);
    const res = await request(rt.app).post(`/api/phases/${f.phase.id}/draws`).set(as(s)).send({ seed: 'x', rules: { ungrouped: { treatAs: 'Atlantis' } } }).expect(400);
    expect(res.body.message).toMatch(/ungrouped/);
  });

  it('draws a launched phase once with its rules, and then refuses a second draw (409)', async () => {
    const u = await makeUser(rt, { secretariat: true });
    const s = await signIn(rt.app, u.email, u.password);
    const phase = rt.db.$client.prepare('SELECT id FROM phases WHERE sequence = 1 AND group_no = 2').get() as { id: number };
    await request(rt.app).post(`/api/phases/${phase.id}/launch`).set(as(s)).expect(200);
    const res = await request(rt.app).post(`/api/phases/${phase.id}/draws`).set(as(s)).send({ seed: 'group-2', rules: { maxReviewsPerReviewer: 2, ungrouped: { treatAs: 'Asia-Pacific' } } }).expect(201);
    expect(res.body.assignments).toHaveLength(63);
    const stored = await request(rt.app).get(`/api/draws/${res.body.id}`).set(as(s)).expect(200);
    expect(stored.body.result.rules).toMatchObject({ maxReviewsPerReviewer: 2, ungrouped: { treatAs: 'Asia-Pacific' } });
    await request(rt.app).post(`/api/phases/${phase.id}/draws`).set(as(s)).send({ seed: 'again' }).expect(409);
  });
});
