/**
 * The Dashboard (issue 16): every figure on it is a live formula, and on a generated workbook of
 * 3,000 customers with a year of follow-ups, deals, objections, survey answers and stage changes
 * each equals the TypeScript reference of its measure (core/dashboard) — counts exactly, money to
 * the cent, rates to 0.1 % — for several periods, after Settings change, and after one log row is
 * edited with no script run.
 *
 * The script-kept customer values (12-month value, share ahead, last year, last score) are written
 * as the refresh writes them, from core/tiers' reference over the won deals; the tiers, gold,
 * churn and due-state formulas on top are the sheet's own. The zone is Asia/Shanghai (UTC+8 all
 * year), so serial days convert to instants exactly.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createLocalRuntime, type LocalRuntime } from '../../src/local';
import { getTab, type TabDef } from '../../src/core/schema';
import { listLabel } from '../../src/core/lists';
import { computeCustomers, serialFromYmd, tierSettings, type CustomerFacts, type StageKey, type TierSettings } from '../../src/core/tiers';
import { dealProbability, stageProbabilities } from '../../src/core/pipeline';
import { DASHBOARD_SECTIONS } from '../../src/core/dashboard/sections';
import { dashboardGrid, type Grid } from '../../src/core/dashboard/layout';
import { PERIOD_LABELS, periodBounds, type PeriodKind } from '../../src/core/dashboard/period';
import type { DashboardData, DealRow, DealStatusKey } from '../../src/core/dashboard/data';
import { TEAM_COLUMNS, teamGrid, type TargetRow, type TeamData } from '../../src/core/dashboard/team';
import { trendMeasures, trendsGrid } from '../../src/core/dashboard/trends';
import { monthStart } from '../../src/core/dashboard/pipeline';
import { FIRST_DATA_ROW } from '../../src/core/schema';
import { rng } from './objections-fixture';

const TZ_OFFSET_MS = 8 * 3600_000;
const NOW = new Date('2026-03-02T09:30:00+08:00');
const TODAY = serialFromYmd(2026, 3, 2);
const NOW_SERIAL = TODAY + 9.5 / 24;
const toDate = (serial: number) => new Date(Math.round((serial - 25569) * 86_400_000 - TZ_OFFSET_MS));
const N = 3000;
const TEAM = ['Ana Wu', '李雷', 'Sam Boss'];
const STAGES: (StageKey | null)[] = ['reach', 'needs', 'solution', 'objections', 'negotiation', 'delivery', 'won', 'lost', 'on_hold', null];
const TYPES = ['price', 'product', 'service', 'timing', 'trust', 'decision', 'need', 'competitor', 'other'];
const RESULTS = ['resolved', 'partly', 'unresolved'];
const RULES = ['high', 'medium', 'return_call', 'low', 'manual'];

/** Monthly targets for each rep over the last 14 months (a few left blank), on a day inside the month. */
const TARGETS: TargetRow[] = TEAM.flatMap((rep, i) =>
  Array.from({ length: 14 }, (_, k) => ({
    rep,
    month: monthStart(TODAY, -k) + ((k * 7 + i) % 27),
    revenue: k === 3 ? null : 20_000 + 5_000 * ((k + i) % 5),
    newCustomers: 3 + ((k + 2 * i) % 4),
    contacts: 40 + 10 * ((k + i) % 3),
  })),
);

interface Generated {
  facts: CustomerFacts[];
  owners: string[];
  data: Omit<DashboardData, 'customers'>;
  surveys: { customerId: string; answeredAt: number; scores: unknown[] }[];
}

