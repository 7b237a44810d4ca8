import { describe, expect, it } from 'vitest';
import {
  complaintSettings,
  complaintTimes,
  firstResponseDue,
  resolutionDue,
  needsEscalation,
  escalationsDue,
  repeatComplaintIds,
  checkInAfterClosing,
  firstResponseAt,
  whatWentWrong,
  escalationMail,
  COMPLAINT_STEPS,
  type ComplaintFacts,
} from '../../src/core/complaints';
import { at } from './bilingual-helpers';

const SH = 'Asia/Shanghai';
const NY = 'America/New_York';
const S = complaintSettings();
const H = 3_600_000;

function complaint(over: Partial<ComplaintFacts> = {}): ComplaintFacts {
  return {
    complaintId: 'K-000001',
    customerId: 'C-000001',
    receivedAt: at('2026-03-02 09:15', SH),
    category: 'delivery',
    severity: 'medium',
    firstResponseAt: null,
    closedAt: null,
    confirmedSatisfied: null,
    escalatedAt: null,
    rootCause: '',
    lesson: '',
    ...over,
  };
}

describe('due times and overdue flags', () => {
  it('first response within 24 h; exactly at the due time is on time, a minute later is overdue', () => {
    const c = complaint();
    expect(firstResponseDue(c, S, SH)).toBe(at('2026-03-03 09:15', SH));
    expect(complaintTimes(c, at('2026-03-03 09:15', SH), S, SH).firstResponseOverdue).toBe(false);
    expect(complaintTimes(c, at('2026-03-03 09:16', SH), S, SH).firstResponseOverdue).toBe(true);
    const answered = complaint({ firstResponseAt: at('2026-03-03 09:15', SH) });
    expect(complaintTimes(answered, at('2026-03-05', SH), S, SH)).toMatchObject({ firstResponseOverdue: false, firstResponseLate: false });
    expect(complaintTimes(complaint({ firstResponseAt: at('2026-03-03 10:00', SH) }), at('2026-03-05', SH), S, SH).firstResponseLate).toBe(true);
  });

  it('counts on the sheet’s wall clock across a daylight-saving change (as the sheet’s formula does)', () => {
    const c = complaint({ receivedAt: at('2026-03-07 10:00', NY) });
    expect(firstResponseDue(c, S, NY)).toBe(at('2026-03-08 10:00', NY));
    expect(firstResponseDue(c, S, NY) - c.receivedAt).toBe(23 * H);
  });

  it('resolution target by severity; no severity counts as medium', () => {
    const r = (severity: ComplaintFacts['severity']) => resolutionDue(complaint({ severity }), S, SH);
    expect(r('high')).toBe(at('2026-03-04 09:15', SH));
    expect(r('medium')).toBe(at('2026-03-09 09:15', SH));
    expect(r('low')).toBe(at('2026-03-16 09:15', SH));
    expect(r(null)).toBe(r('medium'));
    const open = complaint({ severity: 'high' });
    expect(complaintTimes(open, at('2026-03-04 09:15', SH), S, SH).resolutionOverdue).toBe(false);
    expect(complaintTimes(open, at('2026-03-04 09:16', SH), S, SH).resolutionOverdue).toBe(true);
    const closedLate = complaint({ severity: 'high', closedAt: at('2026-03-05', SH), firstResponseAt: at('2026-03-02 10:00', SH) });
    expect(complaintTimes(closedLate, at('2026-03-20', SH), S, SH)).toMatchObject({
      resolutionOverdue: false,
      resolvedLate: true,
      firstResponseOverdue: false,
    });
  });

  it('the settings change the times', () => {
    const fast = complaintSettings({ complaint_first_response_hours: 4, complaint_resolve_medium_days: 3 });
    expect(firstResponseDue(complaint(), fast, SH)).toBe(at('2026-03-02 13:15', SH));
    expect(resolutionDue(complaint(), fast, SH)).toBe(at('2026-03-05 09:15', SH));
  });
});

