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
import { DASHBOARD_WIDTH, dashboardGrid, INPUT_CELLS, type Cell, type Grid } from '../../core/dashboard/layout';
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
  return dashboardGrid(DASHBOARD_SECTIONS, locale, teamNames(tabs), {
    firstDataRow: FIRST_DATA_ROW,
    column: (tabKey, key) => tabs.get(tabKey)?.columns.get(key) ?? null,
    sheetName: (tabKey) => tabs.get(tabKey)?.name() ?? null,
  });
}

const a1Index = (a1: string): [number, number] => {
  const m = /^([A-Z])(\d+)$/.exec(a1)!;
  return [Number(m[2]) - 1, m[1].charCodeAt(0) - 65];
};
const INPUTS = INPUT_CELLS.map(a1Index);
const isInput = (r: number, c: number) => INPUTS.some(([ir, ic]) => ir === r && ic === c);

/** True when the sheet's block shows the grid (inputs aside). */
function matches(grid: Grid, formulas: string[][], values: unknown[][], formats: string[][]): boolean {
  for (let r = 0; r < grid.values.length; r++)
    for (let c = 0; c < DASHBOARD_WIDTH; c++) {
      if (isInput(r, c)) continue;
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

/**
 * Set-up's part for the Dashboard: writes it on a new tab, repairs it on an existing one. The
 * language is the workbook's: Settings' when it names one, else the one the Dashboard is already
 * written in (a user of the other language re-running set-up changes nothing), else set-up's.
 */
export function ensureDashboard(tab: SetupTab, tabs: SetupTabs, locale: Locale, report: SetupReport): void {
  const grids = new Map(LOCALES.map((l) => [l, () => buildDashboardGrid(tabs, l)] as const));
  const chosen = settingsLanguage(tabs);
  if (writeDashboard(tab.sheet, (l) => grids.get(l)!(), chosen ?? locale, !chosen, tab.created) && !tab.created) report.repairs.push('dashboard');
}

/**
 * Writes the grid unless the sheet already shows it; true when it wrote. `keepLanguage`: an
 * existing Dashboard whose title is in another language stays in it.
 */
export function writeDashboard(sheet: Sheet, gridIn: (l: Locale) => Grid, locale: Locale, keepLanguage: boolean, created: boolean): boolean {
  let grid = gridIn(locale);
  let rows = grid.values.length;
  let block = sheet.getRange(1, 1, rows, DASHBOARD_WIDTH);
  let values: (Cell | Date)[][] = grid.values.map((r) => [...r]);
  if (!created) {
    let current = block.getValues();
    const written = LOCALES.find((l) => String(current[0][0]) === gridIn(l).values[0][0]);
    if (keepLanguage && written && written !== locale) {
      grid = gridIn(written);
      if (grid.values.length !== rows) {
        rows = grid.values.length;
        block = sheet.getRange(1, 1, rows, DASHBOARD_WIDTH);
        current = block.getValues();
      }
    }
    if (matches(grid, block.getFormulas(), current, block.getNumberFormats())) return false;
    values = grid.values.map((r) => [...r]);
    // Keep the user's period and custom dates (a choice the dropdown no longer offers falls back to the month).
    for (const [r, c] of INPUTS) {
      const v = current[r][c];
      if (r === 1 && c === 1 && !grid.periodChoices.includes(String(v))) continue;
      values[r][c] = v instanceof Date ? v : String(v ?? '') === '' ? '' : (v as Cell);
    }
    const last = sheet.getLastRow();
    if (last > rows) sheet.getRange(rows + 1, 1, last - rows, DASHBOARD_WIDTH).clearContent();
  }
  block.setValues(values);
  block.setNumberFormats(grid.formats);
  const [kr, kc] = INPUTS[0];
  sheet
    .getRange(kr + 1, kc + 1)
    .setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(grid.periodChoices, true).setAllowInvalid(false).build());
  sheet.getRangeList(grid.titleRows.map((r) => `A${r}`)).setFontWeight('bold');
  sheet.getRange(1, 1).setFontSize(16);
  sheet.setColumnWidth(1, 340);
  sheet.setColumnWidths(2, DASHBOARD_WIDTH - 1, 130);
  return true;
}
