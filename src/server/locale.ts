import { resolveLocale, t, type Locale } from '../core/i18n';

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

/**
 * The language for onOpen's menu. In AuthMode.NONE an add-on may not read properties
 * (https://developers.google.com/workspace/add-ons/concepts/menus), so only Google's locale
 * counts there; otherwise the user's own choice as everywhere else.
 */
export function openingLocale(noAuthorization: boolean): Locale {
  return noAuthorization ? resolveLocale(Session.getActiveUserLocale()) : currentLocale();
}

/**
 * Sidebar API: the current user's own language choice; '' returns to Google's locale.
 * Called from the browser, so the argument is checked as untrusted input.
 */
export function setMyLanguage(choice: Locale | ''): Locale {
  if (choice !== '' && choice !== 'en' && choice !== 'zh') {
    throw new Error(t(currentLocale(), 'error.badArgument', { detail: 'language' }));
  }
  const props = PropertiesService.getUserProperties();
  if (choice === '') props.deleteProperty(LOCALE_PROPERTY);
  else props.setProperty(LOCALE_PROPERTY, choice);
  return currentLocale();
}
