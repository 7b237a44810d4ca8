/**
 * Reference computations of the complaint measures (issue 17, on issue 16's Dashboard), to
 * check the sheet's formulas against. A period is [from, to) on the time the complaint was
 * received; each measure is null when there is nothing to measure (the formula shows blank).
 */
import { serialAt } from '../cadence/time';
import { median } from '../objections/kpis';
import { inPeriod, type Period } from '../period';
import type { Severity } from './lists';
import { firstResponseDue, repeatComplaintIds, type ComplaintFacts } from './rules';
import type { ComplaintSettings } from './settings';

function received(cs: Iterable<ComplaintFacts>, period?: Period): ComplaintFacts[] {
  const out: ComplaintFacts[] = [];
  for (const c of cs) if (inPeriod(c.receivedAt, period)) out.push(c);
  return out;
}

/** Complaints received, optionally of one category and/or severity. */
export function complaintCount(cs: Iterable<ComplaintFacts>, filter: { category?: string; severity?: Severity } = {}, period?: Period): number {
  return received(cs, period).filter(
    (c) => (filter.category === undefined || c.category === filter.category) && (filter.severity === undefined || c.severity === filter.severity),
  ).length;
}

/**
 * First response within time: of the complaints answered or already past their first-response
 * time at `now`, the share answered by the due time (as the objections' on-time measure).
 */
export function firstResponseOnTimeShare(cs: Iterable<ComplaintFacts>, now: number, s: ComplaintSettings, tz: string, period?: Period): number | null {
  let on = 0;
  let of = 0;
  for (const c of received(cs, period)) {
    const due = firstResponseDue(c, s, tz);
    if (c.firstResponseAt !== null && c.firstResponseAt <= due) on++;
    if (c.firstResponseAt !== null || now > due) of++;
  }
  return of ? on / of : null;
}

/** Median days from received to closed over closed complaints (wall-clock days, as the sheet subtracts). */
export function medianResolutionDays(cs: Iterable<ComplaintFacts>, tz: string, period?: Period): number | null {
  const days = received(cs, period)
    .filter((c) => c.closedAt !== null)
    .map((c) => serialAt(c.closedAt!, tz) - serialAt(c.receivedAt, tz));
  return median(days);
}

/** Of the closed complaints, the share whose customer confirmed they are satisfied. */
export function confirmedSatisfiedShare(cs: Iterable<ComplaintFacts>, period?: Period): number | null {
  const closed = received(cs, period).filter((c) => c.closedAt !== null);
  return closed.length ? closed.filter((c) => c.confirmedSatisfied === true).length / closed.length : null;
}

/** Repeat complaints received in the period (the earlier complaint may lie before it). */
export function repeatComplaintCount(all: readonly ComplaintFacts[], s: ComplaintSettings, tz: string, period?: Period): number {
  const repeats = repeatComplaintIds(all, s, tz);
  return received(all, period).filter((c) => repeats.has(c.complaintId)).length;
}

/** Complaints received per 100 active customers. */
export function complaintsPer100Customers(cs: Iterable<ComplaintFacts>, activeCustomers: number, period?: Period): number | null {
  return activeCustomers > 0 ? (100 * received(cs, period).length) / activeCustomers : null;
}
