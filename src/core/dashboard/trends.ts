/**
 * The Trends tab (issue 16): key measures per calendar month for the last 12 months (this one
 * included), and beside each month the same month a year before. The measures are the
 * Dashboard's own declarations (measure.ts), filled with a month's bounds instead of the
 * selector's, so a measure's definition lives in one place.
 */
import type { Locale } from '../i18n/locale';
import { resolveFormula, UnresolvedColumnError, type ResolveContext } from '../formulas/resolve';
import { fillMeasure, L, type Measure } from './measure';
import { NUMBER_FORMATS, type Cell, type Grid } from './layout';
import { allMeasures } from './sections';

/** The measures a month row shows (periodic, one figure each). */
export const TREND_KEYS = ['won_value', 'won_deals', 'lost_deals', 'win_rate', 'average_deal_size', 'new_customers', 'on_time_rate', 'csat'] as const;
export const TREND_MONTHS = 12;
export const TRENDS_HEADER_ROW = 3;

const TEXTS = {
  title: L('Trends', '趋势'),
  month: L('Month', '月份'),
  yearBefore: L('a year before', '上年同期'),
};

export function trendMeasures(): Measure[] {
  const all = allMeasures();
  return TREND_KEYS.map((k) => all.find((m) => m.key === k)).filter((m): m is Measure => !!m && m.periodic && !m.breakdown);
}

/**
 * The grid: a header, then one row per month (oldest first). Column A the month's first day
 * (EOMONTH on TODAY(), so the rows move on by themselves), then each measure for the month and,
 * further right, the same month a year before.
 */
export function trendsGrid(
  locale: Locale,
  ctx: Omit<ResolveContext, 'tabKey'>,
): Grid & { monthRows: { back: number; row: number }[]; columns: Map<string, { now: number; before: number }> } {
  const ms = trendMeasures();
  const width = 2 + 2 * ms.length;
  const rows: Cell[][] = [];
  const formats: string[][] = [];
  const push = (cells: Cell[], fmt: string[] = []) => {
    rows.push(Array.from({ length: width }, (_, i) => cells[i] ?? ''));
    formats.push(Array.from({ length: width }, (_, i) => fmt[i] || 'General'));
    return rows.length;
  };
  const columns = new Map(ms.map((m, i) => [m.key, { now: i + 2, before: ms.length + 3 + i }] as const));
  const letter = (n: number) => String.fromCharCode(64 + n);
  push([TEXTS.title[locale]]);
  push([]);
  push([
    TEXTS.month[locale],
    ...ms.map((m) => m.label[locale]),
    `${TEXTS.month[locale]} (${TEXTS.yearBefore[locale]})`,
    ...ms.map((m) => `${m.label[locale]} (${TEXTS.yearBefore[locale]})`),
  ]);
  const resolve = (f: string) => {
    try {
      return resolveFormula(f, { ...ctx, tabKey: 'trends' });
    } catch (e) {
      if (e instanceof UnresolvedColumnError) return '';
      throw e;
    }
  };
  const monthRows: { back: number; row: number }[] = [];
  for (let back = TREND_MONTHS - 1; back >= 0; back--) {
    const row = rows.length + 1;
    const monthCell = `$A${row}`;
    const beforeCell = `$${letter(ms.length + 2)}${row}`;
    const cells: Cell[] = [`=EOMONTH(TODAY(),${-back - 1})+1`];
    const fmt: string[] = ['yyyy-mm'];
    for (const m of ms) {
      cells.push(resolve(fillMeasure(m.formula, { from: monthCell, to: `(EOMONTH(${monthCell},0)+1)` })));
      fmt.push(NUMBER_FORMATS[m.format]);
    }
    cells.push(`=EDATE(${monthCell},-12)`);
    fmt.push('yyyy-mm');
    for (const m of ms) {
      cells.push(resolve(fillMeasure(m.formula, { from: beforeCell, to: `(EOMONTH(${beforeCell},0)+1)` })));
      fmt.push(NUMBER_FORMATS[m.format]);
    }
    push(cells, fmt);
    monthRows.push({ back, row });
  }
  return { values: rows, formats, measures: [], titleRows: [1, TRENDS_HEADER_ROW], periodChoices: [], monthRows, columns };
}
