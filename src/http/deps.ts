import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import type { Db } from '../db/index.js';
import type { Clock } from '../lib/clock.js';
import type { QuestionnaireRegistry } from '../questionnaire/index.js';

/** Everything the HTTP layer needs, passed in explicitly (no module singletons). */
export interface AppDeps {
  config: Config;
  db: Db;
  clock: Clock;
  logger: Logger;
  questionnaires: QuestionnaireRegistry;
}
