// Who is making a request, as loaded from the server-side session: the user, whether they
// belong to the secretariat, and the States they act for. Never taken from the request.
import type { StateRole } from './roles.js';

export interface Membership {
  party: string;
  role: StateRole;
  /** null: all reviews of the State; otherwise only this review (focal points). */
  reviewId: number | null;
}

export interface Actor {
  userId: number;
  email: string;
  displayName: string;
  isSecretariat: boolean;
  memberships: Membership[];
  lang: string;
}

/** The subset of a review that authorization needs. */
export interface ReviewTarget {
  id: number;
  party: string;
  /** Active reviewing States. */
  reviewers: string[];
}
