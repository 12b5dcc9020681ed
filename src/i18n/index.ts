// i18n: UI messages in the six UN languages, as data files (locales/<lang>.json and
// locales/<lang>/*.json, merged). English is complete by definition; a key missing in
// another language falls back to English, and coverage() reports how many are missing.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type Lang = (typeof LANGUAGES)[number];

export const LANGUAGE_NAMES: Record<Lang, string> = { ar: 'العربية', zh: '中文', en: 'English', fr: 'Français', ru: 'Русский', es: 'Español' };

const LOCALES_DIR = join(dirname(fileURLToPath(import.meta.url)), 'locales');

export type Messages = Record<string, string>;
export type Translate = (key: string, params?: Record<string, string | number>) => string;

function loadLang(lang: Lang, dir = LOCALES_DIR): Messages {
  const out: Messages = {};
  const file = join(dir, `${lang}.json`);
  if (existsSync(file)) Object.assign(out, JSON.parse(readFileSync(file, 'utf8')));
  const sub = join(dir, lang);
  if (existsSync(sub) && statSync(sub).isDirectory()) {
    for (const f of readdirSync(sub).filter((n) => n.endsWith('.json')).sort()) Object.assign(out, JSON.parse(readFileSync(join(sub, f), 'utf8')));
  }
  return out;
}

const catalogs = new Map<Lang, Messages>();
function catalog(lang: Lang): Messages {
  let c = catalogs.get(lang);
  if (!c) catalogs.set(lang, (c = loadLang(lang)));
  return c;
}

export function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);
}

export function dir(lang: Lang): 'rtl' | 'ltr' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

function interpolate(text: string, params?: Record<string, string | number>): string {
  return params ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : text;
}

export function translator(lang: Lang): Translate {
  const own = catalog(lang);
  const en = catalog('en');
  return (key, params) => interpolate(own[key] ?? en[key] ?? key, params);
}

/** Picks the language: explicit choice, then the user's preference, then Accept-Language. */
export function negotiate(choice: unknown, preferred: unknown, acceptLanguage: string | undefined): Lang {
  if (isLang(choice)) return choice;
  if (isLang(preferred)) return preferred;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().slice(0, 2).toLowerCase();
    if (isLang(tag)) return tag;
  }
  return 'en';
}

export interface Coverage {
  lang: Lang;
  total: number;
  translated: number;
  missing: string[];
}

export function coverage(): Coverage[] {
  const en = Object.keys(catalog('en'));
  return LANGUAGES.map((lang) => {
    const own = catalog(lang);
    const missing = en.filter((k) => !(k in own));
    return { lang, total: en.length, translated: en.length - missing.length, missing };
  });
}

/** Every UI message key (the English catalogue is complete by definition). */
export function messageKeys(): string[] {
  return Object.keys(catalog('en'));
}
