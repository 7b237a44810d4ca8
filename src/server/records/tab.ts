/**
 * One tab, opened through the column map (./column-map.ts): reading rows by column key, finding a row
 * by its ID, appending rows with new IDs and writing rows, each in a fixed number of Apps Script
 * calls whatever the tab holds.
 *
 * Checks. Before anything is read or written, the header cells of the columns involved must read
 * as the map remembers them. A read that starts at the header row checks its own columns in the
 * same call; a write, or a read of rows further down, whose columns no such read has checked in
 * this execution first reads the whole header row (once per execution). The map's header texts
 * are non-blank and unique (./column-map.ts), so a column that moved, was inserted or deleted
 * before ours, renamed or swapped changes the header cell of a column involved. When the check
 * fails, the tab is found again by its developer metadata and the read is done anew with the
 * columns where they are now, so a moved, renamed, swapped or inserted column never misdirects a
 * read or a write.
 *
 * Where the data ends comes from the tab's key columns (its ID column and required columns), never
 * from getLastRow(): see ./hint.ts.
 */
import { FIRST_DATA_ROW, HEADER_ROW, type TabDef } from '../../core/schema';
import { idsAfter, ID_SCHEMES, parseId, type IdScheme } from '../../core/ids';
import { formatHint, HINT_LOOKAHEAD, HINT_LOOKBACK, hintProperty, parseHint, type EndHint } from './hint';
import { headersMatch, type TabMap } from './column-map';
import { t } from '../../core/i18n';
import { currentLocale } from '../locale';
import { adjacentRuns, cellValue, growFor, writableColumns, writeRuns, type RowRecord, type TabRef } from './write';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface ReadRow {
  /** 1-based sheet row. */
  row: number;
  values: RowRecord;
}

/** Where the data of a tab ends, as one read found it. */
export interface Extent {
  /** The last data row (FIRST_DATA_ROW - 1 when there is none). */
  end: number;
  /** The highest ID number seen in the rows read (0 when none). */
  seenId: number;
  /** The highest row that read covered (the sheet has at least this many rows). */
  seenTo: number;
  /** True when the read covered every row from the first data row to seenTo (its seenId is then the highest ID there). */
  fromTop?: boolean;
  /** True when every input column of the rows after `end` up to seenTo was read blank: those rows are free. */
  wholeRows?: boolean;
}

/** What a tab needs from the workbook that opened it (./workbook.ts). */
export interface TabHost {
  property(key: string): string | null;
  /** Reads a property afresh (under the document lock another execution may have changed it). */
  freshProperty(key: string): string | null;
  setProperty(key: string, value: string): void;
  /** Finds the tab again by developer metadata and stores a new map; null when the tab is gone. */
  relocate(def: TabDef): { ref: TabRef; record: TabMap | null } | null;
}

export class TabMissingError extends Error {}

interface Block {
  first: number;
  lines: unknown[][];
  from: number;
  cols: [string, number][];
  lastFilled: number;
  seenId: number;
}

/** Rows added at least when a tab must grow, so that saves do not grow it one row at a time. */
const GROW_AT_LEAST = 100;

const blank = (v: unknown) => v === '' || v === null || v === undefined;

/** The columns whose content makes a row a row: the ID column and the required columns; every input column on tabs without them. */
function anchorKeys(def: TabDef): string[] {
  const id = ID_SCHEMES[def.key]?.column;
  const keys = def.columns.filter((c) => !c.formula && (c.key === id || c.required)).map((c) => c.key);
  if (keys.length && def.kind === 'table') return keys;
  return def.columns.filter((c) => !c.formula).map((c) => c.key);
}

/** The columns whose last cell with data marks the end of a tab with computed columns: the ID column and the first required one. */
function endKeys(def: TabDef): string[] {
  const id = ID_SCHEMES[def.key]?.column;
  const required = def.columns.find((c) => c.required && !c.formula && c.key !== id)?.key;
  return [id, required].filter((k): k is string => !!k);
}

export class Tab implements TabRef {
  readonly def: TabDef;
  sheet: Sheet;
  columns: Map<string, number>;
  private record: TabMap | null;
  /** Columns whose header cell was checked in this execution; 'all' once the whole row was. */
  private checked: 'all' | Set<number>;
  /** The sheet has at least this many rows (the furthest row read or grown to). */
  private rowsAtLeast = 0;
  /** The sheet's max rows, once asked (or grown to) in this execution. */
  private exactMaxRows: number | undefined;
  readonly scheme: IdScheme | undefined;

