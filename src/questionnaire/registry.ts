// A read-only registry of the compiled questionnaire versions the server serves. Versions
// no longer in questionnaires/ (still used by older reviews) are compiled from the
// database on first use.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { tables } from '../db/index.js';
import type { Checker } from './check.js';
import type { JsonSchema } from './schemas-dir.js';
import type { StoredQuestionnaire } from './versions.js';

export interface QuestionnaireRegistry {
  /** The current versions, one per questionnaire key, in file order. */
  current(): StoredQuestionnaire[];
  byId(id: number): StoredQuestionnaire | undefined;
  /** `key` (current version) or `key@version`. */
  find(ref: string): StoredQuestionnaire | undefined;
  currentForCluster(cluster: string): StoredQuestionnaire | undefined;
}

export function createRegistry(db: Db, checker: Checker, current: StoredQuestionnaire[]): QuestionnaireRegistry {
  const byId = new Map<number, StoredQuestionnaire>(current.map((q) => [q.id, q]));
  const load = (id: number): StoredQuestionnaire | undefined => {
    const hit = byId.get(id);
    if (hit) return hit;
    const row = db.select().from(tables.questionnaireVersions).where(eq(tables.questionnaireVersions.id, id)).get();
    if (!row) return undefined;
    const compiled = { ...checker.compileBundled(row.content as JsonSchema, row.key, row.version), id: row.id };
    byId.set(id, compiled);
    return compiled;
  };
  return {
    current: () => current,
    byId: load,
    find(ref) {
      const [key, version] = ref.split('@');
      if (version === undefined) return current.find((q) => q.key === key);
      if (!/^\d+$/.test(version)) return undefined;
      const qv = tables.questionnaireVersions;
      const row = db.select({ id: qv.id }).from(qv).where(and(eq(qv.key, key ?? ''), eq(qv.version, Number(version)))).get();
      return row ? load(row.id) : undefined;
    },
    currentForCluster: (cluster) => current.find((q) => q.cluster === cluster),
  };
}
