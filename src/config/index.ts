// Configuration is read from the environment once, at boot, and checked as a whole so that
// a mistake is reported with every other one rather than one crash at a time.
export interface Config {
  port: number;
  host: string;
  databasePath: string;
  env: 'development' | 'production' | 'test';
  logLevel: string;
  /** Public origin, used in invitation links. */
  baseUrl: string;
  /** Largest accepted request body, bytes. */
  bodyLimit: number;
  /** Folder of questionnaire files loaded at start. */
  questionnairesDir?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return n;
  };
  const nodeEnv = env.NODE_ENV ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnv)) problems.push(`NODE_ENV must be development, production or test (got "${nodeEnv}")`);
  const port = int('PORT', 3000, 0, 65535);
  const logLevel = env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info');
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) problems.push(`LOG_LEVEL "${logLevel}" is not a pino level`);
  const host = env.HOST ?? '127.0.0.1';
  const baseUrl = env.PUBLIC_URL ?? `http://localhost:${port}`;
  try {
    new URL(baseUrl);
  } catch {
    problems.push(`PUBLIC_URL must be an absolute URL (got "${baseUrl}")`);
  }
  const bodyLimit = int('BODY_LIMIT_BYTES', 2_000_000, 10_000, 100_000_000);
  if (problems.length) throw new ConfigError(problems);
  return {
    port,
    host,
    databasePath: env.DATABASE_PATH ?? 'data/untoc-review.sqlite',
    env: nodeEnv as Config['env'],
    logLevel,
    baseUrl,
    bodyLimit,
    ...(env.QUESTIONNAIRES_DIR ? { questionnairesDir: env.QUESTIONNAIRES_DIR } : {}),
  };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ NODE_ENV: 'test' }), databasePath: ':memory:', ...overrides };
}
