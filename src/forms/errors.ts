// Validation errors (ajv, allErrors) → one message per field, in the question's own words,
// keyed by the pointer of the field that shows it, in page order.
import { holds } from './condition.js';
import { escapeSegment, getAt, unescapeSegment } from './pointer.js';
import { variantIndex } from './renderers/variants.js';
import { decapitalize, isQuestionLike } from './text.js';
import type { FormNode, FormPlan, Translate, ValidationErrorLike } from './types.js';
import { compareOrder, locate } from './walk.js';

type Label = (english: string) => string;

interface Mapped {
  pointer: string;
  text: string;
  priority: number;
  order: number[];
}

const identity: Label = (s) => s;

/**
 * Maps ajv errors to field pointers: `required` lands on the missing field (a missing
 * group on its required questions), `if` wrappers and the per-option errors of a oneOf
 * list are dropped, errors inside a checkbox group or JSON box land on that control, and
 * for oneOf/anyOf of objects only the chosen variant's errors are kept (`data`, the
 * validated answers, tells which was chosen; without it "Select an option" stands alone).
 */
export function mapErrors(
  plan: FormPlan,
  ajvErrors: readonly ValidationErrorLike[] | null | undefined,
  t: Translate,
  label: Label = identity,
  data?: unknown,
): Map<string, string[]> {
  const errors = ajvErrors ?? [];
  const variantAt = new Map<string, { node: FormNode; chosen: number }>();
  for (const e of errors) {
    if (e.keyword !== 'oneOf' && e.keyword !== 'anyOf') continue;
    const loc = locate(plan, e.instancePath);
    if (loc.exact && loc.node.variants) {
      variantAt.set(e.instancePath, { node: loc.node, chosen: data === undefined ? -1 : variantIndex(loc.node, getAt(data, e.instancePath)) });
    }
  }

  const best = new Map<string, Mapped>();
  const add = (m: Mapped): void => {
    const prev = best.get(m.pointer);
    if (!prev || m.priority < prev.priority) best.set(m.pointer, m);
  };

  for (const e of errors) {
    if (e.keyword === 'if') continue;
    if (variantAt.size > 0 && !keptByVariants(e, variantAt, errors)) continue;
    for (const m of messagesFor(plan, e, t, label, data)) add(m);
  }

  const sorted = [...best.values()].sort((a, b) => compareOrder(a.order, b.order));
  return new Map(sorted.map((m) => [m.pointer, [withProvision(plan, m, t)]]));
}

/**
 * The answer blocks repeat the same field labels under every provision ("Status of
 * implementation"), so a message inside a provision question names the provision: the
 * error summary then says which of the many identical fields it means.
 */
function withProvision(plan: FormPlan, m: Mapped, t: Translate): string {
  const trail = locate(plan, m.pointer).trail;
  const question = [...trail].reverse().find((n) => n.provision);
  if (!question?.provision || trail[trail.length - 1] === question) return m.text;
  const p = question.provision;
  return t('form.error.inProvision', { ref: t('form.provision', { instrument: p.instrument, article: p.article, paragraph: p.paragraph }), message: m.text });
}

/**
 * Within a oneOf/anyOf of objects, keep what concerns the shared properties and the chosen
 * variant. With no variant chosen (or no data given) only "Select an option" stands.
 */
