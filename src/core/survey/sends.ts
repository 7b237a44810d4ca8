/**
 * One personal survey link as the Survey sends tab records it, and the two clocks that run on
 * it: one reminder `reminderDays` after sending, expiry `expiryDays` after sending. Both count
 * calendar days in the spreadsheet's time zone (core/cadence/time), as TODAY() does, so a link
 * sent at 23:30 is a day old at midnight — the rule a formula on the tab would apply too.
 */
import { todaySerial } from '../cadence/time';
import type { Locale } from '../i18n/locale';
import { parseReferenceCode } from './codes';
import type { SendStatus, SurveyKind } from './lists';
import type { SurveySettings } from './read-settings';

export interface SurveySend {
  /** The round (a send run) it belongs to: opaque, the KPIs group by it. */
  round: string;
  kind: SurveyKind;
  customerId: string;
  /** Canonical reference code (parseReferenceCode's form). */
  code: string;
  /** The language of the form the link opens (a reminder repeats the same link, so the same language). */
  locale: Locale;
  status: SendStatus;
  /** For an after-delivery survey: the delivery it is about (the instant of the date cell). */
  deliveredAt: number | null;
  /** Instants (ms). */
  sentAt: number | null;
  reminderAt: number | null;
  answeredAt: number | null;
}

/** A link that went out: it counts as "surveyed" and can be answered, reminded or expire. */
export function wasSent(s: SurveySend): boolean {
  return s.sentAt !== null && (s.status === 'sent' || s.status === 'answered' || s.status === 'expired');
}

export function isAnswered(s: SurveySend): boolean {
  return s.status === 'answered' || s.answeredAt !== null;
}

/** The day (serial in the sheet's zone) the link expires: from then on an answer is flagged. */
export function expiryDay(s: SurveySend, settings: Pick<SurveySettings, 'expiryDays'>, timeZone: string): number | null {
  return s.sentAt === null ? null : todaySerial(s.sentAt, timeZone) + settings.expiryDays;
}

/** The day the one reminder is due. */
export function reminderDay(s: SurveySend, settings: Pick<SurveySettings, 'reminderDays'>, timeZone: string): number | null {
  return s.sentAt === null ? null : todaySerial(s.sentAt, timeZone) + settings.reminderDays;
}

/** True when the link has expired at `at`: marked so, or past its expiry day. */
export function isExpiredAt(s: SurveySend, at: number, settings: Pick<SurveySettings, 'expiryDays'>, timeZone: string): boolean {
  if (s.status === 'expired') return true;
  const day = expiryDay(s, settings, timeZone);
  return day !== null && todaySerial(at, timeZone) >= day;
}

/** A sent link waiting for its answer (not answered, not marked expired). */
export function isOpen(s: SurveySend): boolean {
  return s.status === 'sent' && s.sentAt !== null && !isAnswered(s);
}

/**
 * The sends by canonical code, for matching answers back. A code someone retyped on the tab in
 * another case or spacing still matches; a cell that no longer reads as a code matches nothing.
 */
export function sendsByCode(sends: Iterable<SurveySend>): Map<string, SurveySend> {
  const out = new Map<string, SurveySend>();
  for (const s of sends) {
    const p = parseReferenceCode(s.code);
    if (p.ok) out.set(p.code, s);
  }
  return out;
}
