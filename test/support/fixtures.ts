// Small factories for the HTTP and domain tests.
import { tables } from '../../src/db/index.js';
import { actorById, createUser, setPassword, type StateRole } from '../../src/auth/index.js';
import type { Runtime } from '../../src/server/bootstrap.js';
import { launchPhase } from '../../src/reviews/phases.js';
import { runDraw } from '../../src/reviews/draws.js';
import { reviewTarget } from '../../src/reviews/service.js';

export const PASSWORD = 'a test password 123';

let counter = 0;
export async function makeUser(rt: Runtime, opts: { secretariat?: boolean; party?: string; role?: StateRole; reviewId?: number | null } = {}) {
  counter += 1;
  const email = `user${counter}.${Date.now()}@example.org`;
  const { userId } = createUser(
    { db: rt.db, now: new Date() },
    { email, displayName: `User ${counter}`, isSecretariat: opts.secretariat ?? false, memberships: opts.party ? [{ party: opts.party, role: opts.role ?? 'expert', reviewId: opts.reviewId ?? null }] : [] },
  );
  await setPassword(rt.db, userId, PASSWORD);
  return { userId, email, password: PASSWORD, actor: () => actorById(rt.db, userId)! };
}

/** Launches phase 1 of group 1 with a draw, returning the first review and its parties. */
export async function launchedReview(rt: Runtime & { clock: { now(): Date } }) {
  const sec = await makeUser(rt, { secretariat: true });
  const phase = rt.db.select().from(tables.phases).all().find((p) => p.sequence === 1 && p.groupNo === 1)!;
  const ctx = { db: rt.db, now: rt.clock.now(), actor: sec.actor(), ip: null };
  launchPhase(ctx, phase.id, rt.questionnaires.currentForCluster('I')!.id);
  runDraw(ctx, { phaseId: phase.id, seed: 'fixture' });
  const reviewId = (rt.db.$client.prepare('SELECT id FROM reviews WHERE phase_id = ? ORDER BY party LIMIT 1').get(phase.id) as { id: number }).id;
  const target = reviewTarget(rt.db, reviewId)!;
  const involved = new Set([target.party, ...target.reviewers]);
  const unrelated = (rt.db.$client.prepare('SELECT iso3 FROM parties ORDER BY iso3').all() as { iso3: string }[]).map((p) => p.iso3).find((p) => !involved.has(p))!;
  return { sec, phase, reviewId, party: target.party, reviewers: target.reviewers, unrelated };
}
