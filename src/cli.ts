// `npm run cli -- <command>`: the operators' commands.
import { loadConfig } from './config/index.js';
import { checkFiles, formatProblems } from './questionnaire/index.js';
import { prepareDatabase } from './server/bootstrap.js';
import { seedReference } from './seed/reference.js';
import { boot } from './server/bootstrap.js';
import { seedDemo } from './seed/demo.js';
import { computeDraw } from './reviews/draws.js';
import { tables } from './db/index.js';
import { and, eq } from 'drizzle-orm';
import { pino } from 'pino';
import { coverage } from './i18n/index.js';
import { labelCoverage } from './i18n/labels.js';
import { FormPlans, planLabels } from './http/form-plans.js';
import { loadQuestionnaires } from './questionnaire/index.js';

type Command = (args: string[]) => Promise<number> | number;

const commands: Record<string, { summary: string; run: Command }> = {
  'questionnaires:check': {
    summary: 'questionnaires:check FILE...   check questionnaire files against the meta-schema and compile them',
    run: (files) => {
      if (!files.length) {
        console.error('Name at least one questionnaire file.');
        return 2;
      }
      const { questionnaires, problems } = checkFiles(files);
      for (const q of questionnaires) console.log(`ok  ${q.key} v${q.version}  ${q.pages.length} pages`);
      if (problems.length) {
        console.error(`${problems.length} problem(s):\n${formatProblems(problems)}`);
        return 1;
      }
      return 0;
    },
  },
  'db:migrate': {
    summary: 'db:migrate   create the database file if needed and apply migrations',
    run: () => {
      const config = loadConfig();
      prepareDatabase(config).$client.close();
      console.log(`migrated ${config.databasePath}`);
      return 0;
    },
  },
  seed: {
    summary: 'seed   load the reference data (idempotent)',
    run: () => {
      const config = loadConfig();
      const db = prepareDatabase(config);
      const { inserted } = seedReference(db);
      db.$client.close();
      console.log(`seeded ${config.databasePath}: ${inserted} new row(s)`);
      return 0;
    },
  },
  'i18n:coverage': {
    summary: 'i18n:coverage   translation coverage per language: UI messages and questionnaire labels',
    run: () => {
      const rows = coverage();
      console.log('UI messages');
      for (const c of rows) console.log(`  ${c.lang}  ${c.translated}/${c.total}${c.missing.length ? `  missing: ${c.missing.slice(0, 5).join(', ')}${c.missing.length > 5 ? ', …' : ''}` : ''}`);
      const plans = new FormPlans();
      for (const q of loadQuestionnaires()) {
        console.log(`\nQuestionnaire labels: ${q.key} v${q.version}`);
        for (const c of labelCoverage(planLabels(plans.get(q)))) console.log(`  ${c.lang}  ${c.translated}/${c.total}  (${Math.round((100 * c.translated) / Math.max(1, c.total))}%)`);
      }
      return 0;
    },
  },
  demo: {
    summary: 'demo [--json]   seed a launched phase 1 (cluster I, group 1) with its draw and one user per role',
    run: async (args) => {
      const config = loadConfig();
      const runtime = boot({ config, logger: pino({ level: 'silent' }) });
      const accounts = await seedDemo(runtime.db, runtime.questionnaires, new Date());
      runtime.db.$client.close();
      if (args.includes('--json')) {
        console.log(JSON.stringify(accounts.map(({ email, password, role, party }) => ({ email, password, role, party }))));
      } else {
        console.log(`Demo data in ${config.databasePath}. Start the server with \`npm start\` and sign in as:\n`);
        for (const a of accounts) console.log(`  ${a.email.padEnd(36)} ${a.password}   ${a.note}`);
      }
      return 0;
    },
  },
  'draw-lots': {
    summary: 'draw-lots --phase P --group G --seed S [--cap N] [--json]   draw reviewers for every State of a group (dry run, nothing stored)',
    run: (args) => {
      const opt = (name: string) => {
        const i = args.indexOf(`--${name}`);
        return i >= 0 ? args[i + 1] : undefined;
      };
      const sequence = Number(opt('phase'));
      const groupNo = Number(opt('group'));
      const seed = opt('seed');
      if (!Number.isInteger(sequence) || !Number.isInteger(groupNo) || !seed) {
        console.error('Usage: draw-lots --phase P --group G --seed S [--cap N] [--json]');
        return 2;
      }
      const config = loadConfig();
      const db = prepareDatabase(config);
      seedReference(db);
      const phase = db.select().from(tables.phases).where(and(eq(tables.phases.sequence, sequence), eq(tables.phases.groupNo, groupNo))).get();
      if (!phase) {
        console.error(`No phase ${sequence} for group ${groupNo}.`);
        return 1;
      }
      const cap = opt('cap');
      const t0 = performance.now();
      const { result } = computeDraw(db, { phaseId: phase.id, seed, rules: cap ? { maxReviewsPerReviewer: Number(cap) } : {} });
      const ms = performance.now() - t0;
      db.$client.close();
      const out = result.assignments.map((a) => ({ underReview: a.underReview, reviewers: a.reviewers.map((r) => ({ party: r.party, instruments: r.instruments })) }));
      if (args.includes('--json')) console.log(JSON.stringify(out));
      else {
        for (const a of result.assignments) console.log(`${a.underReview}: ${a.reviewers.map((r) => `${r.party} [${r.instruments.join(',')}] (${r.basis})`).join('; ')}`);
        console.log(`\n${out.length} States under review, seed "${seed}", drawn in ${ms.toFixed(1)} ms`);
      }
      return 0;
    },
  },
};

export function registerCommand(name: string, summary: string, run: Command): void {
  commands[name] = { summary, run };
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.error(`Usage: npm run cli -- <command>\n\n${Object.values(commands).map((c) => `  ${c.summary}`).join('\n')}`);
    return name ? 2 : 0;
  }
  return command.run(args);
}

process.exitCode = await main(process.argv.slice(2));
