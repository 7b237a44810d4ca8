/** Issue 12's one plan: what to keep, move, add and cancel (core/followups/plan), and the plan after delivery (core/cadence). */
import { describe, expect, it } from 'vitest';
import { reconcilePlan, plannedDue, type OpenPlanRow } from '../../src/core/followups/plan';
import { cadenceSettings, planForCustomer, surveyPlan, isPlanRule } from '../../src/core/cadence';
import { serialFromYmd } from '../../src/core/tiers/dates';

const s = cadenceSettings();
const MON = serialFromYmd(2026, 3, 2) + 9 / 24;
const row = (over: Partial<OpenPlanRow>): OpenPlanRow => ({ id: 'F-1', row: 2, rule: 'medium', due: MON + 7, chosen: false, chosenAt: MON, ...over });

describe('reconcilePlan', () => {
  const want = { due: MON + 1, rule: 'high' as const, purpose: 'needs_research' as const };

  it('adds the plan when none is open, keeps a row that already says it, moves another', () => {
    expect(reconcilePlan(want, [], null)).toEqual({ action: { kind: 'add', plan: want }, cancel: [] });
    const same = row({ rule: 'high', due: MON + 1 });
    expect(reconcilePlan(want, [same], MON).action).toEqual({ kind: 'keep', row: same });
    const other = row({});
    expect(reconcilePlan(want, [other], MON).action).toEqual({ kind: 'move', row: other, plan: want });
  });

  it('leaves exactly one open: the others are cancelled', () => {
    const a = row({ id: 'F-1', row: 2, due: MON + 3 });
    const b = row({ id: 'F-2', row: 3, rule: 'high', due: MON + 1 });
    const c = row({ id: 'F-3', row: 4, rule: 'first_contact', due: MON + 2 });
    const r = reconcilePlan(want, [a, b, c], MON);
    expect(r.action).toEqual({ kind: 'keep', row: b });
    expect(r.cancel.map((x) => x.id).sort()).toEqual(['F-1', 'F-3']);
    expect(plannedDue(r)).toBe(MON + 1);
  });

  it("keeps the rep's own date until a later contact, then the cadence takes it back", () => {
    const mine = row({ rule: 'manual', due: MON + 20, chosen: true, chosenAt: MON + 0.5 });
    expect(reconcilePlan(want, [mine], MON).action).toEqual({ kind: 'keep', row: mine });
    expect(reconcilePlan(want, [mine], MON + 2).action).toEqual({ kind: 'move', row: mine, plan: want });
  });

  it('cancels everything when nothing is planned (Lost)', () => {
    const a = row({});
    expect(reconcilePlan(null, [a], MON)).toEqual({ action: { kind: 'none' }, cancel: [a] });
  });

  it('counts a row typed in the grid without a rule as part of the plan', () => {
    expect(isPlanRule('')).toBe(true);
    expect(isPlanRule('survey')).toBe(false);
    expect(isPlanRule('commitment')).toBe(false);
  });
});

describe('the plan after delivery', () => {
  const delivered = serialFromYmd(2026, 3, 9); // a Monday
  const base = { intention: 'medium' as const, scenario: null, created: delivered - 30 };

  it('return call at delivery + 3 days until a contact after it; then the stage cadence', () => {
    expect(planForCustomer({ ...base, stage: 'delivery', lastContact: delivered - 5, deliveredAt: delivered }, s)).toMatchObject({
      rule: 'return_call',
      due: delivered + 3,
    });
    expect(planForCustomer({ ...base, stage: 'delivery', lastContact: delivered + 3, deliveredAt: delivered }, s)!.due).toBe(delivered + 6);
    expect(planForCustomer({ ...base, stage: 'lost', lastContact: null, deliveredAt: delivered }, s)).toBeNull();
  });

  it('satisfaction survey at + 1 month, then the relationship survey every interval of Settings', () => {
    expect(surveyPlan({ stage: 'delivery', deliveredAt: delivered, lastSurveyDone: null }, s)).toMatchObject({
      rule: 'survey',
      due: serialFromYmd(2026, 4, 9),
    });
    const done = serialFromYmd(2026, 4, 10);
    const next = surveyPlan({ stage: 'won', deliveredAt: delivered, lastSurveyDone: done }, s)!;
    expect(next.rule).toBe('relationship_survey');
    expect(next.due).toBeGreaterThanOrEqual(serialFromYmd(2026, 4 + s.survey_interval_months, 10));
    expect(surveyPlan({ stage: 'delivery', deliveredAt: null, lastSurveyDone: null }, s)).toBeNull();
  });
});
