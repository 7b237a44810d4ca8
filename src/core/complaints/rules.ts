/**
 * The complaint log's rules (issue 17), pure: due times, overdue flags, the one escalation, the
 * repeat-complaint test and the check-in after an unconfirmed close.
 *
 * Times are added on the spreadsheet's wall clock (serials through core/cadence/time), the way
 * a formula `received_at + SD_…_HOURS/24` on the tab computes them, so the live due-time columns
 * and these functions agree to the minute, across daylight-saving changes too. "Overdue" means
 * strictly after the due time: a reply at exactly 24 h is on time.
 */
import { todaySerial } from '../cadence/time';
import { addWallDays } from '../cadence/wall-time';
import type { Severity } from './lists';
import type { ComplaintSettings } from './settings';
import type { ShownStep } from './steps-tab';

/** One complaint as the rules need it (the server reads the row and turns list cells into keys). */
export interface ComplaintFacts {
  complaintId: string;
  customerId: string;
  /** ms */
  receivedAt: number;
  /** complaintItemKey('complaint_category', …): a built-in key or `custom:…`. */
  category: string;
  /** Null when not set: treated as medium. */
  severity: Severity | null;
  /** When the customer first heard back (see firstResponseAt); null while they have not. */
  firstResponseAt: number | null;
  closedAt: number | null;
  /** Asked at closing (seed 001 step 7); null when not recorded. */
  confirmedSatisfied: boolean | null;
  /** When the managers were e-mailed about a late first response. */
  escalatedAt: number | null;
  /** complaintItemKey('complaint_root_cause', …), '' when not recorded. */
  rootCause: string;
  lesson: string;
}

export function firstResponseDue(c: Pick<ComplaintFacts, 'receivedAt'>, s: ComplaintSettings, tz: string): number {
  return addWallDays(c.receivedAt, s.firstResponseHours / 24, tz);
}

export function resolutionDue(c: Pick<ComplaintFacts, 'receivedAt' | 'severity'>, s: ComplaintSettings, tz: string): number {
  return addWallDays(c.receivedAt, s.resolveDays[c.severity ?? 'medium'], tz);
}

/** A step's completion as stored on the complaint. */
export interface StepDone {
  key: string;
  /** ms, null when not done */
  doneAt: number | null;
}

/** The first response: the earliest done-at among the steps that are part of it. */
export function firstResponseAt(done: readonly StepDone[], checklist: readonly Pick<ShownStep, 'key' | 'firstResponse'>[]): number | null {
  const counts = new Set(checklist.filter((s) => s.firstResponse).map((s) => s.key));
  let best: number | null = null;
  for (const d of done) if (d.doneAt !== null && counts.has(d.key) && (best === null || d.doneAt < best)) best = d.doneAt;
  return best;
}

export interface ComplaintTimes {
  firstResponseDue: number;
  resolutionDue: number;
  /** No first response yet, and its time has passed. */
  firstResponseOverdue: boolean;
  /** Answered, but after the due time. */
  firstResponseLate: boolean;
  /** Still open after the resolution target. */
  resolutionOverdue: boolean;
  /** Closed, but after the resolution target. */
  resolvedLate: boolean;
}

export function complaintTimes(c: ComplaintFacts, now: number, s: ComplaintSettings, tz: string): ComplaintTimes {
  const fr = firstResponseDue(c, s, tz);
  const res = resolutionDue(c, s, tz);
  return {
    firstResponseDue: fr,
    resolutionDue: res,
    firstResponseOverdue: c.firstResponseAt === null && c.closedAt === null && now > fr,
    firstResponseLate: c.firstResponseAt !== null && c.firstResponseAt > fr,
    resolutionOverdue: c.closedAt === null && now > res,
    resolvedLate: c.closedAt !== null && c.closedAt > res,
  };
}

/**
 * Past its first-response time with no response and not escalated yet: e-mail the managers,
 * once. The cheap checks go first, so the hourly run over a long log does the time-zone
 * arithmetic only for the few complaints still waiting for an answer.
 */
export function needsEscalation(c: ComplaintFacts, now: number, s: ComplaintSettings, tz: string): boolean {
  return c.escalatedAt === null && c.firstResponseAt === null && c.closedAt === null && now > firstResponseDue(c, s, tz);
}

export function escalationsDue(complaints: Iterable<ComplaintFacts>, now: number, s: ComplaintSettings, tz: string): ComplaintFacts[] {
  const out: ComplaintFacts[] = [];
  for (const c of complaints) if (needsEscalation(c, now, s, tz)) out.push(c);
  return out;
}

/**
 * The complaints that are repeats: the same customer complained before, received at most
 * `repeatDays` calendar days earlier (the day exactly repeatDays before counts). Two received at
 * the same moment: the one with the later ID is the repeat.
 */
export function repeatComplaintIds(complaints: Iterable<ComplaintFacts>, s: ComplaintSettings, tz: string): Set<string> {
  const byCustomer = new Map<string, ComplaintFacts[]>();
  for (const c of complaints) {
    const id = c.customerId.trim();
    if (!id) continue;
    const list = byCustomer.get(id);
    if (list) list.push(c);
    else byCustomer.set(id, [c]);
  }
  const out = new Set<string>();
  for (const list of byCustomer.values()) {
    list.sort((a, b) => a.receivedAt - b.receivedAt || (a.complaintId < b.complaintId ? -1 : a.complaintId > b.complaintId ? 1 : 0));
    for (let i = 1; i < list.length; i++) {
      if (todaySerial(list[i].receivedAt, tz) - todaySerial(list[i - 1].receivedAt, tz) <= s.repeatDays) out.add(list[i].complaintId);
    }
  }
  return out;
}

/**
 * Closing the loop (seed 001 step 7): a complaint closed without the customer confirming they
 * are satisfied plans a check-in `checkinDays` after closing; a confirmed one plans nothing.
 */
export function checkInAfterClosing(c: Pick<ComplaintFacts, 'closedAt' | 'confirmedSatisfied'>, s: ComplaintSettings, tz: string): number | null {
  if (c.closedAt === null || c.confirmedSatisfied === true) return null;
  return addWallDays(c.closedAt, s.checkinDays, tz);
}

/**
 * What the script keeps on a new complaint's row for the repeat formula (previous_received_at):
 * the latest received time among the same customer's other complaints received at or before it
 * (null when none). The formula then applies the live repeat window, so changing the Setting
 * needs no rewrite; this agrees with repeatComplaintIds for complaints logged in the order received.
 */
export function previousComplaintAt(
  others: Iterable<{ complaintId: string; customerId: string; receivedAt: number | null }>,
  c: { complaintId: string; customerId: string; receivedAt: number },
): number | null {
  const want = c.customerId.trim().toLowerCase();
  const self = c.complaintId.trim().toLowerCase();
  let best: number | null = null;
  for (const o of others) {
    if (o.receivedAt === null || o.customerId.trim().toLowerCase() !== want) continue;
    if (self && o.complaintId.trim().toLowerCase() === self) continue;
    if (o.receivedAt <= c.receivedAt && (best === null || o.receivedAt > best)) best = o.receivedAt;
  }
  return best;
}
