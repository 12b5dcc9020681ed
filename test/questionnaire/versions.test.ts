import { describe, expect, it } from 'vitest';
import { openDatabase, migrateDatabase } from '../../src/db/index.js';
import { checkFiles, questionnaireFiles, storeVersions, QuestionnaireVersionError, type CompiledQuestionnaire } from '../../src/questionnaire/index.js';

const [cluster1] = checkFiles([questionnaireFiles()[0]!]).questionnaires as [CompiledQuestionnaire];

function freshDb() {
  const db = openDatabase({ path: ':memory:' });
  migrateDatabase(db);
  return db;
}

describe('questionnaire versions', () => {
  it('stores a version once, however often it is loaded', () => {
    const db = freshDb();
    const a = storeVersions(db, [cluster1]);
    const b = storeVersions(db, [cluster1]);
    expect(a[0]!.id).toBe(b[0]!.id);
  });

  it('refuses changed content under the same explicit version', () => {
    const db = freshDb();
    storeVersions(db, [cluster1]);
    const changed = { ...cluster1, hash: 'different', schema: { ...cluster1.schema, title: 'Changed' } };
    expect(() => storeVersions(db, [changed])).toThrow(QuestionnaireVersionError);
  });

  it('accepts the changed content under a new version', () => {
    const db = freshDb();
    storeVersions(db, [cluster1]);
    const [v2] = storeVersions(db, [{ ...cluster1, version: 2, hash: 'v2', schema: { ...cluster1.schema, title: 'Changed' } }]);
    expect(v2!.version).toBe(2);
  });

  it('numbers versions by content hash when the questionnaire has no explicit version', () => {
    const db = freshDb();
    const plain = { ...cluster1, key: 'custom', explicitVersion: false, version: 0 };
    expect(storeVersions(db, [plain])[0]!.version).toBe(1);
    expect(storeVersions(db, [plain])[0]!.version).toBe(1);
    expect(storeVersions(db, [{ ...plain, hash: 'other' }])[0]!.version).toBe(2);
  });
});
