/**
 * The embedded charts of the summary tabs, as data: what each shows (ranges of the tab's own
 * cells, so a chart follows the live figures), its type and title, and where it sits — to the
 * right of the Dashboard's and the Team tab's tables and below the Trends table, so no chart
 * covers a figure. Set-up creates a missing one and leaves the others (server/setup/charts.ts);
 * the local runtime keeps the specification and the playground draws it.
 */
import type { Locale, Localized } from '../i18n/locale';
import { L } from './measure';
import type { Grid } from './layout';

export type ChartKind = 'COLUMN' | 'BAR' | 'LINE';

export interface ChartDecl {
  key: string;
  title: Localized;
  kind: ChartKind;
  /** A1 ranges on the tab: the first column the labels, the others the series. */
  ranges: string[];
  /** Anchor cell (1-based) of the chart's top-left corner. */
  row: number;
  col: number;
}

const col = (n: number) => String.fromCharCode(64 + n);

/** The rows a breakdown measure occupies on the Dashboard grid. */
function rowsOf(grid: Grid, key: string): [number, number] | null {
  const rows = grid.measures.filter((m) => m.measure.key === key).map((m) => m.row);
  return rows.length ? [Math.min(...rows), Math.max(...rows)] : null;
}

/** Dashboard: pipeline by stage, forecast by month, objections by type, satisfaction by dimension (right of the table, column H on). */
export function dashboardCharts(grid: Grid): ChartDecl[] {
  const width = grid.values[0].length;
  const at = width + 2;
  const out: ChartDecl[] = [];
  const add = (key: string, title: Localized, kind: ChartKind, rows: [number, number] | null) => {
    if (!rows) return;
    out.push({ key, title, kind, ranges: [`A${rows[0]}:B${rows[1]}`], row: 5 + out.length * 20, col: at });
  };
  add('pipeline_by_stage', L('Open deals by stage', '各阶段未结成交'), 'COLUMN', rowsOf(grid, 'open_deals_by_stage'));
  add('forecast_by_month', L('Weighted forecast by month', '按月加权预测'), 'COLUMN', rowsOf(grid, 'weighted_forecast_by_month'));
  add('objections_by_type', L('Objections by type', '各类型异议'), 'BAR', rowsOf(grid, 'objections_by_type'));
  const dims = ['average_service_quality', 'average_teamwork'].map((k) => rowsOf(grid, k));
  add('satisfaction_by_dimension', L('Satisfaction by dimension', '各维度满意度'), 'COLUMN', dims[0] && dims[1] ? [dims[0][0], dims[1][1]] : null);
  return out;
}

/** Team: revenue attainment by rep, below the table (the table is wide; a new rep's row pushes the chart: set-up moves it). */
export function teamCharts(firstRow: number, lastRow: number, _width: number, attainmentCol: number): ChartDecl[] {
  if (lastRow < firstRow) return [];
  return [
    {
      key: 'attainment_by_rep',
      title: L('Revenue attainment by rep', '各销售金额达成率'),
      kind: 'BAR',
      ranges: [`A${firstRow}:A${lastRow}`, `${col(attainmentCol)}${firstRow}:${col(attainmentCol)}${lastRow}`],
      row: lastRow + 3,
      col: 1,
    },
  ];
}

/** Trends: value won and win rate per month, below the table. */
export function trendsCharts(firstRow: number, lastRow: number, columns: Map<string, { now: number }>): ChartDecl[] {
  const out: ChartDecl[] = [];
  const line = (key: string, measure: string, title: Localized, at: number) => {
    const c = columns.get(measure);
    if (c)
      out.push({
        key,
        title,
        kind: 'LINE',
        ranges: [`A${firstRow}:A${lastRow}`, `${col(c.now)}${firstRow}:${col(c.now)}${lastRow}`],
        row: lastRow + 3,
        col: at,
      });
  };
  line('trend_value_won', 'won_value', L('Value won per month', '每月赢单金额'), 1);
  line('trend_win_rate', 'win_rate', L('Win rate per month', '每月赢单率'), 6);
  return out;
}

export function chartTitle(c: ChartDecl, locale: Locale): string {
  return c.title[locale];
}
