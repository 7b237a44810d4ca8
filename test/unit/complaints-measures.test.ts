import { describe, expect, it } from 'vitest';
import {
  complaintSettings,
  complaintCount,
  firstResponseOnTimeShare,
  medianResolutionDays,
  confirmedSatisfiedShare,
  repeatComplaintCount,
  complaintsPer100Customers,
  complaintTimes,
  escalationsDue,
  SEVERITIES,
  type ComplaintFacts,
} from '../../src/core/complaints';
import { Rng } from '../../src/local/playground/demo/random';
import { at } from './bilingual-helpers';

const SH = 'Asia/Shanghai';
const S = complaintSettings();
const H = 3_600_000;
const DAY = 24 * H;

function complaint(over: Partial<ComplaintFacts>): ComplaintFacts {
  return {
    complaintId: 'K',
    customerId: 'C-1',
    receivedAt: 0,
    category: 'product',
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

describe('complaint measures on hand-checked data', () => {
  const t = (s: string) => at(s, SH);
  const log = [
    complaint({
      complaintId: 'K-1',
      customerId: 'C-1',
      receivedAt: t('2026-01-05 09:00'),
      category: 'product',
      severity: 'high',
      firstResponseAt: t('2026-01-05 15:00'),
      closedAt: t('2026-01-07 09:00'),
      confirmedSatisfied: true,
    }),
    complaint({
      complaintId: 'K-2',
      customerId: 'C-2',
      receivedAt: t('2026-01-10 09:00'),
      category: 'delivery',
      severity: 'low',
      firstResponseAt: t('2026-01-11 10:00'),
      closedAt: t('2026-01-20 21:00'),
      confirmedSatisfied: false,
    }),
    complaint({
      complaintId: 'K-3',
      customerId: 'C-1',
      receivedAt: t('2026-02-01 09:00'),
      category: 'product',
      severity: 'medium',
      firstResponseAt: null,
      closedAt: null,
    }),
    complaint({
      complaintId: 'K-4',
      customerId: 'C-3',
      receivedAt: t('2026-02-20 09:00'),
      category: 'billing',
      severity: 'medium',
      firstResponseAt: t('2026-02-20 10:00'),
      closedAt: t('2026-02-24 09:00'),
      confirmedSatisfied: null,
    }),
    complaint({
      complaintId: 'K-5',
      customerId: 'C-4',
      receivedAt: t('2026-02-28 08:00'),
      category: 'product',
      severity: 'high',
      firstResponseAt: null,
      closedAt: null,
    }),
    complaint({
      complaintId: 'K-6',
      customerId: 'C-1',
      receivedAt: t('2026-06-01 09:00'),
      category: 'staff',
      severity: 'low',
      firstResponseAt: t('2026-06-01 09:30'),
      closedAt: null,
    }),
  ];
  const now = t('2026-02-28 20:00'); // K-5 is not yet due; K-3 is overdue
  const feb = { from: t('2026-02-01'), to: t('2026-03-01') };

  it('complaints by category and by severity', () => {
    expect(complaintCount(log, { category: 'product' })).toBe(3);
    expect(complaintCount(log, { severity: 'high' })).toBe(2);
    expect(complaintCount(log, { category: 'product', severity: 'high' })).toBe(2);
    expect(complaintCount(log, {}, feb)).toBe(3);
    expect(complaintCount(log, { category: 'product' }, feb)).toBe(2);
  });

  it('first response within time: 3 on time (K-1, K-4, K-6) of 5 answered or overdue; K-5 not due yet', () => {
    expect(firstResponseOnTimeShare(log, now, S, SH)).toBe(3 / 5);
    expect(firstResponseOnTimeShare(log, now, S, SH, feb)).toBe(1 / 2);
    expect(firstResponseOnTimeShare(log, t('2026-03-01 09:00'), S, SH, feb)).toBe(1 / 3);
  });

  it('median resolution time over closed complaints: 2, 4 and 10.5 days → 4', () => {
    expect(medianResolutionDays(log, SH)).toBe(4);
    expect(medianResolutionDays(log, SH, { from: t('2026-01-01'), to: t('2026-02-01') })).toBe((2 + 10.5) / 2);
    expect(medianResolutionDays([], SH)).toBeNull();
  });

  it('share confirmed satisfied: 1 of 3 closed', () => {
    expect(confirmedSatisfiedShare(log)).toBe(1 / 3);
    expect(confirmedSatisfiedShare(log, { from: t('2026-06-01'), to: t('2026-07-01') })).toBeNull();
  });

  it('repeat complaints: K-3 (C-1, 27 days after K-1); K-6 is 120 days after K-3', () => {
    expect(repeatComplaintCount(log, S, SH)).toBe(1);
    expect(repeatComplaintCount(log, S, SH, feb)).toBe(1);
    expect(repeatComplaintCount(log, complaintSettings({ complaint_repeat_days: 120 }), SH)).toBe(2);
  });

  it('complaints per 100 active customers', () => {
    expect(complaintsPer100Customers(log, 40)).toBe(15);
    expect(complaintsPer100Customers(log, 40, feb)).toBe(7.5);
    expect(complaintsPer100Customers(log, 0)).toBeNull();
  });
});

/*
 * 2,000 generated complaints in a zone with daylight saving, against computations written the
 * plain way: wall-clock fields from Intl, arithmetic on them, and New York's two offsets.
 */
describe('complaint rules and measures on 2,000 generated complaints', () => {
  const TZ = 'America/New_York';
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: TZ,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  /** The wall clock of an instant, as a UTC timestamp with the same fields. */
  const wallOf = (ms: number) => {
    const p = Object.fromEntries(
      fmt
        .formatToParts(new Date(ms))
        .filter((x) => x.type !== 'literal')
        .map((x) => [x.type, Number(x.value)]),
    );
    return Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second);
  };
  /**
   * The first instant showing that wall clock. New York is UTC−5 in winter and UTC−4 in summer;
   * a wall time skipped by the spring change does not exist and is read with the winter offset.
   */
  const instantOfWall = (wall: number) => {
    const matches = [wall + 4 * H, wall + 5 * H].filter((ms) => wallOf(ms) === wall);
    return matches.length ? matches[0] : wall + 5 * H;
  };
  const plusWall = (ms: number, hours: number) => instantOfWall(wallOf(ms) + hours * H);
  const dayOf = (ms: number) => Math.floor(wallOf(ms) / DAY);

  const rng = new Rng(17);
  const start = at('2025-01-01', TZ);
  const now = at('2026-01-15 12:00', TZ);
  const cats = ['product', 'service', 'delivery', 'billing', 'staff', 'other', 'custom:warranty'];
  const log: ComplaintFacts[] = [];
  for (let i = 0; i < 2000; i++) {
    const receivedAt = start + rng.int(0, 380 * 24 * 60) * 60_000;
    const answered = rng.chance(0.85);
    const firstResponseAt = answered ? receivedAt + rng.int(5, 60 * 40) * 60_000 : null;
    const closed = answered && rng.chance(0.7);
    const closedAt = closed ? firstResponseAt! + rng.int(60, 60 * 24 * 20) * 60_000 : null;
    log.push({
      complaintId: `K-${String(i + 1).padStart(6, '0')}`,
      customerId: `C-${rng.int(1, 600)}`,
      receivedAt,
      category: rng.pick(cats),
      severity: rng.chance(0.05) ? null : rng.pick(SEVERITIES),
      firstResponseAt: firstResponseAt !== null && firstResponseAt <= now ? firstResponseAt : null,
      closedAt: closedAt !== null && closedAt <= now ? closedAt : null,
      confirmedSatisfied: closed ? (rng.chance(0.1) ? null : rng.chance(0.7)) : null,
      escalatedAt: null,
      rootCause: '',
      lesson: '',
    });
  }
  const settingsList = [
    S,
    complaintSettings({
      complaint_first_response_hours: 8,
      complaint_resolve_high_days: 1,
      complaint_resolve_medium_days: 4,
      complaint_resolve_low_days: 30,
      complaint_repeat_days: 30,
    }),
  ];
  const periods = [undefined, { from: at('2025-03-01', TZ), to: at('2025-06-01', TZ) }, { from: at('2025-10-01', TZ), to: at('2026-01-01', TZ) }];
  const inP = (c: ComplaintFacts, p?: { from: number; to: number }) => !p || (c.receivedAt >= p.from && c.receivedAt < p.to);

  it('due times and overdue flags', () => {
    for (const s of settingsList) {
      for (const c of log) {
        const fr = plusWall(c.receivedAt, s.firstResponseHours);
        const res = plusWall(c.receivedAt, 24 * s.resolveDays[c.severity ?? 'medium']);
        const got = complaintTimes(c, now, s, TZ);
        expect([got.firstResponseDue, got.resolutionDue], c.complaintId).toEqual([fr, res]);
        expect(got.firstResponseOverdue).toBe(c.firstResponseAt === null && c.closedAt === null && now > fr);
        expect(got.resolutionOverdue).toBe(c.closedAt === null && now > res);
      }
    }
  });

  it('escalation e-mails: an hourly run over three weeks sends exactly one per complaint left unanswered past its time', () => {
    const copy = log.map((c) => ({ ...c }));
    const sent = new Map<string, number>();
    for (let t = now - 21 * DAY; t <= now; t += H) {
      for (const c of escalationsDue(copy, t, S, TZ)) {
        sent.set(c.complaintId, (sent.get(c.complaintId) ?? 0) + 1);
        c.escalatedAt = t;
      }
    }
    const expected = log.filter((c) => c.firstResponseAt === null && c.closedAt === null && plusWall(c.receivedAt, 24) < now).map((c) => c.complaintId);
    expect([...sent.keys()].sort()).toEqual(expected.sort());
    expect([...sent.values()].every((n) => n === 1)).toBe(true);
    expect(expected.length).toBeGreaterThan(20);
  });

  it('every measure, for three periods and two sets of settings', () => {
    for (const s of settingsList) {
      for (const p of periods) {
        const mine = log.filter((c) => inP(c, p));
        for (const cat of cats)
          for (const sev of SEVERITIES)
            expect(complaintCount(log, { category: cat, severity: sev }, p)).toBe(mine.filter((c) => c.category === cat && c.severity === sev).length);

        let on = 0;
        let counted = 0;
        for (const c of mine) {
          const due = plusWall(c.receivedAt, s.firstResponseHours);
          if (c.firstResponseAt !== null || now > due) counted++;
          if (c.firstResponseAt !== null && c.firstResponseAt <= due) on++;
        }
        expect(firstResponseOnTimeShare(log, now, s, TZ, p)).toBeCloseTo(on / counted, 12);

        const days = mine
          .filter((c) => c.closedAt !== null)
          .map((c) => (wallOf(c.closedAt!) - wallOf(c.receivedAt)) / DAY)
          .sort((a, b) => a - b);
        const mid = days.length / 2;
        const median = days.length % 2 ? days[Math.floor(mid)] : (days[mid - 1] + days[mid]) / 2;
        expect(medianResolutionDays(log, TZ, p)).toBeCloseTo(median, 9);

        const closed = mine.filter((c) => c.closedAt !== null);
        expect(confirmedSatisfiedShare(log, p)).toBeCloseTo(closed.filter((c) => c.confirmedSatisfied === true).length / closed.length, 12);

        // A repeat: some other complaint of the same customer came earlier (or at the same moment with a smaller ID), at most N days before.
        const repeats = mine.filter((c) =>
          log.some(
            (o) =>
              o !== c &&
              o.customerId === c.customerId &&
              (o.receivedAt < c.receivedAt || (o.receivedAt === c.receivedAt && o.complaintId < c.complaintId)) &&
              dayOf(c.receivedAt) - dayOf(o.receivedAt) <= s.repeatDays,
          ),
        ).length;
        expect(repeatComplaintCount(log, s, TZ, p)).toBe(repeats);

        expect(complaintsPer100Customers(log, 600, p)).toBeCloseTo((mine.length / 600) * 100, 12);
      }
    }
  });
});
