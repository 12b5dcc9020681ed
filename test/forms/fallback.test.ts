import { describe, expect, it } from 'vitest';
import { mapErrors, parsePage, renderPage } from '../../src/forms/index.js';
import { formBodyFromHtml } from '../../src/forms/simulate.js';
import { ctxOf, onePage, planOf, t, validator } from './helpers.js';

const schema = onePage({
  labels: { type: 'object', title: 'Labels by language', patternProperties: { '^[a-z]{2}$': { type: 'string' } }, additionalProperties: false },
  pair: { type: 'array', title: 'Range', prefixItems: [{ type: 'integer' }, { type: 'integer' }], items: false },
});
const plan = planOf(schema);
const roundTrip = (data: unknown): unknown => parsePage(plan, 'p', formBodyFromHtml(renderPage(plan, 'p', ctxOf({ p: data })).value) as Record<string, string>);

describe('JSON fallback', () => {
  it('is a labelled textarea holding the answer as JSON', () => {
    const out = renderPage(plan, 'p', ctxOf({ p: { labels: { en: 'Police' } } })).value;
    expect(out).toMatch(/<label for="[^"]+">Labels by language \(optional\)<\/label>/);
    expect(out).toContain('name="/p/labels"');
    expect(out).toContain('{\n  &quot;en&quot;: &quot;Police&quot;\n}</textarea>');
  });

  it('round-trips a patternProperties object', () => {
    expect(roundTrip({ labels: { en: 'Police', fr: 'Police' } })).toEqual({ labels: { en: 'Police', fr: 'Police' } });
  });

  it('round-trips a prefixItems array', () => {
    expect(roundTrip({ pair: [1990, 2020] })).toEqual({ pair: [1990, 2020] });
  });

  it('keeps invalid JSON as typed, so validation reports it and the text stays', () => {
    const parsed = parsePage(plan, 'p', { '/p/pair': '[1990, ' });
    expect(parsed).toEqual({ pair: '[1990, ' });
    const data = { p: parsed };
    expect(mapErrors(plan, validator(schema)(data), t).get('/p/pair')).toEqual(['Enter Range as valid JSON']);
    expect(renderPage(plan, 'p', ctxOf(data)).value).toContain('>\n[1990, </textarea>');
  });
});