function generate(seed: number): Generated {
  const r0 = rng(seed);
  const r = {
    next: r0,
    int: (lo: number, hi: number) => lo + Math.floor(r0() * (hi - lo + 1)),
    chance: (p: number) => r0() < p,
    pick: <T>(xs: readonly T[]) => xs[Math.floor(r0() * xs.length)],
  };
  const facts: CustomerFacts[] = [];
  const owners: string[] = [];
  for (let i = 1; i <= N; i++) {
    facts.push({
      id: r.chance(0.005) ? '' : `C-${String(i).padStart(6, '0')}`,
      needConfirmed: r.chance(0.6),
      budgetConfirmed: r.chance(0.5),
      stage: r.pick(STAGES),
      lastContact: r.chance(0.15) ? null : TODAY - r.int(0, 200) + r.int(0, 47) / 48,
      created: r.chance(0.02) ? null : TODAY - r.int(0, 420) + r.int(0, 23) / 24,
    });
    owners.push(r.pick(TEAM));
  }
  const ids = facts.filter((c) => c.id).map((c) => c.id);
  const followups = Array.from({ length: 6000 }, () => {
    const planned = r.chance(0.05) ? null : TODAY - r.int(-20, 380) + r.int(0, 23) / 24;
    const done = r.chance(0.55) ? Math.min(NOW_SERIAL - 0.01, (planned ?? TODAY - r.int(0, 300)) + r.int(-1, 5) + r.int(0, 23) / 24 - 0.5) : null;
    return { owner: r.pick(TEAM), rule: r.pick(RULES), planned, done, cancelled: r.chance(0.05) };
  });
  const probs = stageProbabilities();
  const deals: DealRow[] = Array.from({ length: 3000 }, () => {
    const status: DealStatusKey = r.pick(['open', 'open', 'won', 'won', 'lost'] as const);
    const customerStage = r.pick(STAGES);
    const amount = r.int(1, 9000) * 10 + r.int(0, 99) / 100;
    const probability = status === 'open' && r.chance(0.3) ? r.int(1, 9) / 10 : null;
    return {
      customerId: r.pick(ids),
      owner: r.pick(TEAM),
      amount,
      status,
      closedOn: status === 'open' ? null : TODAY - r.int(0, 400),
      expectedClose: status === 'open' && r.chance(0.9) ? TODAY + r.int(-40, 200) : null,
      kind: r.pick(['new', 'repurchase', 'upsell', null] as const),
      ownCurrency: true,
      lossReason: status === 'lost' && r.chance(0.8) ? r.pick(TYPES) : null,
      customerStage,
      weighted: amount * dealProbability({ status, probability }, customerStage, probs),
      probability,
    } as DealRow & { probability: number | null };
  });
  const objections = Array.from({ length: 1500 }, () => ({
    type: r.chance(0.03) ? null : r.pick(TYPES),
    raised: TODAY - r.int(0, 380) + r.int(0, 23) / 24,
    result: r.chance(0.1) ? null : r.pick(RESULTS),
    lostDeal: r.chance(0.15),
    owner: r.pick(TEAM),
  }));
  const score = () => (r.chance(0.07) ? null : r.int(1, 5));
  const responses = Array.from({ length: 800 }, () => ({
    customerId: r.chance(0.05) ? '' : r.pick(ids),
    answeredAt: TODAY - r.int(0, 380) + r.int(0, 23) / 24,
    scores: { service_quality: score(), solution_effect: score(), response_speed: score(), teamwork: score() },
    overall: r.pick(['satisfied', 'neutral', 'unsatisfied', null] as const),
    nps: r.chance(0.1) ? null : r.int(0, 10),
    owner: r.pick(TEAM),
  }));
  const stageChanges = Array.from({ length: 700 }, () => ({
    customerId: r.pick(ids),
    to: r.pick(STAGES.filter((s) => s)),
    at: TODAY - r.int(0, 380) + r.int(0, 23) / 24,
  }));
  const surveys = responses
    .filter((x) => x.customerId)
    .map((x) => ({ customerId: x.customerId, answeredAt: x.answeredAt, scores: Object.values(x.scores).map((v) => v ?? '') }));
  return { facts, owners, surveys, data: { today: TODAY, now: NOW_SERIAL, team: TEAM, followups, deals, objections, responses, stageChanges } };
}

const col = (def: TabDef, key: string) => def.columns.findIndex((c) => c.key === key) + 1;
const label = (list: string, key: string | null) => (key ? listLabel(list, key, 'en') : '');
const date = (s: number | null) => (s === null ? '' : toDate(s));

function writeBlock(rt: LocalRuntime, tabKey: string, records: Record<string, unknown>[]): void {
  const def = getTab(tabKey);
  const sh = rt.spreadsheet.getSheetByName(def.name.en)!;
  if (sh.getMaxRows() < records.length + 1) sh.insertRowsAfter(sh.getMaxRows(), records.length + 1 - sh.getMaxRows());
  for (const k of Object.keys(records[0])) sh.getRange(FIRST_DATA_ROW, col(def, k), records.length, 1).setValues(records.map((rec) => [rec[k]]));
}

