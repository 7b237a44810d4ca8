/**
 * Columns and header row: missing columns appended, each column's key as developer metadata,
 * header texts and notes where blank, the header look, frozen rows and the widths of the
 * columns set-up adds.
 *
 * A renamed header or a note the user rewrote is theirs: only blank ones are written. The
 * header look is set-up's on its own columns only (a user's columns keep theirs); computed
 * columns get the tab's computed look, so a user sees before typing which columns Sales Desk
 * fills. Every write is one call per header row (setValues, setNotes, setBackgrounds,
 * setFontColors, setFontWeights), the metadata one call per key, widths one call per run of
 * adjacent columns of equal width.
 */
import type { Locale } from '../../core/i18n';
import { META_COL, type ColumnDef, type HeaderStyle } from '../../core/schema';
import { columnLetter } from '../../core/formulas';
import { asCellText } from '../../core/text';
import { adjacentRuns } from '../records/write';
import type { SetupReport } from './report';
import { isBlankText, type SetupTab } from './tab';

/** Sheets' width of a column nobody resized (a new sheet's columns are all this wide). */
const DEFAULT_COLUMN_WIDTH = 100;

/** The header look of one of our columns. */
export function headerLookOf(tab: SetupTab, col: ColumnDef): HeaderStyle {
  return col.formula ? (tab.def.computedHeaderStyle ?? tab.def.headerStyle) : tab.def.headerStyle;
}

/** The shell tabs' title and description, on a new or emptied tab. */
export function ensureShell(tab: SetupTab, locale: Locale): void {
  if (!tab.created && tab.sheet.getLastRow() !== 0) return;
  tab.sheet.getRange(1, 1, 2, 1).setValues([[tab.def.name[locale]], [tab.def.description[locale]]]);
  tab.sheet.getRange(1, 1).setFontSize(16).setFontWeight('bold');
}

/** Appends the declared columns the tab lacks (placed after the last used column). */
export function placeColumns(tab: SetupTab, locale: Locale, report: SetupReport): ColumnDef[] {
  const { def, sheet } = tab;
  // New columns go strictly after the last used column (and any keyed column beyond it).
  let lastCol = Math.max(tab.width, ...tab.columns.values(), 0);
  const added: ColumnDef[] = [];
  for (const col of def.columns) {
    if (tab.columns.has(col.key)) continue;
    tab.columns.set(col.key, ++lastCol);
    added.push(col);
  }
  if (added.length) {
    const maxCols = sheet.getMaxColumns();
    if (lastCol > maxCols) sheet.insertColumnsAfter(maxCols, lastCol - maxCols);
    if (!tab.created) for (const col of added) report.addedColumns.push(`${tab.name()}: ${col.header[locale]}`);
  }
  // The header block now reaches the new columns (read again, if the tab existed, when next asked).
  tab.width = lastCol;
  return added;
}

/** Whole columns of the keys whose column has no metadata yet. */
export function keyRangesA1(tab: SetupTab): string[] {
  return tab.def.columns
    .filter((c) => !tab.keyed.has(c.key))
    .map((c) => {
      const l = columnLetter(tab.columns.get(c.key)!);
      return `${l}:${l}`;
    });
}

/**
 * Each column's key as developer metadata on the whole column, the only range shape column
 * metadata may sit on (https://developers.google.com/apps-script/reference/spreadsheet/range#adddevelopermetadatakey,-value).
 */
export function keyColumns(tab: SetupTab, added: ColumnDef[], report: SetupReport): void {
  const unkeyed = tab.def.columns.filter((c) => !tab.keyed.has(c.key));
  if (!unkeyed.length) return;
  const ranges = tab.ranges(keyRangesA1(tab));
  unkeyed.forEach((c, i) => {
    ranges[i].addDeveloperMetadata(META_COL, c.key);
    tab.keyed.add(c.key);
    if (!added.includes(c) && !tab.created) report.repairs.push(`${tab.def.key}.${c.key}: column key`);
  });
}

