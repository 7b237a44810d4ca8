/**
 * Instants on the spreadsheet's wall clock (core/cadence/time does the zone arithmetic):
 * adding time the way a formula `start + hours/24` on the sheet does, and showing an instant
 * as people read it there.
 */
import { instantOfSerial, isoDay, serialAt, zonedParts } from './time';

/**
 * `days` after an instant (fractions are hours), counted on the sheet's wall clock: 09:00 plus
 * one day is 09:00 the next day even across a daylight-saving change, as the sheet computes it.
 */
export function addWallDays(at: number, days: number, timeZone: string): number {
  return instantOfSerial(serialAt(at, timeZone) + days, timeZone);
}

/** `2026-03-02 09:30` in the sheet's zone, for e-mails and notes. */
export function wallTime(ms: number, timeZone: string): string {
  const p = zonedParts(ms, timeZone);
  return `${isoDay(ms, timeZone)} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}
