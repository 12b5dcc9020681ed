// Questionnaire label translations: data files questionnaires/i18n/<lang>.json (and
// <lang>/*.json) mapping an
// English label (title, hint, option) to its translation. Keyed by the English text so
// that a label shared by many questions (the answer blocks) is translated once; a label
// without a translation falls back to English on its own.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { QUESTIONNAIRES_DIR } from '../questionnaire/index.js';
import { LANGUAGES, type Lang } from './index.js';

const cache = new Map<Lang, Record<string, string>>();

export function labelTable(lang: Lang, dir = join(QUESTIONNAIRES_DIR, 'i18n')): Record<string, string> {
  let table = cache.get(lang);
  if (!table) {
    // <lang>.json (the answer blocks and cluster I) and <lang>/*.json (one file per further
    // questionnaire), merged.
    table = {};
    if (lang !== 'en') {
      const file = join(dir, `${lang}.json`);
      if (existsSync(file)) Object.assign(table, JSON.parse(readFileSync(file, 'utf8')));
      const sub = join(dir, lang);
      if (existsSync(sub) && statSync(sub).isDirectory()) {
        for (const f of readdirSync(sub).filter((n) => n.endsWith('.json')).sort()) Object.assign(table, JSON.parse(readFileSync(join(sub, f), 'utf8')));
      }
    }
    cache.set(lang, table);
  }
  return table;
}

export function labelTranslator(lang: Lang): (english: string) => string {
  const table = labelTable(lang);
  return (english) => table[english] ?? english;
}

export interface LabelCoverage {
  lang: Lang;
  total: number;
  translated: number;
}

/** How many of the given English labels each language translates. */
export function labelCoverage(labels: Iterable<string>): LabelCoverage[] {
  const unique = [...new Set(labels)];
  return LANGUAGES.map((lang) => {
    const table = labelTable(lang);
    return { lang, total: unique.length, translated: lang === 'en' ? unique.length : unique.filter((l) => l in table).length };
  });
}
