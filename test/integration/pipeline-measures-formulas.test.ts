/**
 * The pipeline measures as live formulas (core/pipeline/measure-formulas), placed over the real
 * Deals tab of a set-up workbook and evaluated by HyperFormula, against their reference
 * computations (core/pipeline/measures): 3,000 customers and 6,000 deals over 18 months — open
 * pipeline count and value by stage, the weighted forecast by expected-close month, won and lost
 * per month, win rate and average deal size — counts exact, money to the cent, rates to 0.1 %;
 * again after the manager changes the stage probabilities in Settings.
 */
import { describe, expect, it } from 'vitest';
import { createLocalRuntime } from '../../src/local';
import { getTab } from '../../src/core/schema';
import { columnLetter, lintFormula } from '../../src/core/formulas';
import { getList, listLabel } from '../../src/core/lists';
import { STAGE_KEYS, type StageKey } from '../../src/core/customers/stage';
import { instantOfSerial } from '../../src/core/cadence';
import { ymdFromSerial, serialFromYmd } from '../../src/core/tiers/dates';
import {
  averageDealSizeFormula,
  closedCountFormula,
  closedValueFormula,
  openCountFormula,
  openValueFormula,
  openPipelineByStage,
  stageProbabilities,
  weightedForecastByMonth,
  weightedForecastFormula,
  winRateFormula,
  wonLost,
  type Deal,
  type MeasureContext,
} from '../../src/core/pipeline';
import type { CurrencyCode } from '../../src/core/money';
import { colOf, rng, writeByKey } from './objections-fixture';

const DEALS = getTab('deals');
const TZ = 'Asia/Shanghai';
const TODAY = serialFromYmd(2026, 3, 2);
const N_CUSTOMERS = 3_000;
const N_DEALS = 6_000;

function monthStart(serial: number, add = 0): number {
  const p = ymdFromSerial(serial);
  const m = p.m - 1 + add;
  return serialFromYmd(p.y + Math.floor(m / 12), (((m % 12) + 12) % 12) + 1, 1);
}

