import { describe, expect, it } from 'vitest';
import {
  COMPLAINT_STEPS,
  COMPLAINT_LISTS,
  SEVERITY_ITEMS,
  checklistFromTab,
  builtInStepRow,
  stepsToSeed,
  complaintItemKey,
  complaintSettings,
  type ComplaintStepRow,
} from '../../src/core/complaints';
import { expectBilingual } from './bilingual-helpers';

describe('complaint steps content', () => {
  it.each(COMPLAINT_STEPS.map((s) => [s.key, s] as const))('step %s has a title, coaching and a sample reply in English and Chinese', (_k, s) => {
    expectBilingual(s.title, `${s.key} title`);
    expectBilingual(s.coaching, `${s.key} coaching`);
    expectBilingual(s.sampleReply, `${s.key} sample reply`);
    expect(s.coaching.en.length, 'coaching is more than a phrase').toBeGreaterThan(60);
    expect(s.source).toMatch(/seed 00[014]/);
  });

  it('merges seed 001’s eight steps and seed 004’s six into one ordered list with unique keys', () => {
    const keys = COMPLAINT_STEPS.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    const sources = COMPLAINT_STEPS.map((s) => s.source).join(' | ');
    for (let n = 1; n <= 8; n++) expect(sources, `seed 001 step ${n}`).toMatch(new RegExp(`seed 001 steps? (\\d–)?${n}\\b|seed 001 steps? ${n}–`));
    for (let n = 1; n <= 6; n++)
      expect(sources, `seed 004 step ${n}`).toMatch(new RegExp(`seed 004 §6\\.3 steps? (\\d–)?${n}\\b|seed 004 §6\\.3 steps? ${n}–`));
    // Thanks first, the review last; the first response is made of the opening steps only.
    expect(keys[0]).toBe('thank_listen');
    expect(keys[keys.length - 1]).toBe('prevent');
    const first = COMPLAINT_STEPS.map((s) => s.firstResponse);
    expect(first.indexOf(false)).toBe(first.lastIndexOf(true) + 1);
  });

  it('severities say what they mean, in both languages', () => {
    expect(SEVERITY_ITEMS.map((s) => s.key)).toEqual(['low', 'medium', 'high']);
    for (const s of SEVERITY_ITEMS) expectBilingual(s.meaning, `severity ${s.key}`);
  });

  it('has the categories the issue names and reads list cells in either language', () => {
    expect(COMPLAINT_LISTS.find((l) => l.key === 'complaint_category')!.items.map((i) => i.key)).toEqual([
      'product',
      'service',
      'delivery',
      'billing',
      'staff',
      'other',
    ]);
    expect(complaintItemKey('complaint_category', ' 账单与收费 ')).toBe('billing');
    expect(complaintItemKey('complaint_severity', 'HIGH')).toBe('high');
    expect(complaintItemKey('complaint_category', 'Warranty  claims')).toBe('custom:warranty claims');
    expect(complaintItemKey('complaint_root_cause', '')).toBe('');
  });

  it('settings default to our choices: 24 h first response, resolution by severity, 90-day repeats', () => {
    expect(complaintSettings()).toEqual({ firstResponseHours: 24, resolveDays: { high: 2, medium: 7, low: 14 }, repeatDays: 90, checkinDays: 7 });
    expect(complaintSettings({ complaint_resolve_high_days: 1, complaint_first_response_hours: 'soon' }).resolveDays.high).toBe(1);
    expect(complaintSettings({ complaint_first_response_hours: 'soon' }).firstResponseHours).toBe(24);
  });
});

describe('the Complaint steps tab', () => {
  const rowsIn = (locale: 'en' | 'zh'): ComplaintStepRow[] => COMPLAINT_STEPS.map((s) => builtInStepRow(s, locale));

  it('shows unchanged built-in steps in the reader’s language, whatever language the tab was written in', () => {
    const shown = checklistFromTab(rowsIn('zh'), 'en');
    expect(shown.map((s) => s.title)).toEqual(COMPLAINT_STEPS.map((s) => s.title.en));
    expect(shown.every((s) => s.builtIn)).toBe(true);
    expect(shown[0].source).toMatch(/^seed 001/);
    const zh = checklistFromTab(rowsIn('en'), 'zh');
    expect(zh[2].sampleReply).toBe(COMPLAINT_STEPS[2].sampleReply.zh);
    expect(zh[0].source).toMatch(/^资料 001/);
    expect(zh[0].addedBy).toBe('销售台');
  });

  it('shows a manager’s edit as written, keeps the tab order, and adds the team’s own steps', () => {
    const rows = rowsIn('en');
    rows[1] = { ...rows[1], sample_reply: 'We are very sorry — <b>this</b> should not have happened.' };
    const own: ComplaintStepRow = {
      entry_key: '',
      title: 'Send a small gift',
      coaching: 'For a high-severity complaint, a gift card.',
      sample_reply: '',
      source: 'Team',
      added_by: 'Ana',
    };
    const reordered = [rows[2], rows[1], own, rows[0], ...rows.slice(3)];
    const shown = checklistFromTab(reordered, 'zh');
    expect(shown.map((s) => s.key)).toEqual(['promise', 'apologise', 'team:send a small gift', 'thank_listen', ...COMPLAINT_STEPS.slice(3).map((s) => s.key)]);
    expect(shown[1]).toMatchObject({
      builtIn: false,
      title: COMPLAINT_STEPS[1].title.en,
      sampleReply: 'We are very sorry — <b>this</b> should not have happened.',
      firstResponse: true,
    });
    expect(shown[2]).toMatchObject({ builtIn: false, addedBy: 'Ana', firstResponse: false });
    expect(shown[0]).toMatchObject({ builtIn: true, title: COMPLAINT_STEPS[2].title.zh });
  });

  it('skips rows without a title and duplicates; an emptied tab falls back to the built-in method', () => {
    const rows = rowsIn('en');
    const shown = checklistFromTab([{ title: '' }, ...rows, rows[0]], 'en');
    expect(shown).toHaveLength(COMPLAINT_STEPS.length);
    expect(checklistFromTab([], 'en').map((s) => s.key)).toEqual(COMPLAINT_STEPS.map((s) => s.key));
    expect(checklistFromTab([{ entry_key: 'apologise', title: '   ' }], 'en')).toHaveLength(COMPLAINT_STEPS.length);
  });

  it('set-up writes each built-in step once, and a deleted one stays deleted', () => {
    expect(stepsToSeed([], []).map((s) => s.key)).toEqual(COMPLAINT_STEPS.map((s) => s.key));
    expect(stepsToSeed(['thank_listen', ''], ['prevent']).map((s) => s.key)).toEqual(COMPLAINT_STEPS.slice(1, -1).map((s) => s.key));
  });
});
