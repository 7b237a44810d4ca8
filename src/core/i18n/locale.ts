/**
 * The languages Sales Desk speaks. 'zh' is Simplified Chinese; Traditional locales
 * (zh-TW, zh-HK) fall back to it until a Traditional catalogue exists.
 */
export type Locale = 'en' | 'zh';

export const LOCALES: readonly Locale[] = ['en', 'zh'];

/**
 * Maps a locale string as Apps Script reports it (Session.getActiveUserLocale() gives
 * e.g. "en", "en_US", "zh_CN", "zh-TW") or as a user picks it in Settings to a Locale.
 */
export function resolveLocale(raw: string | null | undefined): Locale {
  const s = String(raw ?? '')
    .trim()
    .toLowerCase()
    .replace('_', '-');
  if (s === 'zh' || s.startsWith('zh-') || s === '中文' || s === '简体中文') return 'zh';
  return 'en';
}

/** A text in every language: what a schema header, a list value or a help line is made of. */
export type Localized = Record<Locale, string>;
