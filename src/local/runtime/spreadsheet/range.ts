/**
 * Range (https://developers.google.com/apps-script/reference/spreadsheet/range): a rectangle of a
 * sheet; all state lives in the Workbook. Signatures follow @types/google-apps-script for the
 * methods picked in `RangeReads` below (the others return local facade types).
 */
import { COUNTED } from '../context';
import { parseA1, rangeA1 } from './a1';
import { LocalConditionalFormatRule } from './conditional';
import { notModelled, type Doc } from './doc';
import { addMetadataFromArgs, facades, LocalDeveloperMetadata, LocalDeveloperMetadataFinder } from './metadata';
import { cellKey, type MetadataSpec, type Rect, type SheetModel, type StyleProp } from './model';
import { LocalProtection } from './protection';
import { LocalDataValidation } from './validation';

type GRange = GoogleAppsScript.Spreadsheet.Range;
type RangeReads = Pick<
  GRange,
  | 'getRow'
  | 'getColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getA1Notation'
  | 'getValue'
  | 'getValues'
  | 'getDisplayValue'
  | 'getDisplayValues'
  | 'getFormula'
  | 'getFormulas'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'getNote'
  | 'getNotes'
  | 'getBackground'
  | 'getBackgrounds'
  | 'getFontWeight'
  | 'getFontWeights'
  | 'getFontColor'
  | 'isBlank'
  | 'getGridId'
>;

export const MSG = {
  outside: 'The coordinates of the range are outside the dimensions of the sheet.',
  notFound: 'Range not found',
  rowTooSmall: 'The starting row of the range is too small.',
  colTooSmall: 'The starting column of the range is too small.',
  numRows: 'The number of rows in the range must be at least 1.',
  numCols: 'The number of columns in the range must be at least 1.',
  metadataArbitrary:
    'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
};

/** Default number format Apps Script reports for a cell with automatic formatting. */
export const AUTOMATIC_FORMAT = '0.###############';

const STYLE_DEFAULTS: Partial<Record<StyleProp, string>> = {
  background: '#ffffff',
  fontColor: '#000000',
  fontWeight: 'normal',
  fontStyle: 'normal',
  horizontalAlignment: 'general',
  verticalAlignment: 'bottom',
  fontFamily: 'Arial',
  fontSize: '10',
  wrap: 'false',
  wrapStrategy: 'OVERFLOW',
};

export class LocalRange implements RangeReads {
  readonly [COUNTED] = 'Range';

  constructor(
    private readonly doc: Doc,
    private readonly sheetId: number,
    private readonly row: number,
    private readonly col: number,
    private readonly nRows: number,
    private readonly nCols: number,
  ) {}

  /** Parses A1 notation (with open parts: `A:A`, `A2:C`, `1:3`) against a sheet's grid. */
  static fromA1(doc: Doc, sheetId: number, a1: string): LocalRange {
    const ref = parseA1(a1);
    if (!ref) throw new Error(MSG.notFound);
    const s = doc.wb.sheetById(sheetId);
    const r1 = ref.row1 ?? 1;
    const c1 = ref.col1 ?? 1;
    const r2 = ref.row2 ?? (ref.col2 !== undefined || ref.row1 === undefined ? s.maxRows : r1);
    const c2 = ref.col2 ?? (ref.row2 !== undefined || ref.col1 === undefined ? s.maxCols : c1);
    const [ra, rb] = r1 <= r2 ? [r1, r2] : [r2, r1];
    const [ca, cb] = c1 <= c2 ? [c1, c2] : [c2, c1];
    if (rb > s.maxRows || cb > s.maxCols) throw new Error(MSG.outside);
    return new LocalRange(doc, sheetId, ra, ca, rb - ra + 1, cb - ca + 1);
  }

