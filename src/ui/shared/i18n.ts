import { resolveLocale, t, type Locale, type MessageKey, type MessageParams } from '../../core/i18n';

/** The page's language, set by the server template on <body data-locale="…">. */
export function pageLocale(): Locale {
  return resolveLocale(document.body.getAttribute('data-locale'));
}

export function tr(key: MessageKey, params?: MessageParams): string {
  return t(pageLocale(), key, params);
}

/** Fills every element that has data-i18n="key" with its text. */
export function translateStatic(root: ParentNode = document): void {
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => {
    el.textContent = tr(el.getAttribute('data-i18n') as MessageKey);
  });
  document.documentElement.lang = pageLocale() === 'zh' ? 'zh-CN' : 'en';
}
