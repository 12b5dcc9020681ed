// One configuration of ajv for the whole product: JSON Schema 2020-12, strict mode on,
// formats, and the questionnaire annotation keywords registered with their own
// meta-schemas so that a misspelt annotation is an error, not silently ignored.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { SchemaLibrary } from './schemas-dir.js';

export type Ajv = InstanceType<typeof Ajv2020>;

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => void;

export const ANNOTATION_KEYWORDS = {
  'x-questionnaire': 'questionnaire',
  'x-article': 'article',
  'x-provision': 'provision',
} as const;



export function createAjv(library: SchemaLibrary, opts: { allErrors?: boolean } = {}): Ajv {
  const ajv = new Ajv2020({
    strict: true,
    // `required` naming a property declared elsewhere (e.g. in the sibling `properties` of an
    // if/then) is ordinary JSON Schema; questionnaires from outside use it.
    strictRequired: false,
    allErrors: opts.allErrors ?? true, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addSchema(library.annotations);
  const annotationsId = String(library.annotations.$id);
  for (const [keyword, def] of Object.entries(ANNOTATION_KEYWORDS)) {
    ajv.addKeyword({ keyword, metaSchema: { $ref: `${annotationsId}#/$defs/${def}` } });
  }
  return ajv;
}