function keptByVariants(e: ValidationErrorLike, variantAt: Map<string, { node: FormNode; chosen: number }>, all: readonly ValidationErrorLike[]): boolean {
  for (const [at, { node, chosen }] of variantAt) {
    const inside = (x: ValidationErrorLike): boolean => x.instancePath === at || x.instancePath.startsWith(at + '/');
    const isSummary = (x: ValidationErrorLike): boolean => x.instancePath === at && (x.keyword === 'oneOf' || x.keyword === 'anyOf');
    if (!inside(e)) continue;
    if (isSummary(e)) {
      if (chosen < 0) return true;
      return !all.some((o) => o !== e && inside(o) && !isSummary(o) && keptByVariants(o, variantAt, all));
    }
    if (e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties') return false;
    const key = e.instancePath === at
      ? String(e.params.missingProperty ?? '')
      : unescapeSegment(e.instancePath.slice(at.length + 1).split('/')[0]!);
    if (key === '' || node.childByKey?.has(key)) return true;
    if (chosen < 0) return false;
    const variant = node.variants![chosen]!;
    return !!variant.node.childByKey?.has(key) && variant.discriminator?.key !== key;
  }
  return true;
}

function messagesFor(plan: FormPlan, e: ValidationErrorLike, t: Translate, label: Label, data: unknown): Mapped[] {
  if (e.keyword === 'required' || e.keyword === 'dependentRequired') {
    const missing = e.params.missingProperty;
    if (typeof missing !== 'string') return [];
    const target = locate(plan, e.instancePath + '/' + escapeSegment(missing));
    if (!target.exact) return [generic(plan, e, t, label)];
    const out: Mapped[] = [];
    for (const leaf of requiredLeaves(target.node, target.pointer)) {
      const loc = leaf.pointer === target.pointer ? target : locate(plan, leaf.pointer);
      out.push({ pointer: loc.pointer, text: requiredMessage(leaf.node, t, label), priority: 0, order: loc.order });
    }
    return out;
  }
  if (e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties') {
    const extra = e.params.additionalProperty ?? e.params.unevaluatedProperty;
    const loc = locate(plan, e.instancePath);
    const name = typeof extra === 'string' ? extra : '';
    const child = loc.exact ? loc.node.childByKey?.get(name) : undefined;
    // A question of the form counts as "unevaluated" when the branch declaring it failed for
    // another reason (reported on its own); it is out of place only when its branch is closed.
    if (child && (data === undefined || holds(child.condition, getAt(data, loc.pointer)))) return [];
    const pointer = child ? loc.pointer + '/' + child.seg : loc.pointer;
    const title = label(child?.title ?? name);
    return [{ pointer, text: t('form.error.unexpected', params(title)), priority: 3, order: child ? [...loc.order, loc.node.properties!.indexOf(child)] : loc.order }];
  }
  return [generic(plan, e, t, label)];
}

function generic(plan: FormPlan, e: ValidationErrorLike, t: Translate, label: Label): Mapped {
  const loc = locate(plan, e.instancePath);
  const node = loc.node;
  const deeper = !loc.exact;
  return { pointer: loc.pointer, text: keywordMessage(node, e, deeper, t, label), priority: priorityOf(e.keyword), order: loc.order };
}

function priorityOf(keyword: string): number {
  if (keyword === 'required' || keyword === 'dependentRequired') return 0;
  if (keyword === 'type') return 1;
  if (keyword === 'format' || keyword === 'enum' || keyword === 'const' || keyword === 'oneOf' || keyword === 'anyOf' || keyword === 'pattern') return 2;
  return 3;
}

type Control = 'choice' | 'boolean' | 'checkboxes' | 'rows' | 'object' | 'json' | 'number' | 'text';

function controlOf(node: FormNode): Control {
  if (node.renderer.name === 'json' || node.unsupported !== undefined) return 'json';
  if (node.renderer.name === 'checkboxes') return 'checkboxes';
  if (node.kind === 'boolean' && !node.options) return 'boolean';
  if (node.options) return 'choice';
  if (node.kind === 'array') return 'rows';
  if (node.kind === 'object') return 'object';
  if (node.kind === 'number' || node.kind === 'integer') return 'number';
  return 'text';
}

function params(title: string, extra: Record<string, string | number> = {}): Record<string, string | number> {
  return { label: title, labelLower: decapitalize(title), ...extra };
}

function requiredMessage(node: FormNode, t: Translate, label: Label): string {
  const title = label(node.title);
  const question = isQuestionLike(node.title);
  switch (controlOf(node)) {
    case 'boolean':
      return t(question ? 'form.error.selectYesNo' : 'form.error.select', params(title));
    case 'choice':
      return t(question ? 'form.error.selectAnswer' : 'form.error.select', params(title));
    case 'checkboxes':
      return t('form.error.choicesMinOne', params(title));
    case 'rows':
      return t('form.error.itemsMinOne', params(title));
    case 'object':
      return t('form.error.section', params(title));
    default:
      return t(question ? 'form.error.enterAnswer' : 'form.error.enter', params(title));
  }
}

/** A missing group is reported on the questions inside it that must be answered. */
function requiredLeaves(node: FormNode, pointer: string): { node: FormNode; pointer: string }[] {
  if (node.renderer.leaf || node.kind !== 'object' || !node.properties) return [{ node, pointer }];
  const out: { node: FormNode; pointer: string }[] = [];
  for (const c of node.properties) {
    if (c.required && !c.condition && !c.readOnly) out.push(...requiredLeaves(c, pointer + '/' + c.seg));
  }
  return out.length > 0 ? out : [{ node, pointer }];
}

function keywordMessage(node: FormNode, e: ValidationErrorLike, deeper: boolean, t: Translate, label: Label): string {
  const title = label(node.title);
  const control = controlOf(node);
  const limit = typeof e.params.limit === 'number' ? e.params.limit : Number(e.params.limit ?? 0);
  if (deeper) {
    if (control === 'checkboxes') return t('form.error.select', params(title));
    if (control === 'json') return t('form.error.jsonDetail', params(title, { detail: `${e.instancePath} ${e.message ?? e.keyword}`.trim() }));
  }
  switch (e.keyword) {
    case 'type':
      if (control === 'json') return t('form.error.json', params(title));
      if (control === 'number') return t(node.kind === 'integer' ? 'form.error.integer' : 'form.error.number', params(title));
      if (control === 'boolean' || control === 'choice') return requiredMessage(node, t, label);
      return t('form.error.invalid', params(title));
    case 'format': {
      const format = String(e.params.format ?? node.format ?? '');
      if (format === 'uri' || format === 'iri' || format === 'uri-reference' || format === 'url') return t('form.error.format.uri', params(title));
      if (format === 'email' || format === 'idn-email') return t('form.error.format.email', params(title));
      if (format === 'date') return t('form.error.format.date', params(title));
      return t('form.error.format', params(title));
    }
    case 'maxLength':
      return t('form.error.maxLength', params(title, { limit }));
    case 'minLength':
      return limit <= 1 ? requiredMessage(node, t, label) : t('form.error.minLength', params(title, { limit }));
    case 'minimum':
      return t('form.error.minimum', params(title, { limit }));
    case 'maximum':
      return t('form.error.maximum', params(title, { limit }));
    case 'exclusiveMinimum':
      return t('form.error.exclusiveMinimum', params(title, { limit }));
    case 'exclusiveMaximum':
      return t('form.error.exclusiveMaximum', params(title, { limit }));
    case 'multipleOf':
      return t('form.error.multipleOf', params(title, { limit: Number(e.params.multipleOf ?? 0) }));
    case 'minItems':
      if (control === 'checkboxes') return t(limit <= 1 ? 'form.error.choicesMinOne' : 'form.error.choicesMin', params(title, { limit }));
      return t(limit <= 1 ? 'form.error.itemsMinOne' : 'form.error.itemsMin', params(title, { limit }));
    case 'maxItems':
      return t(control === 'checkboxes' ? 'form.error.choicesMax' : 'form.error.itemsMax', params(title, { limit }));
    case 'uniqueItems':
      return t('form.error.unique', params(title));
    case 'pattern':
      return t('form.error.pattern', params(title));
    case 'enum':
    case 'const':
      return control === 'choice' || control === 'boolean' || control === 'checkboxes' ? requiredMessage(node, t, label) : t('form.error.invalid', params(title));
    case 'oneOf':
    case 'anyOf':
      if (node.variants) return t('form.error.variant', params(title));
      if (control === 'choice' || control === 'boolean') return requiredMessage(node, t, label);
      return t('form.error.invalid', params(title));
    default:
      if (control === 'json') return t('form.error.jsonDetail', params(title, { detail: e.message ?? e.keyword }));
      return t('form.error.invalid', params(title));
  }
}

