import { VERSION } from '../core/version';
import { t } from '../core/i18n';
import { currentLocale } from './locale';
import { showSidebar } from './host';
import { googleEmail } from './records';

/** What the About sidebar shows, as it crosses google.script.run (plain strings only). */
export interface AboutInfo {
  version: string;
  locale: string;
  email: string;
}

/** Menu action: opens the About sidebar in the user's language. */
export function showAbout(): void {
  const locale = currentLocale();
  const page = HtmlService.createTemplateFromFile('About');
  page.locale = locale;
  showSidebar(page.evaluate(), t(locale, 'about.title'));
}

/** Sidebar API: the version and who Google says the user is ('' when it will not say). */
export function getAboutInfo(): AboutInfo {
  return { version: VERSION, locale: currentLocale(), email: googleEmail() };
}
