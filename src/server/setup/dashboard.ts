/**
 * Set-up's part for the Dashboard tab (issue 16): writes and repairs the grid core/dashboard/layout.ts builds — the
 * period selector, one live formula per measure for this period and the previous one, and "How
 * these are computed" — in one block. Only formulas and labels: nothing on it is a pasted value,
 * so it stays current without any script run.
 *
 * Cost: a fixed number of calls whatever the data size. A run on an existing Dashboard reads the
 * block's formulas, values and number formats once (3 calls plus the range and the last row) and
 * writes nothing when they are what the grid says; otherwise it rewrites the block, keeping the
 * user's choice of period and custom dates.
 */
import { LOCALES, type Locale } from '../../core/i18n';
import { listItemKey } from '../../core/lists';
import { sameFormula } from '../../core/formulas';
import { FIRST_DATA_ROW } from '../../core/schema';
import { DASHBOARD_SECTIONS } from '../../core/dashboard/sections';
import { dashboardGrid, INPUT_CELLS, type Cell, type Grid } from '../../core/dashboard/layout';
import { TEAM_HEADER_ROW, teamGrid } from '../../core/dashboard/team';
import { trendsGrid } from '../../core/dashboard/trends';
import { dashboardCharts, teamCharts, trendsCharts, type ChartDecl } from '../../core/dashboard/charts';
import { ensureCharts } from './charts';
import type { SetupReport } from './report';
import type { SetupTab } from './tab';
import type { SetupTabs } from './tabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The team members' names from the Settings block set-up read anyway (in list order). */
function teamNames(tabs: SetupTabs): string[] {
  const settings = tabs.get('settings');
  const at = settings?.columns.get('team_name');
  if (!settings || !at) return [];
  return settings
    .dataValues()
    .map((row) => String(row[at - 1] ?? '').trim())
    .filter((name) => name !== '');
}

export function buildDashboardGrid(tabs: SetupTabs, locale: Locale): Grid {
  return dashboardGrid(DASHBOARD_SECTIONS, locale, teamNames(tabs), resolveCtx(tabs));
}

const a1Index = (a1: string): [number, number] => {
  const m = /^([A-Z])(\d+)$/.exec(a1)!;
  return [Number(m[2]) - 1, m[1].charCodeAt(0) - 65];
};
const INPUTS = INPUT_CELLS.map(a1Index);
const isInput = (r: number, c: number) => INPUTS.some(([ir, ic]) => ir === r && ic === c);

