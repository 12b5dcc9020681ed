import { describe, expect, it } from 'vitest';
import { openDatabase, migrateDatabase } from '../../src/db/index.js';
import { seedReference } from '../../src/seed/reference.js';
import { PARTIES } from '../../src/reference/index.js';

function seeded() {
  const db = openDatabase({ path: ':memory:' });
  migrateDatabase(db);
  const first = seedReference(db);
  return { db, first };
}

const count = (db: ReturnType<typeof seeded>['db'], table: string) => (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('reference seed', () => {
  it('loads every party with names in the six UN languages', () => {
    const { db } = seeded();
    expect(count(db, 'parties')).toBe(PARTIES.length);
    expect(count(db, 'party_names')).toBe(PARTIES.length * 6);
  });

  it('is idempotent', () => {
    const { db, first } = seeded();
    expect(first.inserted).toBeGreaterThan(0);
    expect(seedReference(db).inserted).toBe(0);
  });

  it('loads the four instruments with all their articles, the clusters and twelve phases', () => {
    const { db } = seeded();
    expect(count(db, 'instruments')).toBe(4);
    expect(count(db, 'instrument_articles')).toBe(41 + 20 + 25 + 21);
    expect(count(db, 'clusters')).toBe(4);
    expect(count(db, 'phases')).toBe(12);
    const phase2 = db.$client.prepare('SELECT DISTINCT cluster FROM phases WHERE sequence = 2').all() as { cluster: string }[];
    expect(phase2).toEqual([{ cluster: 'IV' }]);
  });

  it('splits the parties into three review groups of 62, 63 and the rest', () => {
    const { db } = seeded();
    const groups = db.$client.prepare('SELECT group_no AS g, count(*) AS n FROM review_groups GROUP BY group_no ORDER BY g').all();
    expect(groups).toEqual([
      { g: 1, n: 62 },
      { g: 2, n: 63 },
      { g: 3, n: PARTIES.length - 125 },
    ]);
  });
});
