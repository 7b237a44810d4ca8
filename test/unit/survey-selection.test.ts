import { describe, expect, it } from 'vitest';
import { planSurveys, planCounts, skipText, surveySettings, type SurveyCustomer, type SurveySend, type PlanInput } from '../../src/core/survey';
import { at } from './bilingual-helpers';

const SH = 'Asia/Shanghai';
const LA = 'America/Los_Angeles';
const S = surveySettings(); // 1 month after delivery, every 3 months, throttle 30 d, reminder 5 d, expiry 14 d

function customer(over: Partial<SurveyCustomer> = {}): SurveyCustomer {
  return {
    customerId: 'C-000001',
    email: 'wang@example.com',
    doNotSurvey: false,
    locale: null,
    deliveredAt: [],
    customerSince: null,
    lastSurveyedAt: null,
    active: true,
    ...over,
  };
}

function send(over: Partial<SurveySend> = {}): SurveySend {
  return {
    round: 'R1',
    kind: 'relationship',
    customerId: 'C-000001',
    code: 'AAAA-AAAA-AAAA',
    locale: 'en',
    status: 'sent',
    deliveredAt: null,
    sentAt: null,
    reminderAt: null,
    answeredAt: null,
    ...over,
  };
}

function plan(customers: SurveyCustomer[], now: number, extra: Partial<PlanInput> = {}) {
  return planSurveys({ customers, sends: [], settings: S, now, timeZone: SH, defaultLocale: 'zh', ...extra });
}

describe('after-delivery survey', () => {
  it('is due exactly one calendar month after delivery, not a minute before (sheet time zone)', () => {
    const c = customer({ deliveredAt: [at('2026-01-15', SH)] });
    expect(plan([c], at('2026-02-14 23:59', SH)).due).toEqual([]);
    expect(plan([c], at('2026-02-15 00:00', SH)).due).toEqual([
      { customerId: 'C-000001', kind: 'after_delivery', email: 'wang@example.com', locale: 'zh', deliveredAt: at('2026-01-15', SH), dueDay: '2026-02-15' },
    ]);
  });

  it('counts months as EDATE does at month ends (Jan 31 → Feb 28, or 29 in a leap year)', () => {
    const c = customer({ deliveredAt: [at('2026-01-31', SH)] });
    expect(plan([c], at('2026-02-27 23:00', SH)).due).toEqual([]);
    expect(plan([c], at('2026-02-28 08:00', SH)).due[0].dueDay).toBe('2026-02-28');
    const leap = customer({ deliveredAt: [at('2028-01-31', SH)] });
    expect(plan([leap], at('2028-02-28 12:00', SH)).due).toEqual([]);
    expect(plan([leap], at('2028-02-29 00:00', SH)).due[0].dueDay).toBe('2028-02-29');
    const march = customer({ deliveredAt: [at('2026-03-31', SH)] });
    expect(plan([march], at('2026-04-30', SH)).due[0].dueDay).toBe('2026-04-30');
  });

  it('reads dates and "now" in the spreadsheet’s time zone, not UTC', () => {
    // 2026-02-15 01:00 in Shanghai is still 2026-02-14 in Los Angeles.
    const now = at('2026-02-15 01:00', SH);
    expect(plan([customer({ deliveredAt: [at('2026-01-15', SH)] })], now, { timeZone: SH }).due).toHaveLength(1);
    expect(plan([customer({ deliveredAt: [at('2026-01-15', LA)] })], now, { timeZone: LA }).due).toHaveLength(0);
    expect(plan([customer({ deliveredAt: [at('2026-01-15', LA)] })], at('2026-02-15 00:00', LA), { timeZone: LA }).due).toHaveLength(1);
  });

  it('uses the setting for the number of months', () => {
    const c = customer({ deliveredAt: [at('2026-01-15', SH)] });
    const two = surveySettings({ survey_after_delivery_months: 2 });
    expect(plan([c], at('2026-02-20', SH), { settings: two }).due).toEqual([]);
    expect(plan([c], at('2026-03-15', SH), { settings: two }).due[0].kind).toBe('after_delivery');
  });

  it('goes once per delivery: surveyed for that delivery → skipped, a newer delivery → due again', () => {
    const d1 = at('2026-01-15', SH);
    const done = send({ kind: 'after_delivery', deliveredAt: d1, sentAt: at('2026-02-15 10:00', SH), status: 'answered', answeredAt: at('2026-02-16', SH) });
    const p = plan([customer({ deliveredAt: [d1] })], at('2026-04-01', SH), { sends: [done] });
    expect(p.due).toEqual([]);
    expect(p.skipped).toEqual([{ customerId: 'C-000001', kind: 'after_delivery', reason: 'already_surveyed' }]);
    const d2 = at('2026-03-20', SH);
    const later = plan([customer({ deliveredAt: [d1, d2] })], at('2026-04-20', SH), { sends: [done] });
    expect(later.due.map((d) => [d.kind, d.dueDay])).toEqual([['after_delivery', '2026-04-20']]);
  });

  it('does not count a failed send as surveyed', () => {
    const d1 = at('2026-01-15', SH);
    const failed = send({ kind: 'after_delivery', deliveredAt: d1, sentAt: null, status: 'failed' });
    expect(plan([customer({ deliveredAt: [d1] })], at('2026-02-20', SH), { sends: [failed] }).due).toHaveLength(1);
  });

  it('lapses after one relationship interval: an old unsurveyed delivery gets the regular survey instead', () => {
    const c = customer({ deliveredAt: [at('2024-05-10', SH)], customerSince: at('2024-04-01', SH) });
    const p = plan([c], at('2026-03-01', SH));
    expect(p.due.map((d) => d.kind)).toEqual(['relationship']);
    // The last day of the window still asks about the delivery; the day after, the regular survey.
    const recent = customer({ deliveredAt: [at('2026-01-10', SH)], customerSince: at('2025-12-01', SH) });
    expect(plan([recent], at('2026-05-09', SH)).due[0].kind).toBe('after_delivery');
    expect(plan([recent], at('2026-05-10', SH)).due[0].kind).toBe('relationship');
  });

  it('wins over a relationship survey due at the same time', () => {
    const c = customer({ deliveredAt: [at('2026-01-10', SH)], lastSurveyedAt: at('2025-08-01', SH) });
    expect(plan([c], at('2026-02-12', SH)).due.map((d) => d.kind)).toEqual(['after_delivery']);
  });
});

