// The drawing of lots against the database: builds the inputs from stored data, runs the
// pure draw (lots.ts), double-checks it, and stores seed, inputs and result with the
// assignments in one transaction, so every draw can be re-run and audited.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { tables } from '../db/index.js';
import { record } from '../audit/index.js';
import { currentParticipation } from '../parties/index.js';
import { can } from '../auth/index.js';
import { Problem, notFound } from '../lib/errors.js';
import type { InstrumentCode, RegionalGroup } from '../reference/index.js';
import { drawLots, redrawOne, validateDraw, DrawError, type Assignment, type DrawInput, type DrawParty, type DrawResult, type DrawRules } from './lots.js';
import { getPhase, groupMembers } from './phases.js';
import type { Ctx } from './service.js';

/** How many times a State under review may ask for a re-draw (UNCAC practice: twice). */
export const MAX_REQUESTED_REDRAWS = 2;

/** Every party with its current instruments, from the dated status rows. */
export function drawPool(db: Db): DrawParty[] {
  const participation = currentParticipation(db);
  return db
    .select()
    .from(tables.parties)
    .orderBy(asc(tables.parties.iso3))
    .all()
    .map((p) => ({
      iso3: p.iso3,
      regionalGroup: p.regionalGroup as RegionalGroup | null,
      instruments: (participation.get(p.iso3) ?? []).map((x) => x.instrument as InstrumentCode),
    }))
    .filter((p) => p.instruments.includes('UNTOC'));
}

function instrumentsOfPhase(db: Db, phaseId: number): InstrumentCode[] {
  const phase = getPhase(db, phaseId);
  const rows = db.select({ instrument: tables.clusterArticles.instrument }).from(tables.clusterArticles).where(eq(tables.clusterArticles.cluster, phase.cluster)).all();
  return [...new Set(rows.map((r) => r.instrument as InstrumentCode))];
}

function phaseRules(db: Db, phaseId: number): Partial<DrawRules> {
  const original = db.select({ result: tables.draws.result, reviewId: tables.draws.reviewId }).from(tables.draws).where(eq(tables.draws.phaseId, phaseId)).orderBy(asc(tables.draws.id)).all().find((d) => d.reviewId === null);
  return (original?.result as DrawResult | undefined)?.rules ?? {};
}

/** Assignments already stored for other reviews of the same phase. */
function existingAssignments(db: Db, phaseId: number, exceptReviewIds: number[] = []): Assignment[] {
  const rows = db
    .select({ reviewId: tables.reviews.id, party: tables.reviews.party, a: tables.reviewerAssignments })
    .from(tables.reviewerAssignments)
    .innerJoin(tables.reviews, eq(tables.reviews.id, tables.reviewerAssignments.reviewId))
    .where(and(eq(tables.reviews.phaseId, phaseId), eq(tables.reviewerAssignments.active, true)))
    .all()
    .filter((r) => !exceptReviewIds.includes(r.reviewId));
  const byParty = new Map<string, Assignment>();
  for (const r of rows) {
    const a = byParty.get(r.party) ?? { underReview: r.party, reviewers: [] };
    a.reviewers.push({ party: r.a.reviewerParty, instruments: r.a.instruments as InstrumentCode[], basis: r.a.basis });
    byParty.set(r.party, a);
  }
  return [...byParty.values()];
}

export interface DrawRequest {
  phaseId: number;
  seed: string;
  rules?: Partial<DrawRules>;
}

/** Computes a draw for a phase's group without storing it (the CLI's dry run). */
export function computeDraw(db: Db, req: DrawRequest): { input: DrawInput; result: DrawResult } {
  const phase = getPhase(db, req.phaseId);
  const input: DrawInput = {
    seed: req.seed,
    underReview: groupMembers(db, phase.groupNo),
    pool: drawPool(db),
    rules: { instrumentsUnderReview: instrumentsOfPhase(db, req.phaseId), ...req.rules },
    existing: [],
  };
  try {
    const result = drawLots(input);
    const violations = validateDraw(input, result);
    if (violations.length) throw new Problem('internal', 'The draw broke a rule; nothing was stored.', { violations });
    return { input, result };
  } catch (e) {
    if (e instanceof DrawError) throw new Problem('conflict', `The draw cannot satisfy the rules: ${e.message}`);
    throw e;
  }
}

