/**
 * When the next contact with a customer is due after a contact was logged (the follow-up
 * tracker, issue 6). The stage-and-intention rule is `nextFollowup` in ./next.ts — the same rule
 * the Customers tab's live `next_followup` formula applies — called here, never re-implemented:
 *
 *   High intention         → within SD_FOLLOWUP_HIGH_HOURS (24 h)            seed 002 S1.3
 *   Medium intention       → after SD_FOLLOWUP_MEDIUM_DAYS (7 days)          seed 002 S1.3
 *   Low intention, On hold → reactivate after SD_FOLLOWUP_LOW_MONTHS (3)     seed 002 S1.3
 *   Delivery & after-sales → return call within SD_RETURN_CALL_DAYS (3)      seed 002 S6.2
 *   Lost                   → nothing
 *
 * What this module adds on top:
 * - Entering Delivery also plans the satisfaction survey SD_SURVEY_AFTER_DELIVERY_MONTHS after
 *   the contact (seed 002 S6.2).
 * - Once a customer has bought (Won), seed 003 §4.4.2's maintenance cadence by kind of customer:
 *   a key account (scenario "key account") every SD_KEY_ACCOUNT_FOLLOWUP_DAYS, a long-standing
 *   customer (scenario "repurchase / upsell") every SD_EXISTING_CUSTOMER_FOLLOWUP_DAYS (monthly),
 *   a new customer every SD_NEW_CUSTOMER_FOLLOWUP_DAYS (weekly).
 * - SD_SKIP_WEEKENDS moves a Saturday or Sunday to Monday (the same rule as nextFollowup).
 * - A new lead (stage 1, never contacted) is due for its first contact SD_FIRST_CONTACT_WORKING_DAYS
 *   working days after it was added (nextFollowup's isNewLead; issue 12).
 * - "Mark delivered" plans the return call SD_RETURN_CALL_DAYS and the satisfaction survey
 *   SD_SURVEY_AFTER_DELIVERY_MONTHS after the delivery itself (seed 002 S6.2); the relationship
 *   survey comes back every SD_SURVEY_INTERVAL_MONTHS (seed 000 §3.3).
 *
 * All times are serials in the spreadsheet's time zone (src/core/cadence/time.ts converts).
 */
import { getSetting } from '../settings';
import { listItemKey } from '../lists';
import { edate } from '../tiers/dates';
import { tierSettings, type TierSettings } from '../tiers/rules';
import { isNewLead, nextFollowup, skipWeekend } from './next';
import type { IntentionKey } from '../customers/intention';
import type { StageKey } from '../customers/stage';

export type { IntentionKey, StageKey };
export type ScenarioKey = 'new' | 'repurchase' | 'key_account';

/** Why a follow-up was planned; stored in the Follow-ups `rule` column (the KPIs count by it). */
export const RULE_KEYS = [
  'high',
  'medium',
  'low',
  'return_call',
  'survey',
  'new_customer',
  'existing_customer',
  'key_account',
  'manual',
  'objection',
  'first_contact',
  'relationship_survey',
  'commitment',
  'loss_reason',
  // issue 17: a check-in after a complaint closed without the customer confirming satisfaction
  'complaint_checkin',
  // Issue 14: a low survey score's service recovery, a promoter's referral ask.
  'service_recovery',
  'referral_ask',
] as const;
export type RuleKey = (typeof RULE_KEYS)[number];

/**
 * The rules of a customer's ONE planned contact (issue 12): the cadence of its stage and
 * intention, a new lead's first contact, the return call after delivery, the maintenance
 * cadence once bought, and a date the rep chose by hand. Every other rule (survey, objection,
 * commitment, …) is an extra planned item of its own next to the plan.
 */
export const PLAN_RULES: readonly RuleKey[] = [
  'first_contact',
  'high',
  'medium',
  'low',
  'return_call',
  'new_customer',
  'existing_customer',
  'key_account',
  'manual',
];

/** True for a rule of the one plan; a blank rule (a row planned by typing in the grid) counts as the rep's own date. */
export function isPlanRule(rule: unknown): boolean {
  const r = typeof rule === 'string' ? rule.trim() : '';
  return r === '' || (PLAN_RULES as readonly string[]).includes(r);
}

