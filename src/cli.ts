// `npm run cli -- <command>`: the operators' commands.
import { loadConfig } from './config/index.js';
import { checkFiles, formatProblems } from './questionnaire/index.js';
import { prepareDatabase } from './server/bootstrap.js';
import { seedReference } from './seed/reference.js';

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
