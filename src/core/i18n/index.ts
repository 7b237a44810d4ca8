import { en, zh, type MessageKey } from './messages';

import type { Locale } from './locale';

export { resolveLocale, LOCALES, type Locale, type Localized } from './locale';
export type { MessageKey } from './messages';

const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { en, zh };

export type MessageParams = Record<string, string | number>;

/** The text for `key` in `locale`, with `{name}` parameters filled in. */
export function t(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = CATALOGUES[locale][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : m));
}

/** The whole catalogue of one language, for a sidebar that renders texts itself. */
export function catalogue(locale: Locale): Record<MessageKey, string> {
  return CATALOGUES[locale];
}

/** A translator bound to one locale: `const tr = translator('zh'); tr('menu.setup')`. */
export function translator(locale: Locale): (key: MessageKey, params?: MessageParams) => string {
  return (key, params) => t(locale, key, params);
}
