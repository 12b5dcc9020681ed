// Roles and what they permit, as data. Permissions are named noun.verb and checked only by
// can() (permissions.ts). A State-side role depends on the side of the review the user's
// State is on: the State under review, or one of its reviewing States.
export type StateRole = 'focal_point' | 'expert' | 'observer';
export type Side = 'under_review' | 'reviewer';

export type Permission =
  | 'review.view'
  | 'review.manage'
  | 'review.transition'
  | 'review.consent'
  | 'response.view'
  | 'response.edit'
  | 'response.submit'
  | 'feedback.view'
  | 'feedback.draft'
  | 'feedback.clear'
  | 'clarification.request'
  | 'observation.view'
  | 'observation.draft'
  | 'observation.clear'
  | 'report.generate'
  | 'lots.draw'
  | 'user.manage'
  | 'audit.view';

export type ReviewRole = { kind: 'secretariat' } | { kind: 'state'; side: Side; role: StateRole; party: string };

const READ: Permission[] = ['review.view', 'response.view', 'feedback.view', 'observation.view'];

export const STATE_PERMISSIONS: Record<Side, Record<StateRole, readonly Permission[]>> = {
  under_review: {
    focal_point: [...READ, 'response.edit', 'response.submit', 'review.consent', 'review.transition'],
    expert: [...READ, 'response.edit'],
    observer: READ,
  },
  reviewer: {
    focal_point: [...READ, 'feedback.draft', 'feedback.clear', 'clarification.request', 'observation.draft', 'observation.clear', 'review.transition'],
    expert: [...READ, 'feedback.draft', 'clarification.request', 'observation.draft'],
    observer: READ,
  },
};

/** The secretariat facilitates and never decides content: it cannot answer or give feedback. */
export const SECRETARIAT_PERMISSIONS: readonly Permission[] = [
  ...READ,
  'review.manage',
  'review.transition',
  'report.generate',
  'lots.draw',
  'user.manage',
  'audit.view',
];

export function permissionsOf(role: ReviewRole): readonly Permission[] {
  return role.kind === 'secretariat' ? SECRETARIAT_PERMISSIONS : STATE_PERMISSIONS[role.side][role.role];
}

export const ALL_PERMISSIONS: readonly Permission[] = [...new Set([...SECRETARIAT_PERMISSIONS, ...Object.values(STATE_PERMISSIONS).flatMap((s) => Object.values(s).flat())])];
