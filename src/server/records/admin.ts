/**
 * The workbook's own configuration, read once per execution: Settings (every value by key, and
 * the team list beside it: one read of the Settings tab gives both) and the Lists tab (every
 * dropdown's values: one read). Defaults when a tab is missing or a cell is blank. No business
 * rule here: core/settings says what a value means, core/customers/team who is who.
 */
import { SETTINGS, type SettingDef } from '../../core/settings';
import { LISTS, listItemKey } from '../../core/lists';
import { parseTeam, type TeamMember } from '../../core/customers/team';
import type { Locale } from '../../core/i18n';
import type { ListValues } from '../../core/customers/validate';
import { FIRST_DATA_ROW, getTab } from '../../core/schema';
import type { Workbook } from './workbook';
import type { RowRecord } from './write';
import type { ReadRow } from './tab';

export type SettingValues = Record<string, number | boolean | string>;

/** A setting cell's value as its unit reads it; blank or unreadable → the sourced default. */
function coerceSetting(def: SettingDef, raw: unknown): number | boolean | string {
  if (raw === '' || raw === null || raw === undefined) return def.default;
  if (def.unit === 'boolean') return raw === true || String(raw).toUpperCase() === 'TRUE';
  if (def.unit === 'choice') return (def.list && listItemKey(def.list, raw)) || def.default;
  const n = typeof raw === 'number' ? raw : Number(String(raw).replace('%', '')) / (String(raw).includes('%') ? 100 : 1);
  return Number.isFinite(n) ? n : def.default;
}

/** Every setting by key from the Settings tab's key and value cells. */
export function settingValues(rows: readonly RowRecord[]): SettingValues {
  const out: SettingValues = {};
  for (const s of SETTINGS) out[s.key] = s.default;
  for (const r of rows) {
    const def = SETTINGS.find((s) => s.key === String(r.setting_key ?? '').trim());
    if (def) out[def.key] = coerceSetting(def, r.setting_value);
  }
  return out;
}

interface AdminData {
  settingsRows?: RowRecord[] | null;
  listRows?: ReadRow[] | null;
}

const cache = new WeakMap<Workbook, AdminData>();

function data(wb: Workbook): AdminData {
  let d = cache.get(wb);
  if (!d) cache.set(wb, (d = {}));
  return d;
}

function settingsRows(wb: Workbook): RowRecord[] | null {
  const d = data(wb);
  if (d.settingsRows === undefined) {
    const tab = wb.tab('settings');
    d.settingsRows = tab ? tab.readAll(getTab('settings').columns.map((c) => c.key)).rows.map((r) => r.values) : null;
  }
  return d.settingsRows;
}

/** Every setting by key (defaults when the Settings tab is missing). */
export function readSettings(wb: Workbook): SettingValues {
  return settingValues(settingsRows(wb) ?? []);
}

/** The team list from Settings. */
export function readTeam(wb: Workbook): TeamMember[] {
  return parseTeam(settingsRows(wb) ?? []);
}

/** The raw values of every Lists column, rows 2… (empty when the Lists tab is missing). */
export function listColumns(wb: Workbook): Record<string, string[]> {
  const d = data(wb);
  if (d.listRows === undefined) {
    const tab = wb.tab('lists');
    d.listRows = tab ? tab.readAll(LISTS.map((l) => l.key)).rows : null;
  }
  // By position: built-in items sit in rows 2…n+1 of their column, in the list's order.
  const out: Record<string, string[]> = {};
  for (const l of LISTS) {
    const col: string[] = [];
    for (const r of d.listRows ?? []) col[r.row - FIRST_DATA_ROW] = String(r.values[l.key] ?? '').trim();
    out[l.key] = Array.from(col, (v) => v ?? '');
  }
  return out;
}

/** Every list's values as the Lists tab holds them (no blanks, no repeats); the built-in labels in `locale` when a list is empty or the tab missing. */
export function readLists(wb: Workbook, locale: Locale): ListValues {
  const cols = listColumns(wb);
  const out: Record<string, string[]> = {};
  for (const l of LISTS) {
    const values = [...new Set(cols[l.key].filter(Boolean))];
    out[l.key] = values.length ? values : l.items.map((i) => i.label[locale]);
  }
  return out;
}
