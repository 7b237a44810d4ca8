import { t, type MessageKey } from '../core/i18n';
import { openingLocale } from './locale';
import type { EntryName } from './callable';

/**
 * One line of the Sales Desk menu: a caption key and the entry point it runs (a name exported
 * from entry.ts, checked by the compiler), a submenu, or a separator.
 */
type MenuLine = { caption: MessageKey; run: EntryName } | { caption: MessageKey; submenu: readonly MenuLine[] } | 'separator';

/** The menu, top to bottom. Every `run` is exported from entry.ts (the compiler checks it, and a test that it is a top-level function of dist/Code.js). */
export const MENU: readonly MenuLine[] = [
  // What a rep does every day.
  { caption: 'menu.today', run: 'showToday' },
  { caption: 'menu.followup', run: 'showFollowupForm' },
  { caption: 'menu.objection', run: 'showObjectionForm' },
  { caption: 'menu.complaint', run: 'showComplaintForm' },
  'separator',
  // The register.
  { caption: 'menu.addCustomer', run: 'showCustomerForm' },
  { caption: 'menu.editCustomer', run: 'showEditSelectedCustomer' },
  { caption: 'menu.addDeal', run: 'showDealForm' },
  { caption: 'menu.markDelivered', run: 'markDeliveredFromSelection' },
  { caption: 'menu.importCustomers', run: 'showImport' },
  { caption: 'menu.sendSurvey', run: 'showSendSurvey' },
  'separator',
  // Once per user or per workbook.
  { caption: 'menu.identity', run: 'showIdentity' },
  { caption: 'menu.remindersOn', run: 'turnOnReminders' },
  { caption: 'menu.remindersOff', run: 'turnOffReminders' },
  { caption: 'menu.refreshValues', run: 'refreshCustomerValues' },
  { caption: 'menu.replan', run: 'replanAllCustomers' },
  { caption: 'menu.surveyForms', run: 'createSurveyForms' },
  { caption: 'menu.setup', run: 'setupWorkbook' },
  { caption: 'menu.rebuildSummaries', run: 'rebuildSummaries' },
  'separator',
  { caption: 'menu.about', run: 'showAbout' },
  { caption: 'menu.help', submenu: [{ caption: 'menu.check', run: 'showSpreadsheetCheck' }] },
];

/** Every entry point the menu runs, submenus included (a test checks each is a top-level function). */
export function menuFunctions(lines: readonly MenuLine[] = MENU): EntryName[] {
  return lines.flatMap((line) => (line === 'separator' ? [] : 'submenu' in line ? menuFunctions(line.submenu) : [line.run]));
}

type OpenEvent = { authMode?: GoogleAppsScript.Script.AuthMode } | undefined;

/**
 * "AuthMode.NONE … occurs when an add-on executes an onOpen(e) simple trigger, and the user has
 * installed an add-on in a different document but the add-on has not been used in the current
 * document" (https://developers.google.com/apps-script/reference/script/auth-mode): only an
 * add-on is ever opened in NONE, and then nothing that needs authorization may run.
 */
function isNoAuth(e: OpenEvent): boolean {
  return !!e && e.authMode === ScriptApp.AuthMode.NONE;
}

/**
 * A published add-on puts its items under Extensions with createAddonMenu(); top-level menus of
 * an unpublished script "move under the add-ons menu if the add-on is published"
 * (https://developers.google.com/workspace/add-ons/concepts/menus). Bound to the spreadsheet
 * (the README's deploy path) the script keeps its own Sales Desk menu. getInstallationSource()
 * says which ("NONE: Script is not running as an add-on",
 * https://developers.google.com/apps-script/reference/script/installation-source); whether it may
 * be called in AuthMode.LIMITED is not documented, so a refusal counts as "add-on".
 */
function runsAsAddon(e: OpenEvent): boolean {
  if (isNoAuth(e)) return true;
  try {
    return ScriptApp.getInstallationSource() !== ScriptApp.InstallationSource.NONE;
  } catch (_err) {
    return true;
  }
}

function addLines(menu: GoogleAppsScript.Base.Menu, lines: readonly MenuLine[], caption: (key: MessageKey) => string): void {
  const ui = SpreadsheetApp.getUi();
  for (const line of lines) {
    if (line === 'separator') menu.addSeparator();
    else if ('submenu' in line) {
      const sub = ui.createMenu(caption(line.caption));
      addLines(sub, line.submenu, caption);
      menu.addSubMenu(sub);
    } else menu.addItem(caption(line.caption), line.run);
  }
}

/**
 * Builds the menu in the user's language, touching only what `e.authMode` allows: in NONE the
 * language comes from Session alone (no properties: "Don't take any action that requires
 * authorization (such as checking script Properties) while the add-on is in
 * ScriptApp.AuthMode.NONE", same menus page).
 */
export function buildMenu(e: OpenEvent, asAddon: boolean): void {
  const locale = openingLocale(isNoAuth(e));
  const ui = SpreadsheetApp.getUi();
  const menu = asAddon ? ui.createAddonMenu() : ui.createMenu(t(locale, 'app.name'));
  addLines(menu, MENU, (key) => t(locale, key));
  menu.addToUi();
}

/** Simple trigger: runs when the spreadsheet opens, in AuthMode.NONE or LIMITED. */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(e, runsAsAddon(e));
}

/**
 * Runs when the add-on is installed from the Marketplace, in AuthMode.FULL: it does what onOpen
 * does, so the menu is there without a reload (the usual onInstall just calls onOpen,
 * https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle). Only an add-on
 * is ever installed, so its menu is the add-on menu.
 */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  buildMenu(e, true);
}
