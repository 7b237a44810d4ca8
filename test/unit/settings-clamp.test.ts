/**
 * Issue 13: Settings values outside their bounds are clamped (reminder hour 25 → 23) with a note
 * for the Reminder log, and setting cells are read with the one decimal parser.
 */
import { describe, expect, it } from 'vitest';
import { clampSettings, readSetting, settingNoteText } from '../../src/core/setting-values';
import { getSetting, SETTINGS } from '../../src/core/settings';

describe('clampSettings', () => {
  it('clamps the reminder hour 25 to 23 and says so in both languages', () => {
    const { values, notes } = clampSettings({ reminder_hour: 25 });
    expect(values.reminder_hour).toBe(23);
    expect(notes).toEqual([{ key: 'reminder_hour', given: '25', used: 23, reason: 'aboveMax' }]);
    expect(settingNoteText(notes[0], 'en')).toBe('Setting “Daily reminder hour” is 25, more than its largest value 23: 23 is used until it is corrected.');
    expect(settingNoteText(notes[0], 'zh')).toBe('设置“每日提醒时间”为 25，超过最大值 23：在改正之前按 23 执行。');
  });

  it('clamps below the smallest value, rounds an hour down to a whole one, and defaults what it cannot read', () => {
    const { values, notes } = clampSettings({
      followup_high_hours: -4,
      reminder_hour: 7.5,
      followup_medium_days: '0x10',
      tier_a_share: '70%',
      skip_weekends: 'maybe',
      language: 'Klingon',
    });
    expect(values).toMatchObject({
      followup_high_hours: 1,
      reminder_hour: 7,
      followup_medium_days: 7,
      tier_a_share: 0.7,
      skip_weekends: false,
      language: 'auto',
    });
    expect(Object.fromEntries(notes.map((n) => [n.key, n.reason]))).toEqual({
      followup_high_hours: 'belowMin',
      reminder_hour: 'notWhole',
      followup_medium_days: 'unreadable',
      skip_weekends: 'unreadable',
      language: 'unreadable',
    });
    expect(settingNoteText(notes.find((n) => n.key === 'followup_medium_days')!, 'en')).toBe(
      'Setting “Follow-up, medium intention” holds “0x10”, which it cannot take: the default 7 is used until it is corrected.',
    );
  });

  it('returns every setting, the defaults for blanks, and no note when every cell is fine', () => {
    const { values, notes } = clampSettings({ reminder_hour: '', followup_high_hours: '48', skip_weekends: true, language: '中文' });
    expect(Object.keys(values).sort()).toEqual(SETTINGS.map((s) => s.key).sort());
    expect(values).toMatchObject({ reminder_hour: 8, followup_high_hours: 48, skip_weekends: true, language: 'zh' });
    expect(notes).toEqual([]);
  });

  it('reads no exponent, hex or non-finite number as a setting', () => {
    for (const raw of ['1e3', '0x10', 'Infinity', NaN, Infinity]) expect(readSetting(getSetting('followup_medium_days'), raw).note?.reason).toBe('unreadable');
  });
});
