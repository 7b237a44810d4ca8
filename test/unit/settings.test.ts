import { describe, expect, it } from 'vitest';
import { SETTINGS, getSetting, UNIT_LABELS } from '../../src/core/settings';
import { getList } from '../../src/core/lists';
import { LOCALES } from '../../src/core/i18n';

describe('settings', () => {
  it('has unique keys and SD_ names, both languages and a source for each', () => {
    const keys = SETTINGS.map((s) => s.key);
    const names = SETTINGS.map((s) => s.name);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(names).size).toBe(names.length);
    for (const s of SETTINGS) {
      expect(s.name).toMatch(/^SD_[A-Z0-9_]+$/);
      for (const l of LOCALES) {
        expect(s.label[l].trim()).not.toBe('');
        expect(s.explanation[l].trim()).not.toBe('');
        expect(UNIT_LABELS[s.unit][l].trim()).not.toBe('');
      }
      expect(s.source.trim()).not.toBe('');
      if (typeof s.default === 'number') {
        if (s.min != null) expect(s.default).toBeGreaterThanOrEqual(s.min);
        if (s.max != null) expect(s.default).toBeLessThanOrEqual(s.max);
      }
      if (s.unit === 'choice') expect(getList(s.list!).items.some((i) => i.key === s.default)).toBe(true);
    }
  });

  it('carries the sourced defaults of the seeds', () => {
    const v = (k: string) => getSetting(k).default;
    expect(v('followup_high_hours')).toBe(24); // seed 002 S1.3
    expect(v('followup_medium_days')).toBe(7); // seed 002 S1.3
    expect(v('followup_low_months')).toBe(3); // a quarter, seed 002 S1.3
    expect(v('return_call_days')).toBe(3); // seed 002 S6.2
    expect(v('survey_after_delivery_months')).toBe(1); // seed 002 S6.2
    expect(v('objection_answer_hours')).toBe(24); // seed 002 S3.3
    expect(v('survey_interval_months')).toBe(3); // seed 000 §3.3
    expect(v('gold_share')).toBe(0.05); // seed 001
    expect(getSetting('followup_high_hours').source).toContain('002');
  });

  it('says that the ABC cut-offs are our choice and what they mean', () => {
    for (const k of ['tier_a_share', 'tier_b_share']) {
      const s = getSetting(k);
      expect(s.source).toMatch(/our choice/);
      expect(s.explanation.en).toMatch(/revenue/);
      expect(s.explanation.en).toMatch(/our choice/i);
      expect(s.explanation.zh).toMatch(/本产品的选择/);
    }
    expect(getSetting('tier_a_share').default as number).toBeLessThan(getSetting('tier_b_share').default as number);
  });
});
