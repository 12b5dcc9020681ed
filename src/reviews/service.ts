// The review lifecycle: launching the reviews of a group, moving a review through its
// steps, due dates and overdue flags, and who sees which review.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { tables } from '../db/index.js';
import { record } from '../audit/index.js';
import { can, roleIn, type Actor, type ReviewRole, type ReviewTarget } from '../auth/index.js';
import { addDays, addMonths } from '../lib/clock.js';
import { Problem, notFound } from '../lib/errors.js';
import { DEADLINE_RULES, MOVES, mayMake, moveFor, type Step } from './steps.js';

export interface Ctx {
  db: Db;
  now: Date;
  actor: Actor | null;
  ip?: string | null;
}

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
const iso = (d: Date) => d.toISOString();
const day = (d: Date) => d.toISOString().slice(0, 10);

export function reviewTarget(db: Db, id: number): ReviewTarget | undefined {
  const r = db.select({ id: tables.reviews.id, party: tables.reviews.party }).from(tables.reviews).where(eq(tables.reviews.id, id)).get();
  if (!r) return undefined;
  const reviewers = db
    .select({ party: tables.reviewerAssignments.reviewerParty })
    .from(tables.reviewerAssignments)
    .where(and(eq(tables.reviewerAssignments.reviewId, id), eq(tables.reviewerAssignments.active, true)))
    .all()
    .map((a) => a.party);
  return { id: r.id, party: r.party, reviewers };
}

/** fetch → 404 when absent or not visible. Returns the target and the caller's role. */
export function visibleReview(db: Db, actor: Actor | null, id: number): { target: ReviewTarget; role: ReviewRole } {
  const target = Number.isSafeInteger(id) ? reviewTarget(db, id) : undefined;
  const role = target ? roleIn(actor, target) : null;
  if (!target || !role) throw notFound('The review');
  return { target, role };
}

export interface DeadlineView {
  key: string;
  dueOn: string;
  completedAt: string | null;
  overdue: boolean;
}

export function reviewDetails(db: Db, id: number, today: string): ReviewDetails {
  const [r] = reviewDetailsOf(db, [id], today);
  if (!r) throw notFound('The review');
  return r;
}

/**
 * Several reviews in four queries whatever their number (a dashboard lists every review
 * of a phase), in the order of `ids`; ids that do not exist are left out.
 */
