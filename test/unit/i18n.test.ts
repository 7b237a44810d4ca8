import { describe, expect, it } from 'vitest';
import { t, resolveLocale, catalogue } from '../../src/core/i18n';
import { en, zh, PARTS } from '../../src/core/i18n/messages';

describe('i18n', () => {
  it('maps the locales Apps Script reports to our two languages', () => {
    expect(resolveLocale('zh_CN')).toBe('zh');
    expect(resolveLocale('zh-TW')).toBe('zh');
    expect(resolveLocale('zh')).toBe('zh');
    expect(resolveLocale('en_US')).toBe('en');
    expect(resolveLocale('fr')).toBe('en');
    expect(resolveLocale('')).toBe('en');
    expect(resolveLocale(undefined)).toBe('en');
  });

  it('fills parameters and leaves unknown ones visible', () => {
    expect(t('en', 'about.version', { version: '1.2.3' })).toBe('Version 1.2.3');
    expect(t('zh', 'about.version', { version: '1.2.3' })).toBe('版本 1.2.3');
    expect(t('en', 'about.version')).toBe('Version {version}');
  });

  it('defines each key in one feature catalogue only', () => {
    const seen = new Map<string, string>();
    for (const [part, msgs] of Object.entries(PARTS)) {
      for (const key of Object.keys(msgs.en)) {
        expect(seen.get(key), `${key} in ${part}`).toBeUndefined();
        seen.set(key, part);
      }
    }
  });

  it('has a Chinese text for every English key, and none left in English', () => {
    const keys = Object.keys(en) as (keyof typeof en)[];
    expect(Object.keys(zh).sort()).toEqual([...keys].sort());
    for (const k of keys) {
      const text = catalogue('zh')[k];
      expect(text.trim(), k).not.toBe('');
      if (/[A-Za-z]{3,}/.test(en[k])) expect(text, k).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('uses the same parameters in both languages', () => {
    const params = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join(',');
    for (const k of Object.keys(en) as (keyof typeof en)[]) expect(params(zh[k]), k).toBe(params(en[k]));
  });
});
