/**
 * Who gets a survey now (issue 14's Send survey sidebar and the dispatcher's reminder and
 * expiry pass), as one pure function over what the server read in one batch.
 *
 * The seeds' two occasions:
 * - after delivery (seed 002 S6.2): the latest delivery is at least `afterDeliveryMonths`
 *   calendar months old (EDATE, so Jan 31 + 1 month is Feb 28/29) and that delivery has not
 *   been surveyed. The occasion lapses one relationship interval after it opened — our choice,
 *   so importing an old delivery history does not send "how was your delivery?" about a
 *   delivery two years ago; from then on the relationship survey covers the customer;
 * - relationship (seed 000 §3.3): an active customer whose last survey is at least
 *   `intervalMonths` old; one never surveyed counts from when they became a customer (or their
 *   first delivery).
 * When both apply, the after-delivery survey goes (it is the more specific question).
 *
 * Then the guards, first match wins: "do not survey" (the customer's wish beats everything),
 * no e-mail, an invalid e-mail, a survey already queued, one still waiting for its answer, and
 * the throttle (nobody is surveyed twice within `throttleDays`). A customer whose
 * after-delivery occasion is open but already surveyed is listed as skipped too, so the counts
 * before sending explain themselves.
 *
 * All day arithmetic is in the spreadsheet's time zone through core/cadence/time (serial days,
 * as TODAY() and EDATE() see them).
 */
import { todaySerial, isoDayOfSerial } from '../cadence/time';
import { t, type Locale } from '../i18n';
import { edate } from '../tiers/dates';
import { checkEmail, normalizeEmail } from '../validation/rules';
import type { SurveyKind } from './lists';
import { isExpiredAt, isOpen, reminderDay, wasSent, type SurveySend } from './sends';
import type { SurveySettings } from './read-settings';

export interface SurveyCustomer {
  customerId: string;
  email: string;
  doNotSurvey: boolean;
  /** The customer's language, if the register says; else the workbook's. */
  locale: Locale | null;
  /** Delivery dates of the customer's deals (instants of the date cells). */
  deliveredAt: readonly number[];
  /** When they became a customer (first deal won), if known. */
  customerSince: number | null;
  /** A survey recorded outside the Survey sends tab (answers typed in by hand), if any. */
  lastSurveyedAt: number | null;
  /** Lost customers and leads are not active: they get no survey. */
  active: boolean;
}

export type SkipReason = 'do_not_survey' | 'no_email' | 'invalid_email' | 'queued' | 'awaiting_answer' | 'surveyed_recently' | 'already_surveyed';
export const SKIP_REASONS: readonly SkipReason[] = [
  'do_not_survey',
  'no_email',
  'invalid_email',
  'queued',
  'awaiting_answer',
  'surveyed_recently',
  'already_surveyed',
];

export interface DueSurvey {
  customerId: string;
  kind: SurveyKind;
  /** Normalised (trimmed, lower case). */
  email: string;
  locale: Locale;
  /** The delivery an after-delivery survey is about; null for a relationship survey. */
  deliveredAt: number | null;
  /** The day (YYYY-MM-DD, sheet's zone) it became due. */
  dueDay: string;
}

export interface SkippedSurvey {
  customerId: string;
  kind: SurveyKind;
  reason: SkipReason;
  /** For surveyed_recently: the last survey's day and the first day another may go. */
  lastSurveyedDay?: string;
  nextPossibleDay?: string;
}

export interface ReminderDue {
  send: SurveySend;
  email: string;
}

export interface SurveyPlan {
  due: DueSurvey[];
  skipped: SkippedSurvey[];
  /** Open links whose one reminder is due today (customer still reachable and willing). */
  reminders: ReminderDue[];
  /** Links still marked sent whose expiry day has come: the server marks them expired. */
  expired: SurveySend[];
}

export interface PlanInput {
  customers: readonly SurveyCustomer[];
  sends: readonly SurveySend[];
  settings: SurveySettings;
  now: number;
  timeZone: string;
  /** The workbook's language, for customers without one. */
  defaultLocale: Locale;
}

type Occasion = { kind: SurveyKind; dueSerial: number; deliveredAt: number | null };

function byCustomer(sends: readonly SurveySend[]): Map<string, SurveySend[]> {
  const m = new Map<string, SurveySend[]>();
  for (const s of sends) {
    const id = s.customerId.trim();
    const list = m.get(id);
    if (list) list.push(s);
    else m.set(id, [s]);
  }
  return m;
}

function latest(xs: Iterable<number | null>): number | null {
  let best: number | null = null;
  for (const x of xs) if (x !== null && (best === null || x > best)) best = x;
  return best;
}

/** The last time the customer was surveyed (a link that went out, or a hand-recorded survey). */
export function lastSurveyed(c: Pick<SurveyCustomer, 'lastSurveyedAt'>, sends: readonly SurveySend[]): number | null {
  return latest([c.lastSurveyedAt, ...sends.filter(wasSent).map((s) => s.sentAt)]);
}

interface Assessment {
  occasion: Occasion | null;
  /** The after-delivery occasion is open but that delivery was surveyed already. */
  alreadySurveyed: Occasion | null;
}

