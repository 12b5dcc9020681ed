// Validation of a response against its questionnaire version, limited to the pages the
// State must answer: pages of instruments it is not party to are not required of it.
import type { ErrorObject } from 'ajv';
import { escapeSegment, unescapeSegment } from '../lib/json-pointer.js';
import type { CompiledQuestionnaire } from '../questionnaire/index.js';

export interface ValidationResult {
  valid: boolean;
  errors: ErrorObject[];
}

/** The pages a State answers: those of instruments it is party to (or with no instrument). */
export function applicablePages(q: Pick<CompiledQuestionnaire, 'pages'>, instruments: readonly string[]): string[] {
  return q.pages.filter((p) => !p.article || instruments.includes(p.article.instrument)).map((p) => p.key);
}

export function validateResponse(q: Pick<CompiledQuestionnaire, 'validate' | 'validatePage' | 'pages' | 'schema'>, data: unknown, instruments: readonly string[]): ValidationResult {
  return resultFor(q, validateWhole(q, data), instruments);
}

/**
 * Validation split by page, so that a save that changes one page revalidates that page only
 * and reuses the other pages' results from the previous revision.
 */
export interface PagedValidation {
  byPage: Map<string, ErrorObject[]>;
  /** Errors at the root: pages missing from the response. */
  root: ErrorObject[];
}

type Questionnaire = Pick<CompiledQuestionnaire, 'validate' | 'validatePage' | 'pages' | 'schema'>;

// Root keywords whose meaning page-by-page validation reproduces; a questionnaire with any
// other root keyword (e.g. additionalProperties) is always validated whole.
const PAGEWISE_ROOT = new Set(['$schema', '$id', '$comment', '$defs', 'title', 'description', 'type', 'properties', 'required', 'x-questionnaire']);

export function validatesByPage(q: Pick<CompiledQuestionnaire, 'schema'>): boolean {
  return q.schema.type === 'object' && Object.keys(q.schema).every((k) => PAGEWISE_ROOT.has(k));
}


export function validateWhole(q: Questionnaire, data: unknown): PagedValidation {
  const byPage = new Map<string, ErrorObject[]>();
  const root: ErrorObject[] = [];
  if (!q.validate(data)) {
    for (const e of q.validate.errors ?? []) {
      const seg = e.instancePath.split('/')[1];
      if (seg === undefined || seg === '') root.push(e);
      else {
        const page = unescapeSegment(seg);
        byPage.set(page, [...(byPage.get(page) ?? []), e]);
      }
    }
  }
  return { byPage, root };
}

/** Revalidates one page of `data`, reusing `previous` for the others. */
export function revalidatePage(q: Questionnaire, previous: PagedValidation, data: Record<string, unknown>, page: string): PagedValidation {
  const byPage = new Map(previous.byPage);
  byPage.delete(page);
  if (data[page] !== undefined) {
    const v = q.validatePage(page);
    if (!v(data[page])) {
      byPage.set(page, (v.errors ?? []).map((e) => ({ ...e, instancePath: `/${escapeSegment(page)}${e.instancePath}` })));
    }
  }
  const required = Array.isArray(q.schema.required) ? (q.schema.required as string[]) : [];
  const root = required
    .filter((p) => data[p] === undefined)
    .map((p): ErrorObject => ({ instancePath: '', schemaPath: '#/required', keyword: 'required', params: { missingProperty: p }, message: `must have required property '${p}'` }));
  return { byPage, root };
}

/** The result for a State: only the pages it must answer count. */
export function resultFor(q: Pick<CompiledQuestionnaire, 'pages'>, paged: PagedValidation, instruments: readonly string[]): ValidationResult {
  const applicable = new Set(applicablePages(q, instruments));
  const errors: ErrorObject[] = [];
  for (const e of paged.root) {
    const missing = (e.params as { missingProperty?: string }).missingProperty;
    if (e.keyword !== 'required' || applicable.has(String(missing))) errors.push(e);
  }
  for (const [page, list] of paged.byPage) if (applicable.has(page)) errors.push(...list);
  return { valid: errors.length === 0, errors };
}
