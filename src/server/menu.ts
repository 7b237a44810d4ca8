import { t, type MessageKey } from '../core/i18n';
import { currentLocale } from './locale';

/** One line of the Sales Desk menu: a caption key and the entry point it runs, or a separator. */
type MenuLine = { caption: MessageKey; run: string } | 'separator';

/** The menu, top to bottom. Every `run` must be exported from entry.ts (a test checks it). */
export const MENU: readonly MenuLine[] = [
  // What a rep does every day.
  { caption: 'menu.today', run: 'showToday' },
  { caption: 'menu.followup', run: 'showFollowupForm' },
  { caption: 'menu.objection', run: 'showObjectionForm' },
  'separator',
  // The register.
  { caption: 'menu.addCustomer', run: 'showCustomerForm' },
  { caption: 'menu.editCustomer', run: 'showEditSelectedCustomer' },
  { caption: 'menu.addDeal', run: 'showDealForm' },
  { caption: 'menu.importCustomers', run: 'showImport' },
  'separator',
  // Once per user or per workbook.
  { caption: 'menu.identity', run: 'showIdentity' },
  { caption: 'menu.remindersOn', run: 'turnOnReminders' },
  { caption: 'menu.remindersOff', run: 'turnOffReminders' },
  { caption: 'menu.refreshValues', run: 'refreshCustomerValues' },
  { caption: 'menu.setup', run: 'setupWorkbook' },
  'separator',
  { caption: 'menu.about', run: 'showAbout' },
];

/**
 * Builds the menu in the user's language. As a bound script it is a custom menu named
 * Sales Desk; installed as an editor add-on the same items go under Extensions → Sales Desk
 * (createAddonMenu — https://developers.google.com/workspace/add-ons/concepts/menus).
 */
export function buildMenu(asAddon: boolean): void {
  const locale = currentLocale();
  const ui = SpreadsheetApp.getUi();
  const menu = asAddon ? ui.createAddonMenu() : ui.createMenu(t(locale, 'app.name'));
  for (const line of MENU) {
    if (line === 'separator') menu.addSeparator();
    else menu.addItem(t(locale, line.caption), line.run);
  }
  menu.addToUi();
}

/** Simple trigger: runs when the spreadsheet opens; a bound script shows its own top-level menu. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(false);
}

/** Runs when the add-on is installed from the Marketplace: show its menu at once, without a reload. */
export function onInstall(_e?: GoogleAppsScript.Events.AddonOnInstall): void {
  buildMenu(true);
}
