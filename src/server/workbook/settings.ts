/**
 * Reading Settings: every value through its named range in one pass over the Settings tab
 * (one getValues), falling back to the sourced default when a cell is missing or blank.
 */
import { SETTINGS, type SettingDef } from '../../core/settings';
import { listItemKey } from '../../core/lists';
import { FIRST_DATA_ROW } from '../../core/schema';
import { findTabs } from './locate';
import { openTab } from './rows';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type SettingValues = Record<string, number | boolean | string>;

function coerce(def: SettingDef, raw: unknown): number | boolean | string {
  if (raw === '' || raw === null || raw === undefined) return def.default;
  if (def.unit === 'boolean') return raw === true || String(raw).toUpperCase() === 'TRUE';
  if (def.unit === 'choice') return (def.list && listItemKey(def.list, raw)) || def.default;
  const n = typeof raw === 'number' ? raw : Number(String(raw).replace('%', '')) / (String(raw).includes('%') ? 100 : 1);
  return Number.isFinite(n) ? n : def.default;
}

/** All settings by key; defaults when the Settings tab is missing. */
export function readSettings(ss: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()): SettingValues {
  const out: SettingValues = {};
  for (const s of SETTINGS) out[s.key] = s.default;
  if (!findTabs(ss).has('settings')) return out;
  const tab = openTab('settings', ss);
  const keyCol = tab.columns.get('setting_key');
  const valCol = tab.columns.get('setting_value');
  if (!keyCol || !valCol) return out;
  const last = tab.sheet.getLastRow();
  if (last < FIRST_DATA_ROW) return out;
  const width = Math.max(keyCol, valCol);
  const grid = tab.sheet.getRange(FIRST_DATA_ROW, 1, last - FIRST_DATA_ROW + 1, width).getValues();
  for (const line of grid) {
    const def = SETTINGS.find((s) => s.key === String(line[keyCol - 1]).trim());
    if (def) out[def.key] = coerce(def, line[valCol - 1]);
  }
  return out;
}
