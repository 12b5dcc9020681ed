import { describe, expect, it } from 'vitest';
import { fieldId, mapErrors, parsePage, prune, renderErrorSummary, renderPage, type JsonSchema } from '../../src/forms/index.js';
import { BLOCK, ctxOf, onePage, planOf, t, validator } from './helpers.js';

function messages(schema: JsonSchema, data: unknown): Map<string, string[]> {
  const plan = planOf(schema);
  return mapErrors(plan, validator(schema)(data), t, (s) => s, data);
}

const provision = onePage({ a: { $ref: BLOCK('provision-answer'), title: 'Has your country criminalized it?' } }, ['a']);

describe('mapErrors', () => {
  it('puts a required error on the missing field, in the words of its title', () => {
    expect(messages(provision, { p: { a: {} } })).toEqual(new Map([['/p/a/status', ['Select the status of implementation']]]));
  });

  it('reports a required group on the questions inside it', () => {
    expect(messages(provision, { p: {} })).toEqual(new Map([['/p/a/status', ['Select the status of implementation']]]));
  });

  it('maps an if/then required error and drops the if wrapper', () => {
    const data = { p: { a: { status: 'no' } } };
    const raw = validator(provision)(data);
    expect(raw.some((e) => e.keyword === 'if')).toBe(true);
    expect(messages(provision, data)).toEqual(new Map([['/p/a/explanation', ['Enter your answer to “Explain, and describe the steps planned”']]]));
  });

  it('asks for at least one item of a list a branch requires', () => {
    expect(messages(provision, { p: { a: { status: 'yes', citations: [] } } }).get('/p/a/citations')).toEqual(['Add at least one item to Applicable legislation']);
  });

  it('gives one message for a value outside a oneOf list of consts', () => {
    const data = { p: { a: { status: 'maybe' } } };
    expect(validator(provision)(data).filter((e) => e.instancePath === '/p/a/status').length).toBeGreaterThan(1);
    expect(messages(provision, data).get('/p/a/status')).toEqual(['Select the status of implementation']);
  });

  it('explains a link in the wrong format', () => {
    const data = { p: { a: { status: 'yes', citations: [{ title: 'Act', url: 'not a link' }] } } };
    expect(messages(provision, data)).toEqual(new Map([['/p/a/citations/0/url', ['Enter a link in the form https://…']]]));
  });

  it('does not blame a question whose branch failed for another reason', () => {
    const data = { p: { a: { status: 'yes', citations: [{ url: 'https://x.org' }] } } };
    expect([...messages(provision, data).keys()]).toEqual(['/p/a/citations/0/title']);
  });

  it('asks for a whole number', () => {
    const schema = onePage({ s: { type: 'array', items: { $ref: BLOCK('case-statistics') } } });
    expect(messages(schema, { p: { s: [{ year: 'x' }] } }).get('/p/s/0/year')).toEqual(['Enter a whole number']);
  });

  it('states the limit of a number', () => {
    const schema = onePage({ s: { $ref: BLOCK('case-statistics') } });
    expect(messages(schema, { p: { s: { year: 1800 } } }).get('/p/s/year')).toEqual(['Enter a number that is 1990 or more']);
  });

  it('states the maximum length', () => {
    const schema = onePage({ ex: { type: 'array', title: 'Examples', items: { type: 'string', maxLength: 5000 } } });
    expect(messages(schema, { p: { ex: ['x'.repeat(5001)] } }).get('/p/ex/0')).toEqual(['Enter no more than 5000 characters']);
  });

  it('asks for a valid email address', () => {
    const schema = onePage({ c: { $ref: BLOCK('competent-authority') } });
    expect(messages(schema, { p: { c: { name: 'Police', email: 'nope' } } }).get('/p/c/email')).toEqual(['Enter an email address in the form name@example.org']);
  });

  it('puts errors about one box of a checkbox group on the group', () => {
    const schema = onePage({ ta: { $ref: BLOCK('technical-assistance'), title: 'Technical assistance' } });
    const out = messages(schema, { p: { ta: { needed: true, kinds: ['bogus'] } } });
    expect(out).toEqual(new Map([['/p/ta/kinds', ['Select the forms of assistance needed']]]));
  });

  it('asks a yes/no question in its own words', () => {
    const schema = onePage({ ta: { $ref: BLOCK('technical-assistance') } }, ['ta']);
    expect(messages(schema, { p: {} }).get('/p/ta/needed')).toEqual(['Select yes or no for “Does your country need technical assistance to implement this article?”']);
  });

  it('asks for valid JSON in a JSON box', () => {
    const schema = onePage({ m: { type: 'object', title: 'Map', patternProperties: { '^x': { type: 'string' } } } });
    const plan = planOf(schema);
    const data = { p: parsePage(plan, 'p', { '/p/m': '{not json' }) };
    expect(mapErrors(plan, validator(schema)(data), t).get('/p/m')).toEqual(['Enter Map as valid JSON']);
  });

  it('lists errors in page order', () => {
    const schema = onePage({ z: { type: 'integer' }, a: { type: 'string', maxLength: 1 } }, ['a']);
    expect([...messages(schema, { p: { z: 'x' } }).keys()]).toEqual(['/p/z', '/p/a']);
  });

  it('keeps only the chosen variant of a oneOf of objects', () => {
    const schema = onePage({
      h: {
        title: 'Holder',
        oneOf: [
          { type: 'object', properties: { kind: { const: 'person' }, name: { type: 'string' } }, required: ['kind', 'name'] },
          { type: 'object', properties: { kind: { const: 'agency' }, agency: { type: 'string' } }, required: ['kind', 'agency'] },
        ],
      },
    });
    expect(messages(schema, { p: { h: { kind: 'agency' } } })).toEqual(new Map([['/p/h/agency', ['Enter the agency']]]));
  });

  it('asks to choose a variant when none is chosen', () => {
    const schema = onePage({
      h: { title: 'Holder', oneOf: [{ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }, { type: 'object', properties: { b: { type: 'string' } }, required: ['b'] }] },
    });
    expect(messages(schema, { p: { h: {} } })).toEqual(new Map([['/p/h', ['Select an option for Holder']]]));
  });

  it('gives every message an anchor on the rendered page', () => {
    const plan = planOf(provision);
    const data = prune(plan, { p: parsePage(plan, 'p', { '/p/a/status': 'yes', '/p/a/citations/0/url': 'bad' }) });
    const errors = mapErrors(plan, validator(provision)(data), t, (s) => s, data);
    const page = renderPage(plan, 'p', ctxOf(data, errors)).value;
    const summary = renderErrorSummary(errors, ctxOf(data, errors)).value;
    const anchors = [...summary.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(anchors).toEqual([fieldId('/p/a/citations/0/title'), fieldId('/p/a/citations/0/url')]);
    for (const id of anchors) expect(page).toContain(`id="${id}"`);
  });
});
