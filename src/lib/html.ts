// Escaping HTML template tag. Every interpolated value is escaped unless it is
// already a SafeHtml (produced by this tag or by the explicit, rare `raw()` opt-in).
// Arrays are joined, null/undefined/false render as nothing, so templates can use
// `cond && html\`...\`` and `items.map(...)` directly.

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Explicit opt-in for markup that is already trusted (never user input). */
export function raw(trusted: string): SafeHtml {
  return new SafeHtml(trusted);
}

/** Renders attribute pairs, dropping false/undefined ones; `true` gives a bare attribute. */
export function attrs(pairs: Record<string, string | number | boolean | undefined | null>): SafeHtml {
  let out = '';
  for (const [k, v] of Object.entries(pairs)) {
    if (v === undefined || v === null || v === false) continue;
    out += v === true ? ` ${k}` : ` ${k}="${escapeHtml(String(v))}"`;
  }
  return new SafeHtml(out);
}
