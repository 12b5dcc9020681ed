// The shapes shared by the plan, the renderers and the parsers.
import type { SafeHtml } from '../lib/html.js';

export type JsonSchema = { [keyword: string]: unknown };

/** An urlencoded form post as express gives it with `extended: false`. */
export type FormBody = Record<string, string | string[] | undefined>;

/** UI message lookup: a key of `src/i18n/locales/*.json` and its `{name}` parameters. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

export interface RenderContext {
  /** The whole response document (pointers in names and errors are absolute). */
  data: unknown;
  /** Messages per JSON pointer, as produced by `mapErrors`. */
  errors: Map<string, string[]>;
  t: Translate;
  /** Translates questionnaire text (titles, hints, option labels); identity by default. */
  label: (english: string) => string;
}

export interface ProvisionAnnotation {
  instrument: string;
  article: number;
  paragraph: string;
  obligation: 'mandatory' | 'shall_consider' | 'optional';
}

export interface ArticleAnnotation {
  instrument: string;
  article: number;
}

export interface ChoiceOption {
  value: unknown;
  /** `String(value)`: what the control submits. */
  key: string;
  label: string;
  description?: string;
}

/**
 * The subset of conditions the browser script understands. `field` is an absolute input
 * name. A `const`/`enum` test passes when the field has no value (JSON Schema `properties`
 * semantics); `present` is what `required` adds.
 */
export type ClientCondition =
  | { field: string; const: unknown }
  | { field: string; enum: unknown[] }
  | { field: string; present: true }
  | { not: ClientCondition }
  | { allOf: ClientCondition[] }
  | { anyOf: ClientCondition[] };

/** Same as ClientCondition but with field paths relative to the object holding the condition. */
export type RelativeClientCondition =
  | { path: string[]; const: unknown }
  | { path: string[]; enum: unknown[] }
  | { path: string[]; present: true }
  | { not: RelativeClientCondition }
  | { allOf: RelativeClientCondition[] }
  | { anyOf: RelativeClientCondition[] };

export interface Condition {
  /** A JSON Schema (refs inlined) evaluated against the object that holds the property. */
  schema: JsonSchema | boolean;
  /** What the browser script can evaluate, or null when the condition is outside its subset. */
  client: RelativeClientCondition | null;
  /** Sibling keys the condition reads. */
  fields: string[];
}

export type NodeKind = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'any';

export interface Variant {
  title?: string;
  /** An object node holding the variant's own properties. */
  node: FormNode;
  /** A property whose `const` identifies the variant; set on parse, never shown as a control. */
  discriminator?: { key: string; value: unknown };
  /** The variant's schema (refs inlined), to recognise which variant some data is. */
  match: JsonSchema | boolean;
}

export interface FormNode {
  /** Property name; '' for the root and for array items. */
  key: string;
  /** `key` escaped as a JSON pointer segment. */
  seg: string;
  /** Pointer template from the root, `*` standing for array indexes (for messages and debugging). */
  path: string;
  /** Depth below the root: pages are 1. */
  depth: number;
  kind: NodeKind;
  title: string;
  description?: string;
  required: boolean;
  /** Required only while this condition holds (an if/then or dependent branch requires it). */
  requiredWhen?: Condition;
  /** Present only while this condition holds (defined inside a then/else/dependent branch). */
  condition?: Condition;
  /** Hints that differ per branch, for properties several branches define. */
  descriptionWhen?: { condition: Condition; text: string }[];
  readOnly: boolean;
  default?: unknown;
  provision?: ProvisionAnnotation;
  article?: ArticleAnnotation;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  options?: ChoiceOption[];
  properties?: FormNode[];
  childByKey?: Map<string, FormNode>;
  items?: FormNode;
  variants?: Variant[];
  /** Why no control fits: the node falls back to a JSON textarea. */
  unsupported?: string;
  recursive?: boolean;
  /** The node's own merged keywords, for custom testers. */
  schema: JsonSchema;
  renderer: Renderer;
}

export interface FormPage {
  key: string;
  pointer: string;
  title: string;
  annotation?: ArticleAnnotation;
  node: FormNode;
}

export interface FormPlan {
  root: FormNode;
  pages: FormPage[];
  pageByKey: Map<string, FormPage>;
  /** Controls in the questionnaire, counting an array's item template once. */
  fieldCount: number;
  title?: string;
  description?: string;
}

export interface Renderer {
  name: string;
  /** Rank for a node; -1 = not applicable. The highest rank wins. */
  tester: (node: FormNode) => number;
  render(ctx: RenderContext, node: FormNode, value: unknown, pointer: string): SafeHtml;
  /** Reads the node's value back from a post; undefined = absent. */
  parse(node: FormNode, body: FormBody, pointer: string): unknown;
  /** How the answer reads on "check your answers"; a generic display is used when absent. */
  display?(ctx: RenderContext, node: FormNode, value: unknown, pointer: string): SafeHtml;
  /** A leaf owns one control for its whole value (errors below it are shown on it). */
  leaf: boolean;
}

/** The parts of an ajv ErrorObject the mapping reads (an ErrorObject[] is accepted as is). */
export interface ValidationErrorLike {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message?: string;
}