describe('relationship survey', () => {
  it('is due an interval after the last survey, or after becoming a customer if never surveyed', () => {
    const never = customer({ customerSince: at('2025-10-10', SH) });
    expect(plan([never], at('2026-01-09 23:00', SH)).due).toEqual([]);
    expect(plan([never], at('2026-01-10', SH)).due.map((d) => [d.kind, d.dueDay, d.deliveredAt])).toEqual([['relationship', '2026-01-10', null]]);
    const surveyed = customer({ customerSince: at('2024-01-01', SH), lastSurveyedAt: at('2025-11-30 18:00', SH) });
    expect(plan([surveyed], at('2026-02-27', SH)).due).toEqual([]);
    expect(plan([surveyed], at('2026-02-28', SH)).due[0].dueDay).toBe('2026-02-28');
    const bySend = send({ sentAt: at('2025-12-01 09:00', SH), status: 'expired' });
    expect(plan([customer({ customerSince: at('2024-01-01', SH) })], at('2026-02-28', SH), { sends: [bySend] }).due).toEqual([]);
    expect(plan([customer({ customerSince: at('2024-01-01', SH) })], at('2026-03-01', SH), { sends: [bySend] }).due).toHaveLength(1);
  });

  it('starts from the first delivery when nothing else is known, and never for a lead or a lost customer', () => {
    const c = customer({ deliveredAt: [at('2025-06-01', SH), at('2025-04-01', SH)] });
    // Latest delivery's window lapsed on 2025-10-01; the clock starts at the first delivery.
    expect(plan([c], at('2025-10-02', SH)).due.map((d) => d.kind)).toEqual(['relationship']);
    expect(plan([customer()], at('2026-01-01', SH)).due).toEqual([]);
    expect(plan([customer({ customerSince: at('2024-01-01', SH), active: false })], at('2026-01-01', SH))).toEqual({
      due: [],
      skipped: [],
      reminders: [],
      expired: [],
    });
  });
});

