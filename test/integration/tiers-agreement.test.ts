/**
 * The Customers tab's live formulas, evaluated by HyperFormula in the local runtime, against the
 * reference computation in src/core/tiers on a seeded workbook of a few thousand customers with
 * deals and survey answers. The script-kept values come from the add-in's own "Refresh customer
 * values" (what a deal save also runs), so the whole path — reading dates in the sheet's time
 * zone, adding up, writing, and the formulas on top — is checked cell by cell.
 *
 * `last_contact_at` is written directly: it is what logging a follow-up keeps up to date.
 * The time zone is Asia/Shanghai (UTC+8 all year), so serial days convert to instants exactly.
 *
 * Runtime gap (reported): the bundle runs in Node's realm, so `new Date()` in script code reads
 * the machine's clock, while TODAY()/NOW() and the services follow rt.clock. Until the runtime
 * simulates Date for the bundle, this test pins Node's Date to rt.clock (vi.setSystemTime).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLocalRuntime, type LocalRuntime } from '../../src/local';
import { getTab, type TabDef } from '../../src/core/schema';
import { listItemKey, listLabel } from '../../src/core/lists';
import {
  computeCustomers,
  serialFromYmd,
  tierSettings,
  type CustomerComputed,
  type CustomerFacts,
  type StageKey,
  type TierSettings,
} from '../../src/core/tiers';
import type { DealFact, SurveyFact } from '../../src/core/tiers';

const TZ_OFFSET_MS = 8 * 3600_000;
const toDate = (serial: number) => new Date(Math.round((serial - 25569) * 86_400_000 - TZ_OFFSET_MS));
const toSerial = (v: unknown): number | null => {
  if (v instanceof Date) return (v.getTime() + TZ_OFFSET_MS) / 86_400_000 + 25569;
  if (typeof v === 'number') return v;
  return null;
};

/** A small seeded generator (mulberry32), so a failure is reproducible. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)],
  };
}

const STAGES: (StageKey | null)[] = ['reach', 'needs', 'solution', 'objections', 'negotiation', 'delivery', 'won', 'won', 'lost', 'on_hold', null];
const TODAY = serialFromYmd(2026, 3, 2);
const N = 3000;

interface Data {
  customers: CustomerFacts[];
  deals: DealFact[];
  surveys: SurveyFact[];
}

function generate(seed: number): Data {
  const r = rng(seed);
  const customers: CustomerFacts[] = [];
  for (let i = 1; i <= N; i++) {
    const need = r.chance(0.6);
    const created = r.chance(0.03) ? null : TODAY - r.int(0, 420) + r.int(0, 23) / 24;
    let lastContact: number | null = r.chance(0.15) ? null : TODAY - r.int(0, 200) + r.int(0, 47) / 48;
    if (i <= 12) lastContact = TODAY - [0, 1, 2, 3, 6, 7, 8, 29, 30, 31, 90, 91][i - 1] + 0.25; // cut-offs of every cadence
    customers.push({
      id: r.chance(0.01) ? '' : `C-${String(i).padStart(6, '0')}`,
      needConfirmed: need,
      budgetConfirmed: r.chance(0.5),
      stage: r.pick(STAGES),
      lastContact,
      created,
    });
  }
  const ids = customers.filter((c) => c.id).map((c) => c.id);
  const deals: DealFact[] = [];
  const edges = [0, 1, 365, 366, 364, 730, 731, 61, 62, 425, 426]; // today, the 12-month cut-off (2025-03-02 = 365 days ago), last year's ends…
  for (let k = 0; k < 4500; k++) {
    const ago = k < edges.length * 20 ? edges[k % edges.length] : r.int(-5, 800);
    deals.push({ customerId: k % 97 === 0 ? 'C-999999' : r.pick(ids.slice(0, 1800)), amount: r.int(1, 60) * 1000, wonOn: TODAY - ago });
  }
  const surveys: SurveyFact[] = [];
  for (let k = 0; k < 600; k++) {
    const score = () => (r.chance(0.05) ? '' : r.int(1, 5));
    surveys.push({
      customerId: r.pick(ids.slice(0, 900)),
      answeredAt: TODAY - r.int(0, 300) + r.int(0, 23) / 24,
      scores: [score(), score(), score(), score()],
    });
  }
  return { customers, deals, surveys };
}

function col(def: TabDef, key: string): number {
  return def.columns.findIndex((c) => c.key === key) + 1;
}

function writeBlock(rt: LocalRuntime, def: TabDef, records: Record<string, unknown>[]): void {
  const sh = rt.spreadsheet.getSheetByName(def.name.en)!;
  if (sh.getMaxRows() < records.length + 1) sh.insertRowsAfter(sh.getMaxRows(), records.length + 1 - sh.getMaxRows());
  const keys = Object.keys(records[0]).sort((a, b) => col(def, a) - col(def, b));
  // Keys in one record are chosen to sit in adjacent columns runs; write one setValues per key.
  for (const k of keys) sh.getRange(2, col(def, k), records.length, 1).setValues(records.map((rec) => [rec[k]]));
}

function fill(rt: LocalRuntime, d: Data): void {
  const stageLabel = (s: StageKey | null) => (s ? listLabel('stage', s, 'en') : '');
  writeBlock(
    rt,
    getTab('customers'),
    d.customers.map((c, i) => ({
      customer_id: c.id,
      name: `Customer ${i + 1}`,
      need_confirmed: c.needConfirmed,
      budget_confirmed: c.budgetConfirmed,
      stage: stageLabel(c.stage),
      last_contact_at: c.lastContact === null ? '' : toDate(c.lastContact),
      created_at: c.created === null ? '' : toDate(c.created),
    })),
  );
  writeBlock(
    rt,
    getTab('deals'),
    d.deals.map((x, i) => ({ deal_id: `D-${String(i + 1).padStart(6, '0')}`, customer_id: x.customerId, amount: x.amount, won_on: toDate(x.wonOn) })),
  );
  writeBlock(
    rt,
    getTab('survey_responses'),
    d.surveys.map((x, i) => ({
      response_id: `R-${i + 1}`,
      customer_id: x.customerId,
      answered_at: toDate(x.answeredAt),
      service_quality: x.scores[0],
      solution_effect: x.scores[1],
      response_speed: x.scores[2],
      teamwork: x.scores[3],
    })),
  );
}

function setSetting(rt: LocalRuntime, name: string, value: unknown): void {
  rt.spreadsheet.getRangeByName(name)!.setValue(value);
}

/** Every computed cell of the Customers tab against the reference; returns how many rows were compared. */
function compare(rt: LocalRuntime, d: Data, s: TierSettings, today: number): number {
  const def = getTab('customers');
  const grid = rt.workbook.values(def.name.en);
  const expected: (CustomerComputed | null)[] = computeCustomers(d.customers, d.deals, d.surveys, s, today);
  const cell = (row: number, key: string) => grid[row][col(def, key) - 1];
  const label = (list: string, key: string | null) => (key ? listLabel(list, key, 'en') : '');
  const problems: string[] = [];
  const check = (row: number, key: string, got: unknown, want: unknown) => {
    const ok = typeof want === 'number' && typeof got === 'number' ? Math.abs(got - want) < 1e-6 : got === want;
    if (!ok && problems.length < 20) problems.push(`row ${row + 1} ${key}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  };
  expected.forEach((e, i) => {
    const row = i + 1;
    if (!e) {
      for (const k of ['intention_level', 'next_followup', 'followup_state', 'value_tier', 'gold', 'churn_risk', 'value_window'])
        check(row, k, cell(row, k), '');
      return;
    }
    check(row, 'intention_level', cell(row, 'intention_level'), label('intention', e.intention));
    check(row, 'value_window', cell(row, 'value_window'), e.valueWindow);
    check(row, 'value_prev_window', cell(row, 'value_prev_window'), e.valuePrevWindow);
    check(row, 'value_share_ahead', cell(row, 'value_share_ahead'), e.valueShareAhead);
    check(row, 'value_last_year', cell(row, 'value_last_year'), e.valueLastYear);
    check(row, 'last_score', cell(row, 'last_score'), e.lastScore);
    check(row, 'values_as_of', toSerial(cell(row, 'values_as_of')), today);
    check(row, 'value_tier', cell(row, 'value_tier'), label('value_tier', e.tier));
    check(row, 'gold', cell(row, 'gold'), e.gold);
    const next = cell(row, 'next_followup');
    check(row, 'next_followup', next === '' ? null : toSerial(next), e.next);
    check(row, 'followup_state', listItemKey('due_state', cell(row, 'followup_state')), e.state);
    check(row, 'churn_risk', cell(row, 'churn_risk'), e.churn);
  });
  expect(problems).toEqual([]);
  expect(rt.workbook.formulaErrors()).toEqual([]);
  return expected.length;
}

describe('Customers formulas agree with the core reference on a generated workbook', () => {
  const data = generate(20260302);
  let rt: LocalRuntime;

  afterAll(() => {
    vi.useRealTimers();
  });

  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-02T09:30:00+08:00'));
    rt = createLocalRuntime({ locale: 'en', user: 'manager@example.com', timeZone: 'Asia/Shanghai', now: new Date('2026-03-02T09:30:00+08:00') });
    rt.run('setupWorkbook');
    fill(rt, data);
    rt.run('refreshCustomerValues');
    // Rows pasted in the grid get their one plan from the menu's re-plan (issue 12).
    rt.run('replanAllCustomers');
  });

  it('covers every tier, status and signal', () => {
    const e = computeCustomers(data.customers, data.deals, data.surveys, tierSettings(), TODAY).filter((x): x is CustomerComputed => !!x);
    for (const tier of ['a', 'b', 'c', null])
      expect(
        e.some((x) => x.tier === tier),
        `tier ${tier}`,
      ).toBe(true);
    for (const st of ['overdue', 'today', 'scheduled', 'none'])
      expect(
        e.some((x) => x.state === st),
        st,
      ).toBe(true);
    expect(e.filter((x) => x.gold).length).toBeGreaterThan(1);
    expect(e.some((x) => x.churn)).toBe(true);
    expect(e.some((x) => !x.churn)).toBe(true);
    expect(e.some((x) => x.lastScore !== '' && x.lastScore <= 2)).toBe(true);
    expect(e.some((x) => x.valuePrevWindow > 0 && x.valueWindow <= x.valuePrevWindow / 2)).toBe(true);
  });

  it('with the default Settings', () => {
    expect(compare(rt, data, tierSettings(), TODAY)).toBe(N);
  });

  it('colours overdue rows and the ID and name of customers at risk (conditional formats)', () => {
    const e = computeCustomers(data.customers, data.deals, data.surveys, tierSettings(), TODAY);
    const name = getTab('customers').name.en;
    const rowOf = (f: (x: CustomerComputed) => boolean) => e.findIndex((x) => !!x && f(x)) + 2;
    const overdueSafe = rowOf((x) => x.state === 'overdue' && !x.churn);
    const riskScheduled = rowOf((x) => x.state === 'scheduled' && x.churn);
    const riskOverdue = rowOf((x) => x.state === 'overdue' && x.churn);
    const calm = rowOf((x) => x.state === 'scheduled' && !x.churn);
    expect(rt.workbook.conditionalFormatAt(name, overdueSafe, 1)?.background).toBe('#fce8e6');
    expect(rt.workbook.conditionalFormatAt(name, overdueSafe, 20)?.background).toBe('#fce8e6');
    expect(rt.workbook.conditionalFormatAt(name, riskScheduled, 2)?.background).toBe('#fef7e0');
    expect(rt.workbook.conditionalFormatAt(name, riskScheduled, 20)).toBeNull();
    expect(rt.workbook.conditionalFormatAt(name, riskOverdue, 1)?.background).toBe('#fef7e0');
    expect(rt.workbook.conditionalFormatAt(name, riskOverdue, 20)?.background).toBe('#fce8e6');
    expect(rt.workbook.conditionalFormatAt(name, calm, 1)).toBeNull();
  });

  it('after Settings change: thresholds apply at once, cadences from the next re-plan', () => {
    const changed = {
      tier_a_share: 0.5,
      tier_b_share: 0.8,
      gold_share: 0.1,
      skip_weekends: true,
      followup_high_hours: 8,
      followup_medium_days: 10,
      followup_low_months: 2,
      return_call_days: 5,
      existing_customer_followup_days: 14,
      churn_no_contact_days: 45,
      churn_value_drop: 0.25,
      churn_low_score: 3,
    };
    setSetting(rt, 'SD_TIER_A_SHARE', 0.5);
    setSetting(rt, 'SD_TIER_B_SHARE', 0.8);
    setSetting(rt, 'SD_GOLD_SHARE', 0.1);
    setSetting(rt, 'SD_SKIP_WEEKENDS', true);
    setSetting(rt, 'SD_FOLLOWUP_HIGH_HOURS', 8);
    setSetting(rt, 'SD_FOLLOWUP_MEDIUM_DAYS', 10);
    setSetting(rt, 'SD_FOLLOWUP_LOW_MONTHS', 2);
    setSetting(rt, 'SD_RETURN_CALL_DAYS', 5);
    setSetting(rt, 'SD_EXISTING_CUSTOMER_FOLLOWUP_DAYS', 14);
    setSetting(rt, 'SD_CHURN_NO_CONTACT_DAYS', 45);
    setSetting(rt, 'SD_CHURN_VALUE_DROP', 0.25);
    setSetting(rt, 'SD_CHURN_LOW_SCORE', 3);
    // Thresholds apply at once; the cadences shape the plan kept on the rows (issue 12), so they apply from the next re-plan.
    rt.run('replanAllCustomers');
    expect(compare(rt, data, tierSettings(changed), TODAY)).toBe(N);
  });

  it('forty days later, after the refresh the menu (and the daily run) does', () => {
    rt.clock.advance(40 * 86_400_000);
    vi.setSystemTime(rt.clock.now());
    rt.run('refreshCustomerValues');
    const changed = {
      tier_a_share: 0.5,
      tier_b_share: 0.8,
      gold_share: 0.1,
      skip_weekends: true,
      followup_high_hours: 8,
      followup_medium_days: 10,
      followup_low_months: 2,
      return_call_days: 5,
      existing_customer_followup_days: 14,
      churn_no_contact_days: 45,
      churn_value_drop: 0.25,
      churn_low_score: 3,
    };
    expect(compare(rt, data, tierSettings(changed), TODAY + 40)).toBe(N);
  });
});
