// The real answer blocks of schemas/blocks and the questionnaires of questionnaires/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fieldId, mapErrors, parsePage, prune, renderPage, type FormNode, type JsonSchema } from '../../src/forms/index.js';
import { formBodyFromHtml } from '../../src/forms/simulate.js';
import { BLOCK, blocks, ctxOf, onePage, planOf, QUESTIONNAIRES, t, validator } from './helpers.js';

const samples: Record<string, unknown> = {
  'provision-answer': { status: 'yes', citations: [{ title: 'Penal Code', article: '5', url: 'https://sherloc.unodc.org/x' }], examples: ['A case'], statistics: [{ year: 2020, investigated: 4, prosecuted: 2, convicted: 1 }] },
  'legislation-citation': { title: 'Penal Code', url: 'https://example.org' },
  'case-statistics': { year: 2021, convicted: 3 },
  challenges: { kinds: ['limited_resources', 'other'], description: 'Few staff' },
  'competent-authority': { name: 'Central Authority', email: 'ca@example.org', phone: '+1 555' },
  notification: { made: true, date: '2019-05-01', reference: 'C.N.123.2019' },
  'technical-assistance': { needed: true, kinds: ['legal_advice'], details: 'Drafting help' },
};

describe('answer blocks', () => {
  it('has a sample for every block', () => {
    expect(Object.keys(samples).sort()).toEqual([...blocks.keys()].map((id) => id.replace(/^.*\/(.*)\.json$/, '$1')).sort());
  });

  for (const [name, sample] of Object.entries(samples)) {
    describe(name, () => {
      const schema = onePage({ q: { $ref: BLOCK(name), title: 'Question' } }, ['q']);
      const plan = planOf(schema);
      const data = { p: { q: sample } };

      it('renders every field with a control', () => {
        const out = renderPage(plan, 'p', ctxOf(data)).value;
        expect(out).not.toContain('class="code"');
        for (const leaf of leaves(plan.pages[0]!.node)) expect(out, leaf.path).toContain(`name="${leaf.path.replace(/\*/g, '0')}"`);
      });

      it('reads back its sample from the rendered page', () => {
        const body = formBodyFromHtml(renderPage(plan, 'p', ctxOf(data)).value);
        expect(prune(plan, { p: parsePage(plan, 'p', body as Record<string, string>) })).toEqual(data);
      });

      it('validates the sample without errors', () => {
        expect(validator(schema)(data)).toEqual([]);
      });
    });
  }
});

/** Leaf controls of a node (templates for rows), with their pointer paths. */
function leaves(node: FormNode): FormNode[] {
  if (node.renderer.leaf) return node.readOnly ? [] : [node];
  const out: FormNode[] = [];
  for (const c of node.properties ?? []) out.push(...leaves(c));
  if (node.items) out.push(...leaves(node.items));
  return out;
}

const questionnaireFiles = existsSync(QUESTIONNAIRES) ? readdirSync(QUESTIONNAIRES).filter((f) => f.endsWith('.json')) : [];

describe.skipIf(questionnaireFiles.length === 0)('questionnaires', () => {
  for (const file of questionnaireFiles) {
    describe(file, () => {
      const schema = JSON.parse(readFileSync(QUESTIONNAIRES + file, 'utf8')) as JsonSchema;
      const plan = planOf(schema);

      it('needs no JSON fallback', () => {
        const fallbacks = plan.pages.flatMap((p) => jsonNodes(p.node)).map((n) => `${n.path}: ${n.unsupported}`);
        expect(fallbacks).toEqual([]);
      });

      it('gives every error of an empty response an anchor on its page', () => {
        const data = {};
        const errors = mapErrors(plan, validator(schema)(data), t, (s) => s, data);
        expect(errors.size).toBeGreaterThan(0);
        for (const page of plan.pages) {
          const out = renderPage(plan, page.key, ctxOf(data, errors)).value;
          for (const pointer of errors.keys()) if (pointer.startsWith(page.pointer + '/')) expect(out, pointer).toContain(`id="${fieldId(pointer)}"`);
        }
      });
    });
  }
});

function jsonNodes(node: FormNode): FormNode[] {
  if (node.renderer.name === 'json') return [node];
  return [...(node.properties ?? []).flatMap(jsonNodes), ...(node.items ? jsonNodes(node.items) : [])];
}
