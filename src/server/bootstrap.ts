// The composition root: opens and migrates the database, seeds reference data, loads and
// stores the questionnaires, and builds the app. Used by `npm start`, the CLI and tests.
import { pino, type Logger } from 'pino';
import type { Config } from '../config/index.js';
import { openDatabase, migrateDatabase, type Db } from '../db/index.js';
import { systemClock, type Clock } from '../lib/clock.js';
import {
  createChecker,
  createRegistry,
  loadQuestionnaires,
  loadSchemaLibrary,
  storeVersions,
  QUESTIONNAIRES_DIR,
  type QuestionnaireRegistry,
  type CompiledQuestionnaire,
} from '../questionnaire/index.js';
import { seedReference } from '../seed/reference.js';
import { createApp, type App } from '../http/app.js';

export interface Runtime extends App {
  db: Db;
  questionnaires: QuestionnaireRegistry;
  logger: Logger;
  timings: Record<string, number>;
}

export interface BootOptions {
  config: Config;
  clock?: Clock;
  logger?: Logger;
  questionnairesDir?: string;
  db?: Db;
  /** Already compiled questionnaires (tests reuse them: they are immutable). */
  compiled?: CompiledQuestionnaire[];
}

export function prepareDatabase(config: Config): Db {
  const db = openDatabase({ path: config.databasePath });
  migrateDatabase(db);
  return db;
}

export function boot({ config, clock = systemClock, logger, questionnairesDir = config.questionnairesDir ?? QUESTIONNAIRES_DIR, db: given, compiled: precompiled }: BootOptions): Runtime {
  const log = logger ?? pino({ level: config.logLevel });
  const timings: Record<string, number> = {};
  const time = <T>(name: string, f: () => T): T => {
    const t0 = performance.now();
    const r = f();
    timings[name] = Math.round(performance.now() - t0);
    return r;
  };
  // Questionnaires first: a broken one must stop start-up before anything is written.
  // One checker serves the start-up load and later compiles of older stored versions.
  const checker = createChecker(loadSchemaLibrary());
  const compiled = precompiled ?? time('questionnaires', () => loadQuestionnaires(questionnairesDir, checker));
  const db = given ?? time('database', () => prepareDatabase(config));
  time('seed', () => seedReference(db));
  const stored = time('versions', () => storeVersions(db, compiled));
  const questionnaires = createRegistry(db, checker, stored);
  const app = createApp({ config, db, clock, logger: log, questionnaires });
  return { ...app, db, questionnaires, logger: log, timings };
}
