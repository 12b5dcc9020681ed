// Validation of a response against its questionnaire version, limited to the pages the
// State must answer: pages of instruments it is not party to are not required of it.
import type { ErrorObject } from 'ajv';
import type { CompiledQuestionnaire } from '../questionnaire/index.js';

export interface ValidationResult {
  valid: boolean;
  errors: ErrorObject[];
}

/** The pages a State answers: those of instruments it is party to (or with no instrument). */
export function applicablePages(q: Pick<CompiledQuestionnaire, 'pages'>, instruments: readonly string[]): string[] {
  return q.pages.filter((p) => !p.article || instruments.includes(p.article.instrument)).map((p) => p.key);
}

export function validateResponse(q: Pick<CompiledQuestionnaire, 'validate' | 'pages'>, data: unknown, instruments: readonly string[]): ValidationResult {
  const ok = q.validate(data);
  if (ok) return { valid: true, errors: [] };
  const applicable = new Set(applicablePages(q, instruments));
  const errors = (q.validate.errors ?? []).filter((e) => {
    const page = e.instancePath.split('/')[1];
    if (page !== undefined && page !== '') return applicable.has(page.replace(/~1/g, '/').replace(/~0/g, '~'));
    // Root-level errors: a missing page only matters when the State must answer it.
    if (e.keyword === 'required') return applicable.has(String((e.params as { missingProperty?: string }).missingProperty));
    return true;
  });
  return { valid: errors.length === 0, errors };
}
