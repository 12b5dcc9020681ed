// Prepares a schema for json-schema-to-typescript, which names a type after its `title`,
// makes a new type for every `$ref` that has sibling keywords, and ignores if/then/else.
// - siblings of `$ref` (question titles, x-provision) are dropped, so one `ProvisionAnswer`
//   type is shared by every question;
// - properties declared only inside a conditional branch are hoisted into the parent as
//   optional properties, so the closed types still admit every valid answer;
// - pages are named after their key rather than their long title.
type Node = Record<string, unknown>;

function isObject(v: unknown): v is Node {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function branchProperties(node: Node): Node {
  const found: Node = {};
  const collect = (n: unknown) => {
    if (!isObject(n)) return;
    for (const key of ['then', 'else']) {
      const b = n[key];
      if (isObject(b) && isObject(b.properties)) Object.assign(found, b.properties);
    }
    if (isObject(n.dependentSchemas)) for (const d of Object.values(n.dependentSchemas)) if (isObject(d) && isObject(d.properties)) Object.assign(found, d.properties);
    if (Array.isArray(n.allOf)) n.allOf.forEach(collect);
  };
  collect(node);
  return found;
}

function transform(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(transform);
  if (!isObject(node)) return node;
  if (typeof node.$ref === 'string') return { $ref: node.$ref };
  const out: Node = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'if' || k === 'then' || k === 'else' || k === 'dependentSchemas' || k.startsWith('x-')) continue;
    if (k === 'allOf' && Array.isArray(v) && v.every((s) => isObject(s) && ('if' in s || 'then' in s))) continue;
    out[k] = transform(v);
  }
  const hoisted = branchProperties(node);
  if (Object.keys(hoisted).length) {
    const props = { ...((out.properties as Node | undefined) ?? {}) };
    for (const [k, v] of Object.entries(hoisted)) if (!(k in props)) props[k] = transform(v);
    out.properties = props;
  }
  if (out.unevaluatedProperties === false) {
    delete out.unevaluatedProperties;
    out.additionalProperties = false;
  }
  return out;
}

export function forTypes(schema: Node): Node {
  const copy = transform(schema) as Node;
  const pages = copy.properties;
  if (isObject(pages)) {
    for (const [key, page] of Object.entries(pages)) {
      if (isObject(page) && !('$ref' in page)) {
        if (typeof page.title === 'string') page.description = page.title;
        page.title = `${key} page`;
      }
    }
  }
  return copy;
}
