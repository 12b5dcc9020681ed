import { describe, expect, it } from 'vitest';
import { html } from '../../src/lib/html.js';
import { buildFormPlan, createRegistry, defaultRenderers, fieldId, locate, parsePage, renderPage, type Renderer } from '../../src/forms/index.js';
import { ctxOf, onePage, planOf } from './helpers.js';

function render(properties: Record<string, unknown>, data: unknown = {}, required: string[] = []): string {
  return renderPage(planOf(onePage(properties, required)), 'p', ctxOf({ p: data })).value;
}

function rendererOf(schema: unknown): string {
  const plan = planOf(onePage({ q: schema }));
  return locate(plan, '/p/q').node.renderer.name;
}

describe('renderer selection', () => {
  it('uses a text input for a short string', () => {
    expect(rendererOf({ type: 'string', maxLength: 200 })).toBe('text-input');
  });

  it('uses a textarea for a string longer than 200 characters', () => {
    expect(rendererOf({ type: 'string', maxLength: 201 })).toBe('textarea');
  });

  it('uses a textarea for a string with no maxLength', () => {
    expect(rendererOf({ type: 'string' })).toBe('textarea');
  });

  it('uses radios for an enum of at most 5 options', () => {
    expect(rendererOf({ enum: ['a', 'b', 'c', 'd', 'e'] })).toBe('radios');
  });

  it('uses a select for more than 5 options', () => {
    expect(rendererOf({ enum: ['a', 'b', 'c', 'd', 'e', 'f'] })).toBe('select');
  });

  it('uses checkboxes for an array of enum', () => {
    expect(rendererOf({ type: 'array', items: { enum: ['a', 'b'] } })).toBe('checkboxes');
  });

  it('uses the JSON textarea for an object with only patternProperties', () => {
    expect(rendererOf({ type: 'object', patternProperties: { '^x': { type: 'string' } } })).toBe('json');
  });

  it('uses the JSON textarea for prefixItems', () => {
    expect(rendererOf({ type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }] })).toBe('json');
  });

  it('lets a higher-ranked custom renderer win', () => {
    const stars: Renderer = {
      name: 'stars',
      leaf: true,
      tester: (node) => (node.kind === 'integer' && node.maximum === 5 ? 50 : -1),
      render: (_ctx, _node, _value, pointer) => html`<span class="stars" data-name="${pointer}"></span>`,
      parse: () => undefined,
    };
    const plan = buildFormPlan(onePage({ rating: { type: 'integer', minimum: 1, maximum: 5 } }), () => ({}), { registry: createRegistry([...defaultRenderers, stars]) });
    expect(renderPage(plan, 'p', ctxOf({})).value).toContain('<span class="stars" data-name="/p/rating">');
  });
});

