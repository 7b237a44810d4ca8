import { describe, expect, it } from 'vitest';
import {
  checkDealInput,
  churnRisk,
  computeCustomers,
  customerValueRecords,
  edate,
  goldCount,
  goldThreshold,
  isGold,
  latestScores,
  serialFromYmd,
  sharesAhead,
  sumDeals,
  tierSettings,
  valueBoundsSerial,
  valueTier,
  weekdayMon,
  ymdFromSerial,
  type ChurnInput,
} from '../../src/core/tiers';
import { followupState, nextFollowup, type CadenceInput } from '../../src/core/cadence';
import { intentionOf as intentionLevel } from '../../src/core/customers/intention';

const S = tierSettings();
const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return serialFromYmd(y, m, d);
};
const TODAY = day('2026-03-02'); // a Monday

describe('serial dates', () => {
  it('uses the Sheets epoch and EDATE month-end clamping', () => {
    expect(serialFromYmd(1899, 12, 30)).toBe(0);
    expect(serialFromYmd(2026, 3, 2)).toBe(46083);
    expect(ymdFromSerial(46083.75)).toEqual({ y: 2026, m: 3, d: 2 });
    expect(edate(day('2026-01-31'), 1)).toBe(day('2026-02-28'));
    expect(edate(day('2024-02-29'), 12)).toBe(day('2025-02-28'));
    expect(edate(day('2026-03-02') + 0.6, -12)).toBe(day('2025-03-02'));
    expect(weekdayMon(TODAY)).toBe(1);
    expect(weekdayMon(day('2026-03-01'))).toBe(7);
  });
});

describe('value window', () => {
  const b = valueBoundsSerial(TODAY, 12);
  const deal = (iso: string, amount = 100, customerId = 'C-1') => ({ customerId, amount, wonOn: day(iso) });

  it('counts a deal won today (any time) and one the day after the cut-off, not one exactly 12 months ago', () => {
    const v = sumDeals([deal('2026-03-02'), { ...deal('2026-03-02'), wonOn: TODAY + 0.99 }, deal('2025-03-03'), deal('2025-03-02', 7)], b).get('C-1')!;
    expect(v.window).toBe(300);
    expect(v.prevWindow).toBe(7); // exactly 12 months ago belongs to the window before
  });

  it('leaves out deals dated after today, and older than two windows', () => {
    const v = sumDeals([deal('2026-03-03'), deal('2024-03-02', 5), deal('2024-03-03', 9)], b).get('C-1')!;
    expect(v.window).toBe(0);
    expect(v.prevWindow).toBe(9);
  });

  it('sums the last calendar year separately', () => {
    const v = sumDeals([deal('2025-01-01', 1), deal('2025-12-31', 2), deal('2026-01-01', 4), deal('2024-12-31', 8)], b).get('C-1')!;
    expect(v.lastYear).toBe(3);
  });

  it('follows the window setting', () => {
    const b3 = valueBoundsSerial(TODAY, 3);
    expect(sumDeals([deal('2025-12-02'), deal('2025-12-03', 5)], b3).get('C-1')!.window).toBe(5);
  });
});

describe('ABC tiers by cumulative share of revenue', () => {
  it('gives each value the share of revenue made by higher values; ties share', () => {
    expect(sharesAhead([50, 30, 20])).toEqual([0, 0.5, 0.8]);
    expect(sharesAhead([40, 40, 20])).toEqual([0, 0, 0.8]);
    expect(sharesAhead([0, 10])).toEqual([NaN, 0]);
  });

  it('makes the customer who crosses the A line A, exactly-at-cut-off B', () => {
    // 60 | 10 | 20 | 10 → shares ahead 0, 0.6, 0.8 (after 60+20), 0.6: A while < 0.7
    const shares = sharesAhead([60, 10, 20, 10]);
    expect(shares).toEqual([0, 0.8, 0.6, 0.8]);
    expect(shares.map((s, i) => valueTier([60, 10, 20, 10][i], s, S))).toEqual(['a', 'b', 'a', 'b']);
    // 70 | 20 | 10: the second customer starts exactly at 70 % → B; the third exactly at 90 % → C
    const s2 = sharesAhead([70, 20, 10]);
    expect(s2).toEqual([0, 0.7, 0.9]);
    expect(s2.map((s, i) => valueTier([70, 20, 10][i], s, S))).toEqual(['a', 'b', 'c']);
  });

  it('puts a single customer in A and a customer without deals in no tier', () => {
    expect(valueTier(5, sharesAhead([5])[0], S)).toBe('a');
    expect(valueTier(0, '', S)).toBeNull();
  });

  it('keeps shares free of binary noise so a cut-off compares as equal', () => {
    const s = sharesAhead([0.7, 0.2, 0.1]);
    expect(s[1]).toBe(0.7);
    expect(valueTier(0.2, s[1], S)).toBe('b');
  });

  it('does not count a duplicated customer row twice', () => {
    const recs = customerValueRecords(
      ['C-1', 'C-2', 'C-1', ''],
      [
        { customerId: 'C-1', amount: 50, wonOn: TODAY },
        { customerId: 'C-2', amount: 50, wonOn: TODAY },
      ],
      [],
      valueBoundsSerial(TODAY, 12),
    );
    expect(recs.map((r) => r?.value_share_ahead)).toEqual([0, 0, 0, undefined]);
    expect(recs[3]).toBeNull();
  });
});

