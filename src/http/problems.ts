// The one error handler: every failure leaves as `{ code, message, details }` (JSON) or as
// an error page (HTML), never with a stack trace outside development.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { Problem } from '../lib/errors.js';
import type { ApiError } from '../types/generated.js';

export function toProblem(err: unknown): Problem {
  if (err instanceof Problem) return err;
  const e = err as { type?: string; status?: number; message?: string };
  if (e?.type === 'entity.parse.failed') return new Problem('bad_request', 'The request body is not valid JSON.', { parser: e.message });
  if (e?.type === 'entity.too.large') return new Problem('payload_too_large', 'The request body is too large.');
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') return new Problem('bad_request', 'The request body encoding is not supported.');
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) return new Problem('bad_request', e.message ?? 'Bad request.');
  return new Problem('internal', 'Something went wrong on our side. The error has been logged.');
}

export function errorHandler(opts: {
  development: boolean;
  renderPage?: (problem: Problem, req: Parameters<ErrorRequestHandler>[1]) => string;
  /** Called for every problem, e.g. to audit denials. */
  onProblem?: (problem: Problem, req: Parameters<ErrorRequestHandler>[1]) => void;
}): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const problem = toProblem(err);
    opts.onProblem?.(problem, req);
    if (problem.status >= 500) req.log?.error({ err }, 'request failed');
    for (const [k, v] of Object.entries(problem.headers)) res.setHeader(k, v);
    res.status(problem.status);
    const wantsHtml = !req.path.startsWith('/api/') && req.accepts(['json', 'html']) === 'html';
    if (wantsHtml && opts.renderPage) {
      res.type('html').send(opts.renderPage(problem, req));
      return;
    }
    const body: ApiError = { code: problem.code, message: problem.message };
    if (problem.details !== undefined) body.details = problem.details as ApiError['details'];
    // Stack traces only in development, and only for our own failures.
    res.json(opts.development && problem.status >= 500 && err instanceof Error ? { ...body, stack: err.stack } : body);
  };
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new Problem('not_found', `No route for ${req.method} ${req.path}.`));
};
