import { describe, expect, it } from 'vitest';
import { fieldId, mapErrors, parsePage, renderErrorSummary, renderPage } from '../../src/forms/index.js';
import { ctxOf, onePage, planOf, t, tagWithId, validator } from './helpers.js';

const NAME = { type: 'string', title: 'Name of the authority', description: 'As in the official register.', maxLength: 100 };

function renderWith(data: unknown, errors: Map<string, string[]>, properties: Record<string, unknown> = { name: NAME }, required: string[] = ['name']): string {
  return renderPage(planOf(onePage(properties, required)), 'p', ctxOf({ p: data }, errors)).value;
}

describe('GOV.UK field markup', () => {
  const errors = new Map([['/p/name', ['Enter the name of the authority']]]);
  const id = fieldId('/p/name');

  it('puts label, hint, error message and input in that order', () => {
    const out = renderWith({}, errors);
    const positions = [`<label for="${id}"`, `id="${id}--hint"`, `id="${id}--error"`, `<input id="${id}"`].map((s) => out.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('ties hint and error to the input with aria-describedby', () => {
    expect(tagWithId(renderWith({}, errors), id)).toContain(`aria-describedby="${id}--hint ${id}--error"`);
  });

  it('marks the input invalid', () => {
    expect(tagWithId(renderWith({}, errors), id)).toContain('aria-invalid="true"');
  });

  it('writes the error inline in a paragraph with a hidden "Error:" prefix', () => {
    expect(renderWith({}, errors)).toContain(`<p class="error-message" id="${id}--error"><span class="visually-hidden">Error:</span> Enter the name of the authority</p>`);
  });

  it('marks the group of a field in error', () => {
    expect(renderWith({}, errors)).toContain('<div class="form-group form-group--error"><label');
  });

  it('has no aria-describedby without hint or error', () => {
    const out = renderWith({}, new Map(), { name: { type: 'string', title: 'Name', maxLength: 9 } });
    expect(tagWithId(out, fieldId('/p/name'))).not.toContain('aria-describedby');
  });

  it('ties a radio group hint to its fieldset', () => {
    const out = renderWith({}, new Map(), { s: { title: 'Status', description: 'Pick one.', enum: ['a', 'b'] } });
    expect(out).toContain(`<fieldset class="form-group" aria-describedby="${fieldId('/p/s')}--hint"><legend>Status (optional)</legend>`);
  });

  it('says "(optional)" for an optional field', () => {
    expect(renderWith({}, new Map(), { name: NAME }, [])).toContain('Name of the authority (optional)</label>');
  });

  it('says nothing for a required field, and uses no asterisk', () => {
    const out = renderWith({}, new Map());
    expect(out).toContain('>Name of the authority</label>');
    expect(out).not.toContain('*');
  });

  it('shows a provision annotation as a tag', () => {
    const out = renderWith({}, new Map(), {
      q: { type: 'string', maxLength: 9, title: 'Offence', 'x-provision': { instrument: 'UNTOC', article: 5, paragraph: '1 (a) (i)', obligation: 'mandatory' } },
    });
    const tag = /<span class="provision-tag">(.*?)<\/span><\/span>/.exec(out)![1]!.replace(/<[^>]+>/g, '');
    expect(tag).toBe('UNTOC art. 5, para. 1 (a) (i) · Mandatory');
  });
});

describe('escaping', () => {
  it('shows HTML typed into an answer as text', () => {
    const out = renderWith({ name: '<script>alert(1)</script>' }, new Map());
    expect(out).not.toContain('<script>');
    expect(out).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('escapes HTML in a textarea answer', () => {
    const out = renderWith({ text: '</textarea><script>x()</script>' }, new Map(), { text: { type: 'string', maxLength: 5000 } });
    expect(out).toContain('&lt;/textarea&gt;&lt;script&gt;x()&lt;/script&gt;</textarea>');
  });

  it('escapes questionnaire text too', () => {
    const out = renderWith({}, new Map(), { q: { type: 'string', maxLength: 9, title: 'A <b>bold</b> "title"' } });
    expect(out).toContain('A &lt;b&gt;bold&lt;/b&gt; &quot;title&quot;');
  });
});

describe('after an error', () => {
  it('keeps the values the person submitted on the page', () => {
    const schema = onePage({ year: { type: 'integer', title: 'Year' }, name: NAME }, ['name']);
    const plan = planOf(schema);
    const data = { p: parsePage(plan, 'p', { '/p/year': 'nineteen', '/p/name': '' }) };
    const errors = mapErrors(plan, validator(schema)(data), t);
    const out = renderPage(plan, 'p', ctxOf(data, errors)).value;
    expect(out).toContain('name="/p/year" inputmode="numeric" value="nineteen"');
    expect(errors.get('/p/year')).toEqual(['Enter a whole number']);
  });
});

describe('error summary', () => {
  const errors = new Map([
    ['/p/name', ['Enter the name of the authority']],
    ['/p/year', ['Enter a whole number']],
  ]);
  const out = renderErrorSummary(errors, ctxOf({})).value;

  it('is an alert with a heading', () => {
    expect(out).toMatch(/^<div class="error-summary" role="alert" aria-labelledby="error-summary-title"[^>]*><h2 class="error-summary__title" id="error-summary-title">There is a problem<\/h2>/);
  });

  it('links each message to its field', () => {
    expect(out).toContain(`<li><a href="#${fieldId('/p/name')}">Enter the name of the authority</a></li><li><a href="#${fieldId('/p/year')}">Enter a whole number</a></li>`);
  });

  it('is empty when there are no errors', () => {
    expect(renderErrorSummary(new Map(), ctxOf({})).value).toBe('');
  });
});

describe('field ids', () => {
  it('are deterministic and safe', () => {
    expect(fieldId('/untoc_5/p1_a_i/status')).toBe(fieldId('/untoc_5/p1_a_i/status'));
    expect(fieldId('/a b/"x"')).toMatch(/^f[a-z0-9]+$/);
  });

  it('differ between pointers', () => {
    const ids = new Set(['/a/b', '/a-b', '/a/b/0', '/a/b/1', '/ab'].map(fieldId));
    expect(ids.size).toBe(5);
  });
});
