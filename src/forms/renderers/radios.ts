// A few options (≤ 5): radios, all visible at once.
import type { Renderer } from '../types.js';
import { parseChoice, radioGroup, selectedKey } from './choice.js';

export const MAX_RADIOS = 5;

export const radiosRenderer: Renderer = {
  name: 'radios',
  leaf: true,
  tester: (node) => (node.kind !== 'array' && node.kind !== 'object' && node.options && node.options.length <= MAX_RADIOS ? 10 : -1),
  render: (ctx, node, value, pointer) => radioGroup(ctx, node, pointer, { name: pointer, options: node.options ?? [], selected: selectedKey(value) }),
  parse: parseChoice,
};
