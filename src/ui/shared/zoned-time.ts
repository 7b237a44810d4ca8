/**
 * Date-and-time fields in the SPREADSHEET's time zone (what the sheet's formulas and the
 * server use), whatever zone the browser is in: a rep travelling abroad still records
 * "10:00" as the team's 10:00. The server sends the zone with the form data.
 */
import { instantOfSerial, isoDayOfSerial, serialAt, serialOfIsoDay } from '../../core/cadence';

/** The value for an <input type="datetime-local"> showing instant `ms` in `timeZone`. */
export function zonedInput(ms: number, timeZone: string): string {
  const s = serialAt(ms, timeZone);
  const day = isoDayOfSerial(s);
  // The minute the instant falls in (a clock shows 10:14 until 10:15); the epsilon absorbs float error.
  const minutes = Math.floor((s - Math.floor(s)) * 1440 + 1e-6) % 1440;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${day}T${p(Math.floor(minutes / 60))}:${p(minutes % 60)}`;
}

/** datetime-local value (in `timeZone`) → ISO instant; '' stays ''; anything unreadable is sent as is for the server to reject. */
export function zonedIso(v: string, timeZone: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(v);
  if (!m) return v;
  const day = serialOfIsoDay(m[1]);
  if (day === null) return v;
  return new Date(instantOfSerial(day + (+m[2] * 60 + +m[3]) / 1440, timeZone)).toISOString();
}