function customersNow(g: Generated, s: TierSettings): DashboardData['customers'] {
  const won = g.data.deals.filter((d) => d.status === 'won').map((d) => ({ customerId: d.customerId, amount: d.amount, wonOn: d.closedOn! }));
  return computeCustomers(g.facts, won, g.surveys, s, TODAY).map((c, i) => ({
    id: g.facts[i].id,
    stage: g.facts[i].stage,
    intention: c?.intention ?? 'low',
    owner: g.owners[i],
    created: g.facts[i].created,
    valueWindow: c?.valueWindow ?? 0,
    tier: c?.tier ?? null,
    gold: c?.gold ?? false,
    churn: c?.churn ?? false,
    state: c?.state ?? 'none',
  }));
}

function fill(rt: LocalRuntime, g: Generated): void {
  const d = g.data;
  writeBlock(
    rt,
    'settings',
    TEAM.map((name, i) => ({ team_name: name, team_email: `m${i}@example.com` })),
  );
  writeBlock(
    rt,
    'settings',
    TARGETS.map((t) => ({
      target_rep: t.rep,
      target_month: toDate(t.month),
      target_revenue: t.revenue ?? '',
      target_new_customers: t.newCustomers ?? '',
      target_contacts: t.contacts ?? '',
    })),
  );
  const won = d.deals.filter((x) => x.status === 'won').map((x) => ({ customerId: x.customerId, amount: x.amount, wonOn: x.closedOn! }));
  const computed = computeCustomers(g.facts, won, g.surveys, tierSettings(), TODAY);
  writeBlock(
    rt,
    'customers',
    g.facts.map((c, i) => ({
      customer_id: c.id,
      name: `Customer ${i + 1}`,
      need_confirmed: c.needConfirmed,
      budget_confirmed: c.budgetConfirmed,
      stage: label('stage', c.stage),
      owner: g.owners[i],
      last_contact_at: date(c.lastContact),
      created_at: date(c.created),
    })),
  );
  // The script-kept values, as the refresh and the plan write them (core/tiers computes them from the won deals and the plan).
  writeBlock(
    rt,
    'customers',
    computed.map((c) => ({
      value_window: c ? c.valueWindow : '',
      // The customer's one plan (issue 12), as re-planning keeps it on the row: its due time.
      next_planned_at: c && c.next !== null ? date(c.next) : '',
      value_prev_window: c ? c.valuePrevWindow : '',
      value_share_ahead: c ? c.valueShareAhead : '',
      value_last_year: c ? c.valueLastYear : '',
      last_score: c ? c.lastScore : '',
      values_as_of: c ? toDate(TODAY) : '',
    })),
  );
  writeBlock(
    rt,
    'followups',
    d.followups.map((f, i) => ({
      followup_id: `F-${i + 1}`,
      customer_id: 'C-000001',
      owner: f.owner,
      planned_at: date(f.planned),
      done_at: date(f.done),
      cancelled: f.cancelled,
      rule: f.rule,
    })),
  );
  writeBlock(
    rt,
    'deals',
    d.deals.map((x, i) => ({
      deal_id: `D-${i + 1}`,
      customer_id: x.customerId,
      amount: x.amount,
      won_on: date(x.closedOn),
      kind: label('deal_kind', x.kind),
      status: label('deal_status', x.status),
      expected_close: date(x.expectedClose),
      probability: (x as DealRow & { probability: number | null }).probability ?? '',
      customer_stage: label('stage', x.customerStage),
      loss_reason: label('objection_type', x.lossReason),
      owner: x.owner,
    })),
  );
  writeBlock(
    rt,
    'objections',
    d.objections.map((o, i) => ({
      objection_id: `O-${i + 1}`,
      customer_id: 'C-000001',
      raised_at: toDate(o.raised!),
      type: label('objection_type', o.type),
      result: label('objection_result', o.result),
      lost_deal: o.lostDeal,
      owner: o.owner,
    })),
  );
  writeBlock(
    rt,
    'survey_responses',
    d.responses.map((x, i) => ({
      response_id: `R-${i + 1}`,
      customer_id: x.customerId,
      answered_at: toDate(x.answeredAt),
      service_quality: x.scores.service_quality ?? '',
      solution_effect: x.scores.solution_effect ?? '',
      response_speed: x.scores.response_speed ?? '',
      teamwork: x.scores.teamwork ?? '',
      overall: label('satisfaction', x.overall),
      nps: x.nps ?? '',
    })),
  );
  writeBlock(
    rt,
    'stage_history',
    d.stageChanges.map((h) => ({ customer_id: h.customerId, to_stage: label('stage', h.to), changed_at: toDate(h.at) })),
  );
}

