/**
 * Cadence rules at their boundaries. These tests must give the same answers whatever the
 * process time zone is: test/unit/followups-timezones.test.ts runs this file again under
 * TZ=Asia/Shanghai and TZ=America/Los_Angeles.
 */
import { describe, expect, it } from 'vitest';
import {
  cadenceSettings,
  instantOfSerial,
  isoDay,
  isoDayOfSerial,
  planAfterContact,
  serialAt,
  serialOfIsoDay,
  skipWeekend,
  todaySerial,
  zonedHour,
} from '../../src/core/cadence';
import { nextFollowup } from '../../src/core/cadence/next';

const SH = 'Asia/Shanghai';
const LA = 'America/Los_Angeles';
const s = cadenceSettings();
const day = (iso: string) => serialOfIsoDay(iso)!;
const at = (iso: string, hh: number, mm = 0) => day(iso) + (hh * 60 + mm) / 1440;
const approx = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-9);

describe('time in the spreadsheet zone, not the machine zone', () => {
  it('reads an instant as the wall clock of the given zone', () => {
    const ms = Date.parse('2026-03-02T01:30:00Z'); // 09:30 in Shanghai, 17:30 the day before in LA
    expect(isoDay(ms, SH)).toBe('2026-03-02');
    expect(isoDay(ms, LA)).toBe('2026-03-01');
    expect(zonedHour(ms, SH)).toBe(9);
    expect(zonedHour(ms, LA)).toBe(17);
    approx(serialAt(ms, SH), at('2026-03-02', 9, 30));
    approx(serialAt(ms, LA), at('2026-03-01', 17, 30));
    expect(todaySerial(ms, SH) - todaySerial(ms, LA)).toBe(1);
  });

  it('round-trips serials to instants, across a daylight-saving change', () => {
    for (const tz of [SH, LA, 'Europe/Berlin', 'UTC']) {
      for (const ms of [
        Date.parse('2026-03-08T09:59:00Z'),
        Date.parse('2026-03-08T10:01:00Z'),
        Date.parse('2026-11-01T12:00:00Z'),
        Date.parse('2026-06-30T23:59:59Z'),
      ]) {
        expect(instantOfSerial(serialAt(ms, tz), tz)).toBe(ms);
      }
    }
    // 2026-03-08 02:30 does not exist in Los Angeles: it lands after the jump, never before.
    const skipped = instantOfSerial(at('2026-03-08', 2, 30), LA);
    expect(zonedHour(skipped, LA)).toBe(3);
  });

  it('parses and prints calendar days', () => {
    expect(isoDayOfSerial(day('2026-02-28') + 1)).toBe('2026-03-01');
    expect(serialOfIsoDay('2026-02-30')).toBeNull();
    expect(serialOfIsoDay('tomorrow')).toBeNull();
  });
});

