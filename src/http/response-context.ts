// Loads what a request about one review's answers needs: visibility (404 first), the
// questionnaire version and its form plan, the instruments the State answers, the latest
// revision, and the validation errors mapped to fields.
import type { Request } from 'express';
import { eq } from 'drizzle-orm';
import { tables } from '../db/index.js';
import { mapErrors, type FormPlan, type RenderContext } from '../forms/index.js';
import { escapeSegment, unescapeSegment } from '../lib/json-pointer.js';
import { readResponse, validationOf, applicablePages, type ResponseContext, type Revision } from '../responses/index.js';
import { instrumentsOf } from '../parties/index.js';
import { notFound } from '../lib/errors.js';
import { labelTranslator } from '../i18n/labels.js';
import { can, type Permission, type ReviewRole, type ReviewTarget } from '../auth/index.js';
import { domainCtx, reviewId } from './request.js';
import type { AppDeps } from './deps.js';
import type { FormPlans } from './form-plans.js';

export interface LoadedResponse {
  id: number;
  party: string;
  step: string;
  role: ReviewRole;
  /** The review as authorization sees it (parties involved), already fetched once. */
  target: ReviewTarget;
  rc: ResponseContext;
  plan: FormPlan;
  revision: Revision;
  /** Pages this State answers, in questionnaire order. */
  pages: string[];
  /** Validation errors mapped to fields, in people's words; mapped on first use only (writes never need them). */
  readonly errors: Map<string, string[]>;
  valid: boolean;
  label: (english: string) => string;
}

export function loadResponse(deps: AppDeps, plans: FormPlans, req: Request, purpose: 'view' | 'export' = 'view'): LoadedResponse {
  const id = reviewId(req);
  const { revision, role, target } = readResponse(domainCtx(deps, req), id, purpose);
  const review = deps.db.select().from(tables.reviews).where(eq(tables.reviews.id, id)).get()!;
  const questionnaire = deps.questionnaires.byId(review.questionnaireVersionId);
  if (!questionnaire) throw notFound('The questionnaire of this review');
  const rc: ResponseContext = { questionnaire, instruments: instrumentsOf(deps.db, review.party) };
  const plan = plans.get(questionnaire);
  const label = labelTranslator(req.lang);
  const validation = validationOf(deps.db, id, rc, revision);
  let errors: Map<string, string[]> | undefined;
  return {
    id,
    party: review.party,
    step: review.step,
    role,
    target,
    rc,
    plan,
    revision,
    pages: applicablePages(questionnaire, rc.instruments),
    get errors() {
      return (errors ??= mapErrors(plan, validation.errors, req.t, label, revision.data));
    },
    valid: validation.valid,
    label,
  };
}

/** Whether the caller may do this in the review (the answers' page already fetched it). */
export function may(req: Request, r: LoadedResponse, permission: Permission): boolean {
  return can(req.actor, permission, { kind: 'review', review: r.target });
}

/**
 * The errors people see without asking: those of articles saved at least once. A first
 * visit to an article is not met with a list of everything still unanswered.
 */
export function savedPageErrors(r: LoadedResponse): Map<string, string[]> {
  return new Map([...r.errors].filter(([pointer]) => r.revision.data[unescapeSegment(pointer.split('/')[1] ?? '')] !== undefined));
}

export function renderContext(req: Request, data: unknown, errors: Map<string, string[]>, label: (s: string) => string): RenderContext {
  return { data, errors, t: req.t, label };
}

/** Errors of one page only (pointers under /page/). */
export function pageErrors(errors: Map<string, string[]>, page: string): Map<string, string[]> {
  const prefix = `/${escapeSegment(page)}`;
  return new Map([...errors].filter(([p]) => p === prefix || p.startsWith(`${prefix}/`)));
}