export type PurposeKey =
  | 'first_contact'
  | 'needs_research'
  | 'presentation'
  | 'objection'
  | 'negotiation'
  | 'delivery'
  | 'return_visit'
  | 'survey'
  | 'repurchase';

export interface CadenceSettings extends TierSettings {
  new_customer_followup_days: number;
  key_account_followup_days: number;
  survey_after_delivery_months: number;
  survey_interval_months: number;
}

/** Settings as read from the workbook (missing or unreadable values: the sourced defaults). */
export function cadenceSettings(values: Record<string, unknown> = {}): CadenceSettings {
  const num = (k: string): number => {
    const v = values[k];
    return typeof v === 'number' && Number.isFinite(v) ? v : (getSetting(k).default as number);
  };
  return {
    ...tierSettings(values),
    new_customer_followup_days: num('new_customer_followup_days'),
    key_account_followup_days: num('key_account_followup_days'),
    survey_after_delivery_months: num('survey_after_delivery_months'),
    survey_interval_months: num('survey_interval_months'),
  };
}

export interface ContactFacts {
  /** The customer's stage after the contact (null: none recorded). */
  stage: StageKey | null;
  intention: IntentionKey;
  scenario: ScenarioKey | null;
  /** When the contact happened (serial in the spreadsheet's zone). */
  at: number;
  /** True when this contact moved the customer into Delivery (plans the survey once). */
  enteredDelivery?: boolean;
}

export interface PlannedContact {
  /** Serial in the spreadsheet's zone. */
  due: number;
  rule: RuleKey;
  purpose: PurposeKey;
}

/** The maintenance interval for a customer who has bought (seed 003 §4.4.2). */
export function maintenanceRule(scenario: ScenarioKey | null, s: CadenceSettings): { rule: RuleKey; days: number } {
  if (scenario === 'key_account') return { rule: 'key_account', days: s.key_account_followup_days };
  if (scenario === 'repurchase') return { rule: 'existing_customer', days: s.existing_customer_followup_days };
  return { rule: 'new_customer', days: s.new_customer_followup_days };
}

const STAGE_PURPOSE: Record<StageKey, PurposeKey> = {
  reach: 'first_contact',
  needs: 'needs_research',
  solution: 'presentation',
  objections: 'objection',
  negotiation: 'negotiation',
  delivery: 'return_visit',
  won: 'return_visit',
  lost: 'return_visit',
  on_hold: 'first_contact',
};

/** The rule that `nextFollowup` applied for these facts (for the `rule` column and the KPIs). */
export function pipelineRule(f: ContactFacts): RuleKey | null {
  if (f.stage === 'lost') return null;
  if (f.stage === 'delivery') return 'return_call';
  if (f.stage === 'on_hold' || f.intention === 'low') return 'low';
  return f.intention === 'high' ? 'high' : 'medium';
}

/**
 * The follow-ups to plan after a contact: usually one; two when the customer just entered
 * Delivery (return call and survey); none when Lost.
 */
export function planAfterContact(f: ContactFacts, s: CadenceSettings): PlannedContact[] {
  if (f.stage === 'lost') return [];
  if (f.stage === 'won') {
    const m = maintenanceRule(f.scenario, s);
    return [{ due: skipWeekend(f.at + m.days, s), rule: m.rule, purpose: 'return_visit' }];
  }
  const due = nextFollowup({ stage: f.stage, intention: f.intention, lastContact: f.at, created: null }, s);
  const rule = pipelineRule(f);
  if (due === null || rule === null) return [];
  const purpose: PurposeKey = f.stage ? STAGE_PURPOSE[f.stage] : 'first_contact';
  const out: PlannedContact[] = [{ due, rule, purpose }];
  if (f.stage === 'delivery' && f.enteredDelivery) {
    out.push({ due: skipWeekend(edate(f.at, s.survey_after_delivery_months), s), rule: 'survey', purpose: 'survey' });
  }
  return out;
}

/** The kind of customer a cell or form value names (the `scenario` list), or null. */
export function scenarioKeyOf(v: unknown): ScenarioKey | null {
  const k = listItemKey('scenario', v);
  return k === 'new' || k === 'repurchase' || k === 'key_account' ? k : null;
}

