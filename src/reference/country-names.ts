/**
 * Names of parties in the six official UN languages, from the `i18n-iso-countries` package.
 *
 * English comes from our own table (`nameEn`, the UN short form), so the English name is the one
 * the secretariat controls; the other five come from the package, falling back to `nameEn` where
 * it has no entry. The European Union has no ISO 3166-1 country code, so its names are written
 * out here.
 */
import { createRequire } from 'node:module';
import countries, { type LocaleData } from 'i18n-iso-countries';
import type { PartyRecord } from './parties.js';

export const UN_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type UnLanguage = (typeof UN_LANGUAGES)[number];

// The package ships its locales as JSON files without an `exports` map; registering them
// explicitly keeps us independent of which entry point (node or browser) a bundler resolves.
const require = createRequire(import.meta.url);
for (const lang of UN_LANGUAGES) {
  countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`) as LocaleData);
}

/** Names for parties that have no ISO 3166-1 entry in the package. Keyed by our iso3. */
const HAND_WRITTEN: Readonly<Record<string, Record<UnLanguage, string>>> = {
  EUU: {
    ar: 'الاتحاد الأوروبي',
    zh: '欧洲联盟',
    en: 'European Union',
    fr: 'Union européenne',
    ru: 'Европейский союз',
    es: 'Unión Europea',
  },
};

export function partyName(party: PartyRecord, lang: UnLanguage): string {
  const written = HAND_WRITTEN[party.iso3];
  if (written) return written[lang];
  if (lang === 'en' || party.iso2 === null) return party.nameEn;
  return countries.getName(party.iso2, lang, { select: 'official' }) ?? party.nameEn;
}

export function partyNames(party: PartyRecord): Record<UnLanguage, string> {
  const names = {} as Record<UnLanguage, string>;
  for (const lang of UN_LANGUAGES) names[lang] = partyName(party, lang);
  return names;
}
