// Phases and launching the reviews of a group.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { tables } from '../db/index.js';
import { record } from '../audit/index.js';
import { can } from '../auth/index.js';
import { Problem, notFound } from '../lib/errors.js';
import { recordTransition, type Ctx } from './service.js';

export function listPhases(db: Db) {
  return db.select().from(tables.phases).orderBy(asc(tables.phases.sequence), asc(tables.phases.groupNo)).all();
}

export function getPhase(db: Db, id: number) {
  const p = Number.isSafeInteger(id) ? db.select().from(tables.phases).where(eq(tables.phases.id, id)).get() : undefined;
  if (!p) throw notFound('The phase');
  return p;
}

export function createPhase(ctx: Ctx, input: { cluster: string; sequence: number; groupNo: number; startsOn: string; endsOn: string }) {
  if (!can(ctx.actor, 'review.manage', { kind: 'system' })) throw new Problem('forbidden', 'Only the secretariat can create phases.');
  const problems: Record<string, string> = {};
  if (!['I', 'II', 'III', 'IV'].includes(input.cluster)) problems.cluster = 'Choose cluster I, II, III or IV.';
  if (!Number.isInteger(input.sequence) || input.sequence < 1) problems.sequence = 'Enter the phase sequence as a whole number from 1.';
  if (![1, 2, 3].includes(input.groupNo)) problems.groupNo = 'Choose group 1, 2 or 3.';
  for (const k of ['startsOn', 'endsOn'] as const) if (!/^\d{4}-\d{2}-\d{2}$/.test(input[k] ?? '')) problems[k] = 'Enter the date as YYYY-MM-DD.';
  if (!problems.startsOn && !problems.endsOn && input.endsOn <= input.startsOn) problems.endsOn = 'The end date must be after the start date.';
  if (Object.keys(problems).length) throw new Problem('validation_failed', 'The phase has problems.', problems);
  return ctx.db.transaction(
    (tx) => {
      if (tx.select().from(tables.phases).where(and(eq(tables.phases.sequence, input.sequence), eq(tables.phases.groupNo, input.groupNo))).get()) {
        throw new Problem('conflict', `Phase ${input.sequence} of group ${input.groupNo} already exists.`);
      }
      const row = tx.insert(tables.phases).values(input).returning().get();
      record(tx, { at: ctx.now.toISOString(), actorUserId: ctx.actor?.userId, action: 'phase.create', targetType: 'phase', targetId: row.id, ip: ctx.ip, details: input });
      return row;
    },
    { behavior: 'immediate' },
  );
}

/** The States of a review group; the pool of a phase's reviews. */
export function groupMembers(db: Db, groupNo: number): string[] {
  return db.select({ party: tables.reviewGroups.party }).from(tables.reviewGroups).where(eq(tables.reviewGroups.groupNo, groupNo)).orderBy(asc(tables.reviewGroups.party)).all().map((r) => r.party);
}

/** Creates the reviews of every State in the phase's group, with the cluster's current questionnaire. */
export function launchPhase(ctx: Ctx, phaseId: number, questionnaireVersionId: number): { launched: number; reviewIds: number[] } {
  if (!can(ctx.actor, 'review.manage', { kind: 'system' })) throw new Problem('forbidden', 'Only the secretariat can launch reviews.');
  const phase = getPhase(ctx.db, phaseId);
  const day = ctx.now.toISOString().slice(0, 10);
  return ctx.db.transaction(
    (tx) => {
      const reviewIds: number[] = [];
      for (const party of groupMembers(ctx.db, phase.groupNo)) {
        const exists = tx.select({ id: tables.reviews.id }).from(tables.reviews).where(and(eq(tables.reviews.party, party), eq(tables.reviews.phaseId, phaseId))).get();
        if (exists) continue;
        const r = tx.insert(tables.reviews).values({ party, phaseId, questionnaireVersionId, step: 'launched', launchedOn: day, createdAt: ctx.now.toISOString() }).returning({ id: tables.reviews.id }).get();
        recordTransition(tx, ctx, r.id, null, 'launched', null);
        reviewIds.push(r.id);
      }
      record(tx, { at: ctx.now.toISOString(), actorUserId: ctx.actor?.userId, action: 'phase.launch', targetType: 'phase', targetId: phaseId, ip: ctx.ip, details: { launched: reviewIds.length } });
      return { launched: reviewIds.length, reviewIds };
    },
    { behavior: 'immediate' },
  );
}
