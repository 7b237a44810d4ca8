/**
 * When the next contact with a customer is due — the one cadence rule, in TypeScript. The plan
 * (./rules.ts planForCustomer, kept on Follow-ups by src/server/plans.ts) is made with these
 * functions; since issue 12 the Customers tab no longer computes the cadence itself: its Next
 * follow-up column shows the plan the script keeps (PLANNED_NEXT_FORMULA), and
 * test/integration/tiers-agreement.test.ts checks it against the plan cell by cell. The helper
 * column `cadence_base` (the day the cadence counts from) stays for the churn rule.
 *
 * Times are serial days in the spreadsheet's time zone (src/core/cadence/time.ts converts).
 */
import { edate, weekdayMon } from '../tiers/dates';
import type { IntentionKey } from '../customers/intention';
import type { StageKey } from '../customers/stage';

/** The settings the cadence reads (named ranges SD_…), by setting key. */
export interface CadenceTimes {
  /** A new lead's first contact, in working days after it was added (issue 12; our choice: 1). */
  first_contact_working_days: number;
  followup_high_hours: number;
  followup_medium_days: number;
  followup_low_months: number;
  return_call_days: number;
  existing_customer_followup_days: number;
  skip_weekends: boolean;
}

export interface CadenceInput {
  stage: StageKey | null;
  intention: IntentionKey;
  /** Serial of the last contact, or null. */
  lastContact: number | null;
  /** Serial of when the row was added, or null. */
  created: number | null;
}

/** Built-in list items by position in their Lists column (1-based), as the formulas index them. */
const STAGE = (n: number) => `INDEX(SD_LIST_STAGE,${n})`; // 6 delivery, 7 won, 8 lost, 9 on hold
export const LOST_STAGE = STAGE(8);

/** The day the cadence counts from: the last contact, else the day the customer was added. */
export function cadenceBase(c: Pick<CadenceInput, 'lastContact' | 'created'>): number | null {
  return c.lastContact ?? c.created;
}
export const CADENCE_BASE_FORMULA = 'ARRAYFORMULA(IF({customer_id}="","",IF({last_contact_at}<>"",{last_contact_at},IF({created_at}<>"",{created_at},""))))';

/**
 * The cadence of a stage and intention level (seed 002 S1.3, S6.2; seed 003 §4.4.2), by stage
 * first: Delivery & after-sales → return call SD_RETURN_CALL_DAYS after the last contact (saving
 * the deal counts as one); Won → SD_EXISTING_CUSTOMER_FOLLOWUP_DAYS; On hold or Low intention →
 * SD_FOLLOWUP_LOW_MONTHS calendar months ('months'); High → SD_FOLLOWUP_HIGH_HOURS; Medium →
 * SD_FOLLOWUP_MEDIUM_DAYS. In days, else 'months'.
 */
export function cadenceDays(c: Pick<CadenceInput, 'stage' | 'intention'>, s: CadenceTimes): number | 'months' {
  if (c.stage === 'delivery') return s.return_call_days;
  if (c.stage === 'won') return s.existing_customer_followup_days;
  if (c.stage === 'on_hold' || c.intention === 'low') return 'months';
  if (c.intention === 'high') return s.followup_high_hours / 24;
  return s.followup_medium_days;
}

/**
 * `n` (≥ 1) working days after a serial, keeping the time of day, as WORKDAY counts them: Saturday
 * and Sunday do not count, a start on a weekend counts from the Friday before (Friday 15:00 + 1 →
 * Monday 15:00; Saturday 10:00 + 1 → Monday 10:00). Written as arithmetic on WEEKDAY, not WORKDAY,
 * because WORKDAY drops the time of day and does not spread over an ARRAYFORMULA in both engines.
 */
export function addWorkingDays(serial: number, n: number): number {
  const wd = weekdayMon(serial);
  const from = Math.min(wd, 5);
  return serial - wd + from + n + 2 * Math.floor((from - 1 + n) / 5);
}

/**
 * A new lead (issue 12): in stage 1 (reach & screen) and never contacted. Someone must screen it
 * first, SD_FIRST_CONTACT_WORKING_DAYS working days after it was added; the intention cadences
 * start with the first logged contact. A blank stage is not stage 1: set-up's form and the import
 * give a new customer stage 1.
 */
export function isNewLead(c: Pick<CadenceInput, 'stage' | 'lastContact'>): boolean {
  return c.stage === 'reach' && c.lastContact === null;
}

/** The base date plus the cadence (EDATE keeps calendar months), before the weekend rule; none when Lost. A new lead: its first contact. */
export function cadenceDate(c: CadenceInput, s: CadenceTimes): number | null {
  if (c.stage === 'lost') return null;
  const base = cadenceBase(c);
  if (base === null) return null;
  if (isNewLead(c)) return addWorkingDays(base, s.first_contact_working_days);
  const days = cadenceDays(c, s);
  return days === 'months' ? edate(base, s.followup_low_months) : base + days;
}
/** With SD_SKIP_WEEKENDS, a Saturday or Sunday moves to the next Monday. */
export function skipWeekend(serial: number, s: Pick<CadenceTimes, 'skip_weekends'>): number {
  if (!s.skip_weekends) return serial;
  const wd = weekdayMon(serial);
  return wd > 5 ? serial + (8 - wd) : serial;
}

/** When the next contact is due: the cadence date, moved off the weekend when the team skips weekends. */
export function nextFollowup(c: CadenceInput, s: CadenceTimes): number | null {
  const d = cadenceDate(c, s);
  return d === null ? null : skipWeekend(d, s);
}
/**
 * The Customers tab's Next follow-up column (issue 12): the customer's one planned contact on
 * Follow-ups, which the script keeps in `next_planned_at` whenever it re-plans the customer
 * (src/server/plans.ts plans with the functions above), never a second computation of the
 * cadence; none when Lost (also when Lost was typed in the grid and nothing re-planned yet).
 */
export const PLANNED_NEXT_FORMULA = `ARRAYFORMULA(IF({customer_id}="","",IF({stage}=${LOST_STAGE},"",IF({next_planned_at}="","",{next_planned_at}))))`;

export type DueStateKey = 'overdue' | 'today' | 'scheduled' | 'none';

/** Overdue before today, due today, scheduled after today; none without a next date (by date). */
export function followupState(next: number | null, today: number): DueStateKey {
  if (next === null) return 'none';
  const day = Math.floor(next);
  if (day < today) return 'overdue';
  if (day === today) return 'today';
  return 'scheduled';
}
const DUE = (n: number) => `INDEX(SD_LIST_DUE_STATE,${n})`; // 1 overdue, 2 today, 3 scheduled, 4 none
export const FOLLOWUP_STATE_FORMULA =
  `ARRAYFORMULA(IF({customer_id}="","",IF({next_followup}="",${DUE(4)},` +
  `IF(INT({next_followup})<TODAY(),${DUE(1)},IF(INT({next_followup})=TODAY(),${DUE(2)},${DUE(3)})))))`;