  constructor(
    private readonly host: TabHost,
    def: TabDef,
    ref: TabRef,
    record: TabMap | null,
    checked: boolean,
  ) {
    this.def = def;
    this.sheet = ref.sheet;
    this.columns = ref.columns;
    this.record = record;
    this.checked = checked || !record ? 'all' : new Set();
    this.scheme = ID_SCHEMES[def.key];
  }

  has(key: string): boolean {
    return this.columns.has(key);
  }

  /**
   * The first key the records fill (a value that is not blank) whose column the tab does not
   * have now, or null: a save must refuse then, not report "Saved" for a value that went nowhere.
   */
  missingColumn(records: readonly RowRecord[]): string | null {
    for (const r of records) for (const [k, v] of Object.entries(r)) if (!blank(v) && !this.columns.has(k)) return k;
    return null;
  }

  // ------------------------------------------------------------------ checks

  private relocate(): void {
    const found = this.host.relocate(this.def);
    if (!found) {
      const locale = currentLocale();
      throw new TabMissingError(t(locale, 'records.tabMissing', { tab: this.def.name[locale] }));
    }
    this.sheet = found.ref.sheet;
    this.columns = found.ref.columns;
    this.record = found.record;
    this.checked = 'all';
  }

  /** Checks the whole header row (one read, once per execution), and finds the tab again when it changed. */
  checkAll(): void {
    if (this.checked === 'all' || !this.record) return;
    // A read from the header row may already have checked every cell of it.
    const width = this.record.headers.length;
    if (width > 0 && this.isChecked(Array.from({ length: width }, (_, i) => i + 1))) {
      this.checked = 'all';
      return;
    }
    let ok = false;
    try {
      ok = width > 0 && headersMatch(this.record, 1, this.sheet.getSheetValues(HEADER_ROW, 1, 1, width)[0]);
    } catch (_e) {
      ok = false; // the sheet became narrower than the map: it changed
    }
    if (ok) this.checked = 'all';
    else this.relocate();
  }

  private isChecked(cols: readonly number[]): boolean {
    return this.checked === 'all' || cols.every((c) => (this.checked as Set<number>).has(c));
  }

  /** Checks the header cells of the columns of `keys`: nothing to do when a read from the header row already did, else the whole row. */
  private checkFor(keys: Iterable<string>): void {
    const cols: number[] = [];
    for (const k of keys) if (this.columns.has(k)) cols.push(this.columns.get(k)!);
    if (!this.isChecked(cols)) this.checkAll();
  }

  /** Checks the columns the records write (see checkFor). */
  private checkForRecords(records: readonly RowRecord[]): void {
    const keys = new Set<string>();
    for (const r of records) for (const k in r) keys.add(k);
    this.checkFor(keys);
  }

  // ------------------------------------------------------------------ reading

  private span(keys: readonly string[]): { from: number; to: number; cols: [string, number][] } | null {
    const cols = [...new Set(keys)].filter((k) => this.columns.has(k)).map((k) => [k, this.columns.get(k)!] as [string, number]);
    if (!cols.length) return null;
    return { from: Math.min(...cols.map((c) => c[1])), to: Math.max(...cols.map((c) => c[1])), cols };
  }

  private maxRows(): number {
    if (this.exactMaxRows === undefined) this.exactMaxRows = this.sheet.getMaxRows();
    this.rowsAtLeast = Math.max(this.rowsAtLeast, this.exactMaxRows);
    return this.exactMaxRows;
  }

  /**
   * Makes rows up to `last` exist. New rows at the end of the data keep the sheet's last row spare
   * and go in before it, inside set-up's ranges (see growFor); a write to rows past the sheet's
   * end that follows no data read adds them after the last row.
   */
  private growTo(last: number, forAppend: boolean, lastRowHasData: boolean): void {
    const maxRows = this.maxRows();
    if (forAppend ? last < maxRows : last <= maxRows) return;
    this.checkAll();
    const need = forAppend ? last : last + 1;
    this.exactMaxRows = growFor(this, Math.max(need, maxRows + GROW_AT_LEAST - 1), maxRows, lastRowHasData || !forAppend);
    this.rowsAtLeast = this.exactMaxRows;
  }

  private hint(fresh = false): EndHint {
    const key = hintProperty(this.def.key);
    return parseHint(fresh ? this.host.freshProperty(key) : this.host.property(key));
  }

