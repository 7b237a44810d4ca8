/**
 * The pipeline's live formulas (core/pipeline/columns: a deal's probability and weighted value),
 * evaluated by HyperFormula in the local runtime over set-up's real named ranges (the stage
 * probabilities in Settings, the stage and deal-status lists), against their TypeScript twins
 * dealProbability and weightedValue — also after a manager changes stage probabilities in
 * Settings. The columns are not on the Deals tab yet (the wiring splices them), so the formulas
 * are written, resolved by column key as set-up does, into a tab of their own.
 */
import { describe, expect, it } from 'vitest';
import { createLocalRuntime } from '../../src/local';
import { resolveFormula } from '../../src/core/formulas';
import { listItemKey, listLabel } from '../../src/core/lists';
import { DEAL_PIPELINE_COLUMNS, dealProbability, dealStatusOf, stageProbabilities, weightedValue } from '../../src/core/pipeline';
import { STAGE_KEYS, stageKeyOf } from '../../src/core/customers/stage';
import { lintFormula } from '../../src/core/formulas';

const KEYS = ['deal_id', 'amount', 'status', 'probability', 'customer_stage', 'probability_used', 'weighted_value'] as const;
const formulaOf = (key: string) => DEAL_PIPELINE_COLUMNS.find((c) => c.key === key)!.formula!;

function rng(seed: number) {
  let s = seed;
  const next = () => (s = (Math.imul(s, 48271) >>> 0) % 2147483647) / 2147483647;
  return { next, int: (a: number, b: number) => a + Math.floor(next() * (b - a + 1)), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] };
}

describe('a deal’s probability and weighted value, live', () => {
  it('agree with dealProbability and weightedValue, before and after the stage probabilities change', () => {
    for (const f of ['probability_used', 'weighted_value']) expect(lintFormula(`=${formulaOf(f)}`), f).toEqual([]);
    for (const locale of ['en', 'zh'] as const) {
      const rt = createLocalRuntime({
        locale: locale === 'zh' ? 'zh_CN' : 'en_US',
        user: 'manager@example.com',
        timeZone: 'Asia/Shanghai',
        now: new Date('2026-03-02T09:30:00+08:00'),
      });
      rt.run('setupWorkbook');
      const sh = rt.spreadsheet.insertSheet('Pipeline check');
      const r = rng(locale === 'en' ? 11 : 12);
      const rows = Array.from({ length: 600 }, (_, i) => [
        `D-${i + 1}`,
        r.int(0, 500_000) / 100,
        r.pick([
          listLabel('deal_status', 'open', locale),
          listLabel('deal_status', 'open', locale),
          listLabel('deal_status', 'won', locale),
          listLabel('deal_status', 'lost', locale),
        ]),
        r.pick(['', '', '', 0, 0.35, 1, 0.725]),
        r.pick([...STAGE_KEYS.map((s) => listLabel('stage', s, locale)), '', 'Prospect (our own)']),
      ]);
      sh.getRange(1, 1, 1, KEYS.length).setValues([[...KEYS]]);
      sh.getRange(2, 1, rows.length, 5).setValues(rows);
      const ctx = {
        tabKey: 'check',
        column: (_t: string, k: string) => KEYS.indexOf(k as (typeof KEYS)[number]) + 1 || null,
        sheetName: () => 'Pipeline check',
        firstDataRow: 2,
      };
      sh.getRange(2, 6).setFormula(resolveFormula(formulaOf('probability_used'), ctx));
      sh.getRange(2, 7).setFormula(resolveFormula(formulaOf('weighted_value'), ctx));

      const check = (settings: Record<string, number>) => {
        const p = stageProbabilities(settings);
        const got = sh.getRange(2, 1, rows.length, KEYS.length).getValues();
        const problems: string[] = [];
        got.forEach((g, i) => {
          const [id, amount, status, own, stage] = rows[i];
          const deal = { status: dealStatusOf(status)!, probability: own === '' ? null : (own as number), amount: amount as number };
          const stageKey = stageKeyOf(stage);
          const wantP = dealProbability(deal, stageKey, p);
          const wantW = weightedValue(deal, stageKey, p);
          const same = typeof g[5] === 'number' && typeof g[6] === 'number' && Math.abs(g[5] - wantP) <= 1e-12 && Math.abs(g[6] - wantW) <= 1e-6;
          if (!same) problems.push(`${id}: got ${g[5]} / ${g[6]}, want ${wantP} / ${wantW}`);
        });
        expect(problems.slice(0, 10)).toEqual([]);
        expect(rt.workbook.formulaErrors()).toEqual([]);
      };
      check({});
      const changed = { stage_probability_reach: 0.15, stage_probability_needs: 0.33, stage_probability_negotiation: 0.9, stage_probability_on_hold: 0 };
      for (const [k, v] of Object.entries(changed)) rt.spreadsheet.getRangeByName(`SD_${k.toUpperCase()}`)!.setValue(v);
      check(changed);
      expect(listItemKey('deal_status', rows[0][2])).not.toBeNull();
    }
  });
});