describe('who is skipped and why', () => {
  const due = { customerSince: at('2025-01-01', SH) };
  const now = at('2026-03-01', SH);

  it('no e-mail, an invalid one, or "do not survey" (which wins over the others)', () => {
    const p = plan(
      [
        customer({ ...due, customerId: 'C-1', email: '' }),
        customer({ ...due, customerId: 'C-2', email: 'wang at example' }),
        customer({ ...due, customerId: 'C-3', doNotSurvey: true }),
        customer({ ...due, customerId: 'C-4', doNotSurvey: true, email: '' }),
        customer({ ...due, customerId: 'C-5', email: '  Li@Example.COM ' }),
      ],
      now,
    );
    expect(p.skipped.map((s) => [s.customerId, s.reason])).toEqual([
      ['C-1', 'no_email'],
      ['C-2', 'invalid_email'],
      ['C-3', 'do_not_survey'],
      ['C-4', 'do_not_survey'],
    ]);
    expect(p.due.map((d) => [d.customerId, d.email])).toEqual([['C-5', 'li@example.com']]);
  });

  it('a survey already queued, or one still waiting for its answer', () => {
    const queued = send({ customerId: 'C-1', status: 'queued' });
    const open = send({ customerId: 'C-2', status: 'sent', sentAt: at('2026-02-25', SH) });
    const p = plan([customer({ ...due, customerId: 'C-1' }), customer({ ...due, customerId: 'C-2', deliveredAt: [at('2026-01-20', SH)] })], now, {
      sends: [queued, open],
    });
    expect(p.skipped.map((s) => [s.customerId, s.kind, s.reason])).toEqual([
      ['C-1', 'relationship', 'queued'],
      ['C-2', 'after_delivery', 'awaiting_answer'],
    ]);
  });

  it('the throttle: surveyed fewer than N days ago; on day N the survey goes', () => {
    // A regular survey went on Feb 20; the delivery of Jan 25 opens its survey on Feb 25.
    const c = customer({ deliveredAt: [at('2026-01-25', SH)] });
    const sent = send({ sentAt: at('2026-02-20 23:30', SH), status: 'answered', answeredAt: at('2026-02-21', SH) });
    const before = plan([c], at('2026-03-21 23:59', SH), { sends: [sent] });
    expect(before.due).toEqual([]);
    expect(before.skipped).toEqual([
      { customerId: 'C-000001', kind: 'after_delivery', reason: 'surveyed_recently', lastSurveyedDay: '2026-02-20', nextPossibleDay: '2026-03-22' },
    ]);
    expect(plan([c], at('2026-03-22 00:00', SH), { sends: [sent] }).due).toHaveLength(1);
    const week = surveySettings({ survey_throttle_days: 7 });
    expect(plan([c], at('2026-02-26', SH), { sends: [sent], settings: week }).skipped[0].reason).toBe('surveyed_recently');
    expect(plan([c], at('2026-02-27', SH), { sends: [sent], settings: week }).due).toHaveLength(1);
  });

  it('throttles a survey typed in by hand too, in the sheet’s time zone', () => {
    const c = customer({ deliveredAt: [at('2026-01-25', LA)], lastSurveyedAt: at('2026-02-20 23:30', LA) });
    expect(plan([c], at('2026-03-21 12:00', LA), { timeZone: LA }).skipped[0].reason).toBe('surveyed_recently');
    expect(plan([c], at('2026-03-22 00:00', LA), { timeZone: LA }).due).toHaveLength(1);
  });

  it('counts everything for the sidebar', () => {
    const p = plan(
      [
        customer({ ...due, customerId: 'C-1', email: '' }),
        customer({ ...due, customerId: 'C-2' }),
        customer({ customerId: 'C-3', deliveredAt: [at('2026-01-20', SH)] }),
        customer({ ...due, customerId: 'C-4', doNotSurvey: true }),
      ],
      now,
    );
    expect(planCounts(p)).toEqual({
      afterDelivery: 1,
      relationship: 1,
      reminders: 0,
      expired: 0,
      skipped: { do_not_survey: 1, no_email: 1, invalid_email: 0, queued: 0, awaiting_answer: 0, surveyed_recently: 0, already_surveyed: 0 },
    });
  });

  it('says why in the user’s language', () => {
    const recent = {
      customerId: 'C-1',
      kind: 'after_delivery' as const,
      reason: 'surveyed_recently' as const,
      lastSurveyedDay: '2026-02-20',
      nextPossibleDay: '2026-03-22',
    };
    expect(skipText(recent, 'en')).toBe('Surveyed on 2026-02-20; the next survey can go from 2026-03-22');
    expect(skipText(recent, 'zh')).toBe('已于 2026-02-20 调查过；2026-03-22 起才能再次发送');
    expect(skipText({ customerId: 'C-1', kind: 'relationship', reason: 'do_not_survey' }, 'zh')).toBe('已标记为“不接受调查”');
  });

  it('plans a customer listed twice once', () => {
    expect(plan([customer(due), customer(due)], now).due).toHaveLength(1);
  });

  it('uses the customer’s language, else the workbook’s', () => {
    const p = plan([customer({ ...due, customerId: 'C-1', locale: 'en' }), customer({ ...due, customerId: 'C-2' })], now, { defaultLocale: 'zh' });
    expect(p.due.map((d) => [d.customerId, d.locale])).toEqual([
      ['C-1', 'en'],
      ['C-2', 'zh'],
    ]);
  });
});