  static fromCoords(doc: Doc, sheetId: number, row: number, col: number, numRows = 1, numCols = 1): LocalRange {
    const s = doc.wb.sheetById(sheetId);
    if (typeof row !== 'number' || typeof col !== 'number' || Number.isNaN(row) || Number.isNaN(col)) throw new Error(MSG.notFound);
    if (row < 1) throw new Error(MSG.rowTooSmall);
    if (col < 1) throw new Error(MSG.colTooSmall);
    if (numRows < 1) throw new Error(MSG.numRows);
    if (numCols < 1) throw new Error(MSG.numCols);
    if (row + numRows - 1 > s.maxRows || col + numCols - 1 > s.maxCols) throw new Error(MSG.outside);
    return new LocalRange(doc, sheetId, Math.floor(row), Math.floor(col), Math.floor(numRows), Math.floor(numCols));
  }

  private model(): SheetModel {
    return this.doc.wb.sheetById(this.sheetId);
  }

  rect(): Rect {
    return { sheetId: this.sheetId, row: this.row, col: this.col, numRows: this.nRows, numCols: this.nCols };
  }

  // ------------------------------------------------------------ geometry

  getRow(): number {
    return this.row;
  }
  getRowIndex(): number {
    return this.row;
  }
  getColumn(): number {
    return this.col;
  }
  getColumnIndex(): number {
    return this.col;
  }
  getNumRows(): number {
    return this.nRows;
  }
  getNumColumns(): number {
    return this.nCols;
  }
  getLastRow(): number {
    return this.row + this.nRows - 1;
  }
  getLastColumn(): number {
    return this.col + this.nCols - 1;
  }
  getHeight(): number {
    return this.nRows;
  }
  getWidth(): number {
    return this.nCols;
  }
  getGridId(): number {
    return this.sheetId;
  }
  getA1Notation(): string {
    const s = this.model();
    const fullCols = this.row === 1 && this.nRows === s.maxRows;
    const fullRows = this.col === 1 && this.nCols === s.maxCols;
    const letters = (c: number) => rangeA1(1, c, 1, 1).replace(/\d+/, '');
    if (fullCols && !fullRows) return `${letters(this.col)}:${letters(this.col + this.nCols - 1)}`;
    if (fullRows && !fullCols) return `${this.row}:${this.row + this.nRows - 1}`;
    return rangeA1(this.row, this.col, this.nRows, this.nCols);
  }
  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return facades.sheet!(this.doc, this.sheetId) as GoogleAppsScript.Spreadsheet.Sheet;
  }
  getCell(row: number, column: number): LocalRange {
    if (row < 1 || column < 1 || row > this.nRows || column > this.nCols) throw new Error(MSG.outside);
    return new LocalRange(this.doc, this.sheetId, this.row + row - 1, this.col + column - 1, 1, 1);
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): LocalRange {
    return LocalRange.fromCoords(this.doc, this.sheetId, this.row + rowOffset, this.col + columnOffset, numRows ?? this.nRows, numColumns ?? this.nCols);
  }
  /**
   * "Starting at the cell in the first column and row of the range, returns the next cell in the
   * given direction that is the edge of a contiguous range of cells with data in them or the cell
   * at the edge of the spreadsheet in that direction. This is equivalent to typing
   * Ctrl+[arrow key] in the editor."
   * (https://developers.google.com/apps-script/reference/spreadsheet/range#getnextdatacelldirection)
   * So: from a cell with data whose neighbour has data too, to the last cell of that block; else
   * past the empty cells to the next cell with data; else the sheet's edge. A cell has data when
   * it holds a value or a formula. Not confirmed on Google: whether cells an ARRAYFORMULA fills
   * with "" count as data for Ctrl+arrow (they are treated as empty here); the add-in only walks
   * input columns (the ID column), where nothing is computed.
   */
  getNextDataCell(direction: GoogleAppsScript.Spreadsheet.Direction): LocalRange {
    const step = ({ UP: [-1, 0], DOWN: [1, 0], PREVIOUS: [0, -1], NEXT: [0, 1] } as Record<string, [number, number]>)[String(direction)];
    if (!step) throw new Error('Invalid argument: direction');
    const [dr, dc] = step;
    const s = this.model();
    // The cells along the line from the start, read in chunks (a long column is not read cell by cell).
    const limit = dr < 0 ? this.row - 1 : dr > 0 ? s.maxRows - this.row : dc < 0 ? this.col - 1 : s.maxCols - this.col;
    const chunk = new Map<number, boolean>();
    const filled = (k: number): boolean => {
      if (!chunk.has(k)) {
        const n = Math.min(512, limit - k + 1);
        const r0 = this.row + dr * k;
        const c0 = this.col + dc * k;
        const top = dr < 0 ? r0 - n + 1 : r0;
        const left = dc < 0 ? c0 - n + 1 : c0;
        const grid = this.doc.wb.getValues(s, top, left, dr ? n : 1, dc ? n : 1);
        for (let i = 0; i < n; i++) {
          const r = r0 + dr * i;
          const c = c0 + dc * i;
          const v = grid[r - top][c - left];
          chunk.set(k + i, v !== '' || s.formulas.has(cellKey(r - 1, c - 1)));
        }
      }
      return chunk.get(k)!;
    };
    let k = 0;
    if (filled(0) && limit >= 1 && filled(1)) {
      while (k + 1 <= limit && filled(k + 1)) k++;
    } else {
      while (k + 1 <= limit) {
        k++;
        if (filled(k)) break;
      }
    }
    const r = this.row + dr * k;
    const c = this.col + dc * k;
    return new LocalRange(this.doc, this.sheetId, r, c, 1, 1);
  }
  activate(): this {
    this.doc.wb.activeSheetId = this.sheetId;
    this.doc.wb.selection = { sheetId: this.sheetId, a1: this.getA1Notation() };
    return this;
  }
  activateAsCurrentCell(): this {
    return this.activate();
  }

  // ------------------------------------------------------------ values

  // biome-ignore lint/suspicious/noExplicitAny: the type Range.getValue() has in @types/google-apps-script, so script code type-checks the same
  getValue(): any {
    return this.doc.wb.getValues(this.model(), this.row, this.col, 1, 1)[0][0];
  }
  // biome-ignore lint/suspicious/noExplicitAny: as getValue()
  getValues(): any[][] {
    return this.doc.wb.getValues(this.model(), this.row, this.col, this.nRows, this.nCols);
  }
  getDisplayValue(): string {
    return this.doc.wb.getDisplayValues(this.model(), this.row, this.col, 1, 1)[0][0];
  }
  getDisplayValues(): string[][] {
    return this.doc.wb.getDisplayValues(this.model(), this.row, this.col, this.nRows, this.nCols);
  }
  /** Sets every cell of the range to `value` (as Apps Script does for a multi-cell range). */
  setValue(value: unknown): this {
    this.doc.wb.writeValues(this.model(), this.row, this.col, this.fill(value));
    return this;
  }
  /**
   * "The size of the two-dimensional array must match the size of the range"
   * (https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluesvalues);
   * messages as Apps Script throws them.
   */
  setValues(values: unknown[][]): this {
    this.checkSize(values);
    this.doc.wb.writeValues(this.model(), this.row, this.col, values);
    return this;
  }
  private checkSize(values: unknown[][]): void {
    if (!Array.isArray(values)) throw new Error("The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.");
    if (values.length !== this.nRows)
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this.nRows}.`,
      );
    for (const r of values)
      if (!Array.isArray(r) || r.length !== this.nCols)
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(r) ? r.length : 0} but the range has ${this.nCols}.`,
        );
  }
  private fill<T>(v: T): T[][] {
    return Array.from({ length: this.nRows }, () => new Array(this.nCols).fill(v));
  }
  getFormula(): string {
    return this.doc.wb.getFormulas(this.model(), this.row, this.col, 1, 1)[0][0];
  }
  getFormulas(): string[][] {
    return this.doc.wb.getFormulas(this.model(), this.row, this.col, this.nRows, this.nCols);
  }
  setFormula(formula: string): this {
    const f = formula && !formula.startsWith('=') ? '=' + formula : formula;
    this.doc.wb.writeValues(this.model(), this.row, this.col, this.fill(f), true);
    return this;
  }
  setFormulas(formulas: string[][]): this {
    this.checkSize(formulas);
    this.doc.wb.writeValues(this.model(), this.row, this.col, formulas, true);
    return this;
  }
  isBlank(): boolean {
    const s = this.model();
    for (let i = 0; i < this.nRows; i++) for (let j = 0; j < this.nCols; j++) if (s.formulas.has(cellKey(this.row - 1 + i, this.col - 1 + j))) return false;
    return this.getValues().every((r) => r.every((v) => v === ''));
  }

  // ------------------------------------------------------------ clearing

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean; commentsOnly?: boolean }): this {
    if (!options || (!options.formatOnly && !options.validationsOnly && !options.commentsOnly) || options.contentsOnly) this.clearContent();
    if (!options || options.formatOnly) this.clearFormat();
    if (options?.validationsOnly) this.clearDataValidations();
    if (options?.commentsOnly) this.clearNote();
    return this;
  }
  clearContent(): this {
    this.doc.wb.clearContents(this.model(), this.row, this.col, this.nRows, this.nCols);
    return this;
  }
  clearFormat(): this {
    const s = this.model();
    const [r1, c1, r2, c2] = [this.row - 1, this.col - 1, this.row + this.nRows - 2, this.col + this.nCols - 2];
    s.formats.clearRect(r1, c1, r2, c2);
    for (const runs of s.styles.values()) runs.clearRect(r1, c1, r2, c2);
    return this;
  }
  clearNote(): this {
    this.model().notes.clearRect(this.row - 1, this.col - 1, this.row + this.nRows - 2, this.col + this.nCols - 2);
    return this;
  }
  clearDataValidations(): this {
    this.model().validation.clearRect(this.row - 1, this.col - 1, this.row + this.nRows - 2, this.col + this.nCols - 2);
    return this;
  }

  // ------------------------------------------------------------ per-cell attributes

  private setRuns<T>(runs: import('./runs').ColumnRuns<T>, v: T | undefined | (T | undefined)[][], grid = false): this {
    if (grid) this.checkSize(v as unknown[][]);
    this.doc.wb.setAttr(runs, this.row, this.col, this.nRows, this.nCols, v);
    return this;
  }
  private getRuns<T>(runs: import('./runs').ColumnRuns<T>): (T | undefined)[][] {
    return this.doc.wb.getAttr(runs, this.row, this.col, this.nRows, this.nCols);
  }
  private styleGet(p: StyleProp): string[][] {
    const runs = this.model().styles.get(p);
    if (!runs) return this.fill(STYLE_DEFAULTS[p] ?? '');
    return this.getRuns(runs).map((r) => r.map((v) => v ?? STYLE_DEFAULTS[p] ?? ''));
  }
  private styleSet(p: StyleProp, v: string | null | undefined): this {
    return this.setRuns(this.model().style(p), v === null || v === undefined ? undefined : String(v));
  }
  private styleSetAll(p: StyleProp, v: (string | null)[][]): this {
    return this.setRuns(
      this.model().style(p),
      v.map((r) => r.map((x) => (x === null || x === undefined ? undefined : String(x)))),
      true,
    );
  }

  getNumberFormat(): string {
    return this.getNumberFormats()[0][0];
  }
  getNumberFormats(): string[][] {
    return this.getRuns(this.model().formats).map((r) => r.map((v) => v ?? AUTOMATIC_FORMAT));
  }
  setNumberFormat(format: string): this {
    return this.setRuns(this.model().formats, format === AUTOMATIC_FORMAT || format === '' ? undefined : format);
  }
  setNumberFormats(formats: string[][]): this {
    return this.setRuns(
      this.model().formats,
      formats.map((r) => r.map((f) => (f === AUTOMATIC_FORMAT || f === '' ? undefined : f))),
      true,
    );
  }
  getNote(): string {
    return this.getNotes()[0][0];
  }
  getNotes(): string[][] {
    return this.getRuns(this.model().notes).map((r) => r.map((v) => v ?? ''));
  }
  setNote(note: string | null): this {
    return this.setRuns(this.model().notes, note ? String(note) : undefined);
  }
  setNotes(notes: (string | null)[][]): this {
    return this.setRuns(
      this.model().notes,
      notes.map((r) => r.map((n) => (n ? String(n) : undefined))),
      true,
    );
  }
  getDataValidation(): LocalDataValidation | null {
    return this.getDataValidations()[0][0];
  }
  getDataValidations(): (LocalDataValidation | null)[][] {
    return this.getRuns(this.model().validation).map((r) => r.map((v) => (v ? new LocalDataValidation(this.doc, v) : null)));
  }
  setDataValidation(rule: LocalDataValidation | null): this {
    return this.setRuns(this.model().validation, rule ? rule.spec : undefined);
  }
  setDataValidations(rules: (LocalDataValidation | null)[][]): this {
    return this.setRuns(
      this.model().validation,
      rules.map((r) => r.map((x) => (x ? x.spec : undefined))),
      true,
    );
  }

  getBackground(): string {
    return this.styleGet('background')[0][0];
  }
  getBackgrounds(): string[][] {
    return this.styleGet('background');
  }
  setBackground(color: string | null): this {
    return this.styleSet('background', color);
  }
  setBackgrounds(colors: (string | null)[][]): this {
    return this.styleSetAll('background', colors);
  }
  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    return this.styleGet('fontWeight')[0][0] as GoogleAppsScript.Spreadsheet.FontWeight;
  }
  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    return this.styleGet('fontWeight') as GoogleAppsScript.Spreadsheet.FontWeight[][];
  }
  setFontWeight(w: string | null): this {
    return this.styleSet('fontWeight', w);
  }
  setFontWeights(w: (string | null)[][]): this {
    return this.styleSetAll('fontWeight', w);
  }
  getFontColor(): string {
    return this.styleGet('fontColor')[0][0];
  }
  getFontColors(): string[][] {
    return this.styleGet('fontColor');
  }
  setFontColor(c: string | null): this {
    return this.styleSet('fontColor', c);
  }
  setFontColors(c: (string | null)[][]): this {
    return this.styleSetAll('fontColor', c);
  }
  getFontStyle(): string {
    return this.styleGet('fontStyle')[0][0];
  }
  setFontStyle(s: string | null): this {
    return this.styleSet('fontStyle', s);
  }
  getFontSize(): number {
    return Number(this.styleGet('fontSize')[0][0]);
  }
  setFontSize(n: number): this {
    return this.styleSet('fontSize', String(n));
  }
  setFontFamily(f: string | null): this {
    return this.styleSet('fontFamily', f);
  }
  getHorizontalAlignment(): string {
    return this.styleGet('horizontalAlignment')[0][0];
  }
  setHorizontalAlignment(a: string | null): this {
    return this.styleSet('horizontalAlignment', a);
  }
  setHorizontalAlignments(a: (string | null)[][]): this {
    return this.styleSetAll('horizontalAlignment', a);
  }
  getVerticalAlignment(): string {
    return this.styleGet('verticalAlignment')[0][0];
  }
  setVerticalAlignment(a: string | null): this {
    return this.styleSet('verticalAlignment', a);
  }
  getWrap(): boolean {
    return this.styleGet('wrap')[0][0] === 'true';
  }
  setWrap(w: boolean): this {
    return this.styleSet('wrap', String(!!w));
  }
  getWrapStrategy(): string {
    return this.styleGet('wrapStrategy')[0][0];
  }
  setWrapStrategy(s: string): this {
    return this.styleSet('wrapStrategy', String(s));
  }
  setBorder(top: boolean | null, left: boolean | null, bottom: boolean | null, right: boolean | null, ...rest: unknown[]): this {
    const spec = JSON.stringify({
      top,
      left,
      bottom,
      right,
      vertical: rest[0] ?? null,
      horizontal: rest[1] ?? null,
      color: rest[2] ?? null,
      style: rest[3] ? String(rest[3]) : null,
    });
    return this.styleSet('border', spec);
  }
  /** Merged cells change what getValues and the grid show; not modelled. */
  merge(): never {
    throw notModelled('Range.merge');
  }

  // ------------------------------------------------------------ metadata, protection, rules

  private dimensionLocation(): { type: 'ROW' | 'COLUMN'; start: number; end: number } | null {
    const s = this.model();
    if (this.row === 1 && this.nRows === s.maxRows) return { type: 'COLUMN', start: this.col, end: this.col + this.nCols - 1 };
    if (this.col === 1 && this.nCols === s.maxCols) return { type: 'ROW', start: this.row, end: this.row + this.nRows - 1 };
    return null;
  }
  /**
   * Developer metadata can only live on whole rows or columns
   * (https://developers.google.com/apps-script/reference/spreadsheet/range#adddevelopermetadatakey);
   * use sheet.getRange('C:C') or getRange(1, c, sheet.getMaxRows(), 1).
   */
  addDeveloperMetadata(key: string, valueOrVisibility?: string | null, visibility?: string): this {
    const loc = this.dimensionLocation();
    if (!loc) throw new Error(MSG.metadataArbitrary);
    // biome-ignore lint/complexity/noArguments: Apps Script tells an omitted argument from an undefined one (see addMetadataFromArgs)
    addMetadataFromArgs(this.doc, { ...loc, sheetId: this.sheetId }, arguments.length, key, valueOrVisibility, visibility);
    return this;
  }
  private exactMetadata(m: MetadataSpec): boolean {
    const loc = this.dimensionLocation();
    return !!loc && m.location.type === loc.type && m.location.sheetId === this.sheetId && m.location.start === loc.start && m.location.end === loc.end;
  }
  getDeveloperMetadata(): LocalDeveloperMetadata[] {
    return this.doc.wb.metadata.filter((m) => this.exactMetadata(m)).map((m) => new LocalDeveloperMetadata(this.doc, m.id));
  }
  createDeveloperMetadataFinder(): LocalDeveloperMetadataFinder {
    return new LocalDeveloperMetadataFinder(this.doc, (m) => {
      const l = m.location;
      if (l.type === 'COLUMN')
        return l.sheetId === this.sheetId && this.row === 1 && this.nRows === this.model().maxRows && l.start >= this.col && l.end <= this.getLastColumn();
      if (l.type === 'ROW')
        return l.sheetId === this.sheetId && this.col === 1 && this.nCols === this.model().maxCols && l.start >= this.row && l.end <= this.getLastRow();
      return false;
    });
  }
  protect(): LocalProtection {
    const id = this.doc.wb.nextId++;
    this.doc.wb.protections.push({ id, type: 'RANGE', rect: this.rect(), description: '', warningOnly: false });
    return new LocalProtection(this.doc, id);
  }
  /** Conditional format rules of the sheet that apply to this range (helper, like Sheet's). */
  getConditionalFormatRules(): LocalConditionalFormatRule[] {
    return this.model().conditionalRules.map((r) => new LocalConditionalFormatRule(this.doc, r));
  }
  toString(): string {
    return 'Range';
  }
}