  /**
   * The last data row: from the tab's key columns. On a tab with computed columns, each key
   * column's last cell with data is found with Range.getNextDataCell(UP) from the bottom of the
   * column (https://developers.google.com/apps-script/reference/spreadsheet/range#getnextdatacelldirection);
   * getLastRow() would count the ARRAYFORMULA results that fill the computed columns to the last
   * row. A tab without computed columns may ask getLastRow().
   */
  private lastDataRow(): { end: number; maxRows: number } {
    const maxRows = this.maxRows();
    if (!this.def.columns.some((c) => c.formula)) return { end: Math.min(this.sheet.getLastRow(), maxRows), maxRows };
    let end = HEADER_ROW;
    // The ID column and the first required one: the same calls whatever the tab holds.
    for (const key of endKeys(this.def)) {
      const col = this.columns.get(key);
      if (!col) continue;
      const bottom = this.sheet.getRange(maxRows, col);
      const up = bottom.getNextDataCell(SpreadsheetApp.Direction.UP).getRow();
      // Ctrl+Up from a cell with data goes to the top of its block: the bottom cell is the end then.
      end = Math.max(end, blank(bottom.getValue()) ? up : maxRows);
    }
    return { end, maxRows };
  }

  /**
   * Rows `top`…`bottom` of the span of `keys` plus the key columns, in one read; when `top` is the
   * header row its cells are checked against the map in the same read (a failed check finds the
   * tab again and reads anew), otherwise the whole header row is checked first. Returns the data
   * lines with the row they start at, the last row where an input column of the span holds
   * something, and the highest ID seen.
   */
  private readBlock(keys: readonly string[], top: number, bottom: number): Block {
    const idKey = this.scheme?.column;
    const wanted = [...keys, ...anchorKeys(this.def), ...(idKey ? [idKey] : [])];
    for (let attempt = 0; ; attempt++) {
      if (top > HEADER_ROW) {
        const pre = this.span(wanted);
        if (pre && !this.isChecked(pre.cols.map((c) => c[1]))) this.checkAll();
      }
      const s = this.span(wanted);
      if (!s) return { first: top, lines: [], from: 1, cols: [], lastFilled: FIRST_DATA_ROW - 1, seenId: 0 };
      const grid = this.sheet.getSheetValues(top, s.from, bottom - top + 1, s.to - s.from + 1);
      this.rowsAtLeast = Math.max(this.rowsAtLeast, bottom);
      let lines = grid;
      let first = top;
      if (top === HEADER_ROW) {
        if (this.record && this.checked !== 'all' && !headersMatch(this.record, s.from, grid[0])) {
          if (attempt > 0) throw new Error(`The header row of ${this.def.key} keeps changing`);
          this.relocate();
          continue;
        }
        if (this.checked !== 'all') for (let c = s.from; c <= s.to; c++) this.checked.add(c);
        lines = grid.slice(1);
        first = FIRST_DATA_ROW;
      }
      const inputs = this.inputOffsets(s);
      const idCol = idKey && this.columns.has(idKey) ? this.columns.get(idKey)! - s.from : -1;
      let lastFilled = FIRST_DATA_ROW - 1;
      let seenId = 0;
      const prefix = this.scheme?.prefix ?? '';
      lines.forEach((line, i) => {
        if (inputs.some((j) => !blank(line[j]))) lastFilled = first + i;
        if (idCol >= 0 && !blank(line[idCol])) seenId = Math.max(seenId, parseId(prefix, line[idCol]) ?? 0);
      });
      return { first, lines, from: s.from, cols: s.cols, lastFilled, seenId };
    }
  }

  /** The keys of the tab's input (not computed) columns that it has. */
  private inputKeys(): string[] {
    return this.def.columns.filter((c) => !c.formula && this.columns.has(c.key)).map((c) => c.key);
  }

  /** Offsets, within a read span, of the tab's input (not computed) columns. */
  private inputOffsets(s: { from: number; to: number }): number[] {
    const out: number[] = [];
    for (const c of this.def.columns) {
      const col = this.columns.get(c.key);
      if (!c.formula && col !== undefined && col >= s.from && col <= s.to) out.push(col - s.from);
    }
    return out;
  }

