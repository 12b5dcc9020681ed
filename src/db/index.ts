// db: the drizzle schema, the connection with its pragmas, and migrations. No domain logic;
// imports nothing of the domain.
export * from './connection.js';
export * as tables from './schema.js';