/** The layout the add-in wrote (same declarations, same team), to find each measure's row. */
function grid(): Grid {
  return dashboardGrid(DASHBOARD_SECTIONS, 'en', TEAM, { firstDataRow: FIRST_DATA_ROW, column: () => 1, sheetName: () => 'x' });
}

function compare(rt: LocalRuntime, d: DashboardData, kind: PeriodKind, custom?: { from: number; last: number }): number {
  const { current, previous } = periodBounds(kind, TODAY, custom);
  const cells = rt.workbook.values('Dashboard');
  const formulas = rt.spreadsheet.getSheetByName('Dashboard')!.getRange(1, 1, cells.length, 3).getFormulas();
  const problems: string[] = [];
  let n = 0;
  let nonZero = 0;
  for (const { measure: m, item, row } of grid().measures) {
    const checks: [unknown, number | null, string][] = [[cells[row - 1][1], m.reference(d, current, item), 'current']];
    if (m.periodic) checks.push([cells[row - 1][2], m.reference(d, previous, item), 'previous']);
    for (const [got, want, which] of checks) {
      n++;
      if (want) nonZero++;
      const tol = m.format === 'count' ? 0 : m.format === 'money' ? 0.005 : m.format === 'percent' ? 0.0005 : 0.0005;
      const ok = want === null ? got === '' : typeof got === 'number' && Math.abs(got - want) <= tol;
      if (!ok && problems.length < 15) problems.push(`${m.key}${item ? `[${item}]` : ''} ${which}: got ${JSON.stringify(got)}, want ${want}`);
      if (!formulas[row - 1][which === 'current' ? 1 : 2].startsWith('=')) problems.push(`${m.key} ${which} is not a formula`);
    }
  }
  expect(problems).toEqual([]);
  // The data exercise the measures: most figures are neither blank nor zero.
  expect(nonZero / n, `${kind}: non-zero share`).toBeGreaterThan(0.6);
  return n;
}

function compareTeam(rt: LocalRuntime, d: TeamData, kind: PeriodKind): void {
  const { current } = periodBounds(kind, TODAY);
  const g = teamGrid('en', TEAM, { firstDataRow: FIRST_DATA_ROW, column: () => 1, sheetName: () => 'x' }, 'Dashboard');
  const cells = rt.workbook.values('Team');
  const problems: string[] = [];
  const revenue = new Map<string, number>();
  for (const { rep, row } of g.repRows) {
    const got: Record<string, number | null> = {};
    expect(cells[row - 1][0]).toBe(rep);
    for (const c of TEAM_COLUMNS) {
      const want = c.key === 'rank' ? null : c.reference(d, current, rep, got);
      const v = cells[row - 1][g.columns.get(c.key)! - 1];
      got[c.key] = want;
      if (c.key === 'revenue') revenue.set(rep, want!);
      if (c.key === 'rank') continue;
      const tol = c.format === 'count' ? 0 : c.format === 'money' ? 0.005 : 0.0005;
      const ok = want === null ? v === '' : typeof v === 'number' && Math.abs(v - want) <= tol;
      if (!ok) problems.push(`${kind} ${rep} ${c.key}: got ${JSON.stringify(v)}, want ${want}`);
    }
  }
  for (const { rep, row } of g.repRows) {
    const rank = [...revenue.values()].filter((x) => x > revenue.get(rep)!).length + 1;
    if (cells[row - 1][g.columns.get('rank')! - 1] !== rank) problems.push(`${kind} ${rep} rank`);
  }
  expect(problems).toEqual([]);
  // Targets exist for this period, so attainment is a figure, not a blank.
  if (kind !== 'week') expect(cells[g.repRows[0].row - 1][g.columns.get('revenue_attainment')! - 1]).toEqual(expect.any(Number));
}

function choose(rt: LocalRuntime, kind: PeriodKind, custom?: { from: number; last: number }): void {
  const sh = rt.spreadsheet.getSheetByName('Dashboard')!;
  sh.getRange('B2').setValue(PERIOD_LABELS[kind].en);
  if (custom) sh.getRange('D2:F2').setValues([[toDate(custom.from), 'to', toDate(custom.last)]]);
}

