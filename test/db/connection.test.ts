import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, migrateDatabase, closeDatabase } from '../../src/db/index.js';

describe('database connection', () => {
  it('opens a file in WAL mode with synchronous=FULL, foreign keys and a busy timeout', () => {
    const db = openDatabase({ path: join(mkdtempSync(join(tmpdir(), 'db-')), 'nested', 'x.sqlite') });
    const c = db.$client;
    expect(c.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(c.pragma('synchronous', { simple: true })).toBe(2);
    expect(c.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(c.pragma('busy_timeout', { simple: true })).toBe(5000);
    closeDatabase(db);
  });

  it('applies the committed migrations, and applying them again is a no-op', () => {
    const db = openDatabase({ path: ':memory:' });
    migrateDatabase(db);
    migrateDatabase(db);
    const tables = db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    const names = tables.map((t) => t.name);
    for (const t of ['parties', 'party_instruments', 'phases', 'questionnaire_versions', 'reviews', 'reviewer_assignments', 'users', 'memberships', 'response_revisions', 'comments', 'audit_events']) {
      expect(names).toContain(t);
    }
  });

  it('enforces foreign keys', () => {
    const db = openDatabase({ path: ':memory:' });
    migrateDatabase(db);
    expect(() => db.$client.prepare("INSERT INTO party_names (party, lang, name) VALUES ('ZZZ', 'en', 'Nowhere')").run()).toThrow(/FOREIGN KEY/);
  });
});
