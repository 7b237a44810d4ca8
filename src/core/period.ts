/** A reporting period for the Dashboard's measures: instants (ms), `from` inclusive, `to` exclusive. */
export interface Period {
  from: number;
  to: number;
}

/** True when `at` lies in the period; no period means "all time". */
export function inPeriod(at: number, period?: Period): boolean {
  return !period || (at >= period.from && at < period.to);
}
