// Reads schemas/: the meta-schema, the annotation keywords and the reusable answer blocks.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SCHEMAS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../schemas');
export const QUESTIONNAIRES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../questionnaires');

export type JsonSchema = Record<string, unknown>;

export interface SchemaLibrary {
  meta: JsonSchema;
  annotations: JsonSchema;
  /** Answer blocks by their `$id`. */
  blocks: Map<string, JsonSchema>;
}

function readJson(path: string): JsonSchema {
  return JSON.parse(readFileSync(path, 'utf8')) as JsonSchema;
}

export function loadSchemaLibrary(dir = SCHEMAS_DIR): SchemaLibrary {
  const blocks = new Map<string, JsonSchema>();
  for (const name of readdirSync(join(dir, 'blocks')).filter((f) => f.endsWith('.json')).sort()) {
    const block = readJson(join(dir, 'blocks', name));
    blocks.set(String(block.$id), block);
  }
  return { meta: readJson(join(dir, 'questionnaire.meta.json')), annotations: readJson(join(dir, 'annotations.json')), blocks };
}

/** The $defs name a block takes when bundled into a questionnaire: its file name. */
export function blockDefName(blockId: string): string {
  return blockId.slice(blockId.lastIndexOf('/') + 1).replace(/\.json$/, '');
}