describe.each(['en', 'zh'] as const)('pipeline measures as formulas (%s)', (locale) => {
  it('equal their reference computations on 3,000 customers and 6,000 deals, before and after Settings change', () => {
    const rt = createLocalRuntime({
      locale: locale === 'zh' ? 'zh_CN' : 'en_US',
      user: 'boss@example.com',
      timeZone: TZ,
      now: new Date('2026-03-02T09:30:00+08:00'),
    });
    rt.run('setupWorkbook');
    const currency: CurrencyCode = locale === 'zh' ? 'CNY' : 'USD';
    const r = rng(locale === 'zh' ? 31 : 30);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
    const stageOf = new Map<string, StageKey | null>();
    for (let i = 1; i <= N_CUSTOMERS; i++) stageOf.set(`C-${String(i).padStart(6, '0')}`, r() < 0.05 ? null : pick(STAGE_KEYS));
    const label = (code: string) => listLabel('currency', code.toLowerCase(), locale);
    const deals: Deal[] = [];
    const rows: Record<string, unknown>[] = [];
    for (let i = 1; i <= N_DEALS; i++) {
      const customerId = `C-${String(1 + Math.floor(r() * N_CUSTOMERS)).padStart(6, '0')}`;
      const u = r();
      const status = u < 0.5 ? 'open' : u < 0.8 ? 'won' : 'lost';
      const cur = r();
      const dealCurrency: CurrencyCode = cur < 0.02 ? 'EUR' : currency;
      const currencyCell = cur < 0.02 ? label('EUR') : cur < 0.05 ? '' : label(currency);
      const amount = Math.floor(r() * 5_000_000) / 100;
      const closedOn = status === 'open' ? null : TODAY - Math.floor(r() * 548); // 18 months
      const expectedClose = status !== 'open' || r() < 0.1 ? null : TODAY - 90 + Math.floor(r() * 450);
      const probability = r() < 0.2 ? Math.round(r() * 100) / 100 : null;
      const deal: Deal = {
        id: `D-${String(i).padStart(6, '0')}`,
        customerId,
        scenario: null,
        amount,
        currency: dealCurrency,
        expectedClose,
        probability,
        status,
        closedOn,
        lossReason: '',
        owner: '',
        expectedDelivery: null,
        deliveredOn: null,
        createdAt: null,
      };
      deals.push(deal);
      const stage = stageOf.get(customerId) ?? null;
      const date = (s: number | null) => (s === null ? '' : new Date(instantOfSerial(s, TZ)));
      rows.push({
        deal_id: deal.id,
        customer_id: customerId,
        amount,
        currency: currencyCell,
        status: listLabel('deal_status', status, locale),
        won_on: date(closedOn),
        expected_close: date(expectedClose),
        probability: probability ?? '',
        customer_stage: stage ? listLabel('stage', stage, locale) : '',
      });
    }
    writeByKey(rt, 'deals', 2, rows, locale);

    // The measures, placed on a tab of their own over bounded ranges of Deals.
    const range = (key: string) => `'${DEALS.name[locale]}'!$${columnLetter(colOf(DEALS, key))}$2:$${columnLetter(colOf(DEALS, key))}$${N_DEALS + 1}`;
    const ctx: MeasureContext = {
      ranges: {
        status: range('status'),
        amount: range('amount'),
        currency: range('currency'),
        customer_stage: range('customer_stage'),
        expected_close: range('expected_close'),
        won_on: range('won_on'),
        weighted_value: range('weighted_value'),
      },
      currencyLabel: `INDEX(SD_LIST_CURRENCY,${getList('currency').items.findIndex((i) => i.key === currency.toLowerCase()) + 1})`,
      decimals: 2,
    };
    const stageExpr = (s: StageKey | null) => (s === null ? '""' : `INDEX(SD_LIST_STAGE,${getList('stage').items.findIndex((i) => i.key === s) + 1})`);
    const months = Array.from({ length: 18 }, (_, k) => monthStart(TODAY, k - 17)); // closed: the last 18 months
    const forecastMonths = Array.from({ length: 16 }, (_, k) => monthStart(TODAY, k - 3));
    const cells: { name: string; formula: string }[] = [];
    for (const s of [...STAGE_KEYS, null]) {
      cells.push({ name: `count ${s}`, formula: openCountFormula(ctx, stageExpr(s)) });
      cells.push({ name: `value ${s}`, formula: openValueFormula(ctx, stageExpr(s)) });
    }
    for (const m of forecastMonths) cells.push({ name: `forecast ${m}`, formula: weightedForecastFormula(ctx, String(m)) });
    cells.push({ name: 'forecast none', formula: weightedForecastFormula(ctx, null) });
    for (const m of months) {
      const to = String(monthStart(m, 1));
      for (const o of ['won', 'lost'] as const) {
        cells.push({ name: `${o} count ${m}`, formula: closedCountFormula(ctx, o, String(m), to) });
        cells.push({ name: `${o} value ${m}`, formula: closedValueFormula(ctx, o, String(m), to) });
      }
      cells.push({ name: `rate ${m}`, formula: winRateFormula(ctx, String(m), to) });
      cells.push({ name: `avg ${m}`, formula: averageDealSizeFormula(ctx, String(m), to) });
    }
    for (const c of cells) expect(lintFormula(`=${c.formula}`), c.name).toEqual([]);
    const sh = rt.spreadsheet.insertSheet('Measures check');
    sh.getRange(1, 1, cells.length, 1).setFormulas(cells.map((c) => [`=${c.formula}`]));

    const check = (settings: Record<string, number>) => {
      const p = stageProbabilities(settings);
      const input = { deals, stageOf: (id: string) => stageOf.get(id) ?? null, currency };
      const want = new Map<string, number | string>();
      for (const [s, cv] of openPipelineByStage(input)) {
        want.set(`count ${s}`, cv.count);
        want.set(`value ${s}`, cv.value);
      }
      const forecast = weightedForecastByMonth(input, p);
      for (const m of forecastMonths) want.set(`forecast ${m}`, forecast.get(ymdFromSerial(m).y * 100 + ymdFromSerial(m).m) ?? 0);
      want.set('forecast none', forecast.get(0) ?? 0);
      for (const m of months) {
        const wl = wonLost(deals, { from: m, to: monthStart(m, 1) }, currency);
        want.set(`won count ${m}`, wl.won.count);
        want.set(`won value ${m}`, wl.won.value);
        want.set(`lost count ${m}`, wl.lost.count);
        want.set(`lost value ${m}`, wl.lost.value);
        want.set(`rate ${m}`, wl.winRate ?? '');
        want.set(`avg ${m}`, wl.averageDealSize ?? '');
      }
      const got = sh
        .getRange(1, 1, cells.length, 1)
        .getValues()
        .map((row) => row[0]);
      const problems: string[] = [];
      cells.forEach((c, i) => {
        const w = want.get(c.name)!;
        const g = got[i];
        const tol = c.name.startsWith('rate') ? 0.001 : c.name.includes('count') ? 0 : 0.005;
        const ok = typeof w === 'string' ? g === w : typeof g === 'number' && Math.abs(g - w) <= tol;
        if (!ok) problems.push(`${c.name}: got ${g}, want ${w}`);
      });
      expect(problems.slice(0, 10)).toEqual([]);
      expect(rt.workbook.formulaErrors()).toEqual([]);
      // Not vacuous: the data fill every kind of cell.
      expect([...want.values()].filter((v) => typeof v === 'number' && v > 0).length).toBeGreaterThan(cells.length * 0.8);
    };
    check({});
    const changed = { stage_probability_reach: 0.15, stage_probability_needs: 0.33, stage_probability_negotiation: 0.9, stage_probability_delivery: 0.5 };
    for (const [k, v] of Object.entries(changed)) rt.spreadsheet.getRangeByName(`SD_${k.toUpperCase()}`)!.setValue(v);
    check(changed);
  }, 600_000);
});