describe('controls', () => {
  it('renders a text input named by its pointer with a derived id', () => {
    const out = render({ name: { type: 'string', title: 'Name', maxLength: 50 } }, { name: 'Ada' });
    expect(out).toContain(`<input id="${fieldId('/p/name')}" name="/p/name" value="Ada">`);
  });

  it('renders a textarea holding the answer', () => {
    const out = render({ text: { type: 'string', title: 'Text', maxLength: 5000 } }, { text: 'Long answer' });
    expect(out).toMatch(/<textarea id="[^"]+" name="\/p\/text" rows="5">\nLong answer<\/textarea>/);
  });

  it.each([
    ['uri', 'url'],
    ['email', 'email'],
    ['date', 'date'],
  ])('renders format %s as an input of type %s', (format, type) => {
    const out = render({ v: { type: 'string', format, maxLength: 2000 } });
    expect(out).toContain(`name="/p/v" type="${type}"`);
  });

  it('renders radios with option titles of a oneOf of consts', () => {
    const out = render({ status: { title: 'Status', oneOf: [{ const: 'yes', title: 'Yes' }, { const: 'yes_in_part', title: 'Yes, in part' }] } }, { status: 'yes_in_part' });
    expect(out).toContain('<legend>Status (optional)</legend>');
    expect(out).toMatch(/type="radio" value="yes_in_part" checked><label for="[^"]+">Yes, in part<\/label>/);
  });

  it('labels enum values without titles in words', () => {
    const out = render({ s: { type: 'string', enum: ['yes_in_part'] } });
    expect(out).toContain('>Yes in part</label>');
  });

  it('renders a select with an empty first option and the answer selected', () => {
    const out = render({ c: { title: 'Country', enum: ['a', 'b', 'c', 'd', 'e', 'f'] } }, { c: 'e' });
    expect(out).toContain('<option value="">Choose an option</option>');
    expect(out).toContain('<option value="e" selected>E</option>');
  });

  it('renders checkboxes sharing the array pointer as name', () => {
    const out = render({ kinds: { type: 'array', title: 'Kinds', items: { enum: ['x', 'y'] } } }, { kinds: ['y'] });
    expect(out).toContain('name="/p/kinds" type="checkbox" value="x">');
    expect(out).toContain('name="/p/kinds" type="checkbox" value="y" checked>');
  });

  it('renders a boolean as Yes/No radios', () => {
    const out = render({ made: { type: 'boolean', title: 'Made?' } }, { made: false });
    expect(out).toContain('<div class="radios radios--inline">');
    expect(out).toMatch(/value="true"><label for="[^"]+">Yes<\/label>/);
    expect(out).toMatch(/value="false" checked><label for="[^"]+">No<\/label>/);
  });

  it('renders an integer with a numeric keyboard', () => {
    expect(render({ n: { type: 'integer' } }, { n: 3 })).toContain('name="/p/n" inputmode="numeric" value="3"');
  });

  it('renders a number with a decimal keyboard', () => {
    expect(render({ n: { type: 'number' } })).toContain('name="/p/n" inputmode="decimal"');
  });

  it('renders an object as a fieldset with a legend', () => {
    const out = render({ who: { type: 'object', title: 'Contact', properties: { name: { type: 'string', maxLength: 9 } } } });
    expect(out).toContain(`<fieldset class="form-group" id="${fieldId('/p/who')}"><legend><h2>Contact (optional)</h2></legend>`);
  });

  it('renders rows of objects with Remove buttons and an Add button', () => {
    const out = render({ cites: { type: 'array', title: 'Citations', items: { type: 'object', title: 'Citation', properties: { t: { type: 'string', maxLength: 9 } } } } }, { cites: [{ t: 'A' }, { t: 'B' }] });
    expect(out).toContain('name="/p/cites/1/t" value="B"');
    expect(out).toContain('<button class="secondary" name="_action" value="remove:/p/cites/1">Remove<span class="visually-hidden"> Citation 2</span></button>');
    expect(out).toContain('<button class="secondary" name="_action" value="add:/p/cites">Add another citation</button>');
  });

  it('shows one blank row for an empty list', () => {
    const out = render({ ex: { type: 'array', title: 'Examples', items: { type: 'string', title: 'Example', maxLength: 50 } } });
    expect(out).toContain('<label for="' + fieldId('/p/ex/0') + '">Example 1</label>');
    expect(out).toContain('value="add:/p/ex">Add example</button>');
  });

  it('renders rows of strings, one control each', () => {
    const out = render({ ex: { type: 'array', items: { type: 'string', maxLength: 50 } } }, { ex: ['one', 'two'] });
    expect(out).toContain('name="/p/ex/0" value="one"');
    expect(out).toContain('name="/p/ex/1" value="two"');
  });

  it('hides the Add button at maxItems', () => {
    const out = render({ ex: { type: 'array', maxItems: 1, items: { type: 'string', maxLength: 50 } } }, { ex: ['one'] });
    expect(out).not.toContain('value="add:/p/ex"');
  });

  it('shows a readOnly answer as text, without a control', () => {
    const out = render({ ref: { type: 'string', title: 'Reference', readOnly: true } }, { ref: 'CTOC/2024/1' });
    expect(out).toContain('<div class="read-only-value">CTOC/2024/1</div>');
    expect(out).not.toContain('name="/p/ref"');
  });

  it('uses the default as the initial value when there is no answer', () => {
    const plan = planOf(onePage({ year: { type: 'integer', default: 2024 } }));
    expect(renderPage(plan, 'p', ctxOf(undefined)).value).toContain('value="2024"');
  });

  it('does not bring a default back once the page has answers', () => {
    const plan = planOf(onePage({ year: { type: 'integer', default: 2024 }, other: { type: 'string', maxLength: 9 } }));
    expect(renderPage(plan, 'p', ctxOf({ p: { other: 'x' } })).value).not.toContain('value="2024"');
  });
});

describe('oneOf of objects', () => {
  const schema = onePage({
    holder: {
      title: 'Who holds it',
      oneOf: [
        { type: 'object', title: 'A person', properties: { kind: { const: 'person' }, name: { type: 'string', title: 'Name', maxLength: 99 } }, required: ['kind', 'name'] },
        { type: 'object', title: 'An agency', properties: { kind: { const: 'agency' }, agency: { type: 'string', title: 'Agency', maxLength: 99 } }, required: ['kind', 'agency'] },
      ],
    },
  });

  it('offers a radio choice of variant', () => {
    const out = renderPage(planOf(schema), 'p', ctxOf({})).value;
    expect(out).toMatch(/name="_variant:\/p\/holder" type="radio" value="0"><label for="[^"]+">A person<\/label>/);
    expect(out).toMatch(/name="_variant:\/p\/holder" type="radio" value="1"><label for="[^"]+">An agency<\/label>/);
  });

  it('shows the chosen variant and hides and disables the others', () => {
    const out = renderPage(planOf(schema), 'p', ctxOf({ p: { holder: { kind: 'agency', agency: 'Police' } } })).value;
    expect(out).toMatch(/data-condition='\{&quot;field&quot;:&quot;_variant:\/p\/holder&quot;,&quot;const&quot;:&quot;0&quot;\}' hidden><fieldset class="conditional__group" disabled>/);
    expect(out).toMatch(/&quot;const&quot;:&quot;1&quot;\}'><fieldset class="conditional__group">/);
    expect(out).toContain('name="/p/holder/agency" value="Police"');
  });

  it('parses the chosen variant with its discriminator', () => {
    const plan = planOf(schema);
    const body = { '_variant:/p/holder': '1', '/p/holder/agency': 'Police', '/p/holder/name': 'ignored' };
    expect(parsePage(plan, 'p', body)).toEqual({ holder: { kind: 'agency', agency: 'Police' } });
  });
});
