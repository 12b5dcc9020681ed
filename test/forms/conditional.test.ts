import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { locate, parsePage, prune, renderPage } from '../../src/forms/index.js';
import { BLOCK, ctxOf, onePage, planOf, PROJECT_ROOT } from './helpers.js';

const answer = onePage({
  status: { title: 'Status', enum: ['yes', 'yes_in_part', 'no'] },
  examples: { type: 'array', items: { type: 'string', maxLength: 50 } },
}, ['status'], {
  allOf: [
    {
      if: { properties: { status: { const: 'yes' } }, required: ['status'] },
      then: { properties: { citations: { type: 'array', title: 'Legislation', minItems: 1, items: { type: 'string', maxLength: 99 } } }, required: ['citations'] },
    },
    {
      if: { properties: { status: { enum: ['yes_in_part', 'no'] } }, required: ['status'] },
      then: {
        properties: {
          citations: { type: 'array', title: 'Legislation', items: { type: 'string', maxLength: 99 } },
          explanation: { type: 'string', title: 'Explain', maxLength: 5000 },
        },
        required: ['explanation'],
      },
    },
  ],
});
const plan = planOf(answer);
const page = (data: unknown): string => renderPage(plan, 'p', ctxOf({ p: data })).value;

/** The opening tag of the conditional block holding this input name. */
function blockAround(out: string, name: string): string {
  const at = out.indexOf(`name="${name}"`);
  const open = out.lastIndexOf('<div class="conditional"', at);
  return out.slice(open, out.indexOf('>', open) + 1);
}

describe('conditional questions', () => {
  it('are nodes carrying their condition', () => {
    const node = locate(plan, '/p/explanation').node;
    expect(node.condition?.schema).toEqual({ properties: { status: { enum: ['yes_in_part', 'no'] } }, required: ['status'] });
  });

  it('follow the question that reveals them', () => {
    expect(plan.pages[0]!.node.properties!.map((n) => n.key)).toEqual(['status', 'citations', 'explanation', 'examples']);
  });

  it('are hidden while their condition is false', () => {
    expect(blockAround(page({}), '/p/explanation')).toMatch(/ hidden>$/);
  });

  it('are shown when their condition holds', () => {
    expect(blockAround(page({ status: 'no' }), '/p/explanation')).not.toContain('hidden');
  });

  it('carry their condition for the browser, with absolute input names', () => {
    const tag = blockAround(page({}), '/p/explanation').replace(/&quot;/g, '"');
    const json = /data-condition='([^']*)'/.exec(tag)![1]!;
    expect(JSON.parse(json)).toEqual({ allOf: [{ field: '/p/status', enum: ['yes_in_part', 'no'] }, { field: '/p/status', present: true }] });
  });

  it('are required when the branch that asks them requires them', () => {
    expect(locate(plan, '/p/explanation').node.required).toBe(true);
    expect(page({ status: 'no' })).toContain('>Explain</label>');
  });

  it('are "required when…" when only one of their branches requires them', () => {
    expect(locate(plan, '/p/citations').node.requiredWhen).toBeDefined();
    expect(page({ status: 'yes' })).toContain('<h2>Legislation</h2>');
    expect(page({ status: 'no' })).toContain('<h2>Legislation (optional)</h2>');
  });

  it('share one block with neighbours revealed by the same condition', () => {
    const n = planOf(onePage({ n: { $ref: BLOCK('notification') } }));
    const out = renderPage(n, 'p', ctxOf({ p: { n: { made: true } } })).value;
    expect(out.match(/<div class="conditional"/g)).toHaveLength(1);
    expect(blockAround(out, '/p/n/date')).toBe(blockAround(out, '/p/n/reference'));
  });

  it('handle dependentSchemas and dependentRequired', () => {
    const dep = planOf(onePage({ other: { type: 'string', maxLength: 9 }, detail: { type: 'string', maxLength: 9 } }, [], {
      dependentSchemas: { other: { properties: { why: { type: 'string', maxLength: 9 } } } },
      dependentRequired: { other: ['detail'] },
    }));
    expect(locate(dep, '/p/why').node.condition?.schema).toEqual({ required: ['other'] });
    expect(locate(dep, '/p/detail').node.requiredWhen?.schema).toEqual({ required: ['other'] });
    expect(renderPage(dep, 'p', ctxOf({ p: { other: 'x' } })).value).toContain('>Detail</label>');
  });
});

