/**
 * The one tab type every part of set-up shares: a Sales Desk tab as this run found or created
 * it, where its columns are, and what set-up has read of it.
 *
 * Reads are made once per run and per attribute, each over a fixed block whatever the number
 * of rows: the header block (the header row and the first data row, where the array formulas
 * sit) and the data block (every data row, read only for the attributes a part asks for —
 * validations, number formats, or values on the tabs set-up itself fills). A tab created by
 * this run is known to be empty, so nothing of it is read. A part that writes updates what the
 * tab holds here (or forgets it), so the parts after it see the sheet as set-up left it.
 */
import { FIRST_DATA_ROW, HEADER_ROW, type ColumnDef, type TabDef } from '../../core/schema';
import { columnLetter } from '../../core/formulas';
import { adjacentRuns } from '../records/write';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
export type Rule = GoogleAppsScript.Spreadsheet.DataValidation;

interface HeaderBlock {
  range: Range;
  /** Row 1 and row 2 values. */
  values?: unknown[][];
  formulas?: string[][];
  notes?: string[];
  backgrounds?: string[];
  fontColors?: string[];
  fontWeights?: string[];
}

interface DataBlock {
  range: Range;
  validations?: (Rule | null)[][];
  numberFormats?: string[][];
  values?: unknown[][];
}

export class SetupTab {
  /** 1-based column of each of the tab's keys. */
  columns = new Map<string, number>();
  /** Keys whose column carries its developer metadata (as this run found or wrote it). */
  keyed = new Set<string>();
  private _width = 0;
  private header?: HeaderBlock;
  private data?: DataBlock;
  private _maxRows?: number;
  private _name?: string;
  private readonly rangeCache = new Map<string, Range>();
  /** Rows 1–2 of a tab created by this run, as set-up wrote them (nothing to read there). */
  private createdRows?: unknown[][];
  /** The last row set-up wrote data to in this run (the header row when none). */
  lastWrittenRow = HEADER_ROW;

  constructor(
    readonly def: TabDef,
    readonly sheet: Sheet,
    readonly sheetId: number,
    /** Created by this run: empty, nothing to read. */
    readonly created: boolean,
    /** 1-based position among the tabs (Sheet.getIndex()), as this run found or made it. */
    readonly index: number,
  ) {}

  /** Set-up reads and writes columns 1…width: every Sales Desk column of the tab lies there. */
  get width(): number {
    return this._width;
  }
  set width(w: number) {
    if (w === this._width) return;
    this._width = w;
    this.header = undefined;
    this.data = undefined;
    this.createdRows = undefined;
  }

  /** Our columns in declared order, with their place on the sheet. */
  placed(): { col: ColumnDef; at: number }[] {
    return this.def.columns.filter((c) => this.columns.has(c.key)).map((col) => ({ col, at: this.columns.get(col.key)! }));
  }

  /** The sheet's rows, read once (set-up's own row insertions keep it current). */
  maxRows(): number {
    if (this._maxRows === undefined) this._maxRows = this.sheet.getMaxRows();
    return this._maxRows;
  }

  /** Appends rows so the sheet has at least `needed`. */
  ensureRows(needed: number): void {
    const max = this.maxRows();
    if (needed <= max) return;
    this.sheet.insertRowsAfter(max, needed - max);
    this._maxRows = needed;
    this.data = undefined;
  }

  /** The tab's current name, read once. */
  name(): string {
    if (this._name === undefined) this._name = this.sheet.getName();
    return this._name;
  }
  knowName(name: string): void {
    this._name = name;
  }

  // ------------------------------------------------------------------ ranges

  /**
   * Ranges of this sheet by A1 notation: those fetched before (see prefetch) cost nothing, the
   * others come in one call (getRange) or two (one RangeList for several).
   */
  ranges(a1s: string[]): Range[] {
    const missing = [...new Set(a1s.filter((a1) => !this.rangeCache.has(a1)))];
    if (missing.length === 1) this.rangeCache.set(missing[0], this.sheet.getRange(missing[0]));
    else if (missing.length > 1) {
      const got = this.sheet.getRangeList(missing).getRanges();
      missing.forEach((a1, i) => this.rangeCache.set(a1, got[i]));
    }
    return a1s.map((a1) => this.rangeCache.get(a1)!);
  }
  range(a1: string): Range {
    return this.ranges([a1])[0];
  }
  /** True when the range is at hand (a write through it costs only the write). */
  hasRange(a1: string): boolean {
    return this.rangeCache.has(a1);
  }
  /**
   * Fetches in one RangeList the ranges the parts of set-up will write through. On a tab this
   * run created every part's ranges are known once its columns are placed, so set-up asks for
   * them all at once instead of one getRange each. Only an optimisation: a range not fetched
   * here is fetched when asked for.
   */
  prefetch(a1s: string[]): void {
    this.ranges(a1s);
  }

