import { Router } from 'express';
import { compile } from 'json-schema-to-typescript';
import { notFound } from '../../lib/errors.js';
import { forTypes, type StoredQuestionnaire } from '../../questionnaire/index.js';
import type { AppDeps } from '../deps.js';
import type { QuestionnaireSummary } from '../../types/generated.js';
import type { RouteTable } from '../route-table.js';

/** What leaves the server about a questionnaire version: no compiled code, no internals. */
export function presentQuestionnaire(q: StoredQuestionnaire): QuestionnaireSummary {
  return {
    id: q.key,
    version: q.version,
    versionId: q.id,
    cluster: q.cluster as QuestionnaireSummary['cluster'],
    title: q.title,
    hash: q.hash,
    instruments: q.instruments,
    pages: q.pages,
  };
}

export function questionnaireRoutes(deps: AppDeps, table: RouteTable): Router {
  const router = Router();
  const typesCache = new Map<number, Promise<string>>();
  const find = (ref: string) => {
    const q = deps.questionnaires.find(ref);
    if (!q) throw notFound(`Questionnaire "${ref}"`);
    return q;
  };

  table.add(
    router,
    {
      method: 'get',
      path: '/api/questionnaires',
      summary: 'List the current questionnaire versions',
      kind: 'api',
      audience: 'public',
      responses: { 200: { schema: 'questionnaire-list', description: 'The current version of each questionnaire' } },
    },
    (_req, res) => {
      res.json({ items: deps.questionnaires.current().map(presentQuestionnaire) });
    },
  );

  table.add(
    router,
    {
      method: 'get',
      path: '/api/questionnaires/:id',
      summary: 'The JSON Schema of one questionnaire version (`key` or `key@version`)',
      kind: 'api',
      audience: 'public',
      responses: { 200: { mediaType: 'application/schema+json', description: 'The bundled JSON Schema 2020-12 document' }, 404: { schema: 'error', description: 'Unknown questionnaire' } },
    },
    (req, res) => {
      const q = find(String(req.params.id));
      res.setHeader('ETag', `"${q.hash}"`);
      res.type('application/schema+json').send(JSON.stringify(q.schema));
    },
  );

  table.add(
    router,
    {
      method: 'get',
      path: '/api/questionnaires/:id/types.d.ts',
      summary: 'TypeScript types of the answers to one questionnaire version',
      kind: 'api',
      audience: 'public',
      responses: { 200: { mediaType: 'text/plain', description: 'TypeScript declarations' }, 404: { schema: 'error', description: 'Unknown questionnaire' } },
    },
    async (req, res) => {
      const q = find(String(req.params.id));
      let types = typesCache.get(q.id);
      if (!types) {
        types = compile(forTypes(q.schema) as never, `${q.key}-v${q.version}-response`, {
          bannerComment: `/* Answers to questionnaire ${q.key}, version ${q.version} (sha256 ${q.hash}). Generated from its JSON Schema. */`,
          additionalProperties: false,
          strictIndexSignatures: true,
          format: false,
        });
        typesCache.set(q.id, types);
        types.catch(() => typesCache.delete(q.id));
      }
      res.type('text/plain').setHeader('Content-Disposition', `inline; filename="${q.key}-v${q.version}.d.ts"`);
      res.send(await types);
    },
  );
  return router;
}

