// What a browser would post for a page this module rendered: the successful controls of
// our own markup (inputs, checked radios and boxes, selected options, textareas), in
// document order, skipping disabled fieldsets and buttons. For tests and the benchmark;
// it reads only the markup the renderers write, not arbitrary HTML.
import type { FormBody } from './types.js';

const TAG = /<(input|textarea|select|option|\/select|fieldset|\/fieldset|button)\b([^>]*)>/g;
const ATTR = /([a-zA-Z-]+)(?:="([^"]*)"|='([^']*)')?/g;

function decode(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);
}

function attributes(src: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of src.matchAll(ATTR)) out.set(m[1]!, decode(m[2] ?? m[3] ?? ''));
  return out;
}

export function formBodyFromHtml(markup: string): FormBody {
  const body: FormBody = {};
  const add = (name: string, value: string): void => {
    const prev = body[name];
    body[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  };
  let disabledDepth = 0;
  const fieldsets: boolean[] = [];
  let select: string | undefined;
  let selectValue: string | undefined;
  for (const m of markup.matchAll(TAG)) {
    const tag = m[1]!;
    const a = attributes(m[2]!);
    if (tag === 'fieldset') {
      const disabled = a.has('disabled');
      fieldsets.push(disabled);
      if (disabled) disabledDepth++;
      continue;
    }
    if (tag === '/fieldset') {
      if (fieldsets.pop()) disabledDepth--;
      continue;
    }
    if (disabledDepth > 0 || a.has('disabled')) continue;
    const name = a.get('name');
    if (tag === 'input' && name !== undefined) {
      const type = a.get('type') ?? 'text';
      if ((type === 'radio' || type === 'checkbox') && !a.has('checked')) continue;
      add(name, a.get('value') ?? (type === 'checkbox' || type === 'radio' ? 'on' : ''));
    } else if (tag === 'textarea' && name !== undefined) {
      const start = m.index! + m[0].length;
      const end = markup.indexOf('</textarea>', start);
      let text = decode(markup.slice(start, end));
      if (text.startsWith('\n')) text = text.slice(1);
      add(name, text);
    } else if (tag === 'select') {
      select = name;
      selectValue = '';
    } else if (tag === 'option' && select !== undefined) {
      if (a.has('selected')) selectValue = a.get('value') ?? '';
    } else if (tag === '/select' && select !== undefined) {
      add(select, selectValue ?? '');
      select = undefined;
    }
  }
  return body;
}
