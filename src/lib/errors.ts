// One problem type for every route: a stable machine code, a message for people, and
// optional details. The HTTP layer turns it into `{ code, message, details }`.
export type ProblemCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'csrf_failed'
  | 'not_found'
  | 'conflict'
  | 'invalid_transition'
  | 'precondition_required'
  | 'precondition_failed'
  | 'payload_too_large'
  | 'too_many_requests'
  | 'internal';

const STATUS: Record<ProblemCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  invalid_transition: 409,
  precondition_required: 428,
  precondition_failed: 412,
  payload_too_large: 413,
  too_many_requests: 429,
  internal: 500,
};

export class Problem extends Error {
  readonly status: number;
  constructor(
    readonly code: ProblemCode,
    message: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export const notFound = (what = 'The resource') => new Problem('not_found', `${what} was not found.`);
export const forbidden = (message = 'You are not allowed to do this.') => new Problem('forbidden', message);
export const badRequest = (message: string, details?: unknown) => new Problem('bad_request', message, details);
