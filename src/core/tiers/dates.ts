/**
 * Calendar arithmetic on spreadsheet serial days (day 0 = 1899-12-30, the epoch of Google Sheets
 * and of HyperFormula as the runtime configures it). A serial's integer part is the date in the
 * spreadsheet's time zone, its fraction the time of day — the same numbers TODAY(), INT() and
 * EDATE() work on, so the reference computation and the formulas speak the same units.
 */

/** Days from the Sheets epoch to the Unix epoch (1970-01-01). */
const UNIX_EPOCH_SERIAL = 25569;
const DAY_MS = 86_400_000;

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function serialFromYmd(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / DAY_MS + UNIX_EPOCH_SERIAL;
}

export function ymdFromSerial(serial: number): Ymd {
  const dt = new Date((Math.floor(serial) - UNIX_EPOCH_SERIAL) * DAY_MS);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function ymdString(p: Ymd): string {
  return `${String(p.y).padStart(4, '0')}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
}

/** Days in a month (m 1–12, any year, months outside 1–12 wrap). */
function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The date `months` months from a date, as EDATE does: the day is kept, clamped to the month's end. */
export function addMonthsYmd(p: Ymd, months: number): Ymd {
  const idx = p.y * 12 + (p.m - 1) + Math.trunc(months);
  const y = Math.floor(idx / 12);
  const m = idx - y * 12 + 1;
  return { y, m, d: Math.min(p.d, daysInMonth(y, m)) };
}

/** EDATE(serial, months): a whole serial (the time of day is dropped, as in both engines). */
export function edate(serial: number, months: number): number {
  const p = addMonthsYmd(ymdFromSerial(serial), months);
  return serialFromYmd(p.y, p.m, p.d);
}

/** WEEKDAY(serial, 2): Monday 1 … Sunday 7. */
export function weekdayMon(serial: number): number {
  const dow = new Date((Math.floor(serial) - UNIX_EPOCH_SERIAL) * DAY_MS).getUTCDay(); // 0 = Sunday
  return dow === 0 ? 7 : dow;
}

/** Rounds away binary noise (0.7000000000000001) so a stored share compares cleanly with a setting. */
export function clean(x: number, digits = 9): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
