// oneOf/anyOf of objects: a radio choice of variant, then the chosen variant's questions.
// Every variant is rendered, the others hidden and disabled (a disabled fieldset submits
// nothing, so variants that share a property name cannot clash); the browser script
// reveals and enables the one picked. The choice travels as `_variant:<pointer>`.
import { html } from '../../lib/html.js';
import { evaluate } from '../condition.js';
import { field, legend, parseProperties, readString, renderProperties } from '../markup.js';
import { isPlainObject } from '../pointer.js';
import type { ChoiceOption, FormNode, Renderer, RenderContext } from '../types.js';

export const VARIANT_PREFIX = '_variant:';

/**
 * Which variant some data is: the one whose discriminator matches, else the first whose
 * schema holds, else (a variant half answered) the one sharing most answered properties.
 */
export function variantIndex(node: FormNode, value: unknown): number {
  const variants = node.variants ?? [];
  if (!isPlainObject(value)) return -1;
  for (let i = 0; i < variants.length; i++) {
    const d = variants[i]!.discriminator;
    if (d && Object.prototype.hasOwnProperty.call(value, d.key) && value[d.key] === d.value) return i;
  }
  for (let i = 0; i < variants.length; i++) if (evaluate(variants[i]!.match, value)) return i;
  let best = -1;
  let bestCount = 0;
  for (let i = 0; i < variants.length; i++) {
    let count = 0;
    for (const p of variants[i]!.node.properties ?? []) if (Object.prototype.hasOwnProperty.call(value, p.key) && !node.childByKey?.has(p.key)) count++;
    if (count > bestCount) {
      best = i;
      bestCount = count;
    }
  }
  return best;
}

function variantOptions(ctx: RenderContext, node: FormNode): ChoiceOption[] {
  return (node.variants ?? []).map((v, i) => ({
    value: i,
    key: String(i),
    label: v.title !== undefined ? ctx.label(v.title) : ctx.t('form.variant.option', { n: i + 1 }),
  }));
}

function variantChildren(node: FormNode, i: number): FormNode[] {
  const v = node.variants![i]!;
  return (v.node.properties ?? []).filter((p) => p.key !== v.discriminator?.key);
}

export const variantsRenderer: Renderer = {
  name: 'variants',
  leaf: false,
  tester: (node) => (node.kind === 'object' && node.variants !== undefined && node.variants.length > 0 ? 8 : -1),
  render(ctx, node, value, pointer) {
    const f = field(ctx, node, pointer);
    const chosen = variantIndex(node, value);
    const name = VARIANT_PREFIX + pointer;
    const radios = variantOptions(ctx, node).map((o, i) => {
      const id = i === 0 ? f.id : `${f.id}--${i + 1}`;
      return html`<div><input id="${id}" name="${name}" type="radio" value="${o.key}"${i === chosen ? html` checked` : html``}${f.invalidAttr}><label for="${id}">${o.label}</label></div>`;
    });
    const panels = (node.variants ?? []).map((_, i) => {
      const cond = JSON.stringify({ field: name, const: String(i) });
      const shown = i === chosen;
      return html`<div class="conditional" data-condition='${cond}'${shown ? html`` : html` hidden`}><fieldset class="conditional__group"${shown ? html`` : html` disabled`}>${renderProperties(ctx, node, value, pointer, variantChildren(node, i))}</fieldset></div>`;
    });
    return html`<fieldset class="${f.groupClass}"${f.describedBy}>${legend(ctx, node, true)}${f.hint}${f.error}${renderProperties(ctx, node, value, pointer)}<div class="radios">${radios}</div>${panels}</fieldset>`;
  },
  parse(node, body, pointer) {
    const base = parseProperties(node, body, pointer);
    const picked = Number(readString(body, VARIANT_PREFIX + pointer));
    const v = Number.isInteger(picked) ? node.variants?.[picked] : undefined;
    if (!v) return base;
    const own = parseProperties(node, body, pointer, variantChildren(node, picked));
    const out: Record<string, unknown> = { ...base, ...own };
    if (v.discriminator) out[v.discriminator.key] = v.discriminator.value;
    return Object.keys(out).length > 0 ? out : undefined;
  },
};
