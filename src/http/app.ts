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
import { sessionRoutes } from './api/session.js';
import { reviewRoutes } from './api/reviews.js';
import { secretariatRoutes } from './api/secretariat.js';
import { authPages } from './pages/auth.js';
import { homePages } from './pages/home.js';
import { reviewPages } from './pages/review.js';
import { userPages } from './pages/users.js';
import { auditPages } from './pages/audit.js';
import { phasePages } from './pages/phases.js';
import { renderErrorPage } from './pages/error.js';
import { questionnairePages } from './pages/questionnaire.js';
import { responseRoutes } from './api/responses.js';
import { FormPlans } from './form-plans.js';
import { clientIp, requestContext } from './context.js';
import { record } from '../audit/index.js';
import { LoginThrottle } from '../auth/index.js';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { fileURLToPath } from 'node:url';
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
  app.use(
    pinoHttp({
      logger: deps.logger,
      // Session cookies, CSRF tokens and answers never reach the logs.
      redact: { paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.headers.authorization', 'res.headers["set-cookie"]'], censor: '[redacted]' },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    }),
  );
  app.use(
    helmet({
      // No inline script or style anywhere: everything comes from /static.
      contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], formAction: ["'self'"], frameAncestors: ["'none'"], objectSrc: ["'none'"], baseUri: ["'none'"], upgradeInsecureRequests: deps.config.env === 'production' ? [] : null } },
      strictTransportSecurity: deps.config.env === 'production',
      referrerPolicy: { policy: 'same-origin' },
    }),
  );
  app.use('/static/forms', express.static(fileURLToPath(new URL('../forms/client', import.meta.url)), { index: false }));
  app.use('/static', express.static(fileURLToPath(new URL('./static', import.meta.url)), { maxAge: deps.config.env === 'production' ? '1d' : 0, index: false }));
  app.use(cookieParser());
  // Before the body parsers, so that even a malformed body gets an error page in the user's language.
  app.use(requestContext(deps));
  app.use(express.json({ limit: deps.config.bodyLimit, type: ['application/json', 'application/*+json'] }));
  app.use(express.urlencoded({ extended: false, limit: deps.config.bodyLimit, parameterLimit: 20_000 }));

  const throttle = new LoginThrottle(() => deps.clock.now().getTime());

  app.use(healthRoutes(deps, routes));
  app.use(sessionRoutes(deps, routes, throttle));
  app.use(reviewRoutes(deps, routes));
  app.use(secretariatRoutes(deps, routes));
  app.use(authPages(deps, routes, throttle));
  app.use(homePages(deps, routes));
  app.use(reviewPages(deps, routes));
  app.use(userPages(deps, routes));
  app.use(auditPages(deps, routes));
  app.use(phasePages(deps, routes));
  const plans = new FormPlans();
  app.use(responseRoutes(deps, routes, plans));
  app.use(questionnairePages(deps, routes, plans));
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
  app.use(
    errorHandler({
      development: deps.config.env === 'development',
      renderPage: renderErrorPage,
      onProblem: (problem, req) => {
        // Every refusal of a signed-in user is audited (403s; 404s would mostly be typos).
        if (problem.status === 403 && req.actor) {
          record(deps.db, { at: deps.clock.now().toISOString(), actorUserId: req.actor.userId, action: 'access.denied', targetType: 'route', targetId: req.path, ip: clientIp(req), details: { method: req.method, code: problem.code } });
        }
      },
    }),
  );
  return { app, routes };
}
