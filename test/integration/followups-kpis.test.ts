/**
 * The follow-up KPI catalogue: every formula passes the allow-list lint, and HyperFormula's value
 * in the local runtime equals the reference computation on a generated log.
 */
import { describe, expect, it } from 'vitest';
import { FOLLOWUP_KPIS, kpiFormula, reference, type KpiRow } from '../../src/core/kpis/followups';
import { lintFormula, resolveFormula } from '../../src/core/formulas';
import { hasColumn, namedRanges, getTab } from '../../src/core/schema';
import { serialAt } from '../../src/core/cadence';
import { rng, workbook, writeByKey } from './objections-fixture';

const FU = getTab('followups');
const knownNames = new Set(namedRanges().map((n) => n.name));
const TZ = 'Asia/Shanghai';

describe('follow-up KPI formulas', () => {
  it('use only allowed functions and declared columns', () => {
    for (const k of FOLLOWUP_KPIS) {
      expect(lintFormula(kpiFormula(k.key, 'A1'), { knownNames, placeholder: (t, c) => hasColumn(t ?? 'followups', c) }), k.key).toEqual([]);
      expect(k.label.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('agree with the reference computation on a generated log', () => {
    const fx = workbook({ customers: 10 });
    const { rt } = fx;
    const now = rt.clock.nowMs();
    const r = rng(11);
    const rules = ['high', 'medium', 'return_call', 'manual', 'low'];
    const owners = ['Ana Wu', '李雷'];
    const rows = Array.from({ length: 400 }, (_, i) => {
      const planned = r() < 0.1 ? '' : new Date(now + Math.round((r() * 30 - 20) * 24) * 3600_000 + 7 * 60_000);
      const doneRoll = r();
      const done = doneRoll < 0.5 ? new Date((planned ? (planned as Date).getTime() : now) + Math.round((r() * 6 - 2) * 24) * 3600_000 - 11 * 60_000) : '';
      const doneOk = done && (done as Date).getTime() <= now ? done : '';
      return {
        followup_id: `F-${i + 1}`,
        customer_id: 'C-000001',
        owner: owners[i % 2],
        rule: rules[Math.floor(r() * rules.length)],
        planned_at: planned,
        done_at: doneOk,
        cancelled: r() < 0.08,
      };
    });
    writeByKey(rt, 'followups', 2, rows);
    const sh = rt.spreadsheet.insertSheet('KPI');
    const ctx = {
      tabKey: 'kpi',
      firstDataRow: 2,
      column: (t: string, c: string) => (t === 'followups' ? FU.columns.findIndex((x) => x.key === c) + 1 : null),
      sheetName: (t: string) => (t === 'followups' ? FU.name.en : null),
    };
    sh.getRange('A1:A2').setValues([['Ana Wu'], ['李雷']]);
    const cells: [string, string][] = [
      ['B1', kpiFormula('on_time_rate')],
      ['B2', kpiFormula('high_within_24h')],
      ['B3', kpiFormula('medium_within_7d')],
      ['B4', kpiFormula('return_call_within_3d')],
      ['C1', kpiFormula('overdue_per_rep', 'A1')],
      ['C2', kpiFormula('overdue_per_rep', 'A2')],
    ];
    for (const [a1, f] of cells) sh.getRange(a1).setFormula(resolveFormula(f, ctx));
    const got = sh.getRange('B1:C4').getValues();
    const refRows: KpiRow[] = rows.map((x) => ({
      rule: x.rule,
      owner: x.owner,
      planned: x.planned_at ? serialAt((x.planned_at as Date).getTime(), TZ) : null,
      done: x.done_at ? serialAt((x.done_at as Date).getTime(), TZ) : null,
      cancelled: x.cancelled,
    }));
    const want = reference(refRows, serialAt(now, TZ));
    const close = (a: unknown, b: unknown, what: string) => {
      if (b === '') expect(a, what).toBe('');
      else expect(a as number, what).toBeCloseTo(b as number, 9);
    };
    close(got[0][0], want.on_time_rate, 'on_time_rate');
    close(got[1][0], want.high_within_24h, 'high_within_24h');
    close(got[2][0], want.medium_within_7d, 'medium_within_7d');
    close(got[3][0], want.return_call_within_3d, 'return_call_within_3d');
    const perRep = want.overdue_per_rep as Record<string, number>;
    expect(got[0][1]).toBe(perRep['Ana Wu'] ?? 0);
    expect(got[1][1]).toBe(perRep['李雷'] ?? 0);
    // The data set exercises every branch.
    for (const v of [want.on_time_rate, want.high_within_24h, want.medium_within_7d, want.return_call_within_3d]) {
      expect(typeof v).toBe('number');
      expect(v as number).toBeGreaterThan(0);
      expect(v as number).toBeLessThan(1);
    }
  });
});
