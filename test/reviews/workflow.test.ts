import { beforeEach, describe, expect, it } from 'vitest';
import { createTestRuntime } from '../support/runtime.js';
import { launchedReview, makeUser } from '../support/fixtures.js';
import { reviewDetails, setDueDate, transition } from '../../src/reviews/service.js';
import { Problem } from '../../src/lib/errors.js';

let rt: ReturnType<typeof createTestRuntime>;
let f: Awaited<ReturnType<typeof launchedReview>>;
const ctx = (actor: unknown) => ({ db: rt.db, now: rt.clock.now(), actor: actor as never, ip: '127.0.0.1' });
const today = () => rt.clock.now().toISOString().slice(0, 10);

beforeEach(async () => {
  rt = createTestRuntime({}, '2026-01-15T09:00:00Z');
  f = await launchedReview(rt);
});

function problemOf(fn: () => unknown): Problem {
  try {
    fn();
  } catch (e) {
    if (e instanceof Problem) return e;
    throw e;
  }
  throw new Error('expected a Problem');
}

describe('review workflow', () => {
  it('starts at launched with the appointment and questionnaire deadlines computed', () => {
    const r = reviewDetails(rt.db, f.reviewId, today());
    expect(r.step).toBe('launched');
    const due = Object.fromEntries(r.deadlines.map((d) => [d.key, d.dueOn]));
    expect(due).toEqual({ focal_point: '2026-01-29', experts: '2026-02-12', questionnaire: '2026-07-15' });
    expect(r.history.map((h) => h.to)).toEqual(['launched']);
  });

  it('flags a step overdue once its due date has passed', () => {
    rt.clock.set('2026-02-01T09:00:00Z');
    const r = reviewDetails(rt.db, f.reviewId, today());
    expect(r.deadlines.find((d) => d.key === 'focal_point')?.overdue).toBe(true);
    expect(r.overdue).toBe(true);
  });

  it('refuses to confirm appointments before a focal point is appointed, with the reason (409)', () => {
    const p = problemOf(() => transition(ctx(f.sec.actor()), f.reviewId, 'confirm_appointments'));
    expect(p.status).toBe(409);
    expect(p.message).toMatch(/focal point/);
  });

  it('moves through the steps with history and completes the deadlines', async () => {
    const focal = await makeUser(rt, { party: f.party, role: 'focal_point', reviewId: f.reviewId });
    transition(ctx(f.sec.actor()), f.reviewId, 'confirm_appointments', 'all appointed');
    const r = transition(ctx(focal.actor()), f.reviewId, 'start_drafting');
    expect(r.step).toBe('drafting');
    expect(r.history.map((h) => [h.from, h.to])).toEqual([
      [null, 'launched'],
      ['launched', 'appointed'],
      ['appointed', 'drafting'],
    ]);
    expect(r.history[1]?.reason).toBe('all appointed');
    expect(r.deadlines.find((d) => d.key === 'focal_point')?.completedAt).toBe('2026-01-15');
  });

  it('answers an invalid transition with 409 and the current step', () => {
    const p = problemOf(() => transition(ctx(f.sec.actor()), f.reviewId, 'finalize'));
    expect(p.status).toBe(409);
    expect(p.details).toMatchObject({ step: 'launched', expectedStep: 'summary' });
  });

  it('does not let a State make a secretariat move (403) and hides the review from others (404)', async () => {
    const expert = await makeUser(rt, { party: f.party, role: 'expert' });
    const stranger = await makeUser(rt, { party: f.unrelated, role: 'focal_point' });
    expect(problemOf(() => transition(ctx(expert.actor()), f.reviewId, 'confirm_appointments')).status).toBe(403);
    expect(problemOf(() => transition(ctx(stranger.actor()), f.reviewId, 'confirm_appointments')).status).toBe(404);
  });

  it('lets a reviewer ask for clarification, which reopens the questionnaire', async () => {
    const focal = await makeUser(rt, { party: f.party, role: 'focal_point', reviewId: f.reviewId });
    const reviewer = await makeUser(rt, { party: f.reviewers[0]!, role: 'expert' });
    transition(ctx(f.sec.actor()), f.reviewId, 'confirm_appointments');
    transition(ctx(focal.actor()), f.reviewId, 'start_drafting');
    // Submission needs a valid response (responses module); mark it directly for this test.
    rt.db.$client.prepare("UPDATE reviews SET step = 'submitted' WHERE id = ?").run(f.reviewId);
    transition(ctx(f.sec.actor()), f.reviewId, 'forward_to_reviewers');
    const r = transition(ctx(reviewer.actor()), f.reviewId, 'request_clarification', 'Please explain 5(1)(a)');
    expect(r.step).toBe('drafting');
    expect(r.deadlines.find((d) => d.key === 'questionnaire')?.completedAt).toBeNull();
  });

  it('lets the secretariat change a due date, and records it in the audit log', () => {
    const r = setDueDate(ctx(f.sec.actor()), f.reviewId, 'questionnaire', '2026-09-30');
    expect(r.deadlines.find((d) => d.key === 'questionnaire')?.dueOn).toBe('2026-09-30');
    const ev = rt.db.$client.prepare("SELECT details FROM audit_events WHERE action = 'review.deadline'").get() as { details: string };
    expect(JSON.parse(ev.details)).toMatchObject({ key: 'questionnaire', from: '2026-07-15', to: '2026-09-30' });
  });

  it('writes the transition and its audit event together', () => {
    const before = (rt.db.$client.prepare("SELECT count(*) AS n FROM audit_events WHERE action = 'review.transition'").get() as { n: number }).n;
    problemOf(() => transition(ctx(f.sec.actor()), f.reviewId, 'confirm_appointments'));
    const after = (rt.db.$client.prepare("SELECT count(*) AS n FROM audit_events WHERE action = 'review.transition'").get() as { n: number }).n;
    expect(after).toBe(before);
    const denied = rt.db.$client.prepare("SELECT count(*) AS n FROM audit_events WHERE action = 'access.denied'").get() as { n: number };
    expect(denied.n).toBe(0);
  });
});
