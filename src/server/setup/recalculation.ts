/**
 * The spreadsheet's recalculation interval. Sheets recalculates TODAY() and NOW() only when
 * something is edited unless the interval says otherwise
 * (https://support.google.com/docs/answer/3093329,
 * https://developers.google.com/apps-script/reference/spreadsheet/recalculation-interval), so
 * without it an untouched workbook would show yesterday's "overdue" and "due today".
 *
 * Hourly, not every minute: the finest rules are the 24-hour written answer to an objection and
 * the 24-hour contact of a High-intention customer, where an hour is at most 1/24 of the
 * window; the reminder dispatcher runs hourly (add-on time triggers cannot run more often), so
 * nothing the add-in does acts on a finer clock; and a per-minute interval would recompute
 * every volatile array formula over every customer sixty times an hour, which slows each
 * script run while it happens. Set-up sets it; a repair run restores it.
 */
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Returns true when it had to set the interval. */
export function ensureRecalculationInterval(ss: Spreadsheet): boolean {
  const hourly = SpreadsheetApp.RecalculationInterval.HOUR;
  if (String(ss.getRecalculationInterval()) === String(hourly)) return false;
  ss.setRecalculationInterval(hourly);
  return true;
}
