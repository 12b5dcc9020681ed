import { describe, expect, it } from 'vitest';
import { buildFormPlan, locate, renderPage, type JsonSchema } from '../../src/forms/index.js';
import { BLOCK, ctxOf, onePage, planOf, resolveBlock } from './helpers.js';

describe('buildFormPlan', () => {
  it('makes one page per top-level property, with its title and article', () => {
    const plan = planOf({
      type: 'object',
      properties: {
        untoc_5: { type: 'object', title: 'Article 5', 'x-article': { instrument: 'UNTOC', article: 5 }, properties: { a: { type: 'boolean' } } },
        untoc_6: { type: 'object', title: 'Article 6', properties: { a: { type: 'boolean' } } },
      },
    });
    expect(plan.pages.map((p) => [p.key, p.pointer, p.title, p.annotation])).toEqual([
      ['untoc_5', '/untoc_5', 'Article 5', { instrument: 'UNTOC', article: 5 }],
      ['untoc_6', '/untoc_6', 'Article 6', undefined],
    ]);
  });

  it('counts the fields', () => {
    expect(planOf(onePage({ a: { type: 'string' }, b: { type: 'array', items: { type: 'object', properties: { c: { type: 'integer' }, d: { type: 'boolean' } } } } })).fieldCount).toBe(3);
  });

  it('resolves absolute refs through resolveRef, once per document', () => {
    const seen: string[] = [];
    const plan = buildFormPlan(onePage({ a: { $ref: BLOCK('provision-answer') }, b: { $ref: BLOCK('provision-answer') } }), (uri) => {
      seen.push(uri);
      return resolveBlock(uri);
    });
    expect(locate(plan, '/p/b/statistics/0/year').node.kind).toBe('integer');
    expect(seen).toEqual([BLOCK('provision-answer'), BLOCK('case-statistics'), BLOCK('legislation-citation')]);
  });

  it('resolves local refs and refs relative to the nearest $id', () => {
    const schema: JsonSchema = {
      $id: 'https://example.org/q/root.json',
      type: 'object',
      properties: { p: { $ref: '#/$defs/page' }, r: { $ref: 'other.json#/$defs/thing' } },
      $defs: {
        page: { type: 'object', properties: { s: { $ref: '#/$defs/status' } } },
        status: { title: 'Status', enum: ['a'] },
      },
    };
    const other = { $id: 'https://example.org/q/other.json', $defs: { thing: { type: 'object', properties: { n: { type: 'number' } } } } };
    const plan = buildFormPlan(schema, (uri) => {
      if (uri === 'https://example.org/q/other.json') return other;
      throw new Error(uri);
    });
    expect(locate(plan, '/p/s').node.title).toBe('Status');
    expect(locate(plan, '/r/n').node.kind).toBe('number');
  });

  it('lets title and description next to a $ref override the referenced ones', () => {
    const plan = planOf(onePage({ a: { $ref: BLOCK('notification'), title: 'Did you notify?', description: 'Say when.' } }));
    const node = locate(plan, '/p/a').node;
    expect([node.title, node.description]).toEqual(['Did you notify?', 'Say when.']);
  });

  it('does not show a referenced definition\'s description as a hint', () => {
    const plan = planOf(onePage({ c: { type: 'array', items: { $ref: BLOCK('legislation-citation') } } }));
    expect(locate(plan, '/p/c/0').node.description).toBeUndefined();
  });

  it('merges allOf', () => {
    const plan = planOf(onePage({
      a: { allOf: [{ type: 'object', properties: { x: { type: 'string', maxLength: 300 } }, required: ['x'] }, { properties: { y: { type: 'integer' } } }, { properties: { x: { maxLength: 100 } } }] },
    }));
    const a = locate(plan, '/p/a').node;
    expect(a.properties!.map((n) => [n.key, n.required])).toEqual([['x', true], ['y', false]]);
    expect(locate(plan, '/p/a/x').node.renderer.name).toBe('text-input');
  });

  it('carries x-provision, readOnly and default', () => {
    const plan = planOf(onePage({ a: { type: 'string', readOnly: true, default: 'x', 'x-provision': { instrument: 'TIP', article: 5, paragraph: '1', obligation: 'shall_consider' } } }));
    const node = locate(plan, '/p/a').node;
    expect([node.readOnly, node.default, node.provision?.obligation]).toEqual([true, 'x', 'shall_consider']);
  });

  it('falls back to the JSON textarea for a recursive ref', () => {
    const schema = onePage({ tree: { $ref: '#/$defs/node' } }, [], {});
    schema.$defs = { node: { type: 'object', title: 'Node', properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/$defs/node' } } } } };
    const plan = planOf(schema);
    const children = locate(plan, '/p/tree/children').node;
    expect([children.items?.recursive, children.renderer.name]).toEqual([true, 'json']);
    expect(locate(plan, '/p/tree/name').node.renderer.name).toBe('textarea');
  });

  it('caps depth', () => {
    let deep: JsonSchema = { type: 'string' };
    for (let i = 0; i < 20; i++) deep = { type: 'object', properties: { d: deep } };
    const plan = planOf(onePage({ d: deep }), { maxDepth: 6 });
    expect(locate(plan, '/p/d/d/d/d/d/d').node.renderer.name).toBe('json');
  });

  it('renders an unresolvable ref as a labelled JSON box instead of failing', () => {
    const plan = planOf(onePage({ x: { $ref: 'https://nowhere.example/x.json', title: 'Mystery' } }));
    expect(renderPage(plan, 'p', ctxOf({})).value).toMatch(/<label for="[^"]+">Mystery \(optional\)<\/label><div class="hint"[^>]*><p class="hint__extra">Enter the answer as JSON.<\/p><\/div><textarea class="code"/);
  });

  it('treats a nullable type as its non-null type', () => {
    expect(locate(planOf(onePage({ n: { type: ['integer', 'null'] } })), '/p/n').node.renderer.name).toBe('number');
  });
});
