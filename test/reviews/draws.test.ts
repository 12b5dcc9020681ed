import { beforeEach, describe, expect, it } from 'vitest';
import { createTestRuntime } from '../support/runtime.js';
import { launchedReview } from '../support/fixtures.js';
import { computeDraw, getDraw, redraw, runDraw, MAX_REQUESTED_REDRAWS } from '../../src/reviews/draws.js';
import { reviewTarget } from '../../src/reviews/service.js';
import { drawLots, validateDraw } from '../../src/reviews/lots.js';
import { Problem } from '../../src/lib/errors.js';

let rt: ReturnType<typeof createTestRuntime>;
let f: Awaited<ReturnType<typeof launchedReview>>;
beforeEach(async () => {
  rt = createTestRuntime();
  f = await launchedReview(rt);
});

describe('stored draws', () => {
  it('records the seed, inputs and result, and re-running the inputs gives the same result', () => {
    const d = getDraw(rt.db, 1);
    expect(d.seed).toBe('fixture');
    const inputs = d.inputs as { underReview: string[]; rules: object; pool: never[] };
    const again = drawLots({ seed: d.seed, underReview: inputs.underReview, pool: inputs.pool, rules: inputs.rules });
    expect(again.assignments).toEqual((d.result as { assignments: unknown }).assignments);
  });

  it('assigns every State of the group two or more reviewers that respect the rules', () => {
    const { input, result } = computeDraw(rt.db, { phaseId: f.phase.id, seed: 'x' });
    expect(result.assignments).toHaveLength(62);
    expect(validateDraw(input, result)).toEqual([]);
  });

  it('refuses a second full draw of the same phase (409): single reviews are re-drawn instead', () => {
    const ctx = { db: rt.db, now: new Date(), actor: f.sec.actor(), ip: null };
    try {
      runDraw(ctx, { phaseId: f.phase.id, seed: 'y' });
      expect.unreachable();
    } catch (e) {
      expect((e as Problem).status).toBe(409);
    }
  });

  it('replaces a withdrawn reviewer with another State, never the one that withdrew', () => {
    const ctx = { db: rt.db, now: new Date(), actor: f.sec.actor(), ip: null };
    const gone = f.reviewers[0]!;
    redraw(ctx, { reviewId: f.reviewId, reason: 'withdrawal', replace: gone });
    const now = reviewTarget(rt.db, f.reviewId)!.reviewers;
    expect(now).not.toContain(gone);
    expect(now).toContain(f.reviewers[1]);
  });

  it('limits the re-draws a State may request', () => {
    const ctx = { db: rt.db, now: new Date(), actor: f.sec.actor(), ip: null };
    for (let i = 0; i < MAX_REQUESTED_REDRAWS; i++) redraw(ctx, { reviewId: f.reviewId, reason: 'requested' });
    expect(() => redraw(ctx, { reviewId: f.reviewId, reason: 'requested' })).toThrow(Problem);
    // A withdrawal is not the State's request and is still possible.
    expect(() => redraw(ctx, { reviewId: f.reviewId, reason: 'withdrawal', replace: reviewTarget(rt.db, f.reviewId)!.reviewers[0]! })).not.toThrow();
  });
});
