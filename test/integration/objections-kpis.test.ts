/**
 * Every objection KPI formula evaluated by the local runtime (HyperFormula) on a generated log
 * equals the reference computation in src/core/objections/kpis.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../src/local';
import { getTab } from '../../src/core/schema';
import { getList } from '../../src/core/lists';
import { resolveFormula } from '../../src/core/formulas';
import { OBJECTION_KPIS, getObjectionKpi, kpiFormula, type KpiDef } from '../../src/core/kpis/objections';
import * as ref from '../../src/core/objections/kpis';
import type { ObjectionRow } from '../../src/core/objections';
import { TEAM, colOf, generatedLog, rng, workbook, writeByKey } from './objections-fixture';

const CUSTOMERS = 120;
const TYPES = getList('objection_type').items.map((i) => i.label.en);
const RESOLVED = 'Resolved';
const stage = (k: string) => getList('stage').items.find((i) => i.key === k)!.label.en;

let rt: LocalRuntime;
let log: ObjectionRow[];
let customers: { customer_id: string; stage: string }[];

/** Writes the KPI formula into the scratch sheet next to each parameter value and returns the results. */
function evaluate(def: KpiDef, params: (string | number)[]): unknown[] {
  const sh = rt.spreadsheet.getSheetByName('KPI') ?? rt.spreadsheet.insertSheet('KPI');
  sh.clear();
  const args = params.length ? params : [''];
  sh.getRange(2, 1, args.length, 1).setValues(args.map((p) => [p]));
  const formulas = args.map((_p, i) => {
    const f = kpiFormula(def, { type: `$A${i + 2}`, rep: `$A${i + 2}`, n: `$A${i + 2}` });
    return [
      resolveFormula(f, {
        tabKey: 'dashboard',
        firstDataRow: 2,
        column: (t, c) => colOf(getTab(t), c),
        sheetName: (t) => getTab(t).name.en,
      }),
    ];
  });
  sh.getRange(2, 2, args.length, 1).setFormulas(formulas);
  return sh
    .getRange(2, 2, args.length, 1)
    .getValues()
    .map((r) => r[0]);
}

beforeAll(() => {
  rt = workbook({ customers: CUSTOMERS }).rt;
  const r = rng(99);
  const stages = getList('stage').items.map((i) => i.label.en);
  customers = Array.from({ length: CUSTOMERS }, (_, i) => ({
    customer_id: `C-${String(i + 1).padStart(6, '0')}`,
    stage: r() < 0.3 ? stage('won') : r() < 0.4 ? stage('lost') : stages[Math.floor(r() * 6)],
  }));
  writeByKey(
    rt,
    'customers',
    2,
    customers.map((c) => ({ stage: c.stage })),
  );
  log = generatedLog(1500, CUSTOMERS, 5) as ObjectionRow[];
  // A few rows resolved without a resolved time, and one type nobody raised (so blanks show).
  log.slice(0, 20).forEach((row) => (row.resolved_at = ''));
  for (const row of log) if (row.type === 'Other') row.type = 'Need mismatch';
  writeByKey(rt, 'objections', 2, log as Record<string, unknown>[]);
  expect(rt.workbook.formulaErrors()).toEqual([]);
});

describe('objection KPIs on the local runtime equal the reference', () => {
  it('objections by type and by rep', () => {
    expect(evaluate(getObjectionKpi('objections_by_type'), TYPES)).toEqual(TYPES.map((t) => ref.countByType(log, t)));
    const reps = TEAM.map((m) => m.name);
    expect(evaluate(getObjectionKpi('objections_by_rep'), reps)).toEqual(reps.map((m) => ref.countByRep(log, m)));
    expect(ref.countByType(log, 'Other')).toBe(0);
  });

  it('resolution rate by type', () => {
    const got = evaluate(getObjectionKpi('resolution_rate_by_type'), TYPES);
    TYPES.forEach((t, i) => {
      const want = ref.resolutionRate(log, t, RESOLVED);
      if (want === null) expect(got[i], t).toBe('');
      else expect(got[i] as number, t).toBeCloseTo(want, 9);
    });
  });

  it('median days to resolve', () => {
    const [got] = evaluate(getObjectionKpi('median_days_to_resolve'), []);
    const want = ref.medianDaysToResolve(log, RESOLVED)!;
    expect(want).toBeGreaterThan(0);
    expect(got as number).toBeCloseTo(want, 6);
  });

  it('share answered in writing on time', () => {
    const [got] = evaluate(getObjectionKpi('answered_within_time_share'), []);
    const want = ref.answeredOnTimeShare(log, rt.clock.now(), 24)!;
    expect(want).toBeGreaterThan(0);
    expect(want).toBeLessThan(1);
    expect(got as number).toBeCloseTo(want, 9);
  });

  it('win rate of customers after each type', () => {
    const got = evaluate(getObjectionKpi('win_rate_after_type'), TYPES);
    TYPES.forEach((t, i) => {
      const want = ref.winRateAfterType(log, customers, t, stage('won'), stage('lost'));
      if (want === null) expect(got[i], t).toBe('');
      else expect(got[i] as number, t).toBeCloseTo(want, 9);
    });
  });

  it('lost deals by type and the top types behind lost customers', () => {
    expect(evaluate(getObjectionKpi('lost_by_type'), TYPES)).toEqual(TYPES.map((t) => ref.lostByType(log, t)));
    const top = ref.topLostTypes(log, TYPES);
    // The dashboard's block: types in A, their lost-deal counts in B, the n-th top type in D.
    const sh = rt.spreadsheet.getSheetByName('KPI')!;
    const ns = TYPES.map((_t, i) => i + 1);
    sh.getRange(2, 3, ns.length, 1).setValues(ns.map((n) => [n]));
    const f = (i: number) =>
      resolveFormula(
        kpiFormula(getObjectionKpi('top_lost_type'), { n: `$C${i + 2}`, labels: `$A$2:$A$${TYPES.length + 1}`, counts: `$B$2:$B$${TYPES.length + 1}` }),
        {
          tabKey: 'dashboard',
          firstDataRow: 2,
          column: (t, c) => colOf(getTab(t), c),
          sheetName: (t) => getTab(t).name.en,
        },
      );
    sh.getRange(2, 4, ns.length, 1).setFormulas(ns.map((_n, i) => [f(i)]));
    expect(
      sh
        .getRange(2, 4, ns.length, 1)
        .getValues()
        .map((r) => r[0]),
    ).toEqual(ns.map((n) => top[n - 1] ?? ''));
    expect(top.length).toBeGreaterThan(3);
    expect(top.length).toBeLessThan(9);
  });

  it('every KPI is covered above', () => {
    expect(OBJECTION_KPIS.map((k) => k.key).sort()).toEqual(
      [
        'answered_within_time_share',
        'lost_by_type',
        'median_days_to_resolve',
        'objections_by_rep',
        'objections_by_type',
        'resolution_rate_by_type',
        'top_lost_type',
        'win_rate_after_type',
      ].sort(),
    );
  });
});