  /**
   * Every data row, with the values of `keys` (and the tab's key columns), in one read from the
   * header row to the end of the data: the hint's guess, confirmed by blank rows after the last
   * one it finds (or by reaching the sheet's last row); found from the key columns when the guess
   * falls short. Rows where no input column read holds anything are left out.
   */
  readAll(keys: readonly string[]): { rows: ReadRow[]; extent: Extent } {
    const hint = this.hint();
    let block: Block | null = null;
    if (hint.row) {
      const bottom = Math.min(hint.row - 1 + HINT_LOOKAHEAD, hint.maxRows ?? Infinity);
      try {
        block = this.readBlock(keys, HEADER_ROW, Math.max(bottom, HEADER_ROW));
        if (block.lastFilled >= bottom && bottom !== hint.maxRows) block = null; // rows pasted below the guess
      } catch (e) {
        if (e instanceof TabMissingError) throw e;
        block = null; // rows were deleted at the bottom of the sheet
      }
    }
    if (!block) {
      const found = this.lastDataRow();
      block = this.readBlock(keys, HEADER_ROW, Math.max(found.end, HEADER_ROW));
      this.remember({ ...hint, row: block.lastFilled + 1, maxRows: found.maxRows });
    }
    const b = block;
    const inputs = this.inputOffsets({ from: b.from, to: b.from + (b.lines[0]?.length ?? 1) - 1 });
    const wanted = new Set(keys);
    const rows: ReadRow[] = [];
    b.lines.forEach((line, i) => {
      if (inputs.every((j) => blank(line[j]))) return;
      const values: RowRecord = {};
      for (const [k, c] of b.cols) if (wanted.has(k)) values[k] = line[c - b.from];
      rows.push({ row: b.first + i, values });
    });
    // A read of every input column also says that the rows after the end it saw are free.
    const wholeRows = inputs.length === this.inputKeys().length;
    return { rows, extent: { end: b.lastFilled, seenId: b.seenId, seenTo: b.first + b.lines.length - 1, fromTop: true, wholeRows } };
  }

  /**
   * Where the data ends, from one read of the key columns around the hinted end: rows added or
   * deleted by hand since the hint was written are seen; when the window cannot tell (no hint,
   * or the rows around it all filled or all gone), from the key columns (getNextDataCell).
   */
  extent(fresh = true): Extent {
    const hint = this.hint(fresh);
    if (hint.row) {
      const top = Math.max(FIRST_DATA_ROW, hint.row - 1 - HINT_LOOKBACK);
      let bottom = hint.row - 1 + HINT_LOOKAHEAD;
      if (hint.maxRows) bottom = Math.min(bottom, hint.maxRows);
      if (bottom >= top) {
        let block: Block | null = null;
        try {
          // Every input column: a row where someone typed only a note counts as data (issue 13).
          block = this.readBlock(this.inputKeys(), top, bottom);
        } catch (e) {
          if (e instanceof TabMissingError) throw e;
          block = null; // rows were deleted below the window: find the end instead
        }
        const emptyAbove = block && block.lastFilled < top && top > FIRST_DATA_ROW;
        if (block && !emptyAbove && block.lastFilled < bottom) return { end: block.lastFilled, seenId: block.seenId, seenTo: bottom, wholeRows: true };
      }
    }
    const found = this.lastDataRow();
    const top = Math.max(FIRST_DATA_ROW, found.end - HINT_LOOKBACK);
    const block = found.end >= FIRST_DATA_ROW ? this.readBlock([], top, found.end) : null;
    let seenId = block?.seenId ?? 0;
    if (this.scheme && hint.seq === undefined && found.end >= FIRST_DATA_ROW) {
      // No counter was ever kept here (rows pasted by hand): the highest ID anywhere in the column.
      seenId = Math.max(seenId, this.readBlock([this.scheme.column], HEADER_ROW, found.end).seenId);
    }
    return { end: Math.max(found.end, FIRST_DATA_ROW - 1), seenId, seenTo: found.end };
  }

  /**
   * One row by key — every column of ours, or the span of `keys` only: a read that stays clear of
   * computed columns does not wait for the sheet to recalculate. Its columns' headers are checked first.
   */
  readRow(row: number, keys?: readonly string[]): RowRecord {
    this.checkFor(keys ?? this.columns.keys());
    const s = keys ? this.span(keys) : this.span([...this.columns.keys()]);
    const out: RowRecord = {};
    if (!s) return out;
    const line = this.sheet.getSheetValues(row, s.from, 1, s.to - s.from + 1)[0];
    this.rowsAtLeast = Math.max(this.rowsAtLeast, row);
    for (const [k, c] of s.cols) out[k] = line[c - s.from];
    return out;
  }

