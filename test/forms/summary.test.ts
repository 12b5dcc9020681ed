import { describe, expect, it } from 'vitest';
import { diffData, pageProgress, renderReadOnly } from '../../src/forms/index.js';
import { BLOCK, ctxOf, planOf } from './helpers.js';

const schema = {
  type: 'object',
  properties: {
    art5: {
      type: 'object',
      title: 'Article 5',
      'x-article': { instrument: 'UNTOC', article: 5 },
      properties: {
        a: { $ref: BLOCK('provision-answer'), title: 'Offence of agreement?' },
        n: { $ref: BLOCK('notification'), title: 'Notified?' },
        ta: { $ref: BLOCK('technical-assistance'), title: 'Assistance' },
      },
      required: ['a'],
    },
    art6: { type: 'object', title: 'Article 6', properties: { note: { type: 'string', title: 'Note', maxLength: 100 } } },
  },
};
const plan = planOf(schema);
const data = {
  art5: {
    a: { status: 'yes_in_part', explanation: 'Line one\n<b>two</b>', citations: [{ title: 'Penal Code', article: '12' }] },
    n: { made: false },
    ta: { needed: true, kinds: ['legal_advice', 'other'] },
  },
};
const view = renderReadOnly(plan, data, ctxOf(data)).value;

describe('renderReadOnly', () => {
  it('gives each page a heading and a definition list', () => {
    expect(view).toMatch(/<section class="answers-page" id="[^"]+"><h2 class="answers-page__title"><span class="article-tag">UNTOC art. 5<\/span>Article 5<\/h2><dl class="summary-list">/);
    expect(view).toContain('<h2 class="answers-page__title">Article 6</h2>');
  });

  it('shows option labels, not codes', () => {
    expect(view).toContain('<dd class="summary-list__value">Yes, in part</dd>');
    expect(view).toContain('<li>Legal advice</li><li>Other assistance</li>');
  });

  it('shows booleans as Yes/No', () => {
    expect(view).toMatch(/Has your country made this notification to the Secretary-General\?<\/dt><dd class="summary-list__value">No<\/dd>/);
  });

  it('keeps line breaks and escapes the text', () => {
    expect(view).toContain('Line one<br>&lt;b&gt;two&lt;/b&gt;');
  });

  it('says "Not answered" for empty answers', () => {
    expect(view).toMatch(/<dt class="summary-list__key">Note<\/dt><dd class="summary-list__value"><span class="not-answered">Not answered<\/span><\/dd>/);
  });

  it('leaves out questions of closed branches', () => {
    expect(view).not.toContain('Date of the notification');
    expect(view).toContain('Explain, and describe the steps planned');
  });
});

describe('pageProgress', () => {
  it('counts answered questions among the direct properties of each page', () => {
    expect(pageProgress(plan, data, new Map())).toEqual([
      { key: 'art5', answered: 3, total: 3, errors: 0 },
      { key: 'art6', answered: 0, total: 1, errors: 0 },
    ]);
  });

  it('does not count empty answers', () => {
    expect(pageProgress(plan, { art5: { a: { citations: [] }, n: {} } }, new Map())[0]).toMatchObject({ answered: 0, total: 3 });
  });

  it('counts the fields in error on each page', () => {
    const errors = new Map([['/art5/a/status', ['x']], ['/art5/ta/needed', ['y']], ['/art6/note', ['z']]]);
    expect(pageProgress(plan, data, errors).map((p) => p.errors)).toEqual([2, 1]);
  });
});

describe('diffData', () => {
  it('lists changed leaf values with their labels, in questionnaire order', () => {
    const after = structuredClone(data);
    after.art5.a.status = 'yes';
    after.art5.a.citations[0]!.article = '13';
    after.art5.ta.kinds = ['other'];
    expect(diffData(plan, data, after)).toEqual([
      { pointer: '/art5/a/status', label: 'Status of implementation', path: ['Article 5', 'Offence of agreement?', 'Status of implementation'], before: 'yes_in_part', after: 'yes' },
      { pointer: '/art5/a/citations/0/article', label: 'Article or section', path: ['Article 5', 'Offence of agreement?', 'Applicable legislation', 'Legislation citation 1', 'Article or section'], before: '12', after: '13' },
      { pointer: '/art5/ta/kinds', label: 'Forms of assistance needed', path: ['Article 5', 'Assistance', 'Forms of assistance needed'], before: ['legal_advice', 'other'], after: ['other'] },
    ]);
  });

  it('reports added and removed rows field by field', () => {
    const after = structuredClone(data);
    after.art5.a.citations.push({ title: 'Act', article: '1' });
    expect(diffData(plan, data, after).map((d) => [d.pointer, d.before, d.after])).toEqual([
      ['/art5/a/citations/1/title', undefined, 'Act'],
      ['/art5/a/citations/1/article', undefined, '1'],
    ]);
  });

  it('is empty for equal answers', () => {
    expect(diffData(plan, data, structuredClone(data))).toEqual([]);
  });
});
