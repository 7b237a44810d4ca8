/**
 * Value tiers, gold customers and churn risk: each rule in TypeScript and, right below it, the
 * formula of the Customers column that computes it live from the row and named settings. An
 * integration test (test/integration/tiers-agreement) lets HyperFormula evaluate the formulas on a
 * generated workbook and checks every cell against these functions. The cadence (next follow-up)
 * has its own home, src/core/cadence/next.ts; the intention level src/core/customers/intention.ts.
 * All times are serial days in the spreadsheet's time zone.
 */
import { getSetting } from '../settings';
import { clean } from './dates';
import { cadenceBase, LOST_STAGE, type CadenceInput, type CadenceTimes } from '../cadence/next';

export type { StageKey } from '../customers/stage';
export type { IntentionKey } from '../customers/intention';
export type { DueStateKey, CadenceInput } from '../cadence/next';
export type TierKey = 'a' | 'b' | 'c';

/** The settings the rules read (named ranges SD_…), by setting key. */
export interface TierSettings extends CadenceTimes {
  tier_window_months: number;
  tier_a_share: number;
  tier_b_share: number;
  gold_share: number;
  churn_no_contact_days: number;
  churn_value_drop: number;
  churn_low_score: number;
}

const NUMERIC_KEYS: (keyof TierSettings)[] = [
  'followup_high_hours',
  'followup_medium_days',
  'followup_low_months',
  'return_call_days',
  'existing_customer_followup_days',
  'first_contact_working_days',
  'tier_window_months',
  'tier_a_share',
  'tier_b_share',
  'gold_share',
  'churn_no_contact_days',
  'churn_value_drop',
  'churn_low_score',
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
const TIER = (n: number) => `INDEX(SD_LIST_VALUE_TIER,${n})`;
export const VALUE_TIER_FORMULA =
  `ARRAYFORMULA(IF({customer_id}="","",IF({value_window}>0,IF({value_share_ahead}<SD_TIER_A_SHARE,${TIER(1)},` +
  `IF({value_share_ahead}<SD_TIER_B_SHARE,${TIER(2)},${TIER(3)})),"")))`;

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
/**
 * COUNTIF and LARGE take the whole column once per recalculation (they do not depend on the
 * row), so this stays linear.
 */
export const GOLD_FORMULA =
  'ARRAYFORMULA(IF({customer_id}="","",IF(SD_GOLD_SHARE>0,IF({value_last_year}>0,' +
  '{value_last_year}>=IFERROR(LARGE({value_last_year},MAX(1,ROUNDDOWN(ROUND(COUNTIF({value_last_year},">0")*SD_GOLD_SHARE,9),0))),0),FALSE),FALSE)))';

export interface ChurnInput extends CadenceInput {
  next: number | null;
  valueWindow: number;
  valuePrevWindow: number;
  lastScore: number | '';
  /** Issue 17: the customer's complaints not yet closed (script-kept on the row); blank is none. */
  openComplaints?: number | '';
}

/**
 * Churn risk (seed 003 §6.3; seed 000 §3.2), never for a Lost customer:
 * - no contact: more than SD_CHURN_NO_CONTACT_DAYS days since the last contact (or since the row
 *   was added), or the next follow-up overdue by a whole cadence (at least a day);
 * - falling value: the previous window had deals and the window fell by SD_CHURN_VALUE_DROP or more;
 * - low satisfaction: the latest survey's average score is SD_CHURN_LOW_SCORE or lower;
 * - an open complaint (issue 17): any complaint of the customer not yet closed.
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
      const cadence = Math.max(n - b, 1);
      if (today - n >= cadence) noContact = true;
    }
  }
  const falling = c.valuePrevWindow > 0 && c.valueWindow <= c.valuePrevWindow * (1 - s.churn_value_drop);
  const lowScore = c.lastScore !== '' && c.lastScore <= s.churn_low_score;
  const complaint = typeof c.openComplaints === 'number' && c.openComplaints > 0;
  return noContact || falling || lowScore || complaint;
}
const BASE = '{cadence_base}';
const NEXT = '{next_followup}';
const NO_CONTACT =
  `IF(${BASE}="",0,IF(TODAY()-INT(${BASE})>SD_CHURN_NO_CONTACT_DAYS,1,IF(${NEXT}="",0,` +
  `(TODAY()-INT(${NEXT})>=IF(INT(${NEXT})-INT(${BASE})>1,INT(${NEXT})-INT(${BASE}),1))*1)))`;
export const CHURN_RISK_FORMULA =
  `ARRAYFORMULA(IF({customer_id}="","",IF({stage}=${LOST_STAGE},FALSE,` +
  `(${NO_CONTACT}+({value_prev_window}>0)*({value_window}<={value_prev_window}*(1-SD_CHURN_VALUE_DROP))` +
  `+({last_score}<>"")*({last_score}<=SD_CHURN_LOW_SCORE)+({open_complaints}>0))>0)))`;

/** Days since the last contact (whole days, by date); null without one. */
export function daysSinceContact(lastContact: number | null, today: number): number | null {
  return lastContact === null ? null : today - Math.floor(lastContact);
}
export const DAYS_SINCE_CONTACT_FORMULA = 'ARRAYFORMULA(IF({customer_id}="","",IF({last_contact_at}="","",INT(TODAY()-INT({last_contact_at})))))';
