// The synthetic questionnaire of ../shared/bench (about 1,500 fields), which uses only plain
// JSON Schema: any form engine must accept it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchForms } from '../../src/forms/bench.js';
import { generateBenchQuestionnaire, generateBenchResponse } from '../../src/forms/bench-fixtures.js';
import { buildFormPlan, mapErrors, pageProgress, parsePage, prunePage, renderPage, renderReadOnly, type JsonSchema } from '../../src/forms/index.js';
import { formBodyFromHtml } from '../../src/forms/simulate.js';
import { ctxOf, SHARED_BENCH, t, validator } from './helpers.js';

const hasShared = existsSync(join(SHARED_BENCH, 'gen-questionnaire.mjs'));

function generate(): { schema: JsonSchema; response: Record<string, unknown> } {
  const dir = mkdtempSync(join(tmpdir(), 'forms-bench-'));
  const schemaText = execFileSync('node', [join(SHARED_BENCH, 'gen-questionnaire.mjs'), '40', '6'], { encoding: 'utf8' });
  writeFileSync(join(dir, 'q.json'), schemaText);
  const responseText = execFileSync('node', [join(SHARED_BENCH, 'gen-response.mjs'), join(dir, 'q.json'), '7'], { encoding: 'utf8' });
  rmSync(dir, { recursive: true, force: true });
  return { schema: JSON.parse(schemaText) as JsonSchema, response: JSON.parse(responseText) as Record<string, unknown> };
}

/** Parsing leaves out empty lists (the generator writes `kinds: []`). */
function withoutEmptyLists(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (Array.isArray(v) && v.length === 0 ? undefined : v)));
}

describe.skipIf(!hasShared)('bench questionnaire', () => {
  const { schema, response } = hasShared ? generate() : { schema: {}, response: {} };
  const plan = hasShared ? buildFormPlan(schema, () => ({})) : undefined!;

  it('is what the TypeScript port of the generators produces', () => {
    expect(generateBenchQuestionnaire(40, 6)).toEqual(schema);
    expect(generateBenchResponse(schema, 7)).toEqual(response);
  });

  it('has about 1,500 fields on 40 pages', () => {
    expect(plan.pages).toHaveLength(40);
    expect(plan.fieldCount).toBe(40 * (6 * 6 + 2));
  });

  it('needs no JSON fallback', () => {
    const names = new Set<string>();
    const walk = (n: typeof plan.root): void => {
      names.add(n.renderer.name);
      n.properties?.forEach(walk);
      if (n.items) walk(n.items);
    };
    walk(plan.root);
    expect(names.has('json')).toBe(false);
  });

  it('reads back every page of the response from its rendered form', () => {
    for (const page of plan.pages) {
      const body = formBodyFromHtml(renderPage(plan, page.key, ctxOf(response)).value);
      const parsed = prunePage(plan, page.key, parsePage(plan, page.key, body as Record<string, string>));
      expect(parsed, page.key).toEqual(withoutEmptyLists(response[page.key]));
    }
  });

  it('maps the errors of an empty page to its required questions', () => {
    const data = { article1: {} };
    const errors = mapErrors(plan, validator(schema)(data), t);
    expect([...errors.keys()].filter((p) => p.startsWith('/article1/'))).toEqual(['/article1/q1/status', '/article1/q2/status', '/article1/q3/status', '/article1/q4/status', '/article1/q5/status', '/article1/q6/status']);
    expect(errors.get('/article1/q1/status')).toEqual(['Select the status of implementation']);
  });

  it('asks for the explanation a partial answer requires', () => {
    const data = { article1: { q1: { status: 'no' } } };
    expect(mapErrors(plan, validator(schema)(data), t).get('/article1/q1/explanation')).toEqual(['Enter your answer to “Please explain”']);
  });

  it('renders the whole response read-only', () => {
    const out = renderReadOnly(plan, response, ctxOf(response)).value;
    expect(out.match(/<section class="answers-page"/g)).toHaveLength(40);
    expect(out).toContain('<dd class="summary-list__value">Act on Organized Crime</dd>');
  });

  it('counts every question of a filled page as answered', () => {
    expect(pageProgress(plan, response, new Map())[0]).toEqual({ key: 'article1', answered: 7, total: 7, errors: 0 });
  });
});

describe('benchForms', () => {
  const figures = benchForms(t);

  it('measures the figures npm run bench reports', () => {
    expect(Object.keys(figures).sort()).toEqual(['fieldCount', 'pageBytes', 'parsePrunePageMs', 'planBuildMs', 'readOnlyBytes', 'renderAllPagesMs', 'renderPageMs', 'renderReadOnlyMs', 'wholeFormBytes']);
  });

  it('keeps the whole filled form under 1 MB of HTML', () => {
    expect(figures.wholeFormBytes).toBeLessThan(1_000_000);
  });

  // Generous bounds (targets: 2 ms, 20 ms, 1 ms), so a busy CI machine does not fail the build.
  it('renders a page, the read-only view and parses a page fast', () => {
    expect(figures.renderPageMs).toBeLessThan(20);
    expect(figures.renderReadOnlyMs).toBeLessThan(200);
    expect(figures.parsePrunePageMs).toBeLessThan(10);
  });
});
