// The one place where access is decided. Handlers go: fetch → 404 if absent or not visible
// (roleIn returns null) → can() → act.
import type { Actor, ReviewTarget } from './actor.js';
import { permissionsOf, type Permission, type ReviewRole, type StateRole } from './roles.js';

const RANK: Record<StateRole, number> = { focal_point: 3, expert: 2, observer: 1 };

/** The actor's role in a review, or null when the review must not even be disclosed. */
export function roleIn(actor: Actor | null, review: ReviewTarget): ReviewRole | null {
  if (!actor) return null;
  if (actor.isSecretariat) return { kind: 'secretariat' };
  let best: ReviewRole | null = null;
  for (const m of actor.memberships) {
    if (m.reviewId !== null && m.reviewId !== review.id) continue;
    const side = m.party === review.party ? 'under_review' : review.reviewers.includes(m.party) ? 'reviewer' : null;
    if (!side) continue;
    // A focal point appointed for another review acts as an expert of its State here.
    const role: StateRole = m.role;
    if (!best || (best.kind === 'state' && RANK[role] > RANK[best.role])) best = { kind: 'state', side, role, party: m.party };
  }
  return best;
}

export type Target = { kind: 'review'; review: ReviewTarget } | { kind: 'system' };

export function can(actor: Actor | null, permission: Permission, target: Target): boolean {
  if (!actor) return false;
  if (target.kind === 'system') return actor.isSecretariat && permissionsOf({ kind: 'secretariat' }).includes(permission);
  const role = roleIn(actor, target.review);
  return role !== null && permissionsOf(role).includes(permission);
}
