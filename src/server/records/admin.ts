/**
 * The workbook's own configuration, read once per execution: Settings (every value by key, and
 * the team list beside it: one read of the Settings tab gives both) and the Lists tab (every
 * dropdown's values: one read). Defaults when a tab is missing or a cell is blank. No business
 * rule here: core/settings says what a value means, core/customers/team who is who.
 */
import { SETTINGS } from '../../core/settings';
import { LISTS } from '../../core/lists';
import { clampSettings, type SettingNote } from '../../core/setting-values';
import { parseTeam, type TeamMember } from '../../core/customers/team';
import type { Locale } from '../../core/i18n';
import type { ListValues } from '../../core/customers/validate';
import { FIRST_DATA_ROW, getTab } from '../../core/schema';
import type { Workbook } from './workbook';
import type { RowRecord } from './write';
import type { ReadRow } from './tab';

export type SettingValues = Record<string, number | boolean | string>;

/** The Settings tab's value cells by setting key (the first row of a key wins). */
function settingCells(rows: readonly RowRecord[]): Record<string, unknown> {
  const cells: Record<string, unknown> = Object.create(null);
  for (const r of rows) {
    const key = String(r.setting_key ?? '').trim();
    if (SETTINGS.some((s) => s.key === key) && !(key in cells)) cells[key] = r.setting_value;
  }
  return cells;
}

/**
 * Every setting by key from the Settings tab's key and value cells, each read by core's one rule
 * (core/setting-values readSetting: decimal numbers only, clamped to the declared bounds, blank or
 * unreadable → the sourced default).
 */
export function settingValues(rows: readonly RowRecord[]): SettingValues {
  return clampSettings(settingCells(rows)).values;
}

/** What the Settings tab holds that was not used as it stands (out of bounds, unreadable): for the Reminder log. */
export function readSettingNotes(wb: Workbook): SettingNote[] {
  return clampSettings(settingCells(settingsRows(wb) ?? [])).notes;
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
