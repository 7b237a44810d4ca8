/**
 * Spreadsheet serial numbers <-> JavaScript Dates in a given IANA time zone.
 *
 * Sheets counts days from 1899-12-30 (the "serial number"); the fraction is the time of day.
 * A serial is a wall-clock time in the SPREADSHEET's time zone: a cell showing
 * 2026-01-05 09:00 in Asia/Shanghai is returned by Range.getValue() as the Date for the
 * instant 2026-01-05T01:00Z (https://developers.google.com/apps-script/reference/spreadsheet/range#getvalue
 * "Date" values; the spreadsheet setting "File > Settings > Time zone" decides the instant).
 */
import { zonedFormatter } from '../../../core/cadence/time';

const DAY_MS = 86_400_000;
/** 1899-12-30T00:00 as a UTC wall-clock epoch. */
const EPOCH_UTC = Date.UTC(1899, 11, 30);

const formatter = zonedFormatter;

/** The wall clock (as a UTC timestamp of the same fields) that `instantMs` shows in `tz`, asked of Intl. */
function exactWallClockMs(instantMs: number, tz: string): number {
  const parts = formatter(tz).formatToParts(new Date(instantMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const ms = ((instantMs % 1000) + 1000) % 1000;
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'), ms);
}

const HOUR_MS = 3_600_000;
/**
 * Time zone → hour (instant ÷ 1 h) → the zone's offset throughout that hour. A zone's offset only
 * changes at a transition, never twice within an hour: when the first and the last millisecond
 * of an hour have the same offset, every instant between has it. Intl is asked twice per hour of
 * the calendar instead of twice per date read (a 20,000-row log holds 40,000 dates); an hour with
 * a transition in it is answered exactly, instant by instant. The same answers, only sooner.
 */
const steadyOffsets = new Map<string, Map<number, number>>();

/** Offset of `tz` from UTC at the instant, in ms (positive east of Greenwich). */
export function tzOffsetMs(instantMs: number, tz: string): number {
  const hour = Math.floor(instantMs / HOUR_MS);
  let byHour = steadyOffsets.get(tz);
  if (!byHour) steadyOffsets.set(tz, (byHour = new Map()));
  const known = byHour.get(hour);
  if (known !== undefined) return known;
  const start = hour * HOUR_MS;
  const first = exactWallClockMs(start, tz) - start;
  const last = exactWallClockMs(start + HOUR_MS - 1, tz) - (start + HOUR_MS - 1);
  if (first !== last) return exactWallClockMs(instantMs, tz) - instantMs;
  byHour.set(hour, first);
  return first;
}

/** The wall clock (as a UTC timestamp of the same fields) that `instantMs` shows in `tz`. */
export function wallClockMs(instantMs: number, tz: string): number {
  return instantMs + tzOffsetMs(instantMs, tz);
}

/** Instant for a wall-clock time (given as UTC fields) in `tz`; handles DST by two passes. */
export function wallClockToInstant(wallMs: number, tz: string): number {
  let guess = wallMs - tzOffsetMs(wallMs, tz);
  const off2 = tzOffsetMs(guess, tz);
  guess = wallMs - off2;
  return guess;
}

export function dateToSerial(d: Date, tz: string): number {
  const wall = wallClockMs(d.getTime(), tz);
  return (wall - EPOCH_UTC) / DAY_MS;
}

export function serialToDate(serial: number, tz: string): Date {
  // Round to the millisecond so 0.375 days is exactly 09:00:00.000.
  const wall = EPOCH_UTC + Math.round(serial * DAY_MS);
  return new Date(wallClockToInstant(wall, tz));
}

/** Wall-clock fields of a serial (no time zone involved: a serial IS a wall-clock time). */
export function serialParts(serial: number): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
  ms: number;
} {
  const d = new Date(EPOCH_UTC + Math.round(serial * DAY_MS));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

export function partsToSerial(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  return (Date.UTC(y, mo - 1, d, h, mi, s) - EPOCH_UTC) / DAY_MS;
}

/** Throws a RangeError for an unknown zone, like Intl. */
export function isValidTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}
