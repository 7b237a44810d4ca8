/**
 * The reference computation of the Customers tab's computed columns: the same rules the live
 * formulas in src/core/schema/tabs.ts apply, written in TypeScript from rows + settings + today.
 * An integration test lets HyperFormula evaluate the formulas on a generated workbook and checks
 * every cell against these functions. All times are serial days in the spreadsheet's time zone.
 */
import { getSetting } from '../settings';
import { clean, edate, weekdayMon } from './dates';

export type StageKey = 'reach' | 'needs' | 'solution' | 'objections' | 'negotiation' | 'delivery' | 'won' | 'lost' | 'on_hold';
export type IntentionKey = 'high' | 'medium' | 'low';
export type TierKey = 'a' | 'b' | 'c';
export type DueStateKey = 'overdue' | 'today' | 'scheduled' | 'none';

/** The settings the rules read (named ranges SD_…), by setting key. */
export interface TierSettings {
  followup_high_hours: number;
  followup_medium_days: number;
  followup_low_months: number;
  return_call_days: number;
  existing_customer_followup_days: number;
  tier_window_months: number;
  tier_a_share: number;
  tier_b_share: number;
  gold_share: number;
  churn_no_contact_days: number;
  churn_value_drop: number;
  churn_low_score: number;
  skip_weekends: boolean;
}

const NUMERIC_KEYS: (keyof TierSettings)[] = [
  'followup_high_hours', 'followup_medium_days', 'followup_low_months', 'return_call_days', 'existing_customer_followup_days',
  'tier_window_months', 'tier_a_share', 'tier_b_share', 'gold_share', 'churn_no_contact_days', 'churn_value_drop', 'churn_low_score',
];

/** Settings as read from the workbook (or nothing: the sourced defaults). */
export function tierSettings(values: Record<string, unknown> = {}): TierSettings {
  const out: Record<string, number | boolean> = {};
  for (const k of NUMERIC_KEYS) {
    const v = values[k];
    out[k] = typeof v === 'number' && Number.isFinite(v) ? v : (getSetting(k).default as number);
  }
  const sw = values.skip_weekends;
  out.skip_weekends = typeof sw === 'boolean' ? sw : (getSetting('skip_weekends').default as boolean);
  return out as unknown as TierSettings;
}

/** Intention level: High = need and budget confirmed, Medium = need only, Low = otherwise (seed 002 S1.2). */
export function intentionLevel(needConfirmed: boolean, budgetConfirmed: boolean): IntentionKey {
  return needConfirmed ? (budgetConfirmed ? 'high' : 'medium') : 'low';
}

/**
 * ABC tier from the window value and the share of revenue ahead of the customer: A while the
 * customers ahead make less than SD_TIER_A_SHARE of revenue (so the customer who crosses the
 * line is A, and a single customer is A), B below SD_TIER_B_SHARE, C after. No deals, no tier.
 */
export function valueTier(windowValue: number, shareAhead: number | '', s: TierSettings): TierKey | null {
  if (!(windowValue > 0) || shareAhead === '') return null;
  if (shareAhead < s.tier_a_share) return 'a';
  if (shareAhead < s.tier_b_share) return 'b';
  return 'c';
}

/**
 * How many customers are gold among `buyers` who bought last calendar year: SD_GOLD_SHARE of them
 * rounded down, at least one (a small team's best customer is still its best), none when the
 * share is 0. The formula: MAX(1, ROUNDDOWN(ROUND(n × share, 9), 0)).
 */
export function goldCount(buyers: number, share: number): number {
  if (buyers <= 0 || !(share > 0)) return 0;
  return Math.max(1, Math.floor(clean(buyers * share)));
}

/** The value a customer must reach to be gold (ties at the cut-off are all gold); null: nobody. */
export function goldThreshold(lastYearValues: readonly number[], share: number): number | null {
  const positive = lastYearValues.filter((v) => v > 0).sort((a, b) => b - a);
  const k = goldCount(positive.length, share);
  return k ? positive[k - 1] : null;
}

export function isGold(lastYearValue: number, threshold: number | null): boolean {
  return threshold !== null && lastYearValue > 0 && lastYearValue >= threshold;
}

export interface CadenceInput {
  stage: StageKey | null;
  intention: IntentionKey;
  /** Serial of the last contact, or null. */
  lastContact: number | null;
  /** Serial of when the row was added, or null. */
  created: number | null;
}

/** The day the cadence counts from: the last contact, else the day the customer was added. */
export function cadenceBase(c: CadenceInput): number | null {
  return c.lastContact ?? c.created;
}

/**
 * When the next contact is due (seed 002 S1.3, S6.2; seed 003 §4.4.2):
 * Lost → none; Delivery & after-sales → return call SD_RETURN_CALL_DAYS after the last contact
 * (saving the deal counts as one); Won → SD_EXISTING_CUSTOMER_FOLLOWUP_DAYS; On hold or Low
 * intention → SD_FOLLOWUP_LOW_MONTHS months (EDATE, by date); High → SD_FOLLOWUP_HIGH_HOURS;
 * Medium → SD_FOLLOWUP_MEDIUM_DAYS. With SD_SKIP_WEEKENDS a Saturday or Sunday moves to Monday.
 */
export function nextFollowup(c: CadenceInput, s: TierSettings): number | null {
  if (c.stage === 'lost') return null;
  const base = cadenceBase(c);
  if (base === null) return null;
  let next: number;
  if (c.stage === 'delivery') next = base + s.return_call_days;
  else if (c.stage === 'won') next = base + s.existing_customer_followup_days;
  else if (c.stage === 'on_hold' || c.intention === 'low') next = edate(base, s.followup_low_months);
  else if (c.intention === 'high') next = base + s.followup_high_hours / 24;
  else next = base + s.followup_medium_days;
  if (s.skip_weekends) {
    const wd = weekdayMon(next);
    if (wd > 5) next += 8 - wd;
  }
  return next;
}

/** Overdue before today, due today, scheduled after today; none without a next date (by date). */
export function followupState(next: number | null, today: number): DueStateKey {
  if (next === null) return 'none';
  const day = Math.floor(next);
  if (day < today) return 'overdue';
  if (day === today) return 'today';
  return 'scheduled';
}

export interface ChurnInput extends CadenceInput {
  next: number | null;
  valueWindow: number;
  valuePrevWindow: number;
  lastScore: number | '';
}

/**
 * Churn risk (seed 003 §6.3; seed 000 §3.2), never for a Lost customer:
 * - no contact: more than SD_CHURN_NO_CONTACT_DAYS days since the last contact (or since the row
 *   was added), or the next follow-up overdue by a whole cadence (at least a day);
 * - falling value: the previous window had deals and the window fell by SD_CHURN_VALUE_DROP or more;
 * - low satisfaction: the latest survey's average score is SD_CHURN_LOW_SCORE or lower.
 */
export function churnRisk(c: ChurnInput, today: number, s: TierSettings): boolean {
  if (c.stage === 'lost') return false;
  let noContact = false;
  const base = cadenceBase(c);
  if (base !== null) {
    const b = Math.floor(base);
    if (today - b > s.churn_no_contact_days) noContact = true;
    else if (c.next !== null) {
      const n = Math.floor(c.next);
      const cadence = n - b > 1 ? n - b : 1;
      if (today - n >= cadence) noContact = true;
    }
  }
  const falling = c.valuePrevWindow > 0 && c.valueWindow <= c.valuePrevWindow * (1 - s.churn_value_drop);
  const lowScore = c.lastScore !== '' && c.lastScore <= s.churn_low_score;
  return noContact || falling || lowScore;
}
