// questionnaire: loading questionnaires/, checking them against schemas/, bundling the
// answer blocks in, compiled validators, stored immutable versions, and a read-only
// registry. Imports lib and db (for the version store) only.
export * from './check.js';
export * from './load.js';
export * from './registry.js';
export * from './versions.js';
export * from './hash.js';
export * from './bundle.js';
export { createAjv } from './ajv.js';
export { loadSchemaLibrary, SCHEMAS_DIR, QUESTIONNAIRES_DIR, type JsonSchema, type SchemaLibrary } from './schemas-dir.js';
export { forTypes } from './types-schema.js';