/** Draws reviewers for every launched review of the phase and stores the result. */
export function runDraw(ctx: Ctx, req: DrawRequest): { drawId: number; result: DrawResult; ms: number } {
  if (!can(ctx.actor, 'lots.draw', { kind: 'system' })) throw new Problem('forbidden', 'Only the secretariat draws lots.');
  const t0 = performance.now();
  const reviews = ctx.db.select({ id: tables.reviews.id, party: tables.reviews.party }).from(tables.reviews).where(eq(tables.reviews.phaseId, req.phaseId)).all();
  if (!reviews.length) throw new Problem('conflict', 'Launch the reviews of this phase before drawing lots.');
  if (existingAssignments(ctx.db, req.phaseId).length) throw new Problem('conflict', 'Lots have already been drawn for this phase; re-draw single reviews instead.');
  const { input, result } = computeDraw(ctx.db, req);
  const ms = performance.now() - t0;
  const reviewByParty = new Map(reviews.map((r) => [r.party, r.id]));
  const drawId = ctx.db.transaction(
    (tx) => {
      const phase = getPhase(ctx.db, req.phaseId);
      const d = tx
        .insert(tables.draws)
        .values({ phaseId: req.phaseId, groupNo: phase.groupNo, seed: req.seed, inputs: { underReview: input.underReview, rules: result.rules, pool: input.pool }, result, actorUserId: ctx.actor?.userId ?? null, createdAt: ctx.now.toISOString() })
        .returning({ id: tables.draws.id })
        .get();
      for (const a of result.assignments) {
        const reviewId = reviewByParty.get(a.underReview);
        if (!reviewId) continue;
        for (const r of a.reviewers) {
          tx.insert(tables.reviewerAssignments).values({ reviewId, reviewerParty: r.party, instruments: r.instruments, basis: r.basis, drawId: d.id, createdAt: ctx.now.toISOString() }).run();
        }
      }
      record(tx, { at: ctx.now.toISOString(), actorUserId: ctx.actor?.userId, action: 'lots.draw', targetType: 'draw', targetId: d.id, ip: ctx.ip, details: { phaseId: req.phaseId, seed: req.seed, reviews: result.assignments.length } });
      return d.id;
    },
    { behavior: 'immediate' },
  );
  return { drawId, result, ms };
}

export interface RedrawRequest {
  reviewId: number;
  /** Redraw only this reviewer; without it, all of the review's reviewers. */
  replace?: string;
  reason: 'requested' | 'withdrawal';
  seed?: string;
}

