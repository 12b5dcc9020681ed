// A fresh runtime per test file: its own in-memory database, migrated and seeded, with the
// real questionnaires. Compiled questionnaires are reused within a worker (they are
// immutable), since compiling them is the slow part of a boot.
import { pino } from 'pino';
import { testConfig, type Config } from '../../src/config/index.js';
import { fixedClock } from '../../src/lib/clock.js';
import { boot, type Runtime } from '../../src/server/bootstrap.js';
import { loadQuestionnaires, type CompiledQuestionnaire } from '../../src/questionnaire/index.js';

let compiled: CompiledQuestionnaire[] | undefined;

export function createTestRuntime(overrides: Partial<Config> = {}, now = '2026-11-29T09:00:00Z'): Runtime & { clock: ReturnType<typeof fixedClock> } {
  const clock = fixedClock(now);
  compiled ??= loadQuestionnaires();
  const runtime = boot({ config: testConfig(overrides), clock, logger: pino({ level: 'silent' }), compiled });
  return { ...runtime, clock };
}