export function reviewDetailsOf(db: Db, ids: number[], today: string) {
  if (!ids.length) return [];
  const rows = db
    .select({ review: tables.reviews, phase: tables.phases, party: tables.parties, q: { key: tables.questionnaireVersions.key, version: tables.questionnaireVersions.version } })
    .from(tables.reviews)
    .innerJoin(tables.phases, eq(tables.phases.id, tables.reviews.phaseId))
    .innerJoin(tables.parties, eq(tables.parties.iso3, tables.reviews.party))
    .innerJoin(tables.questionnaireVersions, eq(tables.questionnaireVersions.id, tables.reviews.questionnaireVersionId))
    .where(inArray(tables.reviews.id, ids))
    .all();
  const group = <T extends { reviewId: number }>(items: T[]) => {
    const m = new Map<number, T[]>();
    for (const x of items) m.set(x.reviewId, [...(m.get(x.reviewId) ?? []), x]);
    return m;
  };
  const reviewers = group(
    db
      .select()
      .from(tables.reviewerAssignments)
      .where(and(inArray(tables.reviewerAssignments.reviewId, ids), eq(tables.reviewerAssignments.active, true)))
      .orderBy(asc(tables.reviewerAssignments.id))
      .all(),
  );
  const deadlines = group(db.select().from(tables.reviewDeadlines).where(inArray(tables.reviewDeadlines.reviewId, ids)).all());
  const history = group(
    db
      .select({ reviewId: tables.reviewTransitions.reviewId, from: tables.reviewTransitions.fromStep, to: tables.reviewTransitions.toStep, at: tables.reviewTransitions.at, reason: tables.reviewTransitions.reason, actor: tables.users.displayName })
      .from(tables.reviewTransitions)
      .leftJoin(tables.users, eq(tables.users.id, tables.reviewTransitions.actorUserId))
      .where(inArray(tables.reviewTransitions.reviewId, ids))
      .orderBy(asc(tables.reviewTransitions.id))
      .all(),
  );
  const byId = new Map(rows.map((r) => [r.review.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const due: DeadlineView[] = (deadlines.get(id) ?? [])
      .map((d) => ({ key: d.step, dueOn: d.dueOn, completedAt: d.completedAt, overdue: !d.completedAt && d.dueOn < today }))
      .sort((a, b) => DEADLINE_RULES.findIndex((x) => x.key === a.key) - DEADLINE_RULES.findIndex((x) => x.key === b.key));
    return [
      {
        id,
        party: r.review.party,
        partyName: r.party.nameEn,
        regionalGroup: r.party.regionalGroup,
        phase: { id: r.phase.id, cluster: r.phase.cluster, sequence: r.phase.sequence, groupNo: r.phase.groupNo },
        questionnaire: { id: r.q.key, version: r.q.version, versionId: r.review.questionnaireVersionId },
        step: r.review.step as Step,
        launchedOn: r.review.launchedOn,
        publicationConsent: r.review.publicationConsent,
        redrawsUsed: r.review.redrawsUsed,
        reviewers: (reviewers.get(id) ?? []).map((a) => ({ party: a.reviewerParty, instruments: a.instruments, basis: a.basis })),
        deadlines: due,
        overdue: due.some((d) => d.overdue),
        history: (history.get(id) ?? []).map(({ reviewId: _r, ...h }) => h),
      },
    ];
  });
}

export type ReviewDetails = ReturnType<typeof reviewDetailsOf>[number];

/** Reviews the actor may see, each with the actor's role in it. */
export function visibleReviews(db: Db, actor: Actor, today: string): (ReviewDetails & { role: ReviewRole })[] {
  let ids: number[];
  if (actor.isSecretariat) {
    ids = db.select({ id: tables.reviews.id }).from(tables.reviews).orderBy(asc(tables.reviews.id)).all().map((r) => r.id);
  } else {
    const parties = [...new Set(actor.memberships.map((m) => m.party))];
    if (!parties.length) return [];
    const own = db.select({ id: tables.reviews.id }).from(tables.reviews).where(inArray(tables.reviews.party, parties)).all();
    const reviewing = db
      .select({ id: tables.reviewerAssignments.reviewId })
      .from(tables.reviewerAssignments)
      .where(and(inArray(tables.reviewerAssignments.reviewerParty, parties), eq(tables.reviewerAssignments.active, true)))
      .all();
    ids = [...new Set([...own, ...reviewing].map((r) => r.id))].sort((a, b) => a - b);
  }
  return reviewDetailsOf(db, ids, today).flatMap((r) => {
    const role = roleIn(actor, { id: r.id, party: r.party, reviewers: r.reviewers.map((x) => x.party) });
    return role ? [{ ...r, role }] : [];
  });
}

function scheduleDeadlines(tx: Tx, reviewId: number, reached: Step, on: string): void {
  for (const rule of DEADLINE_RULES) {
    if (rule.from === reached) {
      const dueOn = rule.months ? addMonths(on, rule.months) : addDays(on, rule.days ?? 0);
      tx.insert(tables.reviewDeadlines)
        .values({ reviewId, step: rule.key, dueOn, completedAt: null })
        .onConflictDoUpdate({ target: [tables.reviewDeadlines.reviewId, tables.reviewDeadlines.step], set: { dueOn, completedAt: null } })
        .run();
    }
    const completes = rule.due === reached || (rule.due === 'experts_appointed' && reached === 'appointed');
    if (completes) {
      tx.update(tables.reviewDeadlines)
        .set({ completedAt: on })
        .where(and(eq(tables.reviewDeadlines.reviewId, reviewId), eq(tables.reviewDeadlines.step, rule.key)))
        .run();
    }
  }
  if (reached === 'drafting') {
    // A clarification request reopens the questionnaire: its deadline is open again.
    tx.update(tables.reviewDeadlines).set({ completedAt: null }).where(and(eq(tables.reviewDeadlines.reviewId, reviewId), eq(tables.reviewDeadlines.step, 'questionnaire'))).run();
  }
}

export function recordTransition(tx: Tx, ctx: Ctx, reviewId: number, from: Step | null, to: Step, reason?: string | null): void {
  tx.update(tables.reviews).set({ step: to }).where(eq(tables.reviews.id, reviewId)).run();
  tx.insert(tables.reviewTransitions).values({ reviewId, fromStep: from, toStep: to, actorUserId: ctx.actor?.userId ?? null, reason: reason ?? null, at: iso(ctx.now) }).run();
  scheduleDeadlines(tx, reviewId, to, day(ctx.now));
  record(tx, { at: iso(ctx.now), actorUserId: ctx.actor?.userId, action: 'review.transition', targetType: 'review', targetId: reviewId, reviewId, ip: ctx.ip, details: { from, to, reason: reason ?? undefined } });
}

type Within = (tx: Tx) => string | null;

/** Preconditions of moves beyond their step: a reason to refuse, or null. */
const PRECONDITIONS: Partial<Record<string, (tx: Tx, target: ReviewTarget) => string | null>> = {
  confirm_appointments: (tx, target) =>
    tx
      .select({ id: tables.memberships.id })
      .from(tables.memberships)
      .where(and(eq(tables.memberships.party, target.party), eq(tables.memberships.role, 'focal_point'), eq(tables.memberships.active, true)))
      .get()
      ? null
      : 'No focal point is appointed for the State under review yet.',
};

/**
 * Moves a review by a named action. 404 if not visible, 409 for a move that has its own
 * route (submission), 403 if the role may not, 409 with the reason if the review is not in
 * the step the move starts from or a precondition fails.
 */
export function transition(ctx: Ctx, reviewId: number, action: string, reason?: string): ReviewDetails {
  return move(ctx, reviewId, action, reason, null);
}

/**
 * The move itself. `within` runs inside the same transaction, after the step check: it may
 * refuse (return a reason) or write what belongs with the move (the submitted revision).
 * Only the route a move goes `through` passes it.
 */
export function move(ctx: Ctx, reviewId: number, action: string, reason: string | undefined, within: Within | null): ReviewDetails {
  const { target, role } = visibleReview(ctx.db, ctx.actor, reviewId);
  const m = moveFor(action);
  if (!m) throw new Problem('bad_request', `Unknown action "${action}". Known actions: ${MOVES.map((x) => x.action).join(', ')}.`);
  if (m.through && !within) {
    throw new Problem('invalid_transition', 'Submit the questionnaire from its check-your-answers page or POST /api/reviews/{id}/response/submit, which check that it is complete.', { action });
  }
  if (!mayMake(role, m) || !can(ctx.actor, m.permission, { kind: 'review', review: target })) {
    throw new Problem('forbidden', 'Your role in this review does not allow this step.');
  }
  ctx.db.transaction(
    (tx) => {
      const current = tx.select({ step: tables.reviews.step }).from(tables.reviews).where(eq(tables.reviews.id, reviewId)).get()!.step as Step;
      if (current !== m.from) {
        throw new Problem('invalid_transition', `The review is at step "${current}"; "${action}" can only be taken at step "${m.from}".`, { step: current, action, expectedStep: m.from });
      }
      const refusal = PRECONDITIONS[action]?.(tx, target) ?? within?.(tx);
      if (refusal) throw new Problem('invalid_transition', refusal, { step: current, action });
      recordTransition(tx, ctx, reviewId, current, m.to, reason);
    },
    { behavior: 'immediate' },
  );
  return reviewDetails(ctx.db, reviewId, day(ctx.now));
}

export function setDueDate(ctx: Ctx, reviewId: number, key: string, dueOn: string): ReviewDetails {
  const { target } = visibleReview(ctx.db, ctx.actor, reviewId);
  if (!can(ctx.actor, 'review.manage', { kind: 'review', review: target })) throw new Problem('forbidden', 'Only the secretariat can change due dates.');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dueOn) || Number.isNaN(Date.parse(dueOn))) throw new Problem('validation_failed', 'Enter the due date as YYYY-MM-DD.', { field: 'dueOn' });
  if (!DEADLINE_RULES.some((r) => r.key === key)) throw notFound(`The deadline "${key}"`);
  ctx.db.transaction(
    (tx) => {
      const before = tx.select().from(tables.reviewDeadlines).where(and(eq(tables.reviewDeadlines.reviewId, reviewId), eq(tables.reviewDeadlines.step, key))).get();
      tx.insert(tables.reviewDeadlines)
        .values({ reviewId, step: key, dueOn, completedAt: null })
        .onConflictDoUpdate({ target: [tables.reviewDeadlines.reviewId, tables.reviewDeadlines.step], set: { dueOn } })
        .run();
      record(tx, { at: iso(ctx.now), actorUserId: ctx.actor?.userId, action: 'review.deadline', targetType: 'review', targetId: reviewId, reviewId, ip: ctx.ip, details: { key, from: before?.dueOn ?? null, to: dueOn } });
    },
    { behavior: 'immediate' },
  );
  return reviewDetails(ctx.db, reviewId, day(ctx.now));
}

export function setPublicationConsent(ctx: Ctx, reviewId: number, consent: boolean): ReviewDetails {
  const { target } = visibleReview(ctx.db, ctx.actor, reviewId);
  if (!can(ctx.actor, 'review.consent', { kind: 'review', review: target })) throw new Problem('forbidden', 'Only the focal point of the State under review can give or withdraw consent.');
  ctx.db.transaction(
    (tx) => {
      tx.update(tables.reviews).set({ publicationConsent: consent }).where(eq(tables.reviews.id, reviewId)).run();
      record(tx, { at: iso(ctx.now), actorUserId: ctx.actor?.userId, action: 'review.consent', targetType: 'review', targetId: reviewId, reviewId, ip: ctx.ip, details: { consent } });
    },
    { behavior: 'immediate' },
  );
  return reviewDetails(ctx.db, reviewId, day(ctx.now));
}
