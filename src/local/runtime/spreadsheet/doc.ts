/** What every facade object shares: the workbook, the runtime context, the options and identity caches. */
import type { RuntimeContext } from '../context';
import type { Workbook } from './workbook';

export interface SpreadsheetAppOptions {
  /** The Ui service (owned by the Ui engineer); SpreadsheetApp.getUi delegates to it. */
  getUi?: () => unknown;
  /** Spreadsheet.toast delegates here. */
  onToast?: (message: string, title?: string, timeoutSeconds?: number) => void;
}

export interface Doc {
  ctx: RuntimeContext;
  wb: Workbook;
  options: SpreadsheetAppOptions;
  /** One facade object per sheet id, so `sheet === ss.getSheetByName(name)` holds as in Apps Script. */
  sheetCache: Map<number, object>;
  /** The Spreadsheet facade (set by createSpreadsheetApp). */
  ssFacade?: () => unknown;
}

/**
 * What the runtime does not model throws this, never a wrong answer: "not available in the local
 * runtime: Spreadsheet.getOwner". Add the behaviour (with Google's page cited) when the add-in needs it.
 */
export function notModelled(what: string): Error {
  const e = new Error(`not available in the local runtime: ${what}`);
  e.name = 'Exception';
  return e;
}