describe('escalation to the managers, once', () => {
  const late = at('2026-03-03 12:00', SH);

  it('past the first-response time with no response and not escalated yet', () => {
    expect(needsEscalation(complaint(), late, S, SH)).toBe(true);
    expect(needsEscalation(complaint(), at('2026-03-03 09:00', SH), S, SH)).toBe(false);
    expect(needsEscalation(complaint({ escalatedAt: at('2026-03-03 10:00', SH) }), late, S, SH)).toBe(false);
    expect(needsEscalation(complaint({ firstResponseAt: at('2026-03-03 11:00', SH) }), late, S, SH)).toBe(false);
    expect(needsEscalation(complaint({ closedAt: at('2026-03-02 18:00', SH) }), late, S, SH)).toBe(false);
  });

  it('an hourly run that records what it sent never escalates a complaint twice', () => {
    const log = [
      complaint({ complaintId: 'K-1' }),
      complaint({ complaintId: 'K-2', receivedAt: at('2026-03-02 20:00', SH) }),
      complaint({ complaintId: 'K-3', firstResponseAt: at('2026-03-02 10:00', SH) }),
    ];
    const sent: string[] = [];
    for (let t = at('2026-03-02 00:00', SH); t < at('2026-03-05 00:00', SH); t += H) {
      for (const c of escalationsDue(log, t, S, SH)) {
        sent.push(`${c.complaintId}@${new Date(t).toISOString()}`);
        c.escalatedAt = t;
      }
    }
    expect(sent).toEqual([`K-1@${new Date(at('2026-03-03 10:00', SH)).toISOString()}`, `K-2@${new Date(at('2026-03-03 21:00', SH)).toISOString()}`]);
  });

  it('the e-mail says what, since when, and escapes the customer’s words', () => {
    const m = escalationMail({
      to: 'boss@example.com',
      locale: 'en',
      complaint: complaint({ severity: 'high', category: 'custom:warranty' }),
      customer: 'Huaxin <Ltd>',
      owner: 'Ana',
      words: '<script>alert(1)</script> nobody called back',
      settings: S,
      timeZone: SH,
    });
    expect(m.subject).toBe('Complaint from Huaxin <Ltd> still has no response (K-000001)');
    expect(m.body).toContain('Received: 2026-03-02 09:15');
    expect(m.body).toContain('First response was due: 2026-03-03 09:15');
    expect(m.body).toContain('Category: warranty · Severity: High');
    expect(m.htmlBody).not.toMatch(/<script|<Ltd>/);
    const zh = escalationMail({ to: 'b@example.com', locale: 'zh', complaint: complaint(), customer: '华信', owner: '', words: '', settings: S, timeZone: SH });
    expect(zh.body).toContain('类别：交付 · 严重程度：中');
    expect(zh.body).toContain('负责人：—');
    expect(zh.body).not.toContain('客户原话');
  });
});

describe('repeat complaints', () => {
  it('the same customer within 90 calendar days (the 90th day counts), in the sheet’s zone', () => {
    const first = complaint({ complaintId: 'K-1', receivedAt: at('2026-01-01 23:30', SH) });
    const day90 = complaint({ complaintId: 'K-2', receivedAt: at('2026-04-01 00:10', SH) });
    const day91 = complaint({ complaintId: 'K-3', receivedAt: at('2026-04-02 08:00', SH) });
    expect(repeatComplaintIds([first, day90], S, SH)).toEqual(new Set(['K-2']));
    expect(repeatComplaintIds([first, day91], S, SH)).toEqual(new Set());
    expect(repeatComplaintIds([day91, first, day90], S, SH)).toEqual(new Set(['K-2', 'K-3']));
    expect(repeatComplaintIds([first, { ...day90, customerId: 'C-2' }], S, SH)).toEqual(new Set());
    expect(repeatComplaintIds([first, day91], complaintSettings({ complaint_repeat_days: 91 }), SH)).toEqual(new Set(['K-3']));
  });

  it('two at the same moment: the later ID is the repeat', () => {
    const a = complaint({ complaintId: 'K-7' });
    const b = complaint({ complaintId: 'K-8' });
    expect(repeatComplaintIds([b, a], S, SH)).toEqual(new Set(['K-8']));
  });
});

