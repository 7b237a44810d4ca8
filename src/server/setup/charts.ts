/**
 * Set-up's part for the summary tabs' embedded charts (core/dashboard/charts.ts): a missing chart
 * is built with Sheet.newChart() — an EmbeddedChartBuilder: ranges, type, position, options
 * (https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder) — and
 * inserted with Sheet.insertChart; one of ours whose ranges moved (the team grew) is replaced.
 * A chart is ours when its title is one of our titles in either language; a user's own charts
 * are never touched. Cost: one getCharts, and per chart one getRanges, its ranges' A1 and its title.
 */
import { LOCALES, type Locale } from '../../core/i18n';
import type { ChartDecl } from '../../core/dashboard/charts';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Builder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

const rangesKey = (a1s: string[]) => a1s.join(',');

/** True when it added or replaced a chart. */
export function ensureCharts(sheet: Sheet, decls: readonly ChartDecl[], locale: Locale): boolean {
  if (!decls.length) return false;
  const titles = new Map(decls.flatMap((d) => LOCALES.map((l) => [d.title[l], d] as const)));
  const have = new Set<string>();
  let changed = false;
  for (const chart of sheet.getCharts()) {
    const key = rangesKey(chart.getRanges().map((r) => r.getA1Notation()));
    const ours = titles.get(String(chart.getOptions().get('title') ?? ''));
    if (ours && rangesKey(ours.ranges) !== key) {
      sheet.removeChart(chart);
      changed = true;
    } else have.add(key);
  }
  for (const d of decls) {
    if (have.has(rangesKey(d.ranges))) continue;
    const base = sheet.newChart();
    const b: Builder = d.kind === 'LINE' ? base.asLineChart() : d.kind === 'BAR' ? base.asBarChart() : base.asColumnChart();
    for (const a1 of d.ranges) b.addRange(sheet.getRange(a1));
    // The first column holds the labels and no row is a header (the ranges start at the figures).
    b.setNumHeaders(0).setPosition(d.row, d.col, 0, 0).setOption('title', d.title[locale]).setOption('legend', { position: 'none' });
    sheet.insertChart(b.build());
    changed = true;
  }
  return changed;
}
