/**
 * Appends rows to a tab by column KEY: one setValues per column (columns the demo does not
 * fill, and computed columns, are left alone so their array formulas keep working).
 */
import type { TabColumns } from './columns';

export type DemoRow = Record<string, string | number | boolean | Date | null>;

export function appendRows(cols: TabColumns, rows: DemoRow[]): number {
  if (!rows.length) return 0;
  const keys = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) keys.add(k);
  const first = Math.max(lastFilledRow(cols, keys), cols.tab.frozenRows || 1) + 1;
  const needed = first + rows.length - 1;
  const max = cols.sheet.getMaxRows();
  if (needed > max) cols.sheet.insertRowsAfter(max, needed - max);
  for (const key of keys) {
    const def = cols.tab.columns.find((c) => c.key === key);
    if (!def) throw new Error(`Demo data names an undeclared column ${cols.tab.key}.${key}`);
    if (def.formula) throw new Error(`Demo data must not overwrite the computed column ${cols.tab.key}.${key}`);
    const col = cols.index.get(key);
    if (!col) throw new Error(`Column ${cols.tab.key}.${key} not found on the sheet ${cols.sheet.getName()}`);
    cols.sheet.getRange(first, col, rows.length, 1).setValues(rows.map((r) => [r[key] ?? '']));
  }
  return rows.length;
}

/** Writes rows starting at `firstRow` (for blocks that share rows with another block, e.g. the team list). */
export function appendRowsAt(cols: TabColumns, firstRow: number, rows: DemoRow[]): number {
  const keys = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) keys.add(k);
  for (const key of keys) {
    const col = cols.index.get(key);
    if (!col) throw new Error(`Column ${cols.tab.key}.${key} not found on the sheet ${cols.sheet.getName()}`);
    cols.sheet.getRange(firstRow, col, rows.length, 1).setValues(rows.map((r) => [r[key] ?? '']));
  }
  return rows.length;
}

/**
 * The last row holding a value in one of the columns the demo writes. Not getLastRow(): a tab's
 * computed columns fill to its last row, and Sheets counts their "" results as content.
 */
function lastFilledRow(cols: TabColumns, keys: Set<string>): number {
  const last = cols.sheet.getLastRow();
  let found = 0;
  for (const key of keys) {
    const col = cols.index.get(key);
    if (!col || last < 1) continue;
    const values = cols.sheet.getRange(1, col, last, 1).getValues();
    for (let r = values.length - 1; r >= found; r--)
      if (values[r][0] !== '') {
        found = r + 1;
        break;
      }
  }
  return found;
}
