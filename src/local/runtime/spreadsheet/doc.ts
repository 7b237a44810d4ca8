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
