/**
 * Time in the SPREADSHEET's time zone, never the machine's. Apps Script runs in the script's
 * time zone (appsscript.json) and a test machine in its own TZ; the sheet shows and TODAY()
 * computes dates in the spreadsheet's zone (Spreadsheet.getSpreadsheetTimeZone()). Everything
 * here goes through Intl.DateTimeFormat with an explicit timeZone, which the V8 runtime of Apps
 * Script supports (https://developers.google.com/apps-script/guides/v8-runtime), so the result
 * does not depend on process.env.TZ.
 *
 * A "serial" is a Sheets date number: days since 1899-12-30 in the spreadsheet's zone, the time
 * of day as the fraction — the unit src/core/tiers works in and TODAY()/INT() compute with.
 */
import { serialFromYmd } from '../tiers/dates';

const DAY_MS = 86_400_000;
const UNIX_EPOCH_SERIAL = 25569;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A cached formatter giving 24-hour wall-clock fields in `timeZone` (shared with the local runtime). */
export function zonedFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface ZonedParts {
  y: number;
  m: number;
  d: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock date and time of an instant in a time zone. */
export function zonedParts(ms: number, timeZone: string): ZonedParts {
  const out: Record<string, number> = {};
  for (const p of zonedFormatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') out[p.type] = parseInt(p.value, 10);
  }
  return { y: out.year, m: out.month, d: out.day, hour: out.hour % 24, minute: out.minute, second: out.second };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  const wall = Date.UTC(p.y, p.m - 1, p.d, p.hour, p.minute, p.second);
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The serial (days, fraction = time of day) of an instant in the zone. */
export function serialAt(ms: number, timeZone: string): number {
  return (ms + zoneOffsetMs(ms, timeZone)) / DAY_MS + UNIX_EPOCH_SERIAL;
}

/** The instant a serial names in the zone (a wall time skipped by a DST jump lands after it). */
export function instantOfSerial(serial: number, timeZone: string): number {
  const wall = Math.round((serial - UNIX_EPOCH_SERIAL) * DAY_MS);
  const before = zoneOffsetMs(wall - DAY_MS / 2, timeZone);
  const after = zoneOffsetMs(wall + DAY_MS / 2, timeZone);
  const exact = [wall - before, wall - after].filter((ms) => wall - ms === zoneOffsetMs(ms, timeZone)).sort((a, b) => a - b);
  // A repeated wall time (clocks going back) is its first occurrence; a skipped one (clocks
  // going forward) is read with the offset before the jump, which lands after it.
  return exact.length ? exact[0] : wall - before;
}

/** Today's date serial (midnight) in the zone. */
export function todaySerial(ms: number, timeZone: string): number {
  return Math.floor(serialAt(ms, timeZone));
}

/** 'YYYY-MM-DD' of an instant in the zone. */
export function isoDay(ms: number, timeZone: string): string {
  const p = zonedParts(ms, timeZone);
  return `${String(p.y).padStart(4, '0')}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
}

/** The wall-clock hour (0–23) of an instant in the zone. */
export function zonedHour(ms: number, timeZone: string): number {
  return zonedParts(ms, timeZone).hour;
}

/** Serial of midnight of 'YYYY-MM-DD' (no zone needed: a serial is already local). */
export function serialOfIsoDay(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const y = +m[1];
  const mo = +m[2];
  const d = +m[3];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS + UNIX_EPOCH_SERIAL;
}

/** 'YYYY-MM-DD' of a serial. */
export function isoDayOfSerial(serial: number): string {
  return new Date((Math.floor(serial) - UNIX_EPOCH_SERIAL) * DAY_MS).toISOString().slice(0, 10);
}

/** True when the zone name is one Intl knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    zonedFormatter(timeZone);
    return true;
  } catch (_e) {
    return false;
  }
}

/** The instant (ms) of midnight starting a calendar day in the zone. */
export function zonedMidnight(day: { y: number; m: number; d: number }, timeZone: string): number {
  return instantOfSerial(serialFromYmd(day.y, day.m, day.d), timeZone);
}
