import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { tables } from '../db/index.js';
import { record } from '../audit/index.js';
import { can, type ReviewRole, type ReviewTarget } from '../auth/index.js';
import { Problem } from '../lib/errors.js';
import type { CompiledQuestionnaire } from '../questionnaire/index.js';
import { move, visibleReview, type Ctx, type Tx } from '../reviews/service.js';
import { resultFor, revalidatePage, validatesByPage, validateWhole, type PagedValidation, type ValidationResult } from './validation.js';

export type ResponseData = Record<string, unknown>;

export interface Revision {
  number: number;
  data: ResponseData;
  valid: boolean;
  errorCount: number;
  submitted: boolean;
  authorUserId: number | null;
  authorName: string | null;
  createdAt: string | null;
}

const EMPTY: Revision = { number: 0, data: {}, valid: false, errorCount: 0, submitted: false, authorUserId: null, authorName: null, createdAt: null };

function toRevision(row: typeof tables.responseRevisions.$inferSelect, authorName: string | null): Revision {
  return { number: row.number, data: JSON.parse(row.data) as ResponseData, valid: row.valid, errorCount: row.errorCount, submitted: row.submitted, authorUserId: row.authorUserId, authorName, createdAt: row.createdAt };
}

// The latest revision of each review, parsed. A response is a large JSON document (160 kB
// for the 40-article bench questionnaire) and parsing it on every save costs as much as
// validating it; the cache is checked against the stored revision number on every read,
// so it can never serve stale answers.
const latestCache = new WeakMap<object, Map<number, Revision>>();

function cacheOf(db: object): Map<number, Revision> {
  let m = latestCache.get(db);
  if (!m) latestCache.set(db, (m = new Map()));
  return m;
}

export function latestRevision(db: Pick<Db, 'select'>, reviewId: number): Revision {
  const head = db
    .select({ number: tables.responseRevisions.number })
    .from(tables.responseRevisions)
    .where(eq(tables.responseRevisions.reviewId, reviewId))
    .orderBy(desc(tables.responseRevisions.number))
    .get();
  if (!head) return EMPTY;
  const cached = cacheOf(cacheKey(db)).get(reviewId);
  if (cached && cached.number === head.number) return cached;
  const row = db
    .select({ r: tables.responseRevisions, name: tables.users.displayName })
    .from(tables.responseRevisions)
    .leftJoin(tables.users, eq(tables.users.id, tables.responseRevisions.authorUserId))
    .where(eq(tables.responseRevisions.reviewId, reviewId))
    .orderBy(desc(tables.responseRevisions.number))
    .get();
  const revision = row ? toRevision(row.r, row.name) : EMPTY;
  cacheOf(cacheKey(db)).set(reviewId, revision);
  return revision;
}

// Validation of the latest revision of each review, by page, for the same reason.
const validationCache = new WeakMap<object, Map<number, { number: number; hash: string; paged: PagedValidation }>>();

function validationCacheOf(db: object) {
  let m = validationCache.get(db);
  if (!m) validationCache.set(db, (m = new Map()));
  return m;
}

function pagedFor(db: Pick<Db, 'select'>, reviewId: number, rc: ResponseContext, revision: Revision): PagedValidation {
  const hit = validationCacheOf(cacheKey(db)).get(reviewId);
  if (hit && hit.number === revision.number && hit.hash === rc.questionnaire.hash) return hit.paged;
  const paged = validateWhole(rc.questionnaire, revision.data);
  validationCacheOf(cacheKey(db)).set(reviewId, { number: revision.number, hash: rc.questionnaire.hash, paged });
  return paged;
}

/** The validation of a review's revision for its State (cached for the latest). */
export function validationOf(db: Pick<Db, 'select'>, reviewId: number, rc: ResponseContext, revision: Revision): ValidationResult {
  return resultFor(rc.questionnaire, pagedFor(db, reviewId, rc, revision), rc.instruments);
}

/** Transactions are separate objects from their database; both share the client. */
function cacheKey(db: Pick<Db, 'select'>): object {
  return (db as { $client?: object }).$client ?? (db as { session?: { client?: object } }).session?.client ?? db;
}

