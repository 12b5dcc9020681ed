import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  // Paths are relative to the project root, where npm runs the command.
  schema: './src/db/schema.ts',
  out: './db/migrations',
});