  /** The header row, columns 1…width. */
  headerRowA1(): string {
    return blockA1(HEADER_ROW, HEADER_ROW, 1, Math.max(1, this.width));
  }
  /** Every data row, columns 1…width. */
  dataBlockA1(): string {
    return blockA1(FIRST_DATA_ROW, this.lastRow(), 1, Math.max(1, this.width));
  }
  /** The last row of the sheet (the data ranges set-up writes end there). */
  lastRow(): number {
    return FIRST_DATA_ROW + this.dataRows() - 1;
  }

  // ------------------------------------------------------------------ header block

  private headerBlock(): HeaderBlock {
    if (!this.header) {
      const rows = FIRST_DATA_ROW - HEADER_ROW + 1;
      const width = Math.max(1, this.width);
      let range: Range;
      if (this._maxRows !== undefined) range = this.sheet.getRange(HEADER_ROW, 1, Math.min(rows, this._maxRows), width);
      else {
        try {
          range = this.sheet.getRange(HEADER_ROW, 1, rows, width);
        } catch (_e) {
          // A sheet of one row: Sheets refuses a range past its last row.
          range = this.sheet.getRange(HEADER_ROW, 1, Math.min(rows, this.maxRows()), width);
        }
      }
      this.header = { range };
    }
    return this.header;
  }
  private blankRow<T>(fill: T): T[] {
    return Array.from({ length: this.width }, () => fill);
  }
  private rowOf<T>(grid: T[][] | undefined, row: number, fill: T): T[] {
    return grid?.[row] ? grid[row].slice(0, this.width) : this.blankRow(fill);
  }

  /** The header row as it is now (columns 1…width). */
  headers(): unknown[] {
    return this.rowOf(this.headerValues(), 0, '' as unknown);
  }
  /** The first data row's values and formulas: the anchors of the computed columns. */
  anchorValues(): unknown[] {
    return this.rowOf(this.headerValues(), 1, '' as unknown);
  }
  anchorFormulas(): string[] {
    return this.rowOf(this.headerFormulaGrid(), 1, '');
  }
  /** Formulas in the header row (there are none in a header row that is still there). */
  headerFormulas(): string[] {
    return this.rowOf(this.headerFormulaGrid(), 0, '');
  }
  private headerFormulaGrid(): string[][] | undefined {
    if (this.created || !this.width) return undefined;
    const h = this.headerBlock();
    if (!h.formulas) h.formulas = h.range.getFormulas();
    return h.formulas;
  }
  private headerValues(): unknown[][] | undefined {
    if (!this.width) return undefined;
    // A tab created by this run holds only what set-up wrote (see wroteHeaders).
    if (this.created) return (this.createdRows ??= [this.blankRow(''), this.blankRow('')]);
    const h = this.headerBlock();
    if (!h.values) h.values = h.range.getValues();
    return h.values;
  }
  notes(): string[] {
    if (this.created || !this.width) return this.blankRow('');
    const h = this.headerBlock();
    if (!h.notes) h.notes = h.range.getNotes()[0].map((n) => String(n ?? ''));
    return h.notes.slice(0, this.width);
  }
  /** The header row's look, or null on a tab created by this run (nothing styled yet). */
  look(): { backgrounds: string[]; fontColors: string[]; fontWeights: string[] } | null {
    if (this.created || !this.width) return null;
    const h = this.headerBlock();
    if (!h.backgrounds) h.backgrounds = h.range.getBackgrounds()[0];
    if (!h.fontColors) h.fontColors = h.range.getFontColors()[0];
    if (!h.fontWeights) h.fontWeights = h.range.getFontWeights()[0];
    return { backgrounds: h.backgrounds, fontColors: h.fontColors, fontWeights: h.fontWeights };
  }

  /** What set-up wrote into the header row, so later parts see it without reading again. */
  wroteHeaders(row: unknown[]): void {
    const rows = this.headerValues();
    if (rows) rows[0] = [...row];
  }
  wroteNotes(notes: string[]): void {
    if (this.header) this.header.notes = [...notes];
  }
  /** After set-up wrote an anchor, the first data row computes differently: read it again. */
  forgetAnchors(): void {
    if (!this.header) return;
    this.header.values = undefined;
    this.header.formulas = undefined;
  }

