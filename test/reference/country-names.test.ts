import { describe, expect, it } from 'vitest';
import { PARTIES, partyByIso3, partyNames, UN_LANGUAGES } from '../../src/reference/index.js';

function namesOf(iso3: string) {
  const party = partyByIso3(iso3);
  if (!party) throw new Error(`no party ${iso3}`);
  return partyNames(party);
}

describe('partyNames', () => {
  it.each(['FRA', 'CHN', 'BRA', 'NGA', 'PSE', 'VAT', 'EUU'])('gives %s a non-empty name in each of the six languages', (iso3) => {
    const names = namesOf(iso3);
    expect(Object.keys(names).sort()).toEqual([...UN_LANGUAGES].sort());
    for (const lang of UN_LANGUAGES) expect(names[lang].trim()).not.toBe('');
  });

  it('writes the Arabic name in Arabic script', () => {
    expect(namesOf('FRA').ar).toMatch(/^[\u0600-\u06FF\s]+$/);
  });

  it('writes the Chinese and Russian names in their scripts', () => {
    expect(namesOf('FRA').zh).toMatch(/\p{Script=Han}/u);
    expect(namesOf('FRA').ru).toMatch(/\p{Script=Cyrillic}/u);
  });

  it('uses our own English name, not the package one', () => {
    expect(namesOf('TUR').en).toBe('Türkiye');
  });

  it('has hand-written names for the European Union', () => {
    expect(namesOf('EUU')).toMatchObject({ en: 'European Union', fr: 'Union européenne', es: 'Unión Europea' });
    expect(namesOf('EUU').ar).toMatch(/\p{Script=Arabic}/u);
  });

  it('finds a non-English name for every party but the fallbacks it documents', () => {
    const onlyEnglish = PARTIES.filter((p) => {
      const names = partyNames(p);
      return names.ar === p.nameEn || names.zh === p.nameEn || names.ru === p.nameEn;
    }).map((p) => p.iso3);
    expect(onlyEnglish).toEqual([]);
  });
});
