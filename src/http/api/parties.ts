import { Router } from 'express';
import { asc } from 'drizzle-orm';
import { tables } from '../../db/index.js';
import { badRequest } from '../../lib/errors.js';
import { UN_LANGUAGES } from '../../reference/index.js';
import type { AppDeps } from '../deps.js';
import { currentParticipation } from '../../parties/index.js';
import type { Party } from '../../types/generated.js';
import type { RouteTable } from '../route-table.js';

export function partyRoutes(deps: AppDeps, table: RouteTable): Router {
  const router = Router();
  table.add(
    router,
    {
      method: 'get',
      path: '/api/parties',
      summary: 'The parties to the Convention, with regional group, names in the six UN languages and current participation in each instrument',
      kind: 'api',
      audience: 'public',
      responses: { 200: { schema: 'party-list', description: 'All parties' }, 400: { schema: 'error', description: 'Bad filter' } },
    },
    (req, res) => {
      const instrument = req.query.instrument;
      if (instrument !== undefined && !['UNTOC', 'TIP', 'SOM', 'FA'].includes(String(instrument))) {
        throw badRequest('instrument must be one of UNTOC, TIP, SOM, FA.', { instrument });
      }
      const { db } = deps;
      const names = new Map<string, Record<string, string>>();
      for (const n of db.select().from(tables.partyNames).all()) {
        const entry = names.get(n.party) ?? {};
        entry[n.lang] = n.name;
        names.set(n.party, entry);
      }
      const participation = currentParticipation(db);
      const items = db
        .select()
        .from(tables.parties)
        .orderBy(asc(tables.parties.iso3))
        .all()
        .map((p): Party => {
          const instruments = (participation.get(p.iso3) ?? []).map((x) => ({ code: x.instrument, since: x.since }));
          return { iso3: p.iso3, iso2: p.iso2, regionalGroup: p.regionalGroup, unMember: p.unMember, kind: p.kind, names: pick(names.get(p.iso3) ?? {}) as Party['names'], instruments: instruments as Party['instruments'] };
        })
        .filter((p) => instrument === undefined || p.instruments.some((i) => i.code === instrument));
      res.json({ items });
    },
  );
  return router;
}

function pick(names: Record<string, string>): Record<string, string> {
  return Object.fromEntries(UN_LANGUAGES.map((l) => [l, names[l] ?? names.en ?? '']));
}
