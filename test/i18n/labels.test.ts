import { describe, expect, it } from 'vitest';
import { labelCoverage, labelTranslator } from '../../src/i18n/labels.js';
import { loadQuestionnaires } from '../../src/questionnaire/index.js';
import { FormPlans, planLabels } from '../../src/http/form-plans.js';

describe('questionnaire labels', () => {
  it('translate a shared block label and fall back to English per label', () => {
    const fr = labelTranslator('fr');
    expect(fr('Yes, in part')).not.toBe('Yes, in part');
    expect(fr('A label nobody has translated')).toBe('A label nobody has translated');
    expect(labelTranslator('en')('Yes, in part')).toBe('Yes, in part');
  });

  it('report coverage per language, complete in English', () => {
    const plans = new FormPlans();
    for (const q of loadQuestionnaires()) {
      const cov = labelCoverage(planLabels(plans.get(q)));
      expect(cov.find((c) => c.lang === 'en')!.translated).toBe(cov[0]!.total);
      expect(cov.map((c) => c.lang).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
      for (const c of cov) expect(c.translated).toBeLessThanOrEqual(c.total);
    }
  });
});
