/**
 * Issue 12's cadence: a new lead (stage 1, never contacted) gets its first contact within
 * SD_FIRST_CONTACT_WORKING_DAYS working days of being added; the intention cadences start with
 * the first logged contact; "mark delivered" plans the return call at +3 days and the survey at
 * +1 month; the relationship survey comes back every SD_SURVEY_INTERVAL_MONTHS.
 */
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  cadenceSettings,
  nextFollowup,
  planAfterDelivery,
  planForCustomer,
  planRelationshipSurvey,
  serialOfIsoDay,
  isoDayOfSerial,
} from '../../src/core/cadence';
import { weekdayMon } from '../../src/core/tiers/dates';
import { getSetting } from '../../src/core/settings';

const s = cadenceSettings();
const day = (iso: string) => serialOfIsoDay(iso)!;
const at = (iso: string, hour: number) => day(iso) + hour / 24;

/** The reference: walk forward one calendar day at a time, counting Monday–Friday only. */
function walkWorkingDays(start: number, n: number): number {
  let d = start;
  let left = n;
  while (left > 0) {
    d += 1;
    if (weekdayMon(d) <= 5) left--;
  }
  return d;
}

describe('working days', () => {
  it('agrees with a day-by-day walk for every weekday and 1–12 working days, keeping the time of day', () => {
    const monday = at('2026-03-02', 9.5);
    for (let start = 0; start < 14; start++) {
      for (let n = 1; n <= 12; n++) {
        const from = monday + start;
        expect(addWorkingDays(from, n), `${isoDayOfSerial(from)} + ${n}`).toBeCloseTo(walkWorkingDays(from, n), 9);
      }
    }
  });
});

describe('a new lead', () => {
  const lead = { stage: 'reach' as const, intention: 'high' as const, scenario: 'new' as const, lastContact: null };

  it('added Monday 09:00 is due by Tuesday 09:00, whatever its intention level', () => {
    for (const intention of ['high', 'medium', 'low'] as const) {
      const p = planForCustomer({ ...lead, intention, created: at('2026-03-02', 9) }, s);
      expect(p).toEqual({ due: at('2026-03-03', 9), rule: 'first_contact', purpose: 'first_contact' });
    }
  });

  it('added Friday 15:00 or on the weekend is due on Monday', () => {
    expect(planForCustomer({ ...lead, created: at('2026-03-06', 15) }, s)!.due).toBeCloseTo(at('2026-03-09', 15), 9);
    expect(planForCustomer({ ...lead, created: at('2026-03-07', 10) }, s)!.due).toBeCloseTo(at('2026-03-09', 10), 9);
    expect(planForCustomer({ ...lead, created: at('2026-03-08', 10) }, s)!.due).toBeCloseTo(at('2026-03-09', 10), 9);
  });

  it('follows the Settings value (our choice, 1 working day by default)', () => {
    expect(getSetting('first_contact_working_days')).toMatchObject({ default: 1, unit: 'working_days' });
    expect(getSetting('first_contact_working_days').source).toMatch(/our choice/);
    const three = cadenceSettings({ first_contact_working_days: 3 });
    expect(planForCustomer({ ...lead, created: at('2026-03-05', 9) }, three)!.due).toBeCloseTo(at('2026-03-10', 9), 9);
  });

  it('the Customers tab’s next follow-up (nextFollowup, the formula’s twin) says the same', () => {
    const created = at('2026-03-06', 15);
    expect(nextFollowup({ stage: 'reach', intention: 'low', lastContact: null, created }, s)).toBeCloseTo(at('2026-03-09', 15), 9);
    // A customer imported in a later stage, never contacted: the stage's cadence from when it was added.
    expect(nextFollowup({ stage: 'needs', intention: 'medium', lastContact: null, created }, s)).toBeCloseTo(created + 7, 9);
  });

  it('after its first logged contact, a High lead is due within 24 h and a Low one in a quarter', () => {
    const contact = at('2026-03-03', 10);
    expect(planForCustomer({ ...lead, intention: 'high', created: at('2026-03-02', 9), lastContact: contact }, s)).toMatchObject({
      due: contact + 1,
      rule: 'high',
    });
    expect(planForCustomer({ ...lead, intention: 'medium', created: at('2026-03-02', 9), lastContact: contact }, s)).toMatchObject({
      due: contact + 7,
      rule: 'medium',
    });
    expect(planForCustomer({ ...lead, intention: 'low', created: at('2026-03-02', 9), lastContact: contact }, s)).toMatchObject({
      due: day('2026-06-03'),
      rule: 'low',
    });
  });

  it('a Lost customer has no plan', () => {
    expect(planForCustomer({ ...lead, stage: 'lost', created: at('2026-03-02', 9) }, s)).toBeNull();
  });
});

describe('after delivery', () => {
  it('plans the return call at delivery + 3 days and the survey at delivery + 1 month', () => {
    const delivered = at('2026-03-02', 14);
    expect(planAfterDelivery(delivered, s)).toEqual([
      { due: delivered + 3, rule: 'return_call', purpose: 'return_visit' },
      { due: day('2026-04-02'), rule: 'survey', purpose: 'survey' },
    ]);
    const skip = cadenceSettings({ skip_weekends: true });
    expect(planAfterDelivery(at('2026-03-05', 14), skip).map((p) => isoDayOfSerial(p.due))).toEqual(['2026-03-09', '2026-04-06']);
  });

  it('plans the relationship survey every quarter (seed 000 §3.3), half a year when Settings say so', () => {
    expect(planRelationshipSurvey(day('2026-04-02'), s)).toEqual({ due: day('2026-07-02'), rule: 'relationship_survey', purpose: 'survey' });
    expect(planRelationshipSurvey(day('2026-08-31'), cadenceSettings({ survey_interval_months: 6 })).due).toBe(day('2027-02-28'));
  });
});
