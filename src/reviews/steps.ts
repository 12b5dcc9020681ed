// The steps of one country review and the moves between them, as data (domain.md, "Steps
// and deadlines"). Each move names the permission it needs; can() decides who has it.
import { permissionsOf, type Permission, type ReviewRole } from '../auth/index.js';

export const STEPS = ['launched', 'appointed', 'drafting', 'submitted', 'feedback', 'observations', 'summary', 'finalized'] as const;
export type Step = (typeof STEPS)[number];

export interface Move {
  action: string;
  from: Step;
  to: Step;
  permission: Permission;
  /** Only the secretariat, or only a State on this side, may make the move. */
  by: 'secretariat' | 'under_review' | 'reviewer';
  /** Made by its own route, which checks more than the step (submission needs a complete response). */
  through?: 'response';
}

export const MOVES: readonly Move[] = [
  { action: 'confirm_appointments', from: 'launched', to: 'appointed', permission: 'review.manage', by: 'secretariat' },
  { action: 'start_drafting', from: 'appointed', to: 'drafting', permission: 'review.transition', by: 'under_review' },
  { action: 'submit', from: 'drafting', to: 'submitted', permission: 'response.submit', by: 'under_review', through: 'response' },
  { action: 'forward_to_reviewers', from: 'submitted', to: 'feedback', permission: 'review.manage', by: 'secretariat' },
  { action: 'request_clarification', from: 'feedback', to: 'drafting', permission: 'clarification.request', by: 'reviewer' },
  { action: 'clear_feedback', from: 'feedback', to: 'observations', permission: 'feedback.clear', by: 'reviewer' },
  { action: 'agree_observations', from: 'observations', to: 'summary', permission: 'review.manage', by: 'secretariat' },
  { action: 'finalize', from: 'summary', to: 'finalized', permission: 'review.manage', by: 'secretariat' },
];

export function moveFor(action: string): Move | undefined {
  return MOVES.find((m) => m.action === action);
}

/** Whether a role may make a move at all: its side and its permission (not the step). */
export function mayMake(role: ReviewRole, move: Move): boolean {
  const side = move.by === 'secretariat' ? role.kind === 'secretariat' : role.kind === 'state' && role.side === move.by;
  return side && permissionsOf(role).includes(move.permission);
}

/** The moves a role can make from a step. */
export function movesFor(role: ReviewRole, step: string): Move[] {
  return MOVES.filter((m) => m.from === step && mayMake(role, m));
}

/**
 * Deadlines, counted from the date another step was reached. The first three are the
 * Mechanism's (2 weeks, 4 weeks, 6 months; 6 months for feedback); observations and summary
 * periods are unverified defaults. The secretariat can change any review's due dates.
 */
export interface DeadlineRule {
  key: string;
  /** The step whose completion the deadline is for. */
  due: Step | 'experts_appointed';
  from: Step;
  days?: number;
  months?: number;
  verified: boolean;
}

export const DEADLINE_RULES: readonly DeadlineRule[] = [
  { key: 'focal_point', due: 'appointed', from: 'launched', days: 14, verified: true },
  { key: 'experts', due: 'experts_appointed', from: 'launched', days: 28, verified: true },
  { key: 'questionnaire', due: 'submitted', from: 'launched', months: 6, verified: true },
  { key: 'feedback', due: 'observations', from: 'submitted', months: 6, verified: true },
  { key: 'observations', due: 'summary', from: 'observations', months: 3, verified: false },
  { key: 'summary', due: 'finalized', from: 'summary', months: 2, verified: false },
];