/** Re-draws one review: on the request of the State under review (limited) or a withdrawal. */
export function redraw(ctx: Ctx, req: RedrawRequest): { drawId: number; assignment: Assignment } {
  if (!can(ctx.actor, 'lots.draw', { kind: 'system' })) throw new Problem('forbidden', 'Only the secretariat draws lots.');
  const review = ctx.db.select().from(tables.reviews).where(eq(tables.reviews.id, req.reviewId)).get();
  if (!review) throw notFound('The review');
  if (req.reason === 'requested' && review.redrawsUsed >= MAX_REQUESTED_REDRAWS) {
    throw new Problem('conflict', `This State has already used its ${MAX_REQUESTED_REDRAWS} re-draws.`);
  }
  const current = ctx.db.select().from(tables.reviewerAssignments).where(and(eq(tables.reviewerAssignments.reviewId, req.reviewId), eq(tables.reviewerAssignments.active, true))).all();
  if (!current.length) throw new Problem('conflict', 'No reviewers have been drawn for this review yet.');
  if (req.replace && !current.some((a) => a.reviewerParty === req.replace)) throw new Problem('bad_request', `${req.replace} is not a reviewer of this review.`);
  const previous = ctx.db.select({ party: tables.reviewerAssignments.reviewerParty }).from(tables.reviewerAssignments).where(eq(tables.reviewerAssignments.reviewId, req.reviewId)).all();
  const replaced = req.replace ? [req.replace] : current.map((a) => a.reviewerParty);
  const seed = req.seed ?? `review-${req.reviewId}-redraw-${previous.length}`;
  const currentAssignments: Assignment[] = [
    ...existingAssignments(ctx.db, review.phaseId, [req.reviewId]),
    { underReview: review.party, reviewers: current.map((a) => ({ party: a.reviewerParty, instruments: a.instruments as InstrumentCode[], basis: a.basis })) },
  ];
  let result: DrawResult;
  try {
    result = redrawOne({
      seed,
      pool: drawPool(ctx.db),
      // The rules of the phase's draw (e.g. its cap) apply to its re-draws too.
      rules: { instrumentsUnderReview: instrumentsOfPhase(ctx.db, review.phaseId), ...phaseRules(ctx.db, review.phaseId) },
      current: currentAssignments,
      underReview: review.party,
      // Never draw again a State that has left this review.
      exclude: [...new Set([...replaced, ...previous.map((p) => p.party).filter((p) => !current.some((c) => c.reviewerParty === p))])],
      ...(req.replace ? { replace: req.replace } : {}),
    });
  } catch (e) {
    if (e instanceof DrawError) throw new Problem('conflict', `The re-draw cannot satisfy the rules: ${e.message}`);
    throw e;
  }
  const assignment = result.assignments.find((a) => a.underReview === review.party)!;
  const drawId = ctx.db.transaction(
    (tx) => {
      const d = tx
        .insert(tables.draws)
        .values({ phaseId: review.phaseId, groupNo: 0, seed, reviewId: req.reviewId, inputs: { replace: req.replace ?? null, reason: req.reason, current: currentAssignments }, result, actorUserId: ctx.actor?.userId ?? null, createdAt: ctx.now.toISOString() })
        .returning({ id: tables.draws.id })
        .get();
      tx.update(tables.reviewerAssignments).set({ active: false }).where(and(eq(tables.reviewerAssignments.reviewId, req.reviewId), eq(tables.reviewerAssignments.active, true))).run();
      for (const r of assignment.reviewers) {
        tx.insert(tables.reviewerAssignments).values({ reviewId: req.reviewId, reviewerParty: r.party, instruments: r.instruments, basis: r.basis, drawId: d.id, createdAt: ctx.now.toISOString() }).run();
      }
      if (req.reason === 'requested') tx.update(tables.reviews).set({ redrawsUsed: review.redrawsUsed + 1 }).where(eq(tables.reviews.id, req.reviewId)).run();
      record(tx, { at: ctx.now.toISOString(), actorUserId: ctx.actor?.userId, action: 'lots.redraw', targetType: 'review', targetId: req.reviewId, reviewId: req.reviewId, ip: ctx.ip, details: { seed, reason: req.reason, replaced, drawn: assignment.reviewers.map((r) => r.party) } });
      return d.id;
    },
    { behavior: 'immediate' },
  );
  return { drawId, assignment };
}

export function getDraw(db: Db, id: number) {
  const d = Number.isSafeInteger(id) ? db.select().from(tables.draws).where(eq(tables.draws.id, id)).get() : undefined;
  if (!d) throw notFound('The draw');
  return d;
}

export function drawsOfPhase(db: Db, phaseId: number) {
  return db.select({ id: tables.draws.id, seed: tables.draws.seed, reviewId: tables.draws.reviewId, createdAt: tables.draws.createdAt }).from(tables.draws).where(eq(tables.draws.phaseId, phaseId)).orderBy(asc(tables.draws.id)).all();
}

