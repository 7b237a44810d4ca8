/**
 * Reading Settings: every value through its named range in one pass over the Settings tab
 * (one getValues of its key and value columns), falling back to the sourced default when a cell is missing or blank.
 */
import { SETTINGS, type SettingDef } from '../../core/settings';
import { listItemKey } from '../../core/lists';
import { FIRST_DATA_ROW } from '../../core/schema';
import { openTabs } from './layout';
import type { TabHandle } from './rows';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type SettingValues = Record<string, number | boolean | string>;

function coerce(def: SettingDef, raw: unknown): number | boolean | string {
  if (raw === '' || raw === null || raw === undefined) return def.default;
  if (def.unit === 'boolean') return raw === true || String(raw).toUpperCase() === 'TRUE';
  if (def.unit === 'choice') return (def.list && listItemKey(def.list, raw)) || def.default;
  const n = typeof raw === 'number' ? raw : Number(String(raw).replace('%', '')) / (String(raw).includes('%') ? 100 : 1);
  return Number.isFinite(n) ? n : def.default;
}

/**
 * All settings by key; defaults when the Settings tab is missing. Pass the Settings tab when it
 * is already open (one getValues then, no search for the tab), or null when it is missing.
 */
export function readSettings(from: Spreadsheet | TabHandle | null = SpreadsheetApp.getActiveSpreadsheet()): SettingValues {
  const out: SettingValues = {};
  for (const s of SETTINGS) out[s.key] = s.default;
  const tab = from && 'def' in from ? from : from && openTabs(['settings'], from).get('settings');
  if (!tab) return out;
  const keyCol = tab.columns.get('setting_key');
  const valCol = tab.columns.get('setting_value');
  if (!keyCol || !valCol) return out;
  const last = tab.sheet.getLastRow();
  if (last < FIRST_DATA_ROW) return out;
  const from0 = Math.min(keyCol, valCol);
  const grid = tab.sheet.getRange(FIRST_DATA_ROW, from0, last - FIRST_DATA_ROW + 1, Math.abs(valCol - keyCol) + 1).getValues();
  for (const line of grid) {
    const def = SETTINGS.find((s) => s.key === String(line[keyCol - from0]).trim());
    if (def) out[def.key] = coerce(def, line[valCol - from0]);
  }
  return out;
}
