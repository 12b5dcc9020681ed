// A complete, valid response to a bundled cluster questionnaire, built from its structure.
type Node = Record<string, unknown>;

function answerFor(q: Node): unknown {
  const ref = typeof q.$ref === 'string' ? q.$ref : '';
  if (ref.endsWith('/provision-answer')) return { status: 'yes', citations: [{ title: 'Penal Code', article: '1' }] };
  if (ref.endsWith('/notification')) return { made: false };
  if (ref.endsWith('/technical-assistance')) return { needed: false };
  if (ref.endsWith('/challenges')) return undefined;
  if (q.type === 'array') return [];
  return undefined;
}

export function completeResponse(schema: Node, pages?: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, page] of Object.entries(schema.properties as Record<string, Node>)) {
    if (pages && !pages.includes(key)) continue;
    const answers: Record<string, unknown> = {};
    for (const [qk, q] of Object.entries(page.properties as Record<string, Node>)) {
      const a = answerFor(q);
      if (a !== undefined) answers[qk] = a;
    }
    out[key] = answers;
  }
  return out;
}