export function revisionAt(db: Pick<Db, 'select'>, reviewId: number, number: number): Revision | undefined {
  if (number === 0) return EMPTY;
  const row = db
    .select({ r: tables.responseRevisions, name: tables.users.displayName })
    .from(tables.responseRevisions)
    .leftJoin(tables.users, eq(tables.users.id, tables.responseRevisions.authorUserId))
    .where(and(eq(tables.responseRevisions.reviewId, reviewId), eq(tables.responseRevisions.number, number)))
    .get();
  return row ? toRevision(row.r, row.name) : undefined;
}

export function listRevisions(db: Db, reviewId: number) {
  return db
    .select({ number: tables.responseRevisions.number, valid: tables.responseRevisions.valid, errorCount: tables.responseRevisions.errorCount, submitted: tables.responseRevisions.submitted, createdAt: tables.responseRevisions.createdAt, author: tables.users.displayName })
    .from(tables.responseRevisions)
    .leftJoin(tables.users, eq(tables.users.id, tables.responseRevisions.authorUserId))
    .where(eq(tables.responseRevisions.reviewId, reviewId))
    .orderBy(desc(tables.responseRevisions.number))
    .all();
}

/** The questionnaire version and instruments a review answers. */
export interface ResponseContext {
  questionnaire: CompiledQuestionnaire;
  /** Instruments the State under review is party to. */
  instruments: string[];
}


/** A read of a State's answers by anyone outside that State is audited. */
export function readResponse(ctx: Ctx, reviewId: number, purpose: 'view' | 'export' = 'view'): { revision: Revision; role: ReviewRole; target: ReviewTarget } {
  const { target, role } = visibleReview(ctx.db, ctx.actor, reviewId);
  if (!can(ctx.actor, 'response.view', { kind: 'review', review: target })) throw new Problem('forbidden', 'Your role does not allow reading the answers.');
  const revision = latestRevision(ctx.db, reviewId);
  if (!(role.kind === 'state' && role.side === 'under_review')) {
    record(ctx.db, { at: ctx.now.toISOString(), actorUserId: ctx.actor?.userId, actorParty: role.kind === 'state' ? role.party : null, action: `response.${purpose}`, targetType: 'review', targetId: reviewId, reviewId, ip: ctx.ip, details: { revision: revision.number } });
  }
  return { revision, role, target };
}

export interface ConflictDetails {
  base: number;
  current: number;
  /** What the caller tried to save (the whole response after applying their change). */
  yours: ResponseData;
  /** The latest stored response. */
  theirs: ResponseData;
  /** The response the caller started from. */
  original: ResponseData;
  theirAuthor: string | null;
}

export interface SaveInput {
  /** The revision the caller's edit started from. */
  baseRevision: number;
  /** Either the whole response, or one page's answers with `page` set. */
  data: unknown;
  page?: string;
}

export interface SaveResult {
  revision: Revision;
  validation: ValidationResult;
}

function assertEditable(db: Db, reviewId: number): void {
  const step = db.select({ step: tables.reviews.step }).from(tables.reviews).where(eq(tables.reviews.id, reviewId)).get()?.step;
  if (step !== 'drafting') {
    throw new Problem('invalid_transition', step === 'submitted' || step === 'feedback' ? 'The questionnaire has been submitted: editing is locked until a reviewer asks for clarification.' : 'The questionnaire can be edited only while it is being drafted.', { step });
  }
}

