import { describe, expect, it } from 'vitest';
import { applyAction, parsePage, renderPage } from '../../src/forms/index.js';
import { formBodyFromHtml } from '../../src/forms/simulate.js';
import { ctxOf, onePage, planOf } from './helpers.js';

const schema = onePage({
  year: { type: 'integer' },
  share: { type: 'number' },
  made: { type: 'boolean' },
  name: { type: 'string', maxLength: 50 },
  status: { enum: ['yes', 'no'] },
  level: { enum: [1, 2, 3] },
  kinds: { type: 'array', items: { enum: ['a', 'b', 'c'] } },
  examples: { type: 'array', items: { type: 'string', maxLength: 500 } },
  cites: { type: 'array', items: { type: 'object', properties: { title: { type: 'string', maxLength: 50 }, url: { type: 'string', format: 'uri' } } } },
  contact: { type: 'object', properties: { email: { type: 'string', format: 'email' } } },
});
const plan = planOf(schema);
const parse = (body: Record<string, string | string[]>): unknown => parsePage(plan, 'p', body);

describe('parsePage', () => {
  it('types integers and numbers', () => {
    expect(parse({ '/p/year': ' 2024 ', '/p/share': '0.25' })).toEqual({ year: 2024, share: 0.25 });
  });

  it('keeps a value that is not a number as typed, for validation to flag', () => {
    expect(parse({ '/p/year': 'twenty' })).toEqual({ year: 'twenty' });
  });

  it('reads booleans from "true" and "false"', () => {
    expect(parse({ '/p/made': 'false' })).toEqual({ made: false });
    expect(parse({ '/p/made': 'true' })).toEqual({ made: true });
  });

  it('maps a choice back to the option value, numbers included', () => {
    expect(parse({ '/p/status': 'no', '/p/level': '2' })).toEqual({ status: 'no', level: 2 });
  });

  it('reads several checked boxes', () => {
    expect(parse({ '/p/kinds': ['a', 'c'] })).toEqual({ kinds: ['a', 'c'] });
  });

  it('reads a single checked box as a one-item array', () => {
    expect(parse({ '/p/kinds': 'b' })).toEqual({ kinds: ['b'] });
  });

  it('renumbers rows found in the post, in index order', () => {
    expect(parse({ '/p/examples/3': 'third', '/p/examples/0': 'first' })).toEqual({ examples: ['first', 'third'] });
  });

  it('drops blank rows on a save', () => {
    expect(parse({ '/p/cites/0/title': '', '/p/cites/0/url': '', '/p/cites/1/title': 'Act' })).toEqual({ cites: [{ title: 'Act' }] });
  });

  it('treats empty inputs as absent', () => {
    expect(parse({ '/p/name': '   ', '/p/year': '' })).toBeUndefined();
  });

  it('leaves out empty objects and arrays', () => {
    expect(parse({ '/p/contact/email': '', '/p/examples/0': '', '/p/name': 'x' })).toEqual({ name: 'x' });
  });

  it('ignores names it does not know', () => {
    expect(parse({ '/p/unknown': 'x', '/q/name': 'y', _csrf: 'z', '/p/name': 'n' })).toEqual({ name: 'n' });
  });

  it('normalises Windows line endings', () => {
    expect(parse({ '/p/examples/0': 'a\r\nb' })).toEqual({ examples: ['a\nb'] });
  });

  it('reads back exactly what the page rendered', () => {
    const data = { year: 2020, share: 1.5, made: true, name: 'N', status: 'yes', level: 3, kinds: ['a', 'b'], examples: ['e1', 'e2'], cites: [{ title: 'T', url: 'https://x.org' }], contact: { email: 'a@b.org' } };
    const body = formBodyFromHtml(renderPage(plan, 'p', ctxOf({ p: data })).value);
    expect(parse(body as Record<string, string | string[]>)).toEqual(data);
  });

  it('carries readOnly answers over from the stored page', () => {
    const ro = planOf(onePage({ ref: { type: 'string', readOnly: true }, name: { type: 'string', maxLength: 9 } }));
    expect(parsePage(ro, 'p', { '/p/ref': 'forged', '/p/name': 'n' }, { previous: { ref: 'CTOC/1', name: 'old' } })).toEqual({ ref: 'CTOC/1', name: 'n' });
  });

  it('never reads a readOnly answer from the post', () => {
    const ro = planOf(onePage({ ref: { type: 'string', readOnly: true } }));
    expect(parsePage(ro, 'p', { '/p/ref': 'forged' })).toBeUndefined();
  });
});

describe('row actions', () => {
  it('adds a blank row to a list', () => {
    expect(applyAction(plan, { p: { examples: ['one'] } }, 'add:/p/examples')).toEqual({ p: { examples: ['one', ''] } });
  });

  it('adds a blank object row to a list of objects', () => {
    expect(applyAction(plan, { p: { cites: [{ title: 'A' }] } }, 'add:/p/cites')).toEqual({ p: { cites: [{ title: 'A' }, {}] } });
  });

  it('adds a second row to an empty list, which already shows one blank row', () => {
    expect(applyAction(plan, {}, 'add:/p/cites')).toEqual({ p: { cites: [{}, {}] } });
  });

  it('removes the row named by its index', () => {
    expect(applyAction(plan, { p: { examples: ['a', 'b', 'c'] } }, 'remove:/p/examples/1')).toEqual({ p: { examples: ['a', 'c'] } });
  });

  it('removes the last row, leaving no list', () => {
    expect(applyAction(plan, { p: { examples: ['a'], name: 'n' } }, 'remove:/p/examples/0')).toEqual({ p: { name: 'n' } });
  });

  it('ignores actions that are not row actions of the plan', () => {
    const data = { p: { name: 'n' } };
    for (const action of ['add:/p/name', 'remove:/p/examples/x', 'drop:/p/examples', 'add:/__proto__/x', 'remove:/p/examples/9']) {
      expect(applyAction(plan, data, action)).toBe(data);
    }
  });

  it('keeps blank rows in place on an Add/Remove post, so indexes match what was shown', () => {
    const body = { _action: 'remove:/p/examples/2', '/p/examples/0': 'a', '/p/examples/1': '', '/p/examples/2': 'c' };
    const data = { p: parse(body) };
    expect(data).toEqual({ p: { examples: ['a', '', 'c'] } });
    expect(applyAction(plan, data, body._action)).toEqual({ p: { examples: ['a', ''] } });
  });

  it('works without JavaScript: Add, type into the new row, save', () => {
    const first = renderPage(plan, 'p', ctxOf({ p: { examples: ['one'] } })).value;
    const addBody = { ...formBodyFromHtml(first), _action: 'add:/p/examples' };
    const afterAdd = applyAction(plan, { p: parse(addBody as Record<string, string>) }, 'add:/p/examples');
    const second = renderPage(plan, 'p', ctxOf(afterAdd)).value;
    expect(second).toContain('name="/p/examples/1"');
    const saveBody = { ...formBodyFromHtml(second), '/p/examples/1': 'two' };
    expect(parse(saveBody as Record<string, string>)).toEqual({ examples: ['one', 'two'] });
  });
});
