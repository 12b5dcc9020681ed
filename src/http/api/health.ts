import { Router } from 'express';
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../deps.js';
import type { RouteTable } from '../route-table.js';
import type { Health } from '../../types/generated.js';

export function healthRoutes(deps: AppDeps, table: RouteTable): Router {
  const router = Router();
  table.add(
    router,
    {
      method: 'get',
      path: '/healthz',
      summary: 'Liveness and readiness: the database answers and the questionnaires are loaded',
      kind: 'api',
      audience: 'public',
      responses: { 200: { schema: 'health', description: 'Healthy' }, 503: { schema: 'health', description: 'Not ready' } },
    },
    (_req, res) => {
      let database = false;
      try {
        database = deps.db.get<{ ok: number }>(sql`SELECT 1 AS ok`)?.ok === 1;
      } catch {
        database = false;
      }
      const questionnaires = deps.questionnaires.current().length;
      const ok = database && questionnaires > 0;
      const body: Health = { status: ok ? 'ok' : 'unavailable', database, questionnaires };
      res.status(ok ? 200 : 503).json(body);
    },
  );
  return router;
}