function assess(c: SurveyCustomer, sends: readonly SurveySend[], s: SurveySettings, today: number, tz: string): Assessment {
  if (!c.active) return { occasion: null, alreadySurveyed: null };
  let afterDelivery: Occasion | null = null;
  let alreadySurveyed: Occasion | null = null;
  const lastDelivery = latest(c.deliveredAt);
  if (lastDelivery !== null) {
    const day = todaySerial(lastDelivery, tz);
    const opens = edate(day, s.afterDeliveryMonths);
    const lapses = edate(day, s.afterDeliveryMonths + s.intervalMonths);
    if (today >= opens && today < lapses) {
      const occ: Occasion = { kind: 'after_delivery', dueSerial: opens, deliveredAt: lastDelivery };
      const done = sends.some((x) => x.kind === 'after_delivery' && wasSent(x) && x.deliveredAt !== null && todaySerial(x.deliveredAt, tz) === day);
      if (done) alreadySurveyed = occ;
      else afterDelivery = occ;
    }
  }
  if (afterDelivery) return { occasion: afterDelivery, alreadySurveyed: null };
  const firstDelivery = c.deliveredAt.length ? Math.min(...c.deliveredAt) : null;
  const base = lastSurveyed(c, sends) ?? c.customerSince ?? firstDelivery;
  if (base !== null) {
    const due = edate(todaySerial(base, tz), s.intervalMonths);
    if (today >= due) return { occasion: { kind: 'relationship', dueSerial: due, deliveredAt: null }, alreadySurveyed: null };
  }
  return { occasion: null, alreadySurveyed };
}

function reachable(c: SurveyCustomer): 'do_not_survey' | 'no_email' | 'invalid_email' | null {
  if (c.doNotSurvey) return 'do_not_survey';
  if (!c.email.trim()) return 'no_email';
  if (checkEmail(c.email)) return 'invalid_email';
  return null;
}

export function planSurveys(input: PlanInput): SurveyPlan {
  const { settings: s, now, timeZone: tz } = input;
  const today = todaySerial(now, tz);
  const sendsOf = byCustomer(input.sends);
  const plan: SurveyPlan = { due: [], skipped: [], reminders: [], expired: [] };
  const customers = new Map<string, SurveyCustomer>();

  for (const c of input.customers) {
    const id = c.customerId.trim();
    if (!id || customers.has(id)) continue; // a customer listed twice is planned once
    customers.set(id, c);
    const sends = sendsOf.get(id) ?? [];
    const { occasion, alreadySurveyed } = assess(c, sends, s, today, tz);
    if (!occasion) {
      if (alreadySurveyed) plan.skipped.push({ customerId: id, kind: alreadySurveyed.kind, reason: 'already_surveyed' });
      continue;
    }
    const skip = (reason: SkipReason, extra: Partial<SkippedSurvey> = {}) => plan.skipped.push({ customerId: id, kind: occasion.kind, reason, ...extra });
    const unreachable = reachable(c);
    if (unreachable) {
      skip(unreachable);
      continue;
    }
    if (sends.some((x) => x.status === 'queued')) {
      skip('queued');
      continue;
    }
    if (sends.some((x) => isOpen(x) && !isExpiredAt(x, now, s, tz))) {
      skip('awaiting_answer');
      continue;
    }
    const last = lastSurveyed(c, sends);
    if (last !== null && today - todaySerial(last, tz) < s.throttleDays) {
      const lastDay = todaySerial(last, tz);
      skip('surveyed_recently', { lastSurveyedDay: isoDayOfSerial(lastDay), nextPossibleDay: isoDayOfSerial(lastDay + s.throttleDays) });
      continue;
    }
    plan.due.push({
      customerId: id,
      kind: occasion.kind,
      email: normalizeEmail(c.email),
      locale: c.locale ?? input.defaultLocale,
      deliveredAt: occasion.deliveredAt,
      dueDay: isoDayOfSerial(occasion.dueSerial),
    });
  }

  for (const send of input.sends) {
    if (!isOpen(send)) continue;
    if (isExpiredAt(send, now, s, tz)) {
      plan.expired.push(send);
      continue;
    }
    if (send.reminderAt !== null) continue;
    const day = reminderDay(send, s, tz);
    if (day === null || today < day) continue;
    const c = customers.get(send.customerId.trim());
    if (!c || reachable(c)) continue; // gone, unwilling now, or no usable address: no reminder
    plan.reminders.push({ send, email: normalizeEmail(c.email) });
  }
  return plan;
}

export interface PlanCounts {
  afterDelivery: number;
  relationship: number;
  reminders: number;
  expired: number;
  skipped: Record<SkipReason, number>;
}

/** The counts the sidebar shows before anything is sent. */
export function planCounts(plan: SurveyPlan): PlanCounts {
  const skipped = Object.fromEntries(SKIP_REASONS.map((r) => [r, 0])) as Record<SkipReason, number>;
  for (const x of plan.skipped) skipped[x.reason]++;
  return {
    afterDelivery: plan.due.filter((d) => d.kind === 'after_delivery').length,
    relationship: plan.due.filter((d) => d.kind === 'relationship').length,
    reminders: plan.reminders.length,
    expired: plan.expired.length,
    skipped,
  };
}

/** Why a customer is skipped, as the sidebar lists it. */
export function skipText(x: SkippedSurvey, locale: Locale): string {
  if (x.reason === 'surveyed_recently') return t(locale, 'survey.skip.surveyed_recently', { last: x.lastSurveyedDay ?? '', next: x.nextPossibleDay ?? '' });
  return t(locale, `survey.skip.${x.reason}`);
}
