/**
 * Help → Check this spreadsheet: runs every probe (./probes) in a hidden scratch tab, removes the
 * tab again, and shows pass/fail per probe in the user's language. Run it on a scratch Google
 * spreadsheet after each deploy (README): a probe that fails there is a difference between Google
 * Sheets and the local runtime that the runtime must learn.
 */
import { t } from '../../core/i18n';
import { currentLocale } from '../locale';
import { PROBES, SCRATCH_COLS, SCRATCH_ROWS, type ProbeCase, type ProbeKey } from './probes';

export type { ProbeKey } from './probes';

/** One probe's outcome, as it crosses google.script.run (plain strings and booleans). */
export interface ProbeResult {
  key: ProbeKey;
  ok: boolean;
  cases: ProbeCase[];
  /** Set when the probe itself threw (a missing API counts as a failure, with its message). */
  error?: string;
}

export interface CheckReport {
  locale: string;
  results: ProbeResult[];
}

/** Makes the scratch tab a probe starts from: SCRATCH_ROWS × SCRATCH_COLS, empty, no dropdowns. */
function resetScratch(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  if (sheet.getMaxRows() > SCRATCH_ROWS) sheet.deleteRows(SCRATCH_ROWS + 1, sheet.getMaxRows() - SCRATCH_ROWS);
  if (sheet.getMaxColumns() > SCRATCH_COLS) sheet.deleteColumns(SCRATCH_COLS + 1, sheet.getMaxColumns() - SCRATCH_COLS);
  const all = sheet.getRange(1, 1, SCRATCH_ROWS, SCRATCH_COLS);
  all.clear();
  all.clearDataValidations();
}

/** Sidebar API (the Check dialog calls it): runs the probes and reports each. */
export function runSpreadsheetCheck(): CheckReport {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const before = ss.getActiveSheet();
  const scratch = ss.insertSheet(`Sales Desk check ${Utilities.getUuid().slice(0, 8)}`, ss.getNumSheets());
  const results: ProbeResult[] = [];
  try {
    scratch.hideSheet();
    for (const probe of PROBES) {
      try {
        resetScratch(scratch);
        const cases = probe.run({ ss, scratch });
        results.push({ key: probe.key, ok: cases.every((c) => c.ok), cases });
      } catch (err) {
        results.push({ key: probe.key, ok: false, cases: [], error: String((err as Error).message ?? err) });
      }
    }
  } finally {
    ss.deleteSheet(scratch);
    ss.setActiveSheet(before);
  }
  return { locale: currentLocale(), results };
}

/** Menu action (Help → Check this spreadsheet): the dialog that runs the check and shows it. */
export function showSpreadsheetCheck(): void {
  const locale = currentLocale();
  const page = HtmlService.createTemplateFromFile('Check');
  page.locale = locale;
  SpreadsheetApp.getUi().showModalDialog(page.evaluate().setWidth(560).setHeight(560), t(locale, 'check.title'));
}