/** Appends a revision. A base older than the latest is a conflict (409) carrying both versions. */
export function saveResponse(ctx: Ctx, reviewId: number, rc: ResponseContext, input: SaveInput): SaveResult {
  const { target } = visibleReview(ctx.db, ctx.actor, reviewId);
  if (!can(ctx.actor, 'response.edit', { kind: 'review', review: target })) throw new Problem('forbidden', 'Your role does not allow editing the answers.');
  assertEditable(ctx.db, reviewId);
  let pagedAfterCommit: PagedValidation | undefined;
  const result = ctx.db.transaction(
    (tx) => {
      const current = latestRevision(tx, reviewId);
      const merged = mergeInput(current.data, input);
      if (input.baseRevision !== current.number) {
        const original = revisionAt(tx, reviewId, input.baseRevision);
        if (!original) throw new Problem('bad_request', `Revision ${input.baseRevision} does not exist.`);
        const yours = mergeInput(original.data, input);
        const details: ConflictDetails = { base: input.baseRevision, current: current.number, yours, theirs: current.data, original: original.data, theirAuthor: current.authorName };
        throw new Problem('conflict', 'Someone else saved these answers after you opened them. Choose what to keep.', details);
      }
      // A one-page save revalidates that page only when the questionnaire allows it.
      const paged =
        input.page !== undefined && validatesByPage(rc.questionnaire)
          ? revalidatePage(rc.questionnaire, pagedFor(tx, reviewId, rc, current), merged, input.page)
          : validateWhole(rc.questionnaire, merged);
      const validation = resultFor(rc.questionnaire, paged, rc.instruments);
      const number = current.number + 1;
      pagedAfterCommit = paged;
      tx.insert(tables.responseRevisions)
        .values({ reviewId, number, authorUserId: ctx.actor!.userId, data: JSON.stringify(merged), valid: validation.valid, errorCount: validation.errors.length, submitted: false, createdAt: ctx.now.toISOString() })
        .run();
      record(tx, { at: ctx.now.toISOString(), actorUserId: ctx.actor?.userId, action: 'response.save', targetType: 'review', targetId: reviewId, reviewId, ip: ctx.ip, details: { revision: number, page: input.page ?? null, valid: validation.valid } });
      return { revision: { number, data: merged, valid: validation.valid, errorCount: validation.errors.length, submitted: false, authorUserId: ctx.actor!.userId, authorName: ctx.actor!.displayName, createdAt: ctx.now.toISOString() }, validation };
    },
    { behavior: 'immediate' },
  );
  // Only after the commit: a rolled-back save must not be remembered.
  cacheOf(cacheKey(ctx.db)).set(reviewId, result.revision);
  if (pagedAfterCommit) validationCacheOf(cacheKey(ctx.db)).set(reviewId, { number: result.revision.number, hash: rc.questionnaire.hash, paged: pagedAfterCommit });
  return result;
}

function mergeInput(base: ResponseData, input: SaveInput): ResponseData {
  if (input.page === undefined) {
    if (!input.data || typeof input.data !== 'object' || Array.isArray(input.data)) throw new Problem('bad_request', 'A response is a JSON object.');
    return input.data as ResponseData;
  }
  const out = { ...base };
  if (input.data === undefined || input.data === null) delete out[input.page];
  else out[input.page] = input.data;
  return out;
}

/**
 * The focal point clears and submits: the latest revision must be complete and valid, and
 * must be the one the focal point looked at. A submitted copy is appended and the review
 * moves to "submitted", in one transaction.
 */
export function submitResponse(ctx: Ctx, reviewId: number, rc: ResponseContext, baseRevision: number): { revision: number } {
  const { target } = visibleReview(ctx.db, ctx.actor, reviewId);
  if (!can(ctx.actor, 'response.submit', { kind: 'review', review: target })) throw new Problem('forbidden', 'Only the focal point of the State under review can submit.');
  let submitted = 0;
  move(ctx, reviewId, 'submit', undefined, (tx: Tx) => {
    const current = latestRevision(tx, reviewId);
    if (current.number !== baseRevision) return `The answers changed (revision ${current.number}) after you checked them (revision ${baseRevision}). Check them again before submitting.`;
    if (current.number === 0) return 'There are no answers to submit yet.';
    const validation = validationOf(tx, reviewId, rc, current);
    if (!validation.valid) return `The questionnaire is not complete: ${validation.errors.length} answer(s) need attention.`;
    submitted = current.number + 1;
    tx.insert(tables.responseRevisions)
      .values({ reviewId, number: submitted, authorUserId: ctx.actor!.userId, data: JSON.stringify(current.data), valid: true, errorCount: 0, submitted: true, createdAt: ctx.now.toISOString() })
      .run();
    record(tx, { at: ctx.now.toISOString(), actorUserId: ctx.actor?.userId, action: 'response.submit', targetType: 'review', targetId: reviewId, reviewId, ip: ctx.ip, details: { revision: submitted } });
    return null;
  });
  return { revision: submitted };
}
