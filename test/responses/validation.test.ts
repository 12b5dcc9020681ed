import { describe, expect, it } from 'vitest';
import type { ErrorObject } from 'ajv';
import { loadQuestionnaires } from '../../src/questionnaire/index.js';
import { resultFor, revalidatePage, validateResponse, validatesByPage, validateWhole } from '../../src/responses/validation.js';
import { completeResponse } from '../support/complete-response.js';

const [cluster1] = loadQuestionnaires();
const key = (e: ErrorObject) => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`;
const ALL = ['UNTOC', 'TIP', 'SOM', 'FA'];

describe('validation by page', () => {
  it('applies to the cluster questionnaires', () => {
    expect(validatesByPage(cluster1!)).toBe(true);
  });

  it('gives exactly the errors of a whole validation after each one-page change', () => {
    const q = cluster1!;
    let data: Record<string, unknown> = completeResponse(q.schema);
    let paged = validateWhole(q, data);
    const edits: [string, unknown][] = [
      ['untoc_5', { p1_a_i: { status: 'no' } }],
      ['tip_5', undefined],
      ['untoc_5', completeResponse(q.schema, ['untoc_5']).untoc_5],
      ['som_6', { p1_a: { status: 'yes', citations: [] }, technicalAssistance: { needed: true } }],
      ['fa_5', { p1_a: { status: 'maybe' } }],
      ['tip_5', completeResponse(q.schema, ['tip_5']).tip_5],
    ];
    for (const [page, value] of edits) {
      data = { ...data };
      if (value === undefined) delete data[page];
      else data[page] = value;
      paged = revalidatePage(q, paged, data, page);
      for (const instruments of [ALL, ['UNTOC']]) {
        const byPage = resultFor(q, paged, instruments);
        const whole = validateResponse(q, data, instruments);
        expect(byPage.valid).toBe(whole.valid);
        expect(byPage.errors.map(key).sort()).toEqual(whole.errors.map(key).sort());
      }
    }
  });

  it('does not require the pages of instruments the State is not party to', () => {
    const q = cluster1!;
    const onlyUntoc = completeResponse(q.schema, q.pages.filter((p) => p.article?.instrument === 'UNTOC').map((p) => p.key));
    expect(validateResponse(q, onlyUntoc, ['UNTOC']).valid).toBe(true);
    expect(validateResponse(q, onlyUntoc, ALL).valid).toBe(false);
  });
});
