import { describe, expect, it } from 'vitest';
import { getList, LISTS } from '../../src/core/lists';
import { SETTINGS } from '../../src/core/settings';
import {
  SURVEY_ITEMS,
  SURVEY_FORM,
  SURVEY_SETTINGS,
  SURVEY_LISTS,
  CORE_SCORES,
  DIMENSION_SCORES,
  surveyItems,
  surveySettings,
  type SurveySections,
} from '../../src/core/survey';
import { COMPLAINT_SETTINGS, COMPLAINT_LISTS } from '../../src/core/complaints';
import { expectBilingual } from './bilingual-helpers';

const ALL_ON: SurveySections = { nps: true, dimensions: true, questions: true };
const ALL_OFF: SurveySections = { nps: false, dimensions: false, questions: false };

describe('survey form template', () => {
  it('has every title, help text, label, scale label and choice in English and Chinese', () => {
    for (const t of Object.values(SURVEY_FORM)) expectBilingual(t, 'form text');
    for (const it of SURVEY_ITEMS) {
      expectBilingual(it.title, `${it.key} title`);
      expectBilingual(it.help, `${it.key} help`);
      expectBilingual(it.label, `${it.key} label`);
      if (it.scale) {
        expectBilingual(it.scale.lowLabel, `${it.key} low label`);
        expectBilingual(it.scale.highLabel, `${it.key} high label`);
      }
      for (const c of it.choices ?? []) expectBilingual(c.label, `${it.key} choice ${c.key}`);
    }
  });

  it('gives every item a unique stable key and a source', () => {
    const keys = SURVEY_ITEMS.map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const it of SURVEY_ITEMS) {
      expect(it.key).toMatch(/^[a-z][a-z_]*$/);
      expect(it.source, it.key).toMatch(/seed 00[0-4]|our (addition|design|choice)/);
    }
  });

  it('carries seed 002 template 4: four 1–5 scores, overall satisfied / neutral / unsatisfied, suggestions', () => {
    const core = surveyItems('en', ALL_OFF);
    const scale = (k: string) => core.find((i) => i.key === k)!.scale;
    for (const k of CORE_SCORES) expect(scale(k), k).toMatchObject({ low: 1, high: 5 });
    const overall = core.find((i) => i.key === 'overall')!;
    expect(overall.kind).toBe('choice');
    expect(overall.choiceKeys).toEqual(['satisfied', 'neutral', 'unsatisfied']);
    expect(overall.choices).toEqual(getList('satisfaction').items.map((i) => i.label.en));
    expect(core.find((i) => i.key === 'suggestions')!.kind).toBe('paragraph');
    expect(SURVEY_ITEMS.filter((i) => CORE_SCORES.includes(i.key as never)).every((i) => i.source.includes('seed 002'))).toBe(true);
  });

  it('marks NPS 0–10 as our addition, not the seeds’', () => {
    const nps = SURVEY_ITEMS.find((i) => i.key === 'nps')!;
    expect(nps.scale).toMatchObject({ low: 0, high: 10 });
    expect(nps.source).toMatch(/our addition/);
    expect(nps.source).not.toMatch(/seed 00\d/);
  });

  it('turns the optional sections on and off, with the reference code always last', () => {
    const keys = (s: SurveySections) => surveyItems('en', s).map((i) => i.key);
    const off = keys(ALL_OFF);
    expect(off).toEqual(['service_quality', 'solution_effect', 'response_speed', 'teamwork', 'overall', 'suggestions', 'reference_code']);
    const on = keys(ALL_ON);
    expect(on.filter((k) => k.startsWith('dim_'))).toEqual([...DIMENSION_SCORES]);
    expect(on).toContain('section_dimensions');
    expect(on).toEqual(expect.arrayContaining(['section_questions', 'why_chose', 'why_us', 'improve', 'nps']));
    expect(on[on.length - 1]).toBe('reference_code');
    expect(keys({ ...ALL_OFF, nps: true })).toEqual([...off.slice(0, 5), 'nps', ...off.slice(5)]);
    expect(keys({ ...ALL_OFF, questions: true }).filter((k) => !off.includes(k))).toEqual(['section_questions', 'why_chose', 'why_us', 'improve']);
  });

  it('builds the same items in both languages, texts in the form’s language', () => {
    for (const s of [ALL_ON, ALL_OFF]) {
      const en = surveyItems('en', s);
      const zh = surveyItems('zh', s);
      expect(zh.map((i) => [i.key, i.kind, i.required, i.scale?.low, i.scale?.high])).toEqual(
        en.map((i) => [i.key, i.kind, i.required, i.scale?.low, i.scale?.high]),
      );
      for (const [i, item] of zh.entries()) {
        expect(item.title).toBe(SURVEY_ITEMS.find((x) => x.key === item.key)!.title.zh);
        expect(item.title).not.toBe(en[i].title);
      }
    }
    const ref = surveyItems('zh', ALL_OFF).find((i) => i.key === 'reference_code')!;
    expect(ref.kind).toBe('text');
    expect(ref.required).toBe(false);
    expect(ref.title).toMatch(/保持原样/);
    expect(surveyItems('en', ALL_OFF).find((i) => i.key === 'reference_code')!.title).toMatch(/leave as is/i);
  });
});