/** True when the sheet's block shows the grid (inputs aside). */
function matches(grid: Grid, formulas: string[][], values: unknown[][], formats: string[][], selector: boolean): boolean {
  for (let r = 0; r < grid.values.length; r++)
    for (let c = 0; c < grid.values[r].length; c++) {
      if (selector && isInput(r, c)) continue;
      const want = grid.values[r][c];
      if (typeof want === 'string' && want.startsWith('=')) {
        if (!sameFormula(formulas[r][c] ?? '', want)) return false;
      } else if (formulas[r][c] || String(values[r][c] ?? '') !== String(want).replace(/^'/, '')) return false;
      if ((formats[r][c] || 'General') !== grid.formats[r][c] && grid.formats[r][c] !== 'General') return false;
    }
  return true;
}

/** The language Settings name explicitly, or null for Auto (read from the block set-up read anyway). */
function settingsLanguage(tabs: SetupTabs): Locale | null {
  const settings = tabs.get('settings');
  const keyCol = settings?.columns.get('setting_key');
  const valueCol = settings?.columns.get('setting_value');
  if (!settings || !keyCol || !valueCol) return null;
  const row = settings.dataValues().find((line) => String(line[keyCol - 1] ?? '').trim() === 'language');
  const key = row ? listItemKey('language', row[valueCol - 1]) : null;
  return key === 'en' || key === 'zh' ? key : null;
}

/** What differs between the summary tabs when written. */
interface SummaryLook {
  /** The Dashboard's period selector: keep its inputs, give it its dropdown. */
  selector: boolean;
  widths: [first: number, rest: number];
  /** Team: attainment columns coloured by band (under 80 %, 80–100 %, from 100 %). */
  bands?: string[];
}

type GridOf = (l: Locale) => Grid;

function ensureSummary(
  tab: SetupTab,
  tabs: SetupTabs,
  gridOf: GridOf,
  locale: Locale,
  report: SetupReport,
  look: SummaryLook,
  charts: (g: Grid) => ChartDecl[],
): void {
  const chosen = settingsLanguage(tabs);
  const written = writeSummary(tab.sheet, gridOf, chosen ?? locale, !chosen, tab.created, look);
  const drew = ensureCharts(tab.sheet, charts(written.grid), written.locale);
  if ((written.wrote || drew) && !tab.created) report.repairs.push(tab.def.key);
}

/**
 * Set-up's parts for the summary tabs: each writes its tab when new and repairs it when it differs.
 * The language is the workbook's: Settings' when it names one, else the one the tab is already
 * written in (a user of the other language re-running set-up changes nothing), else set-up's.
 */
export function ensureDashboard(tab: SetupTab, tabs: SetupTabs, locale: Locale, report: SetupReport): void {
  ensureSummary(tab, tabs, (l) => buildDashboardGrid(tabs, l), locale, report, { selector: true, widths: [340, 130] }, dashboardCharts);
}

const resolveCtx = (tabs: SetupTabs) => ({
  firstDataRow: FIRST_DATA_ROW,
  column: (tabKey: string, key: string) => tabs.get(tabKey)?.columns.get(key) ?? null,
  sheetName: (tabKey: string) => tabs.get(tabKey)?.name() ?? null,
});

export function ensureTeam(tab: SetupTab, tabs: SetupTabs, locale: Locale, report: SetupReport): void {
  const dashboard = tabs.get('dashboard');
  if (!dashboard) return;
  const gridOf = (l: Locale) => teamGrid(l, teamNames(tabs), resolveCtx(tabs), dashboard.name());
  const g = gridOf(locale);
  const first = TEAM_HEADER_ROW + 1;
  const last = TEAM_HEADER_ROW + g.repRows.length;
  const bands = [...g.columns].filter(([k]) => k.endsWith('_attainment')).map(([, at]) => String.fromCharCode(64 + at));
  const look: SummaryLook = { selector: false, widths: [160, 120], bands: g.repRows.length ? bands.map((c) => `${c}${first}:${c}${last}`) : [] };
  ensureSummary(tab, tabs, gridOf, locale, report, look, () => teamCharts(first, last, g.values[0].length, g.columns.get('revenue_attainment')!));
}

export function ensureTrends(tab: SetupTab, tabs: SetupTabs, locale: Locale, report: SetupReport): void {
  const g = trendsGrid(locale, resolveCtx(tabs));
  const rows = g.monthRows.map((m) => m.row);
  ensureSummary(
    tab,
    tabs,
    (l) => trendsGrid(l, resolveCtx(tabs)),
    locale,
    report,
    { selector: false, widths: [110, 120] },
    () => trendsCharts(Math.min(...rows), Math.max(...rows), g.columns),
  );
}

/**
 * Writes the grid unless the sheet already shows it; true when it wrote. `keepLanguage`: an
 * existing tab whose title is in another language stays in it.
 */
export function writeSummary(
  sheet: Sheet,
  gridOf: GridOf,
  locale: Locale,
  keepLanguage: boolean,
  created: boolean,
  look: SummaryLook,
): { wrote: boolean; grid: Grid; locale: Locale } {
  let grid = gridOf(locale);
  const width = () => grid.values[0].length;
  let rows = grid.values.length;
  let block = sheet.getRange(1, 1, rows, width());
  let values: (Cell | Date)[][] = grid.values.map((r) => [...r]);
  if (!created) {
    let current = block.getValues();
    const written = LOCALES.find((l) => String(current[0][0]) === gridOf(l).values[0][0]);
    if (keepLanguage && written && written !== locale) {
      locale = written;
      grid = gridOf(written);
      if (grid.values.length !== rows) {
        rows = grid.values.length;
        block = sheet.getRange(1, 1, rows, width());
        current = block.getValues();
      }
    }
    if (matches(grid, block.getFormulas(), current, block.getNumberFormats(), look.selector)) return { wrote: false, grid, locale };
    values = grid.values.map((r) => [...r]);
    // Keep the user's period and custom dates (a choice the dropdown no longer offers falls back to the month).
    if (look.selector)
      for (const [r, c] of INPUTS) {
        const v = current[r][c];
        if (r === 1 && c === 1 && !grid.periodChoices.includes(String(v))) continue;
        values[r][c] = v instanceof Date ? v : String(v ?? '') === '' ? '' : (v as Cell);
      }
    const last = sheet.getLastRow();
    if (last > rows) sheet.getRange(rows + 1, 1, last - rows, width()).clearContent();
  }
  block.setValues(values);
  block.setNumberFormats(grid.formats);
  if (look.selector) {
    const [kr, kc] = INPUTS[0];
    sheet
      .getRange(kr + 1, kc + 1)
      .setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(grid.periodChoices, true).setAllowInvalid(false).build());
  }
  if (look.bands) sheet.setConditionalFormatRules(look.bands.length ? attainmentBands(sheet, look.bands) : []);
  sheet.getRangeList(grid.titleRows.map((r) => `${r}:${r}`)).setFontWeight('bold');
  sheet.getRange(1, 1).setFontSize(16);
  sheet.setColumnWidths(1, 1, look.widths[0]);
  sheet.setColumnWidths(2, width() - 1, look.widths[1]);
  return { wrote: true, grid, locale };
}

/**
 * Three bands of attainment, a colour scale's steps: under 80 % red, 80–100 % amber, from 100 %
 * green. Custom formulas on each column's own range (a custom formula reads relative to its
 * range's top-left cell: https://support.google.com/docs/answer/78413).
 */
function attainmentBands(sheet: Sheet, a1s: string[]): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
  const ranges = sheet.getRangeList(a1s).getRanges();
  const bands: [string, string][] = [
    ['>=1', '#ceead6'],
    ['>=0.8', '#feefc3'],
    ['>=0', '#fad2cf'],
  ];
  return ranges.flatMap((range, i) => {
    const top = a1s[i].split(':')[0];
    return bands.map(([test, colour]) =>
      SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(`=AND(ISNUMBER(${top}),${top}${test})`).setBackground(colour).setRanges([range]).build(),
    );
  });
}
