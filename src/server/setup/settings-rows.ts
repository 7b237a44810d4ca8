/**
 * The rows set-up itself fills: one Settings row per setting (found by its key, missing ones
 * appended with their sourced default) and the built-in values of every list on the Lists tab
 * (blanks filled, values a user changed reported, never overwritten). Both read the tab's data
 * block once.
 */
import type { Locale } from '../../core/i18n';
import { LISTS, listItemKey } from '../../core/lists';
import { FIRST_DATA_ROW } from '../../core/schema';
import { SETTINGS, UNIT_LABELS, type SettingDef } from '../../core/settings';
import { columnLetter } from '../../core/formulas';
import type { SetupReport } from './report';
import { blockA1, isEmptyCell, type SetupTab } from './tab';

/** Setting key → its row on the Settings tab. */
export type SettingRows = Map<string, number>;

function settingDefault(s: SettingDef, locale: Locale): unknown {
  if (s.unit === 'choice' && s.list) {
    const it = LISTS.find((l) => l.key === s.list)!.items.find((i) => i.key === s.default);
    return it ? it.label[locale] : String(s.default);
  }
  return s.default;
}

/** One row per setting; missing ones are appended after the last keyed row. */
export function ensureSettingRows(tab: SetupTab, locale: Locale, report: SetupReport): SettingRows {
  const keyCol = tab.columns.get('setting_key')!;
  const rows: SettingRows = new Map();
  let lastKeyRow = FIRST_DATA_ROW - 1;
  tab.dataValues().forEach((line, i) => {
    const k = String(line[keyCol - 1] ?? '').trim();
    if (!k) return;
    lastKeyRow = FIRST_DATA_ROW + i;
    if (!rows.has(k)) rows.set(k, FIRST_DATA_ROW + i);
  });
  const missing = SETTINGS.filter((s) => !rows.has(s.key));
  if (!missing.length) return rows;
  const start = lastKeyRow + 1;
  tab.ensureRows(start + missing.length - 1);
  tab.writeRows(
    start,
    missing.map((s) => ({
      setting_key: s.key,
      setting_label: s.label[locale],
      setting_value: settingDefault(s, locale),
      setting_unit: UNIT_LABELS[s.unit][locale],
      setting_explanation: s.explanation[locale],
      setting_source: s.source,
    })),
  );
  missing.forEach((s, k) => rows.set(s.key, start + k));
  if (!tab.created) for (const s of missing) report.repairs.push(`settings.${s.key}: added`);
  return rows;
}

/** Built-in list values in rows 2…n+1 of each list column. */
export function ensureListValues(tab: SetupTab, locale: Locale, report: SetupReport): void {
  const longest = Math.max(...LISTS.map((l) => l.items.length));
  if (tab.created) {
    tab.ensureRows(longest + 1);
    // A new tab: every list in one write (the list columns are adjacent there).
    tab.writeRows(
      FIRST_DATA_ROW,
      Array.from({ length: longest }, (_, i) => Object.fromEntries(LISTS.map((l) => [l.key, l.items[i]?.label[locale] ?? '']))),
    );
    return;
  }
  const grid = tab.dataValues();
  tab.ensureRows(longest + 1);
  for (const list of LISTS) {
    const c = tab.columns.get(list.key)!;
    let fill = false;
    const values = list.items.map((it, r) => {
      const v = grid[r]?.[c - 1] ?? '';
      if (isEmptyCell(v)) {
        fill = true;
        return it.label[locale];
      }
      if (listItemKey(list.key, v) !== it.key) {
        report.problems.push({ code: 'listChanged', params: { sheet: tab.name(), cell: `${columnLetter(c)}${FIRST_DATA_ROW + r}`, value: String(v) } });
      }
      return v;
    });
    if (!fill) continue;
    tab.range(blockA1(FIRST_DATA_ROW, FIRST_DATA_ROW + values.length - 1, c, 1)).setValues(values.map((v) => [v]));
    report.repairs.push(`lists.${list.key}: values`);
  }
  tab.forgetData();
}