describe('reminder and expiry', () => {
  const c = customer({ customerSince: at('2025-01-01', SH) });
  const sent = send({ sentAt: at('2026-03-01 23:30', SH) });

  it('one reminder on day N after sending, in the sheet’s calendar days', () => {
    expect(plan([c], at('2026-03-05 23:59', SH), { sends: [sent] }).reminders).toEqual([]);
    expect(plan([c], at('2026-03-06 00:00', SH), { sends: [sent] }).reminders).toEqual([{ send: sent, email: 'wang@example.com' }]);
    expect(plan([c], at('2026-03-10', SH), { sends: [{ ...sent, reminderAt: at('2026-03-06', SH) }] }).reminders).toEqual([]);
    expect(plan([c], at('2026-03-10', SH), { sends: [{ ...sent, status: 'answered', answeredAt: at('2026-03-07', SH) }] }).reminders).toEqual([]);
  });

  it('no reminder to a customer who has since asked not to be surveyed or lost their e-mail', () => {
    expect(plan([{ ...c, doNotSurvey: true }], at('2026-03-07', SH), { sends: [sent] }).reminders).toEqual([]);
    expect(plan([{ ...c, email: '' }], at('2026-03-07', SH), { sends: [sent] }).reminders).toEqual([]);
    expect(plan([], at('2026-03-07', SH), { sends: [sent] }).reminders).toEqual([]);
  });

  it('the link expires on day M: listed once as expired, no reminder any more, and no longer blocks a new survey', () => {
    const day13 = plan([c], at('2026-03-14 23:59', SH), { sends: [sent] });
    expect(day13.expired).toEqual([]);
    expect(day13.reminders).toHaveLength(1);
    const day14 = plan([c], at('2026-03-15 00:00', SH), { sends: [sent] });
    expect(day14.expired).toEqual([sent]);
    expect(day14.reminders).toEqual([]);
    expect(plan([c], at('2026-03-20', SH), { sends: [{ ...sent, status: 'expired' }] }).expired).toEqual([]);
  });

  it('a reminder and expiry on the same day: expiry wins', () => {
    const same = surveySettings({ survey_reminder_days: 7, survey_expiry_days: 7 });
    const p = plan([c], at('2026-03-08', SH), { sends: [sent], settings: same });
    expect(p.reminders).toEqual([]);
    expect(p.expired).toEqual([sent]);
  });
});
