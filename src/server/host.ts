/**
 * The spreadsheet's user interface, for feature modules: sidebars, dialogs, alerts and toasts.
 * (SpreadsheetApp is reached only here, in the records layer and in set-up; see
 * test/unit/records-boundary.test.ts.)
 */
type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

/** Shows a page as the add-on's sidebar (300 px wide; an add-on shows one at a time). */
export function showSidebar(page: HtmlOutput, title: string): void {
  SpreadsheetApp.getUi().showSidebar(page.setTitle(title));
}

/** Shows a page as a modal dialog of the given size. */
export function showDialog(page: HtmlOutput, title: string, width: number, height: number): void {
  SpreadsheetApp.getUi().showModalDialog(page.setWidth(width).setHeight(height), title);
}

/** A message with an OK button; with a title when one is given. */
export function alert(message: string, title?: string): void {
  const ui = SpreadsheetApp.getUi();
  if (title === undefined) ui.alert(message);
  else ui.alert(title, message, ui.ButtonSet.OK);
}

/** A short notice in the corner of the spreadsheet. */
export function toast(message: string, title: string, seconds?: number): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (seconds === undefined) ss.toast(message, title);
  else ss.toast(message, title, seconds);
}

/**
 * This user's installable triggers on this document. In an editor add-on getProjectTriggers()
 * returns the user's triggers in every document that uses the add-on; getUserTriggers(ss) those
 * of this one (https://developers.google.com/apps-script/reference/script/script-app#getusertriggersspreadsheet,
 * https://developers.google.com/workspace/add-ons/concepts/editor-triggers).
 */
export function userTriggersHere(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet());
}

/** Asks for one line of text (OK / Cancel); null when the user cancelled or closed the dialog. */
export function prompt(message: string, title: string): string | null {
  const ui = SpreadsheetApp.getUi();
  const r = ui.prompt(title, message, ui.ButtonSet.OK_CANCEL);
  return r.getSelectedButton() === ui.Button.OK ? r.getResponseText() : null;
}
