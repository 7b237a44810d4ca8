/**
 * The whole Customers tab computed in TypeScript from raw rows: what the script-maintained
 * columns and the live formulas together must show. Used by the agreement test and usable by
 * any feature that needs a customer's tier without reading the sheet's formulas.
 */
import { customerValueRecords, valueBoundsSerial, type DealFact, type SurveyFact } from './values';
import { churnRisk, goldThreshold, isGold, valueTier, type TierKey, type TierSettings } from './rules';
import { followupState, type DueStateKey } from '../cadence/next';
import { cadenceSettings, planForCustomer } from '../cadence/rules';
import { intentionOf, type IntentionKey } from '../customers/intention';
import type { StageKey } from '../customers/stage';

export interface CustomerFacts {
  id: string;
  needConfirmed: boolean;
  budgetConfirmed: boolean;
  stage: StageKey | null;
  lastContact: number | null;
  created: number | null;
}

export interface CustomerComputed {
  intention: IntentionKey;
  valueWindow: number;
  valuePrevWindow: number;
  valueShareAhead: number | '';
  valueLastYear: number;
  lastScore: number | '';
  tier: TierKey | null;
  gold: boolean;
  next: number | null;
  state: DueStateKey;
  churn: boolean;
}

/** Every customer's computed columns, in row order (null for a row without an ID). */
export function computeCustomers(
  customers: readonly CustomerFacts[],
  deals: readonly DealFact[],
  surveys: readonly SurveyFact[],
  s: TierSettings,
  today: number,
): (CustomerComputed | null)[] {
  const records = customerValueRecords(
    customers.map((c) => c.id),
    deals,
    surveys,
    valueBoundsSerial(today, s.tier_window_months),
  );
  const threshold = goldThreshold(
    records.map((r) => r?.value_last_year ?? 0),
    s.gold_share,
  );
  return customers.map((c, i) => {
    const r = records[i];
    if (!r) return null;
    const intention = intentionOf(c.needConfirmed, c.budgetConfirmed);
    const cad = { stage: c.stage, intention, lastContact: c.lastContact, created: c.created };
    // The Customers tab shows the customer's one plan (issue 12): what planForCustomer plans for
    // the row (no scenario, no delivery in these facts), under these Settings.
    const next = planForCustomer({ ...cad, scenario: null }, { ...cadenceSettings(), ...s })?.due ?? null;
    return {
      intention,
      valueWindow: r.value_window,
      valuePrevWindow: r.value_prev_window,
      valueShareAhead: r.value_share_ahead,
      valueLastYear: r.value_last_year,
      lastScore: r.last_score,
      tier: valueTier(r.value_window, r.value_share_ahead, s),
      gold: isGold(r.value_last_year, threshold),
      next,
      state: followupState(next, today),
      churn: churnRisk({ ...cad, next, valueWindow: r.value_window, valuePrevWindow: r.value_prev_window, lastScore: r.last_score }, today, s),
    };
  });
}