/** What the one plan of a customer is made from (issue 12): the register's row. */
export interface CustomerPlanFacts {
  stage: StageKey | null;
  intention: IntentionKey;
  scenario: ScenarioKey | null;
  /** When the row was added, serial (null: unknown). */
  created: number | null;
  /** The latest logged contact, serial (null: never contacted). */
  lastContact: number | null;
  /** The latest actual delivery of the customer's deals (Deals `delivered_on`), serial; null or absent: none. */
  deliveredAt?: number | null;
}

/**
 * The next planned contact of a customer from its row, for the paths that plan without a
 * contact being logged (adding, importing, editing the stage or intention): a new lead's first
 * contact (stage 1, never contacted: SD_FIRST_CONTACT_WORKING_DAYS working days after it was
 * added); after a contact, what planAfterContact plans for that contact; a customer added in a
 * later stage and never contacted, the cadence counted from when it was added; Lost, nothing.
 */
export function planForCustomer(f: CustomerPlanFacts, s: CadenceSettings): PlannedContact | null {
  if (f.stage === 'lost') return null;
  // A delivery not yet followed by a contact: the return call counts from the delivery itself.
  const delivered = f.deliveredAt ?? null;
  if (delivered !== null && (f.stage === 'delivery' || f.stage === 'won') && (f.lastContact === null || f.lastContact < delivered)) {
    return planAfterDelivery(delivered, s)[0];
  }
  if (f.lastContact !== null) return planAfterContact({ stage: f.stage, intention: f.intention, scenario: f.scenario, at: f.lastContact }, s)[0] ?? null;
  const due = nextFollowup({ stage: f.stage, intention: f.intention, lastContact: null, created: f.created }, s);
  if (due === null) return null;
  if (isNewLead(f)) return { due, rule: 'first_contact', purpose: 'first_contact' };
  const rule = pipelineRule({ stage: f.stage, intention: f.intention, scenario: f.scenario, at: f.created! });
  return rule ? { due, rule, purpose: f.stage ? STAGE_PURPOSE[f.stage] : 'first_contact' } : null;
}

/**
 * "Mark delivered" (issue 12, seed 002 S6.2): the first return call SD_RETURN_CALL_DAYS after the
 * delivery and the satisfaction survey SD_SURVEY_AFTER_DELIVERY_MONTHS after it (EDATE: calendar
 * months), each moved off the weekend when the team skips weekends. `deliveredAt` is a serial.
 */
export function planAfterDelivery(deliveredAt: number, s: CadenceSettings): PlannedContact[] {
  return [
    { due: skipWeekend(deliveredAt + s.return_call_days, s), rule: 'return_call', purpose: 'return_visit' },
    { due: skipWeekend(edate(deliveredAt, s.survey_after_delivery_months), s), rule: 'survey', purpose: 'survey' },
  ];
}

/**
 * The next relationship survey (seed 000 §3.3: every quarter or half-year, SD_SURVEY_INTERVAL_MONTHS):
 * that many calendar months after the last survey (or, never surveyed, after the delivery the
 * survey clock started from).
 */
export function planRelationshipSurvey(lastSurveyOrDelivery: number, s: CadenceSettings): PlannedContact {
  return { due: skipWeekend(edate(lastSurveyOrDelivery, s.survey_interval_months), s), rule: 'relationship_survey', purpose: 'survey' };
}

/**
 * The survey planned for a delivered customer (issue 12): the satisfaction survey
 * SD_SURVEY_AFTER_DELIVERY_MONTHS after the delivery until one was done after it; after that the
 * relationship survey every SD_SURVEY_INTERVAL_MONTHS from the last one done. None without a
 * delivery, and none for a Lost customer.
 */
export function surveyPlan(
  f: { stage: StageKey | null; deliveredAt: number | null; lastSurveyDone: number | null },
  s: CadenceSettings,
): PlannedContact | null {
  if (f.stage === 'lost' || f.deliveredAt === null) return null;
  if (f.lastSurveyDone !== null && f.lastSurveyDone >= f.deliveredAt) return planRelationshipSurvey(f.lastSurveyDone, s);
  return planAfterDelivery(f.deliveredAt, s)[1];
}
