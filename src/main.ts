// `npm start`: boots on the SQLite file (created, migrated and seeded on first start) and
// serves HTTP. Problems with configuration or questionnaires stop it with a readable list.
import { loadConfig, ConfigError } from './config/index.js';
import { QuestionnaireLoadError, QuestionnaireVersionError } from './questionnaire/index.js';
import { boot } from './server/bootstrap.js';
import { ensureSecretariatAccount } from './auth/index.js';

const started = performance.now();
try {
  const config = loadConfig();
  const runtime = boot({ config });
  const first = await ensureSecretariatAccount(runtime.db, new Date());
  if (first) {
    // Printed once, on the first start only: the secretariat signs in and invites everyone else.
    console.log(`\nFirst start: a secretariat account was created.\n  email:    ${first.email}\n  password: ${first.password}\nIt is shown only this once.\n`);
  }
  const server = runtime.app.listen(config.port, config.host, () => {
    runtime.logger.info(
      { url: `http://localhost:${config.port}`, database: config.databasePath, startupMs: Math.round(performance.now() - started), timings: runtime.timings },
      'UNTOC review engine listening',
    );
  });
  const stop = () => {
    server.close(() => {
      runtime.db.$client.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  if (e instanceof ConfigError || e instanceof QuestionnaireLoadError || e instanceof QuestionnaireVersionError) {
    console.error(`Cannot start.\n${e.message}`);
    process.exit(1);
  }
  throw e;
}