describe('gold customers (top 5 % of last year’s buyers)', () => {
  it('rounds 5 % down but keeps at least one', () => {
    expect(goldCount(19, 0.05)).toBe(1);
    expect(goldCount(20, 0.05)).toBe(1);
    expect(goldCount(21, 0.05)).toBe(1);
    expect(goldCount(39, 0.05)).toBe(1);
    expect(goldCount(40, 0.05)).toBe(2);
    expect(goldCount(1, 0.05)).toBe(1);
    expect(goldCount(0, 0.05)).toBe(0);
    expect(goldCount(100, 0)).toBe(0);
    expect(goldCount(100, 0.29)).toBe(29); // 100 × 0.29 is 28.999999999999996 in binary
  });

  it('makes every customer at the cut-off value gold, and nobody without last-year deals', () => {
    const values = [...Array.from({ length: 38 }, (_, i) => i + 1), 500, 500, 0];
    const th = goldThreshold(values, 0.05);
    expect(th).toBe(500);
    expect(values.filter((v) => isGold(v, th))).toEqual([500, 500]);
    const tied = [10, 10, 10, ...Array.from({ length: 37 }, () => 1)];
    expect(tied.filter((v) => isGold(v, goldThreshold(tied, 0.05))).length).toBe(3);
    expect(isGold(0, goldThreshold([0, 0], 0.05))).toBe(false);
  });
});

describe('next follow-up and status', () => {
  const c = (over: Partial<CadenceInput>): CadenceInput => ({
    stage: 'needs',
    intention: 'medium',
    lastContact: TODAY - 3 + 0.5,
    created: TODAY - 30,
    ...over,
  });

  it('applies the cadence of the intention level', () => {
    expect(nextFollowup(c({ intention: 'high' }), S)).toBeCloseTo(TODAY - 2 + 0.5, 9);
    expect(nextFollowup(c({ intention: 'medium' }), S)).toBeCloseTo(TODAY + 4 + 0.5, 9);
    expect(nextFollowup(c({ intention: 'low' }), S)).toBe(edate(TODAY - 3, 3));
  });

  it('applies the stage: return call after delivery, monthly when won, quarterly on hold, none when lost', () => {
    expect(nextFollowup(c({ stage: 'delivery', intention: 'high' }), S)).toBeCloseTo(TODAY + 0.5, 9);
    expect(nextFollowup(c({ stage: 'won' }), S)).toBeCloseTo(TODAY + 27.5, 9);
    expect(nextFollowup(c({ stage: 'on_hold', intention: 'high' }), S)).toBe(edate(TODAY - 3, 3));
    expect(nextFollowup(c({ stage: 'lost' }), S)).toBeNull();
  });

  it('counts from the day the row was added when never contacted; none without either', () => {
    expect(nextFollowup(c({ lastContact: null }), S)).toBe(TODAY - 23);
    expect(nextFollowup(c({ lastContact: null, created: null }), S)).toBeNull();
  });

  it('moves Saturday and Sunday to Monday when Settings say so', () => {
    const skip = tierSettings({ skip_weekends: true });
    const sat = day('2026-03-07');
    expect(nextFollowup(c({ lastContact: sat - 7 }), skip)).toBe(sat + 2);
    expect(nextFollowup(c({ lastContact: sat - 6 }), skip)).toBe(sat + 2); // Sunday → Monday
    expect(nextFollowup(c({ lastContact: sat - 8 }), skip)).toBe(sat - 1); // Friday stays
  });

  it('says overdue before today, due today, scheduled after, none without a date', () => {
    expect(followupState(TODAY - 0.01, TODAY)).toBe('overdue');
    expect(followupState(TODAY, TODAY)).toBe('today');
    expect(followupState(TODAY + 0.99, TODAY)).toBe('today');
    expect(followupState(TODAY + 1, TODAY)).toBe('scheduled');
    expect(followupState(null, TODAY)).toBe('none');
  });

  it('derives the intention level from need and budget', () => {
    expect(intentionLevel(true, true)).toBe('high');
    expect(intentionLevel(true, false)).toBe('medium');
    expect(intentionLevel(false, true)).toBe('low');
  });
});