  /**
   * The row whose `idKey` column holds `id` (case and spaces ignored), with the values of `keys`
   * (default: every column): the hinted row first (one read of that row), else one read of the ID
   * column and one of the row found.
   */
  findById(id: string, hintRow?: number, opts: { idKey?: string; keys?: readonly string[] } = {}): ReadRow | null {
    const idKey = opts.idKey ?? this.scheme?.column ?? '';
    if (!this.columns.has(idKey)) return null;
    const keys = opts.keys ? [idKey, ...opts.keys] : undefined;
    const want = id.trim().toLowerCase();
    const same = (v: unknown) =>
      String(v ?? '')
        .trim()
        .toLowerCase() === want;
    if (hintRow && Number.isInteger(hintRow) && hintRow >= FIRST_DATA_ROW) {
      try {
        const values = this.readRow(hintRow, keys);
        if (same(values[idKey])) return { row: hintRow, values };
      } catch (e) {
        if (e instanceof TabMissingError) throw e;
        // past the sheet's last row: look the ID up instead
      }
    }
    const hit = this.readAll([idKey]).rows.find((r) => same(r.values[idKey]));
    return hit ? { row: hit.row, values: this.readRow(hit.row, keys) } : null;
  }

  /** The row whose ID column holds `id` (case and spaces ignored), with the values of `keys`, from one read of their columns. */
  lookup(id: string, keys: readonly string[], idKey = this.scheme?.column ?? ''): ReadRow | null {
    const want = id.trim().toLowerCase();
    if (!want || !this.columns.has(idKey)) return null;
    return (
      this.readAll([idKey, ...keys]).rows.find(
        (r) =>
          String(r.values[idKey] ?? '')
            .trim()
            .toLowerCase() === want,
      ) ?? null
    );
  }

  // ------------------------------------------------------------------ writing

  /** Writes records to consecutive rows from `row` (one setValues per run of adjacent columns); their columns' headers are checked first. */
  write(row: number, records: readonly RowRecord[]): void {
    if (!records.length) return;
    this.checkForRecords(records);
    const last = row + records.length - 1;
    if (last > this.rowsAtLeast) this.growTo(last, false, true);
    writeRuns(this, row, records);
  }

  /**
   * Writes some cells of some rows: one block per run of adjacent columns, from the first to the
   * last row given. Cells not given are written back as they were — their formula if they hold
   * one, else their value — so the block changes only the cells given (an import's merges touch
   * scattered rows). Before each block is written, a function that puts it back is added to
   * `undo` (so a failure half-way can be undone).
   */
  writeCells(rows: readonly ReadRow[], undo: (() => void)[] = []): void {
    if (!rows.length) return;
    this.checkForRecords(rows.map((r) => r.values));
    const byRow = new Map(rows.map((r) => [r.row, r.values]));
    const first = Math.min(...byRow.keys());
    const last = Math.max(...byRow.keys());
    const keys = new Set<string>();
    for (const r of rows) for (const k of Object.keys(r.values)) keys.add(k);
    for (const run of adjacentRuns(writableColumns(this, keys))) {
      const range = this.sheet.getRange(first, run[0].col, last - first + 1, run.length);
      const values = range.getValues();
      const formulas = range.getFormulas();
      const before = values.map((line, i) => line.map((v, j) => formulas[i][j] || cellValue(run[j].def, v)));
      const after = before.map((line, i) => {
        const given = byRow.get(first + i);
        return given ? line.map((v, j) => (given[run[j].def.key] === undefined ? v : cellValue(run[j].def, given[run[j].def.key]))) : line;
      });
      undo.push(() => range.setValues(before));
      range.setValues(after);
    }
  }

  /**
   * Claims `count` rows after the data and as many new IDs (on tabs that give IDs). Call under the
   * document lock and write the rows before releasing it. `commit()` records where the data now
   * ends and the IDs given; a caller that may still undo its write (import) commits after it.
   */
  reserve(count: number, known?: Extent): { row: number; ids: string[]; commit(): void } {
    const hint = this.hint(true);
    const extent = known ?? this.extent(false);
    const free = extent.wholeRows && extent.end + count <= extent.seenTo ? { row: extent.end + 1, seenId: 0 } : this.freeRun(extent.end + 1, count);
    const row = free.row;
    // IDs: the counter (never goes down), the highest the reads saw, and those in rows typed or pasted just below the end.
    const highest = Math.max(hint.seq ?? 0, extent.seenId, free.seenId);
    const ids = this.scheme ? idsAfter(this.scheme.prefix, highest, count) : [];
    const last = row + count - 1;
    this.rowsAtLeast = Math.max(this.rowsAtLeast, extent.seenTo);
    if (count > 0 && last >= this.rowsAtLeast) this.growTo(last, true, extent.end >= this.maxRows());
    return {
      row,
      ids,
      commit: () => {
        if (count <= 0) return;
        this.remember({ row: last + 1, seq: this.scheme ? highest + count : undefined, maxRows: this.exactMaxRows ?? hint.maxRows });
      },
    };
  }

