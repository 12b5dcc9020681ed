// Bundles a questionnaire with the answer blocks it uses into one self-contained schema:
// references to blocks become `#/$defs/<block>`. The bundle is what is hashed and stored,
// so a stored version stays the same even after a block file changes, and tools that
// would otherwise try to fetch `https://…` references (json-schema-to-typescript) need
// no network.
import type { JsonSchema, SchemaLibrary } from './schemas-dir.js';
import { blockDefName } from './schemas-dir.js';

export function bundleQuestionnaire(schema: JsonSchema, library: SchemaLibrary): JsonSchema {
  const used = new Map<string, JsonSchema>();
  const baseId = typeof schema.$id === 'string' ? schema.$id : undefined;

  const rewrite = (node: unknown, base: string | undefined): unknown => {
    if (Array.isArray(node)) return node.map((n) => rewrite(n, base));
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (k === '$ref' && typeof v === 'string') {
        const target = resolveUri(v, base);
        const block = target && library.blocks.get(target);
        if (block) {
          const name = blockDefName(target);
          if (!used.has(name)) {
            used.set(name, {}); // reserve first, blocks may refer to each other
            const { $id: _id, $schema: _s, ...body } = block;
            used.set(name, rewrite(body, target) as JsonSchema);
          }
          out[k] = `#/$defs/${name}`;
          continue;
        }
      }
      out[k] = rewrite(v, base);
    }
    return out;
  };

  const body = rewrite(schema, baseId) as JsonSchema;
  if (used.size === 0) return body;
  const existing = (body.$defs as Record<string, unknown> | undefined) ?? {};
  const defs: Record<string, unknown> = { ...existing };
  for (const [name, block] of used) {
    if (name in existing) throw new Error(`$defs/${name} is defined by the questionnaire and is also the name of an answer block`);
    defs[name] = block;
  }
  return { ...body, $defs: defs };
}

function resolveUri(ref: string, base: string | undefined): string | undefined {
  if (ref.startsWith('#')) return undefined;
  try {
    return new URL(ref, base).href;
  } catch {
    return undefined;
  }
}
