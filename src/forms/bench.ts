// Benchmark of the forms module on the synthetic questionnaire of ../shared/bench (ported
// in bench-fixtures.ts): 40 articles × 6 provisions, about 1,500 fields, and a filled
// response. Medians in milliseconds, sizes in bytes. Called by `npm run bench`.
// Targets: a page < 2 ms, the read-only view < 20 ms, parse + prune of a page < 1 ms,
// the whole form < 1 MB. Pure: it generates its fixtures and reads no files.
import { generateBenchQuestionnaire, generateBenchResponse } from './bench-fixtures.js';
import { parsePage } from './parse.js';
import { buildFormPlan } from './plan.js';
import { prunePage } from './prune.js';
import { renderPage, renderReadOnly } from './render.js';
import { formBodyFromHtml } from './simulate.js';
import type { FormBody, RenderContext, Translate } from './types.js';

function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function time(iterations: number, fn: (i: number) => void): number {
  for (let i = 0; i < Math.min(iterations, 20); i++) fn(i); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    fn(i);
    samples.push(performance.now() - t0);
  }
  return Math.round(median(samples) * 1000) / 1000;
}

/** Stands in for the UI messages when none are passed: the key and its parameters. */
const keysAsMessages: Translate = (key, params) => (params ? `${key} ${Object.values(params).join(' ')}` : key);

/** Pass the English messages (e.g. `translator('en')` of src/i18n) for realistic sizes. */
export function benchForms(t: Translate = keysAsMessages): Record<string, number> {
  const schema = generateBenchQuestionnaire(40, 6);
  const data = generateBenchResponse(schema, 7);
  const noRefs = (uri: string): object => {
    throw new Error(`no external refs expected: ${uri}`);
  };
  const planBuildMs = time(5, () => buildFormPlan(schema, noRefs));
  const plan = buildFormPlan(schema, noRefs);
  const ctx: RenderContext = { data, errors: new Map(), t, label: (s) => s };
  const keys = plan.pages.map((p) => p.key);

  const pages = keys.map((k) => renderPage(plan, k, ctx).value);
  const bodies: FormBody[] = pages.map((h) => formBodyFromHtml(h));
  const readOnly = renderReadOnly(plan, data, ctx).value;

  return {
    fieldCount: plan.fieldCount,
    planBuildMs,
    renderPageMs: time(400, (i) => renderPage(plan, keys[i % keys.length]!, ctx)),
    renderReadOnlyMs: time(40, () => renderReadOnly(plan, data, ctx)),
    parsePrunePageMs: time(1000, (i) => {
      const k = keys[i % keys.length]!;
      prunePage(plan, k, parsePage(plan, k, bodies[i % keys.length]!));
    }),
    renderAllPagesMs: time(20, () => {
      for (const k of keys) renderPage(plan, k, ctx);
    }),
    pageBytes: Math.round(median(pages.map((h) => Buffer.byteLength(h)))),
    wholeFormBytes: pages.reduce((n, h) => n + Buffer.byteLength(h), 0),
    readOnlyBytes: Buffer.byteLength(readOnly),
  };
}