  /** New IDs without new rows (a row typed by hand gets its ID). Call under the document lock. */
  claimIds(count: number, known?: Extent): string[] {
    if (!this.scheme || count <= 0) return [];
    const hint = this.hint(true);
    const extent = known ?? this.extent(false);
    const highest = Math.max(hint.seq ?? 0, extent.seenId);
    this.remember({ ...hint, seq: highest + count });
    return idsAfter(this.scheme.prefix, highest, count);
  }

  /**
   * Appends records after the data, each given the next ID in the tab's ID column; returns the
   * first row and the IDs. The rows are new, so input columns between the ones written are written
   * blank: each stretch of input columns goes in one setValues.
   */
  append(records: readonly RowRecord[], known?: Extent): { row: number; ids: string[] } {
    const claim = this.reserve(records.length, known);
    const written = new Set<string>();
    for (const r of records) for (const k of Object.keys(r)) written.add(k);
    if (this.scheme) written.add(this.scheme.column);
    // Input columns not written, lying between two written ones with no computed column between.
    const blanks: RowRecord = {};
    const laid = this.def.columns.filter((c) => this.columns.has(c.key)).sort((a, b) => this.columns.get(a.key)! - this.columns.get(b.key)!);
    let gap: string[] = [];
    let afterWritten = false;
    for (const c of laid) {
      if (c.formula) {
        gap = [];
        afterWritten = false;
      } else if (written.has(c.key)) {
        if (afterWritten) for (const k of gap) blanks[k] = '';
        gap = [];
        afterWritten = true;
      } else gap.push(c.key);
    }
    const withIds = records.map((r, i) => ({ ...blanks, ...r, ...(this.scheme ? { [this.scheme.column]: claim.ids[i] } : {}) }));
    this.write(claim.row, withIds);
    claim.commit();
    return { row: claim.row, ids: claim.ids };
  }

  /**
   * The first of `count` consecutive rows from `from` on which no input column holds anything
   * (issue 13: the whole row decides, not the few columns that mark the end of the data — a row
   * where a rep typed only a note is not free). One read of every input column of the rows from
   * `from` on (a window of HINT_LOOKAHEAD rows more), again further down only when the window is
   * all taken. Rows past the sheet's end are free. Also returns the highest ID the read saw.
   */
  private freeRun(from: number, count: number): { row: number; seenId: number } {
    let seenId = 0;
    if (count <= 0) return { row: from, seenId };
    const inputKeys = this.inputKeys();
    for (;;) {
      const maxRows = this.maxRows();
      if (from > maxRows || !inputKeys.length) return { row: from, seenId };
      const bottom = Math.min(from + count - 1 + HINT_LOOKAHEAD, maxRows);
      const b = this.readBlock(inputKeys, from, bottom);
      seenId = Math.max(seenId, b.seenId);
      const inputs = this.inputOffsets({ from: b.from, to: b.from + (b.lines[0]?.length ?? 1) - 1 });
      let run = 0;
      for (let i = 0; i < b.lines.length; i++) {
        run = inputs.every((j) => blank(b.lines[i][j])) ? run + 1 : 0;
        if (run === count) return { row: b.first + i - count + 1, seenId };
      }
      // The rows to the sheet's end are free (and more are grown), or look further down.
      if (bottom === maxRows) return { row: bottom - run + 1, seenId };
      from = bottom - run + 1;
    }
  }

  /** Stores the hint; the highest ID given never goes down, whatever an older read of it said. */
  private remember(h: EndHint): void {
    const key = hintProperty(this.def.key);
    const seq = Math.max(h.seq ?? 0, parseHint(this.host.freshProperty(key)).seq ?? 0);
    const clean: EndHint = {};
    if (h.row) clean.row = h.row;
    if (seq) clean.seq = seq;
    if (h.maxRows) clean.maxRows = h.maxRows;
    this.host.setProperty(key, formatHint(clean));
  }
}
