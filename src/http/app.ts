// The app factory: builds an express app from explicit dependencies. Nothing else in the
// product imports http/.
import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import { errorHandler, notFoundHandler } from './problems.js';
import { RouteTable } from './route-table.js';
import { buildOpenApi } from './openapi.js';
import { healthRoutes } from './api/health.js';
import { questionnaireRoutes } from './api/questionnaires.js';
import { partyRoutes } from './api/parties.js';
import type { AppDeps } from './deps.js';

export interface App {
  app: Express;
  routes: RouteTable;
}

export function createApp(deps: AppDeps): App {
  const app = express();
  const routes = new RouteTable();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(pinoHttp({ logger: deps.logger, customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info') }));
  app.use(express.json({ limit: deps.config.bodyLimit, type: ['application/json', 'application/*+json'] }));
  app.use(express.urlencoded({ extended: false, limit: deps.config.bodyLimit, parameterLimit: 20_000 }));

  app.use(healthRoutes(deps, routes));
  app.use(questionnaireRoutes(deps, routes));
  app.use(partyRoutes(deps, routes));

  const openApiRouter = express.Router();
  routes.add(
    openApiRouter,
    { method: 'get', path: '/api/openapi.json', summary: 'This OpenAPI 3.1 document', kind: 'api', audience: 'public', responses: { 200: { mediaType: 'application/json', description: 'OpenAPI document' } } },
    (_req, res) => {
      res.json(buildOpenApi(routes.specs, '0.1.0'));
    },
  );
  app.use(openApiRouter);

  app.use(notFoundHandler);
  app.use(errorHandler({ development: deps.config.env === 'development' }));
  return { app, routes };
}
