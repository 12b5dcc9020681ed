// The ranked tester + renderer registry (after jsonforms): every renderer says how well it
// fits a plan node and the highest rank wins. A new kind of question is one file under
// renderers/ and one entry here, never another branch in a switch.
import { arrayOfObjectsRenderer } from './renderers/array-objects.js';
import { arrayOfScalarsRenderer } from './renderers/array-scalars.js';
import { booleanRenderer } from './renderers/boolean.js';
import { checkboxesRenderer } from './renderers/checkboxes.js';
import { fieldsetRenderer } from './renderers/fieldset.js';
import { formattedInputRenderer } from './renderers/formatted-input.js';
import { jsonRenderer } from './renderers/json.js';
import { numberRenderer } from './renderers/number.js';
import { radiosRenderer } from './renderers/radios.js';
import { readOnlyRenderer } from './renderers/read-only.js';
import { selectRenderer } from './renderers/select.js';
import { textInputRenderer } from './renderers/text-input.js';
import { textareaRenderer } from './renderers/textarea.js';
import { variantsRenderer } from './renderers/variants.js';
import type { FormNode, Renderer } from './types.js';

export class RendererRegistry {
  constructor(readonly entries: readonly Renderer[]) {}

  /** The best renderer for a node; ties go to the earlier entry; the JSON textarea if none applies. */
  select(node: FormNode): Renderer {
    let best: Renderer = jsonRenderer;
    let bestRank = -1;
    for (const r of this.entries) {
      const rank = r.tester(node);
      if (rank > bestRank) {
        best = r;
        bestRank = rank;
      }
    }
    return best;
  }

  /** A registry with one more entry (e.g. a custom control for a new kind of question). */
  with(entry: Renderer): RendererRegistry {
    return new RendererRegistry([...this.entries, entry]);
  }
}

export function createRegistry(entries: readonly Renderer[]): RendererRegistry {
  return new RendererRegistry(entries);
}

export const defaultRenderers: readonly Renderer[] = [
  readOnlyRenderer, // 2000 when readOnly
  jsonRenderer, // 1000 when unsupported or recursive, else 0
  radiosRenderer, // 10: ≤ 5 options
  selectRenderer, // 10: > 5 options
  checkboxesRenderer, // 10: array of options
  variantsRenderer, // 8: oneOf/anyOf of objects
  booleanRenderer, // 5
  numberRenderer, // 5
  arrayOfObjectsRenderer, // 5
  arrayOfScalarsRenderer, // 5
  formattedInputRenderer, // 3: format uri | email | date
  textareaRenderer, // 2: maxLength > 200 or none
  textInputRenderer, // 1
  fieldsetRenderer, // 1: object with properties
];

export const defaultRegistry = createRegistry(defaultRenderers);