describe('closing the loop', () => {
  it('a check-in after an unconfirmed close, none after a confirmed one', () => {
    const closedAt = at('2026-03-10 16:00', SH);
    expect(checkInAfterClosing({ closedAt, confirmedSatisfied: false }, S, SH)).toBe(at('2026-03-17 16:00', SH));
    expect(checkInAfterClosing({ closedAt, confirmedSatisfied: null }, S, SH)).toBe(at('2026-03-17 16:00', SH));
    expect(checkInAfterClosing({ closedAt, confirmedSatisfied: true }, S, SH)).toBeNull();
    expect(checkInAfterClosing({ closedAt: null, confirmedSatisfied: null }, S, SH)).toBeNull();
  });

  it('the first response is the earliest opening step done', () => {
    const list = COMPLAINT_STEPS.map((s) => ({ key: s.key, firstResponse: s.firstResponse }));
    const t = (h: string) => at(`2026-03-02 ${h}`, SH);
    expect(
      firstResponseAt(
        [
          { key: 'promise', doneAt: t('11:00') },
          { key: 'thank_listen', doneAt: t('10:00') },
          { key: 'fix_fast', doneAt: t('09:00') },
        ],
        list,
      ),
    ).toBe(t('10:00'));
    expect(
      firstResponseAt(
        [
          { key: 'fix_fast', doneAt: t('09:00') },
          { key: 'apologise', doneAt: null },
        ],
        list,
      ),
    ).toBeNull();
    expect(firstResponseAt([{ key: 'team:gift', doneAt: t('09:00') }], [...list, { key: 'team:gift', firstResponse: false }])).toBeNull();
  });
});

describe('what went wrong before', () => {
  const closed = (id: string, category: string, rootCause: string, lesson: string, day: string): ComplaintFacts =>
    complaint({ complaintId: id, category, rootCause, lesson, closedAt: at(day, SH), firstResponseAt: at(day, SH) });

  const log = [
    closed('K-1', 'delivery', 'delivery_delay', 'Confirm the carrier slot the day before.', '2026-01-05'),
    closed('K-2', 'delivery', 'delivery_delay', 'Send the tracking number the same day.', '2026-02-10'),
    closed('K-3', 'delivery', 'explanation', 'Say clearly what is in the box.', '2026-02-20'),
    closed('K-4', 'delivery', 'delivery_delay', '', '2026-01-20'),
    closed('K-5', 'billing', 'billing_error', 'Check the tax rate.', '2026-03-01'),
    complaint({ complaintId: 'K-6', category: 'delivery', rootCause: 'promise', lesson: 'still open' }),
    closed('K-7', 'delivery', 'promise', 'Only promise a date the warehouse confirmed.', '2026-03-05'),
    closed('K-8', 'delivery', '', '', '2026-03-06'),
  ];

  it('most frequent cause first, each with its latest lessons; the latest lessons overall', () => {
    const w = whatWentWrong(log, 'delivery');
    expect(w.causes.map((c) => [c.rootCause, c.count])).toEqual([
      ['delivery_delay', 3],
      ['promise', 1],
      ['explanation', 1],
    ]);
    expect(w.causes[0].lessons.map((l) => l.complaintId)).toEqual(['K-2', 'K-1']);
    expect(w.recent.map((l) => l.complaintId)).toEqual(['K-7', 'K-3', 'K-2', 'K-1']);
    expect(whatWentWrong(log, 'delivery', { causes: 1, perCause: 1, recent: 2 })).toMatchObject({
      causes: [{ rootCause: 'delivery_delay', lessons: [{ complaintId: 'K-2' }] }],
      recent: [{ complaintId: 'K-7' }, { complaintId: 'K-3' }],
    });
    expect(whatWentWrong(log, 'staff')).toEqual({ causes: [], recent: [] });
    expect(whatWentWrong(log, '')).toEqual({ causes: [], recent: [] });
  });
});