  // ------------------------------------------------------------------ data block

  /** Every data row, columns 1…width. */
  dataRange(): Range {
    return this.dataBlock().range;
  }
  /**
   * On a tab that existed before this run, while its size is not known yet, the data block is
   * the open range from the first data row down (`A2:AN`, to the sheet's last row, as a Sheets
   * A1 range without an end row means: the Sheets API's GridRange, "Sheet1!A5:B … start_row_index:
   * 4" with no end, https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/other#GridRange),
   * and the first grid read from it tells how many rows the sheet has: no getMaxRows call.
   * Apps Script's Sheet.getRange(a1Notation) page shows no open range: not confirmed there (a
   * probe for Check this spreadsheet; the local runtime reads `A2:AN` to its last row).
   */
  private dataBlock(): DataBlock {
    if (!this.data) {
      const open = !this.created && this._maxRows === undefined;
      const a1 = open ? `${columnLetter(1)}${FIRST_DATA_ROW}:${columnLetter(Math.max(1, this.width))}` : this.dataBlockA1();
      this.data = { range: this.range(a1) };
    }
    return this.data;
  }
  /** A grid read from the data block: its height is the sheet's data rows. */
  private sized<T>(grid: T[][]): T[][] {
    if (this._maxRows === undefined) this._maxRows = FIRST_DATA_ROW - 1 + grid.length;
    return grid;
  }
  /** Number of data rows of the sheet (at least one). */
  dataRows(): number {
    return Math.max(1, this.maxRows() - FIRST_DATA_ROW + 1);
  }
  validations(): (Rule | null)[][] | null {
    if (this.created) return null;
    const d = this.dataBlock();
    if (!d.validations) d.validations = this.sized(d.range.getDataValidations());
    return d.validations;
  }
  numberFormats(): string[][] | null {
    if (this.created) return null;
    const d = this.dataBlock();
    if (!d.numberFormats) d.numberFormats = this.sized(d.range.getNumberFormats());
    return d.numberFormats;
  }
  /** Values of every data row (only for the tabs set-up fills itself: Settings, Lists, Playbook). */
  dataValues(): unknown[][] {
    if (this.created) return [];
    const d = this.dataBlock();
    if (!d.values) d.values = this.sized(d.range.getValues());
    return d.values;
  }
  /** After set-up wrote data cells, read them again if a later part asks. */
  forgetData(): void {
    this.data = undefined;
  }
  /**
   * Writes records by column key to consecutive rows from `start`: one setValues per run of
   * adjacent columns (users may move columns apart); keys the tab lacks are left out.
   */
  writeRows(start: number, records: readonly Record<string, unknown>[]): void {
    if (!records.length) return;
    const keys = Object.keys(records[0]).filter((k) => this.columns.has(k));
    for (const run of adjacentRuns(keys.map((k) => ({ k, col: this.columns.get(k)! })))) {
      const range = this.range(blockA1(start, start + records.length - 1, run[0].col, run.length));
      range.setValues(records.map((r) => run.map((p) => r[p.k])));
    }
    this.wroteRows(start + records.length - 1);
  }

  /** Set-up wrote rows up to `last` (Settings, Lists, Playbook lines). */
  wroteRows(last: number): void {
    this.lastWrittenRow = Math.max(this.lastWrittenRow, last);
    this.forgetData();
  }

  /** One column's data cells, from the first data row to the last row of the sheet. */
  dataColumn(col: number): Range {
    return this.range(blockA1(FIRST_DATA_ROW, this.lastRow(), col, 1));
  }
}

/** Runs of adjacent 1-based positions as [first, count] (records' adjacentRuns, the one grouping of both). */
export function runsOf(positions: number[]): [number, number][] {
  return adjacentRuns([...new Set(positions)].map((col) => ({ col }))).map((run) => [run[0].col, run.length]);
}

/** A1 notation of rows r1…r2 of the 1-based columns from…from+n-1. */
export function blockA1(r1: number, r2: number, from: number, n: number): string {
  return `${columnLetter(from)}${r1}:${columnLetter(from + n - 1)}${r2}`;
}

/** An empty cell as getValues() reports it. */
export const isEmptyCell = (v: unknown): boolean => v === '' || v === null || v === undefined;
/** A header or list cell with no text worth keeping (blank or spaces only). */
export const isBlankText = (v: unknown): boolean => isEmptyCell(v) || (typeof v === 'string' && v.trim() === '');
