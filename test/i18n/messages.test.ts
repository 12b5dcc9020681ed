import { describe, expect, it } from 'vitest';
import { coverage, dir, messageKeys, negotiate, translator, LANGUAGES } from '../../src/i18n/index.js';

describe('UI messages', () => {
  it('are complete in all six UN languages', () => {
    for (const c of coverage()) expect(c.missing, `${c.lang} is missing keys`).toEqual([]);
  });

  it('keep every placeholder of the English text', () => {
    const en = translator('en');
    const probe = messageKeys();
    for (const lang of LANGUAGES) {
      const t = translator(lang);
      for (const key of probe) {
        const want = (en(key).match(/\{\w+\}/g) ?? []).sort();
        expect((t(key).match(/\{\w+\}/g) ?? []).sort(), `${lang} ${key}`).toEqual(want);
      }
    }
  });

  it('lays Arabic out right to left', () => {
    expect(dir('ar')).toBe('rtl');
    expect(dir('fr')).toBe('ltr');
  });

  it('chooses the language from the explicit choice, then the preference, then Accept-Language', () => {
    expect(negotiate('ru', 'fr', 'es')).toBe('ru');
    expect(negotiate(undefined, 'fr', 'es')).toBe('fr');
    expect(negotiate(undefined, undefined, 'zh-CN,zh;q=0.9,en;q=0.5')).toBe('zh');
    expect(negotiate('xx', undefined, 'de-DE')).toBe('en');
  });
});
