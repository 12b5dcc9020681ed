// Shared by the questionnaire pages: the route helper, which page is asked for, whether the
// caller may edit, and the base path of a review's questionnaire.
import type { Request, Response, Router } from 'express';
import { notFound } from '../../lib/errors.js';
import { csrfProtection, requireUser } from '../guards.js';
import { may, type LoadedResponse } from '../response-context.js';
import type { RouteTable } from '../route-table.js';

export type PageRoute = (
  spec: {
    method: 'get' | 'post';
    path: string;
    summary: string;
    writes?: boolean;
  },
  handler: (req: Request, res: Response) => unknown,
) => void;

/** Registers a review-scoped page: signed-in users, CSRF on writes, visibility in the handler. */
export function pageRoute(router: Router, table: RouteTable): PageRoute {
  return (spec, handler) => table.add(router, { ...spec, kind: 'page', audience: 'review' }, requireUser, ...(spec.writes ? [csrfProtection] : []), handler);
}

export function editable(r: LoadedResponse, req: Request): boolean {
  return r.step === 'drafting' && may(req, r, 'response.edit');
}

export function pageParam(r: LoadedResponse, req: Request): string {
  const page = String(req.params.page ?? '');
  if (!r.pages.includes(page)) throw notFound('The page');
  return page;
}

export function base(r: LoadedResponse): string {
  return `/reviews/${r.id}/questionnaire`;
}

export function formatValue(v: unknown): string {
  if (v === undefined || v === null || v === '') return '—';
  return typeof v === 'string' ? v : JSON.stringify(v);
}
