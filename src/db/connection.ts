// Opens the SQLite file, sets and asserts the pragmas the product relies on, and applies
// the committed migrations. better-sqlite3 is synchronous: a transaction runs to its end
// before any other request's code can run, so concurrent requests cannot interleave inside it.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), '../../db/migrations');

export interface OpenOptions {
  /** A file path, or ':memory:' for throw-away databases in tests. */
  path: string;
  busyTimeoutMs?: number;
}

export function openDatabase({ path, busyTimeoutMs = 5000 }: OpenOptions): Db {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${Math.floor(busyTimeoutMs)}`);
  assertPragmas(sqlite, path === ':memory:');
  return drizzle(sqlite, { schema }) as Db;
}

/** Refuses to run on a connection that silently ignored a pragma (e.g. a read-only file). */
export function assertPragmas(sqlite: Database.Database, inMemory: boolean): void {
  const problems: string[] = [];
  const journal = sqlite.pragma('journal_mode', { simple: true });
  // An in-memory database cannot use WAL; SQLite reports "memory" for it.
  if (journal !== (inMemory ? 'memory' : 'wal')) problems.push(`journal_mode is ${String(journal)}, expected wal`);
  if (sqlite.pragma('synchronous', { simple: true }) !== 2) problems.push('synchronous is not FULL');
  if (sqlite.pragma('foreign_keys', { simple: true }) !== 1) problems.push('foreign_keys is not ON');
  if (Number(sqlite.pragma('busy_timeout', { simple: true })) <= 0) problems.push('busy_timeout is not set');
  if (problems.length) throw new Error(`SQLite connection is not configured safely: ${problems.join('; ')}`);
}

export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}

export function closeDatabase(db: Db): void {
  db.$client.close();
}

export { schema };
