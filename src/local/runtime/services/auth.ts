/**
 * What a script may call in each authorization mode (ScriptApp.AuthMode), enforced on every call
 * the runtime counts.
 *
 * Google: "NONE: A mode that does not allow access to any services that require authorization.
 * This mode occurs when an add-on executes an onOpen(e) simple trigger, and the user has
 * installed an add-on in a different document but the add-on has not been used in the current
 * document. LIMITED: A mode that allows access to a limited subset of services. This mode occurs
 * when an add-on or a script bound to a document executes an onOpen(e) or onEdit(e) simple
 * trigger, except in the case described for NONE. FULL: … any trigger other than the cases
 * described for LIMITED or NONE" (https://developers.google.com/apps-script/reference/script/auth-mode).
 * The table of https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#authorization_modes,
 * as modelled here:
 *
 * | | NONE | LIMITED | FULL |
 * |---|---|---|---|
 * | user data (Session) | locale only | locale only | yes |
 * | the document (SpreadsheetApp) | no (menus through getUi only) | yes | yes |
 * | user interface (Ui) | add menu items | add menu items, alerts | yes |
 * | Properties, Cache, Lock | no | yes | yes |
 * | services needing a scope of their own (MailApp, FormApp, ScriptApp triggers) | no | no | yes |
 * | Utilities, Logger, HtmlService templates | yes | yes | yes |
 *
 * "Don't take any action that requires authorization (such as checking script Properties) while
 * the add-on is in ScriptApp.AuthMode.NONE … Attempting … throws an error"
 * (https://developers.google.com/workspace/add-ons/concepts/menus). The message has the shape
 * Apps Script logs for such calls, e.g. "You do not have permission to call
 * ScriptApp.getProjectTriggers. Required permissions: https://www.googleapis.com/auth/script.scriptapp"
 * (seen from onOpen in boilermaker-ben/Google-Sheets-NFL-Pick-Ems-and-Survivor-Pool#16) and
 * "… Ui.showSidebar. Required permissions: https://www.googleapis.com/auth/script.container.ui"
 * (oshliaer/google-apps-script-snippets#18). Services that need no scope (Properties, Cache,
 * Lock) get the message without "Required permissions" — an older report reads "You do not have
 * permission to call getDocumentProperties" (googlearchive/apps-script-form-notifications-addon#11);
 * the exact text in AuthMode.NONE is not documented. Session.getActiveUser() in NONE and
 * LIMITED is left alone (the e-mail rules are in session.ts).
 */
import { gasError } from './common';

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL';

/** The scope Google names when it refuses a call of this service (null: none). */
const SCOPE: Record<string, string | null> = {
  SpreadsheetApp: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  MailApp: 'https://www.googleapis.com/auth/script.send_mail',
  FormApp: 'https://www.googleapis.com/auth/forms',
  ScriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  Ui: 'https://www.googleapis.com/auth/script.container.ui',
  PropertiesService: null,
  CacheService: null,
  LockService: null,
  Session: 'https://www.googleapis.com/auth/userinfo.email',
};

/** Calls every mode allows: building menus, the locale, the time zone, enums and builders without data. */
function allowedInNone(service: string, cls: string, method: string): boolean {
  if (service === 'Utilities' || service === 'HtmlService') return true;
  if (service === 'Session') return method === 'getActiveUserLocale' || method === 'getScriptTimeZone';
  if (service === 'SpreadsheetApp') {
    if (!cls) return method === 'getUi';
    if (cls === 'Ui') return method === 'createMenu' || method === 'createAddonMenu';
    return cls === 'Menu';
  }
  return false;
}

/** What LIMITED refuses: services that need authorization beyond the open document. */
function refusedInLimited(service: string, cls: string, method: string): boolean {
  if (service === 'MailApp' || service === 'FormApp') return true;
  if (service === 'ScriptApp') return method !== 'getInstallationSource' && method !== 'getScriptId';
  if (service === 'Session') return method === 'getEffectiveUser' || method === 'getTemporaryActiveUserKey';
  return service === 'SpreadsheetApp' && cls === 'Ui' && /^show/.test(method);
}

/** Throws Google's refusal when `mode` does not allow Service[.Class].method. */
export function checkAuthorized(mode: AuthModeName, service: string, cls: string, method: string): void {
  if (mode === 'FULL') return;
  const refused = mode === 'NONE' ? !allowedInNone(service, cls, method) : refusedInLimited(service, cls, method);
  if (!refused) return;
  const name = `${cls || service}.${method}`;
  const scope = SCOPE[cls === 'Ui' ? 'Ui' : service];
  throw gasError(`You do not have permission to call ${name}.${scope ? ` Required permissions: ${scope}` : ''}`);
}
