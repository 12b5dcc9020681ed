// Demo data: a launched phase of cluster I (phase 1, group 1) with its draw, and for a
// handful of States one user per role with documented passwords, so that a newcomer can sign
// in as each role at once. Idempotent: running it again changes nothing.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { tables } from '../db/index.js';
import { actorById, createUser, setPassword, type StateRole } from '../auth/index.js';
import type { QuestionnaireRegistry } from '../questionnaire/index.js';
import { launchPhase } from '../reviews/phases.js';
import { runDraw } from '../reviews/draws.js';
import { reviewTarget, transition } from '../reviews/service.js';

export const DEMO_PASSWORD = 'demo-password-2026';
export const DEMO_SEED = 'demo-phase-1-group-1';

export interface DemoAccount {
  email: string;
  password: string;
  role: StateRole | 'secretariat';
  party: string | null;
  /** What the account is for, in the README. */
  note: string;
}

function ensureUser(db: Db, now: Date, email: string, name: string, isSecretariat: boolean, memberships: { party: string; role: StateRole; reviewId?: number | null }[]) {
  const existing = db.select().from(tables.users).where(eq(tables.users.email, email)).get();
  if (existing) return existing.id;
  return createUser({ db, now }, { email, displayName: name, isSecretariat, memberships }).userId;
}

export async function seedDemo(db: Db, questionnaires: QuestionnaireRegistry, now: Date): Promise<DemoAccount[]> {
  const accounts: DemoAccount[] = [];
  const secId = ensureUser(db, now, 'demo.secretariat@unodc.example', 'Demo Secretariat', true, []);
  await setPassword(db, secId, DEMO_PASSWORD);
  accounts.push({ email: 'demo.secretariat@unodc.example', password: DEMO_PASSWORD, role: 'secretariat', party: null, note: 'UNODC secretariat: dashboard, users, audit log, phases and draws' });
  const secretariat = actorById(db, secId)!;

  const phase = db.select().from(tables.phases).where(and(eq(tables.phases.sequence, 1), eq(tables.phases.groupNo, 1))).get();
  if (!phase) throw new Error('Phase 1 of group 1 is missing: run the reference seed first.');
  const q = questionnaires.currentForCluster(phase.cluster);
  if (!q) throw new Error(`No questionnaire for cluster ${phase.cluster}.`);
  const ctx = { db, now, actor: secretariat, ip: null };
  launchPhase(ctx, phase.id, q.id);
  const assigned = db.select({ id: tables.reviewerAssignments.id }).from(tables.reviewerAssignments).innerJoin(tables.reviews, eq(tables.reviews.id, tables.reviewerAssignments.reviewId)).where(eq(tables.reviews.phaseId, phase.id)).get();
  if (!assigned) runDraw(ctx, { phaseId: phase.id, seed: DEMO_SEED });

  // The first State of the group (alphabetically) under review, and its first reviewer.
  const reviews = db.select().from(tables.reviews).where(eq(tables.reviews.phaseId, phase.id)).all().sort((a, b) => a.party.localeCompare(b.party));
  const review = reviews[0]!;
  const target = reviewTarget(db, review.id)!;
  const reviewer = target.reviewers[0]!;
  const involved = new Set([review.party, ...target.reviewers]);
  const otherReview = reviews.find((r) => !involved.has(r.party) && !reviewTarget(db, r.id)!.reviewers.some((p) => involved.has(p)));
  const unrelated = otherReview?.party ?? reviews[reviews.length - 1]!.party;

  const people: [string, StateRole, string, number | null, string][] = [
    [review.party, 'focal_point', 'focal point', review.id, `focal point of ${review.party}, the State under review (review #${review.id})`],
    [review.party, 'expert', 'expert', null, `governmental expert of ${review.party}: answers the questionnaire`],
    [review.party, 'expert', 'expert2', null, `a second expert of ${review.party}, to try concurrent editing`],
    [review.party, 'observer', 'observer', null, `observer of ${review.party}: read-only`],
    [reviewer, 'focal_point', 'focal point', null, `focal point of ${reviewer}, a reviewing State of ${review.party}`],
    [reviewer, 'expert', 'expert', null, `expert of ${reviewer}, a reviewing State of ${review.party}`],
    [unrelated, 'expert', 'expert', null, `expert of ${unrelated}, a State with no part in ${review.party}'s review`],
  ];
  for (const [party, role, label, reviewId, note] of people) {
    const local = `${party.toLowerCase()}.${label.replace(/\s+/g, '')}`;
    const email = `${local}@demo.example`;
    const id = ensureUser(db, now, email, `${party} ${label}`, false, [{ party, role, reviewId }]);
    await setPassword(db, id, DEMO_PASSWORD);
    accounts.push({ email, password: DEMO_PASSWORD, role, party, note });
  }
  // Bring the demo review to the drafting step so that its experts can answer at once.
  const step = db.select({ step: tables.reviews.step }).from(tables.reviews).where(eq(tables.reviews.id, review.id)).get()!.step;
  if (step === 'launched') {
    transition(ctx, review.id, 'confirm_appointments', 'Demo data');
    const focal = db.select({ id: tables.users.id }).from(tables.users).where(eq(tables.users.email, `${review.party.toLowerCase()}.focalpoint@demo.example`)).get()!;
    transition({ ...ctx, actor: actorById(db, focal.id)! }, review.id, 'start_drafting', 'Demo data');
  }
  return accounts;
}