function padded(row: unknown[], n: number): unknown[] {
  return Array.from({ length: n }, (_, i) => (i < row.length ? row[i] : ''));
}

/** Header texts and notes where blank, the header look of our columns, frozen rows, widths of added columns. */
export function ensureHeaderRow(tab: SetupTab, locale: Locale, added: ColumnDef[], report: SetupReport): void {
  const { def, sheet } = tab;
  const width = tab.width;
  const headerRow = () => tab.range(tab.headerRowA1());
  const placed = tab.placed();
  const isNew = (col: ColumnDef) => tab.created || added.includes(col);

  const row = padded(tab.headers(), width);
  let textsChanged = false;
  for (const { col, at } of placed) {
    if (!isBlankText(row[at - 1])) continue;
    row[at - 1] = col.header[locale];
    textsChanged = true;
    if (!isNew(col)) report.repairs.push(`${def.key}.${col.key}: header`);
  }
  if (textsChanged) {
    headerRow().setValues([row.map((v) => (typeof v === 'string' ? asCellText(v) : v))]);
    tab.wroteHeaders(row);
  }

  const notes = padded(tab.notes(), width).map((n) => String(n ?? ''));
  let notesChanged = false;
  for (const { col, at } of placed) {
    if (notes[at - 1]) continue;
    notes[at - 1] = col.note[locale];
    notesChanged = true;
    if (!isNew(col)) report.repairs.push(`${def.key}.${col.key}: note`);
  }
  if (notesChanged) {
    headerRow().setNotes([notes]);
    tab.wroteNotes(notes);
  }

  ensureLook(tab, headerRow, report);

  if (tab.created ? def.frozenRows > 0 : sheet.getFrozenRows() < def.frozenRows) {
    sheet.setFrozenRows(def.frozenRows);
    if (!tab.created) report.repairs.push(`${def.key}: frozen header`);
  }
  if (tab.created && def.frozenColumns) sheet.setFrozenColumns(def.frozenColumns);

  // Widths of new columns: one call per run of adjacent columns of equal width; on a new sheet
  // the columns already have Sheets' default width.
  const byWidth = new Map<number, { col: number }[]>();
  for (const col of added) {
    if (tab.created && col.width === DEFAULT_COLUMN_WIDTH) continue;
    byWidth.set(col.width, [...(byWidth.get(col.width) ?? []), { col: tab.columns.get(col.key)! }]);
  }
  for (const [width, cols] of byWidth) for (const run of adjacentRuns(cols)) sheet.setColumnWidths(run[0].col, run.length, width);
}

const sameColour = (a: unknown, b: string) => String(a ?? '').toLowerCase() === b.toLowerCase();

/**
 * The look of our header cells (a user's own columns keep theirs), written as one
 * setBackgrounds/setFontColors/setFontWeights over the header row when one of ours differs.
 */
function ensureLook(tab: SetupTab, headerRow: () => GoogleAppsScript.Spreadsheet.Range, report: SetupReport): void {
  const width = tab.width;
  const now = tab.look();
  const bg = now ? padded(now.backgrounds, width).map(String) : Array.from({ length: width }, () => '#ffffff');
  const fc = now ? padded(now.fontColors, width).map(String) : Array.from({ length: width }, () => '#000000');
  const fw = now ? padded(now.fontWeights, width).map(String) : Array.from({ length: width }, () => 'normal');
  let changed = false;
  for (const { col, at } of tab.placed()) {
    const want = headerLookOf(tab, col);
    const weight = want.bold ? 'bold' : 'normal';
    const i = at - 1;
    if (sameColour(bg[i], want.background) && sameColour(fc[i], want.fontColor) && fw[i] === weight) continue;
    bg[i] = want.background;
    fc[i] = want.fontColor;
    fw[i] = weight;
    changed = true;
  }
  if (!changed) return;
  const r = headerRow();
  r.setBackgrounds([bg]);
  r.setFontColors([fc]);
  r.setFontWeights([fw as GoogleAppsScript.Spreadsheet.FontWeight[]]);
  if (!tab.created) report.repairs.push(`${tab.def.key}: header look`);
}