describe('churn risk', () => {
  const base: ChurnInput = {
    stage: 'won',
    intention: 'high',
    lastContact: TODAY - 10,
    created: TODAY - 400,
    next: TODAY + 20,
    valueWindow: 100,
    valuePrevWindow: 100,
    lastScore: '',
  };
  const risk = (over: Partial<ChurnInput>) => churnRisk({ ...base, ...over }, TODAY, S);

  it('flags an open complaint (issue 17), never for a Lost customer', () => {
    expect(risk({})).toBe(false);
    expect(risk({ openComplaints: 0 })).toBe(false);
    expect(risk({ openComplaints: '' })).toBe(false);
    expect(risk({ openComplaints: 1 })).toBe(true);
    expect(risk({ openComplaints: 1, stage: 'lost' })).toBe(false);
  });

  it('flags no contact beyond SD_CHURN_NO_CONTACT_DAYS (90), not at exactly 90', () => {
    expect(risk({ lastContact: TODAY - 90, next: null })).toBe(false);
    expect(risk({ lastContact: TODAY - 91, next: null })).toBe(true);
    expect(risk({ lastContact: null, created: TODAY - 91, next: null })).toBe(true);
  });

  it('flags a follow-up overdue by a whole cadence', () => {
    // won: contact 60 days ago, due 30 days ago → missed a whole 30-day cadence
    expect(risk({ lastContact: TODAY - 60, next: TODAY - 30 })).toBe(true);
    expect(risk({ lastContact: TODAY - 59, next: TODAY - 29 })).toBe(false);
    // high intention: due yesterday after a 1-day cadence
    expect(risk({ stage: 'needs', lastContact: TODAY - 2, next: TODAY - 1 })).toBe(true);
    expect(risk({ stage: 'needs', lastContact: TODAY - 1, next: TODAY })).toBe(false);
  });

  it('flags a fall in value of at least SD_CHURN_VALUE_DROP, and not without a previous window', () => {
    expect(risk({ valuePrevWindow: 100, valueWindow: 50 })).toBe(true);
    expect(risk({ valuePrevWindow: 100, valueWindow: 51 })).toBe(false);
    expect(risk({ valuePrevWindow: 0, valueWindow: 0 })).toBe(false);
  });

  it('flags a low latest survey score once there is one', () => {
    expect(risk({ lastScore: 2 })).toBe(true);
    expect(risk({ lastScore: 2.25 })).toBe(false);
    expect(risk({ lastScore: '' })).toBe(false);
  });

  it('never flags a lost customer', () => {
    expect(risk({ stage: 'lost', lastContact: TODAY - 400, lastScore: 1 })).toBe(false);
  });

  it('takes the latest survey answer, averaging its numeric scores', () => {
    const m = latestScores([
      { customerId: 'C-1', answeredAt: 1, scores: [1, 1, 1, 1] },
      { customerId: 'C-1', answeredAt: 5, scores: [5, 4, '', 3] },
      { customerId: 'C-2', answeredAt: 2, scores: ['', '', '', ''] },
    ]);
    expect(m.get('C-1')).toBe(4);
    expect(m.has('C-2')).toBe(false);
  });
});

describe('whole-table reference', () => {
  it('handles one customer and no deals', () => {
    const [one] = computeCustomers(
      [{ id: 'C-1', needConfirmed: true, budgetConfirmed: true, stage: 'reach', lastContact: null, created: TODAY }],
      [],
      [],
      S,
      TODAY,
    );
    expect(one).toMatchObject({ intention: 'high', tier: null, gold: false, state: 'scheduled', churn: false, valueWindow: 0 });
    const [solo] = computeCustomers(
      [{ id: 'C-1', needConfirmed: false, budgetConfirmed: false, stage: 'won', lastContact: TODAY, created: TODAY }],
      [{ customerId: 'C-1', amount: 10, wonOn: day('2025-06-01') }],
      [],
      S,
      TODAY,
    );
    expect(solo).toMatchObject({ tier: 'a', gold: true });
  });
});

describe('Add deal input', () => {
  const ok = { customer_id: 'C-000001', amount: '12,500', won_on: '2026-03-02', product: 'Licence', kind: 'new', notes: '' };
  it('accepts a good deal and parses the amount', () => {
    const r = checkDealInput(ok, '2026-03-02');
    expect(r.ok && r.value.amount).toBe(12500);
  });
  it('names each problem by field', () => {
    const r = checkDealInput({ ...ok, customer_id: '', amount: '-5', won_on: '2026-03-03', kind: 'gift' }, '2026-03-02');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.customer_id?.key).toBe('validation.required');
      expect(r.problems.amount?.key).toBe('validation.min');
      expect(r.problems.won_on?.key).toBe('deal.wonInFuture');
      expect(r.problems.kind?.key).toBe('deal.kindUnknown');
    }
    const bad = checkDealInput({ ...ok, amount: 'lots', won_on: '2026-02-30' }, '2026-03-02');
    expect(!bad.ok && bad.problems.amount?.key).toBe('validation.number');
    expect(!bad.ok && bad.problems.won_on?.key).toBe('validation.date');
  });
  it('treats anything but strings as blank (untrusted input)', () => {
    const r = checkDealInput({ customer_id: { x: 1 }, amount: [1], won_on: 5, kind: null }, '2026-03-02');
    expect(r.ok).toBe(false);
    expect(checkDealInput(null, '2026-03-02').ok).toBe(false);
  });
});