describe('cadence after a contact (seed 002 S1.3, S6.2; seed 003 §4.4.2)', () => {
  it('High intention: exactly 24 hours later, to the minute', () => {
    const c = at('2026-03-03', 16, 45); // Tuesday
    const [p] = planAfterContact({ stage: 'needs', intention: 'high', scenario: 'new', at: c }, s);
    approx(p.due, c + 1);
    expect(p.rule).toBe('high');
    expect(p.purpose).toBe('needs_research');
    // And a different setting moves it.
    const [q] = planAfterContact({ stage: 'needs', intention: 'high', scenario: 'new', at: c }, cadenceSettings({ followup_high_hours: 48 }));
    approx(q.due, c + 2);
  });

  it('calls issue 5’s nextFollowup for the stage-and-intention rule (one rule, two callers)', () => {
    for (const stage of ['reach', 'needs', 'solution', 'objections', 'negotiation', 'delivery', 'on_hold'] as const) {
      for (const intention of ['high', 'medium', 'low'] as const) {
        const c = at('2026-05-13', 10);
        const [p] = planAfterContact({ stage, intention, scenario: null, at: c }, s);
        expect(p.due).toBe(nextFollowup({ stage, intention, lastContact: c, created: null }, s));
      }
    }
  });

  it('Medium: a week later; Low and On hold: a quarter later by calendar month', () => {
    const c = at('2026-01-31', 11);
    expect(planAfterContact({ stage: 'solution', intention: 'medium', scenario: null, at: c }, s)[0]).toMatchObject({ rule: 'medium' });
    approx(planAfterContact({ stage: 'solution', intention: 'medium', scenario: null, at: c }, s)[0].due, c + 7);
    const low = planAfterContact({ stage: 'reach', intention: 'low', scenario: null, at: c }, s)[0];
    expect(low.rule).toBe('low');
    expect(isoDayOfSerial(low.due)).toBe('2026-04-30'); // EDATE clamps 31 → 30
    expect(planAfterContact({ stage: 'on_hold', intention: 'high', scenario: null, at: c }, s)[0].rule).toBe('low');
  });

  it('weekends are not skipped unless Settings says so', () => {
    const friday = at('2026-03-06', 9); // a Friday
    const plain = planAfterContact({ stage: 'needs', intention: 'high', scenario: null, at: friday }, s)[0];
    expect(isoDayOfSerial(plain.due)).toBe('2026-03-07'); // Saturday stays Saturday
    const skip = cadenceSettings({ skip_weekends: true });
    const moved = planAfterContact({ stage: 'needs', intention: 'high', scenario: null, at: friday }, skip)[0];
    expect(isoDayOfSerial(moved.due)).toBe('2026-03-09'); // Monday
    approx(moved.due - Math.floor(moved.due), 9 / 24); // keeps the time of day
    expect(isoDayOfSerial(skipWeekend(day('2026-03-08'), skip))).toBe('2026-03-09'); // Sunday → Monday
    expect(skipWeekend(day('2026-03-09'), skip)).toBe(day('2026-03-09'));
  });

  it('after delivery: return call in 3 days, and the survey a month later only when entering Delivery', () => {
    const c = at('2026-01-30', 15);
    const plans = planAfterContact({ stage: 'delivery', intention: 'high', scenario: 'new', at: c, enteredDelivery: true }, s);
    expect(plans.map((p) => p.rule)).toEqual(['return_call', 'survey']);
    approx(plans[0].due, c + 3);
    expect(plans[0].purpose).toBe('return_visit');
    expect(isoDayOfSerial(plans[1].due)).toBe('2026-02-28');
    expect(plans[1].purpose).toBe('survey');
    expect(planAfterContact({ stage: 'delivery', intention: 'high', scenario: 'new', at: c }, s).map((p) => p.rule)).toEqual(['return_call']);
  });

  it('once bought: new customers weekly, long-standing monthly, key accounts as Settings say', () => {
    const c = at('2026-03-02', 10);
    const plan = (scenario: 'new' | 'repurchase' | 'key_account' | null, st = s) =>
      planAfterContact({ stage: 'won', intention: 'high', scenario, at: c }, st)[0];
    expect(plan('new')).toMatchObject({ rule: 'new_customer' });
    approx(plan('new').due, c + 7);
    approx(plan(null).due, c + 7);
    expect(plan('repurchase')).toMatchObject({ rule: 'existing_customer' });
    approx(plan('repurchase').due, c + 30);
    expect(plan('key_account')).toMatchObject({ rule: 'key_account' });
    approx(plan('key_account', cadenceSettings({ key_account_followup_days: 14 })).due, c + 14);
  });

  it('Lost: nothing is planned', () => {
    expect(planAfterContact({ stage: 'lost', intention: 'high', scenario: null, at: at('2026-03-02', 10) }, s)).toEqual([]);
  });

  it('the same contact instant gives different calendar days in different spreadsheet zones', () => {
    const ms = Date.parse('2026-03-06T20:00:00Z'); // Saturday 04:00 in Shanghai, Friday 12:00 in LA
    const skip = cadenceSettings({ skip_weekends: true });
    const sh = planAfterContact({ stage: 'needs', intention: 'medium', scenario: null, at: serialAt(ms, SH) }, skip)[0];
    const la = planAfterContact({ stage: 'needs', intention: 'medium', scenario: null, at: serialAt(ms, LA) }, skip)[0];
    expect(isoDayOfSerial(sh.due)).toBe('2026-03-16'); // Sat + 7 = Sat → Monday
    expect(isoDayOfSerial(la.due)).toBe('2026-03-13'); // Fri + 7 = Fri
    expect(isoDay(instantOfSerial(sh.due, SH), SH)).toBe('2026-03-16');
  });
});