describe('prune', () => {
  it('removes answers of a branch whose condition is false', () => {
    expect(prune(plan, { p: { status: 'yes', explanation: 'left over', citations: ['Act'] } })).toEqual({ p: { status: 'yes', citations: ['Act'] } });
  });

  it('keeps answers of a branch whose condition holds', () => {
    const data = { p: { status: 'no', explanation: 'why', citations: ['Act'] } };
    expect(prune(plan, data)).toEqual(data);
  });

  it('prunes inside rows, recursively', () => {
    const rows = planOf(onePage({ list: { type: 'array', items: answer.properties && (answer.properties as Record<string, object>).p } }));
    expect(prune(rows, { p: { list: [{ status: 'yes', explanation: 'x', citations: ['A'] }, { status: 'no', explanation: 'y' }] } }))
      .toEqual({ p: { list: [{ status: 'yes', citations: ['A'] }, { status: 'no', explanation: 'y' }] } });
  });

  it('removes answers that depended on a removed answer', () => {
    const chain = planOf(onePage({ a: { type: 'boolean' } }, [], {
      if: { properties: { a: { const: true } }, required: ['a'] },
      then: {
        properties: { b: { type: 'boolean' } },
        if: { properties: { b: { const: true } }, required: ['b'] },
        then: { properties: { c: { type: 'string', maxLength: 9 } } },
      },
    }));
    expect(prune(chain, { p: { a: false, b: true, c: 'x' } })).toEqual({ p: { a: false } });
  });

  it('runs on parsed posts before validation', () => {
    const parsed = parsePage(plan, 'p', { '/p/status': 'yes', '/p/explanation': 'stale', '/p/citations/0': 'Act' });
    expect(prune(plan, { p: parsed })).toEqual({ p: { status: 'yes', citations: ['Act'] } });
  });
});

describe('client script', () => {
  const source = readFileSync(`${PROJECT_ROOT}src/forms/client/conditional.js`, 'utf8');
  const sandbox: { untocConditional?: { matches: (c: unknown, values: (name: string) => string[]) => boolean } } = {};
  runInNewContext(source, sandbox);
  const matches = (cond: unknown, values: Record<string, string[]>): boolean => sandbox.untocConditional!.matches(cond, (n) => values[n] ?? []);

  it('is plain ES5 that loads without a DOM', () => {
    expect(sandbox.untocConditional).toBeDefined();
    const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '').replace(/'(?:[^'\\\n]|\\.)*'/g, "''");
    expect(code).not.toMatch(/=>|\blet\b|\bconst\b|`|\bclass\b|\.\.\./);
  });

  it('tests const on a sibling field', () => {
    expect(matches({ field: '/p/status', const: 'yes' }, { '/p/status': ['yes'] })).toBe(true);
    expect(matches({ field: '/p/status', const: 'yes' }, { '/p/status': ['no'] })).toBe(false);
  });

  it('tests enum and required together', () => {
    const cond = { allOf: [{ field: '/p/status', enum: ['yes_in_part', 'no'] }, { field: '/p/status', present: true }] };
    expect(matches(cond, {})).toBe(false);
    expect(matches(cond, { '/p/status': ['no'] })).toBe(true);
  });

  it('compares boolean consts with the Yes/No radio values', () => {
    expect(matches({ field: '/p/made', const: true }, { '/p/made': ['true'] })).toBe(true);
    expect(matches({ field: '/p/made', const: true }, { '/p/made': ['false'] })).toBe(false);
  });

  it('supports not and anyOf', () => {
    expect(matches({ not: { field: '/p/a', const: 'x' } }, { '/p/a': ['y'] })).toBe(true);
    expect(matches({ anyOf: [{ field: '/p/a', const: 'x' }, { field: '/p/a', const: 'y' }] }, { '/p/a': ['y'] })).toBe(true);
  });
});
