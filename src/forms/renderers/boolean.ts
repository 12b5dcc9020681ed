// Booleans: Yes/No radios, side by side.
import type { ChoiceOption, Renderer, RenderContext } from '../types.js';
import { radioGroup } from './choice.js';

function yesNo(ctx: RenderContext): ChoiceOption[] {
  return [
    { value: true, key: 'true', label: ctx.t('form.yes') },
    { value: false, key: 'false', label: ctx.t('form.no') },
  ];
}

export const booleanRenderer: Renderer = {
  name: 'boolean',
  leaf: true,
  tester: (node) => (node.kind === 'boolean' && !node.options ? 5 : -1),
  render: (ctx, node, value, pointer) =>
    radioGroup(ctx, node, pointer, { name: pointer, options: yesNo(ctx), selected: typeof value === 'boolean' ? String(value) : undefined, inline: true }, false),
  parse(_node, body, pointer) {
    const v = body[pointer];
    const s = Array.isArray(v) ? v[0] : v;
    if (s === undefined || s.trim() === '') return undefined;
    if (s === 'true') return true;
    if (s === 'false') return false;
    return s;
  },
};
