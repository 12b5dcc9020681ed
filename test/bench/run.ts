// `npm run bench`: the speed figures recorded in the README. Run on an otherwise idle
// machine; medians in milliseconds. Nothing here asserts a time: it measures and prints.
//   - start-up: compiling the four questionnaires, and `npm start` to a healthy /healthz;
//   - forms on the 40-article × 6-provision bench questionnaire (~1,500 fields): an article
//     page, the whole check-your-answers page (full HTML document), the whole form's size;
//   - a per-article save end to end: parse the post, prune, validate, store a revision in a
//     real SQLite file (WAL, synchronous=FULL);
//   - drawing lots for group 1 (62 States) on the real parties.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchForms } from '../../src/forms/bench.js';
import { generateBenchQuestionnaire, generateBenchResponse } from '../../src/forms/bench-fixtures.js';
import { buildFormPlan, parsePage, prunePage, renderPage, renderReadOnly, type FormBody } from '../../src/forms/index.js';
import { formBodyFromHtml } from '../../src/forms/simulate.js';
import { translator } from '../../src/i18n/index.js';
import { createChecker, loadQuestionnaires, loadSchemaLibrary, storeVersions } from '../../src/questionnaire/index.js';
import { openDatabase, migrateDatabase, tables } from '../../src/db/index.js';
import { seedReference } from '../../src/seed/reference.js';
import { actorById, createUser } from '../../src/auth/index.js';
import { saveResponse } from '../../src/responses/index.js';
import { benchDraw } from '../../src/reviews/lots.js';
import { layout } from '../../src/http/views/layout.js';
import request from 'supertest';
import { createTestRuntime } from '../support/runtime.js';
import { pickDemoAccounts, signIn } from '../support/actors.js';
import { seedDemo } from '../../src/seed/demo.js';
import { launchPhase } from '../../src/reviews/phases.js';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const round = (n: number) => Math.round(n * 100) / 100;
function time(n: number, fn: (i: number) => void): number {
  for (let i = 0; i < Math.min(n, 10); i++) fn(i);
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn(i);
    xs.push(performance.now() - t0);
  }
  return round(median(xs));
}

const results: Record<string, string | number> = {};
const t = translator('en');

// --- start-up ---------------------------------------------------------------------------
{
  const t0 = performance.now();
  loadQuestionnaires();
  results['compile 4 cluster questionnaires (ms)'] = Math.round(performance.now() - t0);
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) runs.push(await startToHealthy());
  results['npm start → /healthz 200, fresh database (ms, median of 3)'] = Math.round(median(runs));
}

// --- forms on the bench questionnaire ---------------------------------------------------
const f = benchForms(t);
results['bench questionnaire fields'] = f.fieldCount!;
results['article page render (ms)'] = f.renderPageMs!;
results['parse + prune one article (ms)'] = f.parsePrunePageMs!;
results['whole form HTML, all 40 articles (bytes)'] = f.wholeFormBytes!;

const schema = generateBenchQuestionnaire(40, 6);
const data = generateBenchResponse(schema, 7);
const plan = buildFormPlan(schema, () => {
  throw new Error('no refs');
});
const ctx = { data, errors: new Map<string, string[]>(), t, label: (s: string) => s };
const pageCtx = { lang: 'en' as const, t, actor: { userId: 1, email: 'a@b.c', displayName: 'Expert', isSecretariat: false, memberships: [], lang: 'en' }, csrfToken: 'x', url: '/reviews/1/questionnaire/check' };
results['check-your-answers page, whole response, full HTML document (ms)'] = time(60, () => layout(pageCtx, { title: 'Check your answers', body: renderReadOnly(plan, data, ctx) }));

// --- a per-article save, end to end on a real SQLite file -------------------------------
{
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const db = openDatabase({ path: join(dir, 'bench.sqlite') });
  migrateDatabase(db);
  seedReference(db);
  const checker = createChecker(loadSchemaLibrary());
  const t0 = performance.now();
  const compiled = { ...checker.compileBundled(schema, 'bench', 1), explicitVersion: false };
  results['compile the bench questionnaire (ms)'] = Math.round(performance.now() - t0);
  const [stored] = storeVersions(db, [compiled]);
  const phase = db.select().from(tables.phases).all()[0]!;
  const review = db.insert(tables.reviews).values({ party: 'FRA', phaseId: phase.id, questionnaireVersionId: stored!.id, step: 'drafting', launchedOn: '2026-01-01' }).returning().get();
  const { userId } = createUser({ db, now: new Date() }, { email: 'bench@example.org', displayName: 'Bench', memberships: [{ party: 'FRA', role: 'expert' }] });
  const actor = actorById(db, userId)!;
  const keys = plan.pages.map((p) => p.key);
  const bodies: FormBody[] = keys.map((k) => formBodyFromHtml(renderPage(plan, k, ctx).value));
  const rc = { questionnaire: stored!, instruments: ['UNTOC', 'TIP', 'SOM', 'FA'] };
  let base = 0;
  results['per-article save: parse, prune, validate, store revision (ms)'] = time(200, (i) => {
    const k = keys[i % keys.length]!;
    const page = prunePage(plan, k, parsePage(plan, k, bodies[i % keys.length]!));
    const saved = saveResponse({ db, now: new Date(), actor, ip: null }, review.id, rc, { baseRevision: base, data: page, page: k });
    base = saved.revision.number;
  });
  db.$client.close();
}

// --- the secretariat dashboard with every review of phase 1 (192 States) -----------------
{
  const rt = createTestRuntime();
  const accounts = pickDemoAccounts(await seedDemo(rt.db, rt.questionnaires, rt.clock.now()));
  const sec = actorById(rt.db, (rt.db.$client.prepare('SELECT id FROM users WHERE email = ?').get(accounts.secretariat.email) as { id: number }).id)!;
  for (const p of rt.db.select().from(tables.phases).all().filter((x) => x.sequence === 1 && x.groupNo > 1)) {
    launchPhase({ db: rt.db, now: new Date(), actor: sec, ip: null }, p.id, rt.questionnaires.currentForCluster('I')!.id);
  }
  const s = await signIn(rt.app, accounts.secretariat.email, accounts.secretariat.password);
  const xs: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    await request(rt.app).get('/').set('Cookie', s.cookie.join('; ')).expect(200);
    xs.push(performance.now() - t0);
  }
  results['secretariat dashboard over HTTP, 192 reviews (ms)'] = round(median(xs));
}

// --- drawing of lots ----------------------------------------------------------------------
results['draw lots, 62 States on the real parties (ms)'] = round(benchDraw({ runs: 30 }).medianMs);

const width = Math.max(...Object.keys(results).map((k) => k.length));
console.log(`Benchmarks (${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${(await import('node:os')).cpus().length} cores)\n`);
for (const [k, v] of Object.entries(results)) console.log(`  ${k.padEnd(width)}  ${v}`);

async function startToHealthy(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-start-'));
  const port = String(30000 + Math.floor(Math.random() * 20000));
  const root = new URL('../../', import.meta.url).pathname;
  const t0 = performance.now();
  const child = spawn(join(root, 'node_modules/.bin/tsx'), [join(root, 'src/main.ts')], { cwd: dir, env: { ...process.env, PORT: port, DATABASE_PATH: join(dir, 'db.sqlite'), LOG_LEVEL: 'silent' }, stdio: 'ignore' });
  try {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status === 200, () => false);
      if (ok) return performance.now() - t0;
      if (performance.now() - t0 > 30_000) throw new Error('server did not become healthy in 30 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    child.kill();
  }
}
