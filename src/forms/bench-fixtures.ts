// TypeScript ports of ../shared/bench/gen-questionnaire.mjs and gen-response.mjs, so the
// benchmark runs from a plain clone (the product never needs ../shared). A test checks
// that they print the same documents as the originals when ../shared is there.
import type { JsonSchema } from './types.js';

export function generateBenchQuestionnaire(articles = 40, perArticle = 6): JsonSchema {
  const properties: Record<string, unknown> = {};
  for (let a = 1; a <= articles; a++) {
    const qs: Record<string, unknown> = {};
    for (let q = 1; q <= perArticle; q++) {
      qs[`q${q}`] = {
        type: 'object',
        title: `Article ${a}, paragraph ${q}: has your State adopted legislative or other measures required by this provision?`,
        properties: {
          status: { type: 'string', title: 'Status of implementation', enum: ['yes', 'yes_in_part', 'no'] },
          explanation: { type: 'string', title: 'Please explain', maxLength: 20000 },
          citations: {
            type: 'array', title: 'Applicable legislation',
            items: { type: 'object', properties: { title: { type: 'string', title: 'Title of law' }, article: { type: 'string', title: 'Article' }, url: { type: 'string', format: 'uri', title: 'Link' } }, required: ['title'] },
          },
          examples: { type: 'array', title: 'Examples of implementation', items: { type: 'string', maxLength: 5000 } },
        },
        required: ['status'],
        if: { properties: { status: { enum: ['yes_in_part', 'no'] } }, required: ['status'] },
        then: { required: ['status', 'explanation'] },
      };
    }
    qs.technicalAssistance = {
      type: 'object', title: 'Technical assistance needs',
      properties: {
        needed: { type: 'boolean', title: 'Does your State require technical assistance to implement this article?' },
        kinds: { type: 'array', title: 'Forms of assistance', uniqueItems: true, items: { type: 'string', enum: ['legislative drafting', 'model legislation', 'capacity building', 'institution building', 'policy advice', 'other'] } },
      },
    };
    properties[`article${a}`] = { type: 'object', title: `Article ${a}`, properties: qs, required: Object.keys(qs).filter((k) => k !== 'technicalAssistance') };
  }
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'Synthetic cluster questionnaire', type: 'object', properties };
}

export function generateBenchResponse(schema: JsonSchema, seedValue = 1): Record<string, unknown> {
  let seed = seedValue;
  const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const text = (n: number): string => Array.from({ length: n }, () => pick(['the', 'law', 'offence', 'penal', 'code', 'article', 'court', 'proceeds', 'group', 'criminal', 'shall', 'measures'])).join(' ');
  const data: Record<string, unknown> = {};
  for (const [ak, art] of Object.entries(schema.properties as Record<string, JsonSchema>)) {
    const a: Record<string, unknown> = (data[ak] = {});
    for (const qk of Object.keys(art.properties as Record<string, unknown>)) {
      if (qk === 'technicalAssistance') {
        a[qk] = { needed: rnd() < 0.4, kinds: rnd() < 0.4 ? ['capacity building'] : [] };
        continue;
      }
      const status = pick(['yes', 'yes', 'yes_in_part', 'no']);
      const answer: Record<string, unknown> = { status, citations: [{ title: `Penal Code ${1990 + Math.floor(rnd() * 30)}`, article: String(1 + Math.floor(rnd() * 400)), url: 'https://example.org/law' }, { title: 'Act on Organized Crime', article: '12' }], examples: [text(40)] };
      if (status !== 'yes') answer.explanation = text(80);
      a[qk] = answer;
    }
  }
  return data;
}
