/**
 * What the reference computations read: the rows of each tab as plain facts (serial days in the
 * spreadsheet's zone, list values as their keys). A test builds these from the rows it wrote; the
 * per-customer computed columns (tier, gold, churn risk, due state) come from core/tiers'
 * reference (computeCustomers), never from the sheet.
 */
import type { DueStateKey } from '../cadence/next';
import type { IntentionKey } from '../customers/intention';
import type { StageKey } from '../customers/stage';
import type { TierKey } from '../tiers/rules';

export interface CustomerRow {
  id: string;
  stage: StageKey | null;
  intention: IntentionKey;
  owner: string;
  created: number | null;
  valueWindow: number;
  tier: TierKey | null;
  gold: boolean;
  churn: boolean;
  state: DueStateKey;
}

export interface FollowupRow {
  owner: string;
  rule: string;
  planned: number | null;
  done: number | null;
  cancelled: boolean;
}

export type DealStatusKey = 'open' | 'won' | 'lost';

export interface DealRow {
  customerId: string;
  owner: string;
  amount: number;
  status: DealStatusKey | null;
  /** The day it was won or lost (the Deals tab's won_on). */
  closedOn: number | null;
  expectedClose: number | null;
  kind: 'new' | 'repurchase' | 'upsell' | null;
  /** The workbook's currency, or another. */
  ownCurrency: boolean;
  lossReason: string | null;
  /** The customer's stage copied onto the deal row (customer_stage). */
  customerStage: StageKey | null;
  /** amount × the probability the deal counts with (core/pipeline dealProbability). */
  weighted: number;
}

export interface ObjectionRow {
  type: string | null;
  raised: number | null;
  result: string | null;
  lostDeal: boolean;
  owner: string;
}

export interface ResponseRow {
  customerId: string;
  answeredAt: number;
  scores: Record<'service_quality' | 'solution_effect' | 'response_speed' | 'teamwork', number | null>;
  overall: 'satisfied' | 'neutral' | 'unsatisfied' | null;
  nps: number | null;
  owner: string;
}

export interface StageChangeRow {
  customerId: string;
  to: StageKey | null;
  at: number;
}

export interface DashboardData {
  /** TODAY() as a serial day; NOW() as a serial. */
  today: number;
  now: number;
  team: readonly string[];
  customers: readonly CustomerRow[];
  followups: readonly FollowupRow[];
  deals: readonly DealRow[];
  objections: readonly ObjectionRow[];
  responses: readonly ResponseRow[];
  stageChanges: readonly StageChangeRow[];
}
