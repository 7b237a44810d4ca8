import { resolveLocale, type Locale } from '../core/i18n';

/** User property holding a user's own language choice ('en' | 'zh'); set from Settings or About. */
export const LOCALE_PROPERTY = 'salesdesk.locale';

/**
 * The language to speak to the current user: their own override if they set one, else
 * the locale Google reports for them. In an add-on's onOpen under AuthMode.NONE the
 * properties service is not available, so that read is allowed to fail.
 */
export function currentLocale(): Locale {
  try {
    const chosen = PropertiesService.getUserProperties().getProperty(LOCALE_PROPERTY);
    if (chosen) return resolveLocale(chosen);
  } catch (_e) {
    // No authorization yet (simple trigger in AuthMode.NONE): fall back to Google's locale.
  }
  return resolveLocale(Session.getActiveUserLocale());
}
