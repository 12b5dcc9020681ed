// Stores questionnaire versions. A stored version is immutable: the same key and version
// with different content is refused, so a change needs a new version. A questionnaire
// without an explicit version (a plain JSON Schema brought by the secretariat) gets the
// next version number whenever its content hash changes.
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { tables } from '../db/index.js';
import type { CompiledQuestionnaire, QuestionnaireProblem } from './check.js';
import { formatProblems } from './load.js';

export interface StoredQuestionnaire extends CompiledQuestionnaire {
  id: number;
}

export class QuestionnaireVersionError extends Error {
  constructor(readonly problems: QuestionnaireProblem[]) {
    super(formatProblems(problems));
  }
}

export function storeVersions(db: Db, compiled: CompiledQuestionnaire[]): StoredQuestionnaire[] {
  const { questionnaireVersions: qv } = tables;
  const problems: QuestionnaireProblem[] = [];
  const stored = db.transaction(
    (tx) =>
      compiled.map((q): StoredQuestionnaire => {
        const sameHash = tx.select().from(qv).where(eq(qv.hash, q.hash)).get();
        if (sameHash) {
          if (sameHash.key === q.key && (!q.explicitVersion || sameHash.version === q.version)) {
            return { ...q, version: sameHash.version, id: sameHash.id };
          }
        }
        let version = q.version;
        if (q.explicitVersion) {
          const existing = tx.select().from(qv).where(and(eq(qv.key, q.key), eq(qv.version, q.version))).get();
          if (existing) {
            problems.push({
              file: q.key,
              pointer: '/x-questionnaire/version',
              problem: `version ${q.version} of "${q.key}" is already stored with different content; give the changed questionnaire a new version`,
            });
            return { ...q, id: existing.id };
          }
        } else {
          const latest = tx.select().from(qv).where(eq(qv.key, q.key)).orderBy(desc(qv.version)).get();
          version = (latest?.version ?? 0) + 1;
        }
        const row = tx
          .insert(qv)
          .values({ key: q.key, version, cluster: q.cluster, title: q.title, hash: q.hash, content: q.schema })
          .returning({ id: qv.id })
          .get();
        return { ...q, version, id: row.id };
      }),
    { behavior: 'immediate' },
  );
  if (problems.length) throw new QuestionnaireVersionError(problems);
  return stored;
}