describe('proposed settings and lists', () => {
  it('survey and complaint settings are complete, bilingual and do not clash with SETTINGS', () => {
    // Issues 14 and 17 spliced the survey and complaint settings into SETTINGS (each row exactly once): the clash check is over SETTINGS.
    expect(SETTINGS.filter((s) => SURVEY_SETTINGS.includes(s))).toHaveLength(SURVEY_SETTINGS.length);
    expect(SETTINGS.filter((s) => COMPLAINT_SETTINGS.includes(s))).toHaveLength(COMPLAINT_SETTINGS.length);
    const all = [...SETTINGS];
    expect(new Set(all.map((s) => s.key)).size).toBe(all.length);
    expect(new Set(all.map((s) => s.name)).size).toBe(all.length);
    for (const s of [...SURVEY_SETTINGS, ...COMPLAINT_SETTINGS]) {
      expect(s.name).toMatch(/^SD_[A-Z0-9_]+$/);
      expectBilingual(s.label, `${s.key} label`);
      expectBilingual(s.explanation, `${s.key} explanation`);
      expect(s.source.trim(), s.key).not.toBe('');
      if (typeof s.default === 'number') {
        if (s.min != null) expect(s.default).toBeGreaterThanOrEqual(s.min);
        if (s.max != null) expect(s.default).toBeLessThanOrEqual(s.max);
      }
      // A default no seed gives says so, in both languages.
      if (/^our /.test(s.source)) {
        expect(s.explanation.en, s.key).toMatch(/our (choice|addition)/i);
        expect(s.explanation.zh, s.key).toMatch(/本产品/);
      }
    }
  });

  it('reads the workbook’s values and falls back to the defaults on blanks and nonsense', () => {
    const d = surveySettings();
    expect(d).toMatchObject({
      afterDeliveryMonths: 1,
      intervalMonths: 3,
      promoterMin: 9,
      detractorMax: 6,
      recoveryHours: 24,
      lowScore: 2,
      nps: true,
      dimensionsSection: false,
    });
    const s = surveySettings({ survey_throttle_days: 10, nps_promoter_min: 'nine', survey_low_score: 7, survey_nps: false, survey_interval_months: 6 });
    expect(s.throttleDays).toBe(10);
    expect(s.promoterMin).toBe(9); // text: default
    expect(s.lowScore).toBe(2); // out of 1–5: default
    expect(s.nps).toBe(false);
    expect(s.intervalMonths).toBe(6); // the existing SETTINGS row
  });

  it('lists are bilingual, keyed, and new to LISTS', () => {
    // Issues 14 and 17 spliced the survey and complaint lists into LISTS (each exactly once); the others are new to it.
    for (const l of [...COMPLAINT_LISTS, ...SURVEY_LISTS])
      expect(
        LISTS.filter((x) => x.key === l.key),
        l.key,
      ).toEqual([l]);
    const have = new Set(LISTS.filter((l) => !COMPLAINT_LISTS.includes(l) && !SURVEY_LISTS.includes(l)).map((l) => l.key));
    for (const l of [...SURVEY_LISTS, ...COMPLAINT_LISTS]) {
      expect(have.has(l.key), l.key).toBe(false);
      expectBilingual(l.name, `${l.key} name`);
      expectBilingual(l.note, `${l.key} note`);
      expect(l.source.trim()).not.toBe('');
      const keys = l.items.map((i) => i.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const i of l.items) {
        expect(i.key).toMatch(/^[a-z][a-z_]*$/);
        expectBilingual(i.label, `${l.key}.${i.key}`);
      }
    }
  });
});