describe('Dashboard measures agree with their references on a generated workbook', () => {
  const g = generate(16);
  let rt: LocalRuntime;
  let data: DashboardData;

  beforeAll(() => {
    rt = createLocalRuntime({ locale: 'en', user: 'manager@example.com', timeZone: 'Asia/Shanghai', now: NOW });
    rt.run('setupWorkbook');
    fill(rt, g);
    rt.run('setupWorkbook'); // the team is known now: the per-rep rows are built
    data = { ...g.data, customers: customersNow(g, tierSettings()) };
  }, 300_000);

  it('covers what each measure distinguishes', () => {
    const cs = data.customers;
    for (const t of ['a', 'b', 'c']) expect(cs.some((c) => c.tier === t)).toBe(true);
    expect(cs.some((c) => c.gold && c.state === 'overdue')).toBe(true);
    expect(cs.some((c) => c.churn && c.tier === 'a')).toBe(true);
    expect(rt.workbook.formulaErrors()).toEqual([]);
  });

  it('this month, this quarter, a custom range and this week (with the previous period of each)', () => {
    let n = 0;
    for (const [kind, custom] of [['month'], ['quarter'], ['custom', { from: TODAY - 120, last: TODAY - 31 }], ['week'], ['year']] as [
      PeriodKind,
      { from: number; last: number }?,
    ][]) {
      choose(rt, kind, custom);
      n += compare(rt, data, kind, custom);
    }
    expect(n).toBeGreaterThan(500);
  });

  it('after Settings change (tier shares, gold share, stage probabilities)', () => {
    for (const [name, v] of [
      ['SD_TIER_A_SHARE', 0.6],
      ['SD_GOLD_SHARE', 0.1],
      ['SD_STAGE_PROBABILITY_NEEDS', 0.35],
    ] as const)
      rt.spreadsheet.getRangeByName(name)!.setValue(v);
    const s = tierSettings({ tier_a_share: 0.6, gold_share: 0.1 });
    const probs = stageProbabilities({ stage_probability_needs: 0.35 });
    const deals = g.data.deals.map((x) => ({
      ...x,
      weighted:
        x.amount * dealProbability({ status: x.status!, probability: (x as DealRow & { probability: number | null }).probability }, x.customerStage, probs),
    }));
    const changed: DashboardData = { ...g.data, deals, customers: customersNow(g, s) };
    expect(changed.customers.filter((c) => c.tier === 'a').length).not.toBe(data.customers.filter((c) => c.tier === 'a').length);
    choose(rt, 'quarter');
    compare(rt, changed, 'quarter');
  });

  it('Team: actuals, targets from Settings, attainment and rank for three periods', () => {
    const d: TeamData = { ...data, targets: TARGETS };
    for (const kind of ['month', 'quarter', 'year'] as const) {
      choose(rt, kind);
      compareTeam(rt, d, kind);
    }
  });

  it('Trends: each of the last 12 months and the same month a year before', () => {
    const g = trendsGrid('en', { firstDataRow: FIRST_DATA_ROW, column: () => 1, sheetName: () => 'x' });
    const cells = rt.workbook.values('Trends');
    const problems: string[] = [];
    let nonZero = 0;
    for (const { back, row } of g.monthRows) {
      for (const [which, k] of [
        ['now', -back],
        ['before', -back - 12],
      ] as const) {
        const p = { from: monthStart(TODAY, k), to: monthStart(TODAY, k + 1) };
        for (const m of trendMeasures()) {
          const want = m.reference(data, p);
          const v = cells[row - 1][g.columns.get(m.key)![which] - 1];
          if (want) nonZero++;
          const tol = m.format === 'count' ? 0 : m.format === 'money' ? 0.005 : 0.0005;
          const ok = want === null ? v === '' : typeof v === 'number' && Math.abs(v - want) <= tol;
          if (!ok) problems.push(`${m.key} ${which} ${back}: got ${JSON.stringify(v)}, want ${want}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(nonZero).toBeGreaterThan(100);
  });

  it('changes when one log row is edited, with no script run (the sheet recalculates)', () => {
    choose(rt, 'month');
    const sh = rt.spreadsheet.getSheetByName('Deals')!;
    const row = g.data.deals.findIndex((x) => x.status === 'open') + FIRST_DATA_ROW;
    const wonRow = grid().measures.find((m) => m.measure.key === 'won_deals')!.row;
    const before = rt.workbook.values('Dashboard')[wonRow - 1][1] as number;
    sh.getRange(row, col(getTab('deals'), 'status')).setValue('Won');
    sh.getRange(row, col(getTab('deals'), 'won_on')).setValue(toDate(TODAY));
    expect(rt.workbook.values('Dashboard')[wonRow - 1][1]).toBe(before + 1);
  });
});
