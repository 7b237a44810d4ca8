/**
 * The whole document state, with ONE HyperFormula instance holding every sheet's cell contents
 * (values and formulas). Everything else (formats, notes, validation, styles) is stored compactly
 * next to it in column runs; the Apps Script facade (LocalSpreadsheet/LocalSheet/LocalRange) is a
 * thin layer over the methods here.
 */
import { DetailedCellError, HyperFormula, type RawCellContent } from 'hyperformula';
import { cellA1, columnToLetters, lettersToColumn, parseA1, quoteSheetName, rangeA1 } from './a1';
import { dateToSerial, isValidTimeZone, serialToDate } from './dates';
import { hasOpenRange, hyperFormulaConfig, LITERAL_NAMED_EXPRESSIONS, sheetsErrorText, translate, untranslate, type DialectContext } from './dialect';
import { arrayAt, peekContent, peekValue, peekValues, placedArrays, spanIntersects, type ArraySpan } from './engine';
import { displayValue, isDateFormat } from './format';
import {
  cellKey,
  keyCol,
  keyRow,
  sameJSON,
  SheetModel,
  STYLE_PROPS,
  type ConditionalRuleSpec,
  type MetadataSpec,
  type NamedRangeSpec,
  type ProtectionSpec,
  type Rect,
  type SheetJSON,
  type StyleProp,
  type ValidationSpec,
  type WorkbookJSON,
} from './model';
import { parseUserText } from './parse';
import { ColumnRuns } from './runs';
import { mapIndex, shiftRect, shiftSpan, type DimOp } from './shift';

export interface CellInfo {
  value: unknown;
  display: string;
  formula: string;
  numberFormat: string;
  note: string;
  validation: ValidationSpec | null;
  style: Partial<Record<StyleProp, string>>;
  /** Background/font colour from conditional format rules, if one applies. */
  conditional: ConditionalRuleSpec['format'] | null;
  /** True for a cell filled by an ARRAYFORMULA spill (it has no formula of its own). */
  spilled: boolean;
}

export interface FormulaError {
  sheet: string;
  a1: string;
  formula: string;
  /** The error as Sheets would show it (#NAME?, #REF!, …). */
  error: string;
  /** HyperFormula's error code and message. */
  engineError: string;
  message: string;
}

/** SpreadsheetApp.RecalculationInterval, by name. */
export type RecalculationInterval = 'ON_CHANGE' | 'MINUTE' | 'HOUR';
const RECALC_STEP_MS: Record<RecalculationInterval, number> = { ON_CHANGE: 0, MINUTE: 60_000, HOUR: 3_600_000 };

let wbCounter = 0;

export class Workbook {
  hf: HyperFormula;
  sheets: SheetModel[] = [];
  namedRanges: NamedRangeSpec[] = [];
  metadata: MetadataSpec[] = [];
  protections: ProtectionSpec[] = [];
  activeSheetId = 0;
  selection: { sheetId: number; a1: string } | null = null;
  nextSheetId = 1;
  nextId = 1;

  private constructor(
    public id: string,
    public name: string,
    public timeZone: string,
    public locale: string,
    hf?: HyperFormula,
  ) {
    this.hf = hf ?? HyperFormula.buildEmpty(hyperFormulaConfig());
    if (!hf) for (const [n, e] of LITERAL_NAMED_EXPRESSIONS) this.hf.addNamedExpression(n, e);
  }

  // ---------------------------------------------------------------- recalculation
  //
  // When Sheets recalculates. "ON_CHANGE: Recalculate only when values are changed. MINUTE:
  // Recalculate when values are changed, and every minute. HOUR: Recalculate when values are
  // changed, and every hour." (https://developers.google.com/apps-script/reference/spreadsheet/recalculation-interval;
  // ON_CHANGE is a new spreadsheet's setting, https://support.google.com/docs/answer/58515).
  // Volatile functions (TODAY, NOW; dialect.ts maps them to SD__TODAY / SD__NOW) therefore show
  // the instant of the last change, of the last opening of the document (Sheets recalculates a
  // file when it is opened — commonly observed, not stated on those pages), or of the last
  // interval tick — never the time of a read.
  //
  // And how. Sheets recalculates on Google's servers, after the write returns: a script's
  // writes do not wait for dependent formulas, and a read of a dependent value gets it
  // recalculated (https://developers.google.com/apps-script/guides/support/best-practices:
  // "Alternating read and write commands is slow" — each read of a dependent value must wait
  // for the writes before it to be applied). The runtime does the same lazily: a write suspends
  // HyperFormula's evaluation; a read that touches a formula or an array's result resumes it (one
  // recalculation for however many writes came before); a read of plain values does not.

  /** The instant TODAY()/NOW() show now (null before the clock was first seen). */
  private volatileMs: number | null = null;
  private clockSerials = { today: NaN, now: NaN };
  /** The simulated clock's time, as last seen. */
  private nowMs: number | null = null;
  /** True while writes wait for a recalculation (HyperFormula's evaluation is suspended). */
  private pendingRecalc = false;
  /** SpreadsheetApp.RecalculationInterval of this spreadsheet. */
  recalculationInterval: RecalculationInterval = 'ON_CHANGE';

  /** The simulated clock moved: nothing is recalculated for that alone (see above). */
  observeClock(instantMs: number): void {
    this.nowMs = instantMs;
    if (this.volatileMs === null) this.refreshVolatile(instantMs);
  }

  /** The document was opened: Sheets recalculates it, volatile functions included. */
  opened(): void {
    if (this.nowMs !== null) this.refreshVolatile(this.nowMs);
  }

  /** Re-reads the clock after the spreadsheet's time zone changed (a change of the document). */
  refreshClock(): void {
    if (this.nowMs !== null) this.refreshVolatile(this.nowMs);
  }

  /** Values changed: volatile functions take the current time. */
  private changed(): void {
    if (this.nowMs !== null && this.nowMs !== this.volatileMs) this.refreshVolatile(this.nowMs);
  }

  /** Volatile functions show `instantMs` (in the spreadsheet's time zone) from now on. */
  private refreshVolatile(instantMs: number): void {
    this.volatileMs = instantMs;
    const now = dateToSerial(new Date(instantMs), this.timeZone);
    const today = Math.floor(now);
    if (today === this.clockSerials.today && now === this.clockSerials.now) return;
    this.mutate(() => {
      if (today !== this.clockSerials.today) this.hf.changeNamedExpression('SD__TODAY', `=${today}`);
      if (now !== this.clockSerials.now) this.hf.changeNamedExpression('SD__NOW', `=${now}`);
    });
    this.clockSerials = { today, now };
  }

  /** With MINUTE or HOUR, the ticks that passed since volatile functions last refreshed. */
  private applyInterval(): void {
    const step = RECALC_STEP_MS[this.recalculationInterval];
    if (!step || this.nowMs === null || this.volatileMs === null) return;
    const ticks = Math.floor((this.nowMs - this.volatileMs) / step);
    if (ticks > 0) this.refreshVolatile(this.volatileMs + ticks * step);
  }

  /** Every change to HyperFormula goes through here: evaluation waits for the next read that needs it. */
  private mutate<T>(work: () => T): T {
    if (!this.pendingRecalc) {
      this.hf.suspendEvaluation();
      this.pendingRecalc = true;
    }
    return work();
  }

  /** Recalculates what the writes since the last recalculation changed. */
  recalculate(): void {
    this.applyInterval();
    if (!this.pendingRecalc) return;
    this.pendingRecalc = false;
    this.hf.resumeEvaluation();
  }

  /**
   * Before reading cells: recalculates when the block holds a formula or an array's result and
   * something changed since the last recalculation. Plain values are current without it.
   */
  private needFresh(sheet: SheetModel, r0: number, c0: number, nr: number, nc: number): void {
    this.applyInterval();
    if (!this.pendingRecalc) return;
    if (this.hasComputedCells(sheet, r0, c0, nr, nc)) this.recalculate();
  }

  private hasComputedCells(sheet: SheetModel, r0: number, c0: number, nr: number, nc: number): boolean {
    for (const k of sheet.formulas.keys()) {
      const r = keyRow(k);
      const c = keyCol(k);
      if (r >= r0 && r < r0 + nr && c >= c0 && c < c0 + nc) return true;
    }
    return placedArrays(this.hf, this.hfId(sheet)).some((a) => spanIntersects(a, r0, c0, nr, nc));
  }

  /** A blank spreadsheet with one sheet "Sheet1" of 1000 rows × 26 columns, as Google creates it. */
  static create(opts: { name?: string; timeZone: string; locale?: string; id?: string }): Workbook {
    if (!isValidTimeZone(opts.timeZone)) throw new Error(`Invalid time zone: ${opts.timeZone}`);
    wbCounter++;
    const id = opts.id ?? `local-spreadsheet-${Date.now().toString(36)}-${wbCounter}`;
    const wb = new Workbook(id, opts.name ?? 'Untitled spreadsheet', opts.timeZone, normalizeLocale(opts.locale ?? 'en_US'));
    wb.addSheet('Sheet1', undefined, 0);
    wb.activeSheetId = 0;
    return wb;
  }

  // ---------------------------------------------------------------- sheets

  sheetById(id: number): SheetModel {
    const s = this.sheets.find((x) => x.id === id);
    if (!s) throw new Error('Sheet not found (it may have been deleted).');
    return s;
  }

  findSheet(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetByName(name: string): SheetModel {
    const s = this.findSheet(name);
    if (!s) throw new Error(`Sheet "${name}" not found.`);
    return s;
  }

  hfId(sheet: SheetModel): number {
    return this.hf.getSheetId(sheet.name)!;
  }

  /** Adds a sheet at a 0-based index. Message from Sheets' "A sheet with the name … already exists". */
  addSheet(name: string, index?: number, id?: number, rows = 1000, cols = 26): SheetModel {
    if (this.findSheet(name)) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const sid = id ?? this.nextSheetId++;
    if (id !== undefined) this.nextSheetId = Math.max(this.nextSheetId, id + 1);
    const sheet = new SheetModel(sid, name, rows, cols);
    this.mutate(() => this.hf.addSheet(name));
    const at = index === undefined ? this.sheets.length : Math.max(0, Math.min(index, this.sheets.length));
    this.sheets.splice(at, 0, sheet);
    // Formulas that referenced a missing sheet of this name now resolve.
    this.retranslateAll(true);
    this.retryAllBlocked();
    return sheet;
  }

  removeSheet(id: number): void {
    const sheet = this.sheetById(id);
    if (this.sheets.length === 1) throw new Error("This operation is not allowed. A spreadsheet must contain at least one sheet that's not hidden.");
    const before = this.snapshotFormulas(sheet);
    this.mutate(() => this.hf.removeSheet(this.hfId(sheet)));
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.metadata = this.metadata.filter((m) => m.location.type === 'SPREADSHEET' || m.location.sheetId !== id);
    this.protections = this.protections.filter((p) => p.rect.sheetId !== id);
    for (const nr of this.namedRanges.filter((n) => n.rect.sheetId === id)) this.removeNamedRange(nr.name);
    this.refreshOriginals(before, new Map());
    if (this.activeSheetId === id) this.activeSheetId = this.sheets[0].id;
    if (this.selection?.sheetId === id) this.selection = null;
  }

  /**
   * Sheet.copyTo within the same spreadsheet: "The copied sheet is named 'Copy of [original
   * name]'" (https://developers.google.com/apps-script/reference/spreadsheet/sheet#copytospreadsheet),
   * added last, with the cells as written (formulas as text, so relative references point into the
   * copy), number formats, notes, dropdowns, styles, conditional rules, widths and frozen rows.
   * Names for a second copy ("Copy of X 2") and what happens to developer metadata and protections
   * (not copied here) are not stated on that page.
   */
  copySheet(src: SheetModel): SheetModel {
    let name = `Copy of ${src.name}`;
    for (let n = 2; this.findSheet(name); n++) name = `Copy of ${src.name} ${n}`;
    const copy = this.addSheet(name, undefined, undefined, src.maxRows, src.maxCols);
    const runs = <T>(r: ColumnRuns<T>, eq?: (a: T, b: T) => boolean) => ColumnRuns.fromJSON(JSON.parse(JSON.stringify(r.toJSON())), eq);
    copy.formats = runs(src.formats);
    copy.notes = runs(src.notes);
    copy.validation = runs(src.validation, sameJSON);
    for (const [p, r] of src.styles) copy.styles.set(p, runs(r));
    copy.conditionalRules = (JSON.parse(JSON.stringify(src.conditionalRules)) as ConditionalRuleSpec[]).map((rule) => ({
      ...rule,
      ranges: rule.ranges.map((rr) => (rr.sheetId === src.id ? { ...rr, sheetId: copy.id } : rr)),
    }));
    copy.charts = JSON.parse(JSON.stringify(src.charts));
    copy.colWidths = new Map(src.colWidths);
    copy.frozenRows = src.frozenRows;
    copy.frozenCols = src.frozenCols;
    copy.tabColor = src.tabColor;
    const id = this.hfId(src);
    const dim = this.hf.getSheetDimensions(id);
    if (dim.height && dim.width) {
      const grid: unknown[][] = [];
      for (let r = 0; r < dim.height; r++) {
        const line: unknown[] = new Array(dim.width);
        for (let c = 0; c < dim.width; c++) {
          const formula = src.formulas.get(cellKey(r, c));
          if (formula !== undefined) line[c] = formula;
          else if (this.hf.getCellType({ sheet: id, row: r, col: c }) === 'ARRAY')
            line[c] = null; // the anchor's result
          else line[c] = peekContent(this.hf, { sheet: id, row: r, col: c }) ?? null;
        }
        grid.push(line);
      }
      this.writeValues(copy, 1, 1, grid);
    }
    return copy;
  }

  renameSheet(id: number, name: string): void {
    const sheet = this.sheetById(id);
    if (sheet.name === name) return;
    const other = this.findSheet(name);
    if (other && other !== sheet) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const before = this.snapshotFormulas(null);
    this.mutate(() => this.hf.renameSheet(this.hfId(sheet), name));
    sheet.name = name;
    this.refreshOriginals(before, new Map());
    for (const nr of this.namedRanges) if (nr.rect.sheetId === id) this.syncNamedExpression(nr);
    this.retranslateAll(true);
    this.retryAllBlocked();
  }

  moveSheet(id: number, index0: number): void {
    const sheet = this.sheetById(id);
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.sheets.splice(Math.max(0, Math.min(index0, this.sheets.length)), 0, sheet);
  }

  // ---------------------------------------------------------------- dialect

  dialect(sheet: SheetModel): DialectContext {
    return {
      currentSheet: sheet.name,
      maxRowsOf: (n: string) => this.findSheet(n)?.maxRows,
    };
  }

  // ---------------------------------------------------------------- reading

  /** Cell values of a block (HyperFormula's public values: numbers, strings, booleans, errors, null). */
  private rawRange(sheet: SheetModel, r0: number, c0: number, nr: number, nc: number): unknown[][] {
    this.needFresh(sheet, r0, c0, nr, nc);
    return peekValues(this.hf, this.hfId(sheet), r0, c0, nr, nc);
  }

  /** Number format of a formula anchor that has none of its own (=TODAY() shows as a date in Sheets). */
  private impliedFormat(sheet: SheetModel, r0: number, c0: number): string | undefined {
    if (!sheet.formulas.has(cellKey(r0, c0))) return undefined;
    const t = this.hf.getCellValueDetailedType({ sheet: this.hfId(sheet), row: r0, col: c0 });
    if (t === 'NUMBER_DATE') return 'yyyy-mm-dd';
    if (t === 'NUMBER_DATETIME') return 'yyyy-mm-dd hh:mm:ss';
    if (t === 'NUMBER_TIME') return 'hh:mm:ss';
    if (t === 'NUMBER_PERCENT') return '0.00%';
    return undefined;
  }

  /**
   * Range.getValues semantics
   * (https://developers.google.com/apps-script/reference/spreadsheet/range#getvalues):
   * "Returns … values of type Number, Boolean, Date, or String, depending on the value of the
   * cell. Empty cells are represented by an empty string." Error cells give their error text.
   */
  getValues(sheet: SheetModel, row: number, col: number, nr: number, nc: number): unknown[][] {
    const raw = this.rawRange(sheet, row - 1, col - 1, nr, nc);
    const out: unknown[][] = new Array(nr);
    const fmtCols: (string | undefined)[][] = [];
    for (let j = 0; j < nc; j++) fmtCols.push(sheet.formats.slice(col - 1 + j, row - 1, nr));
    for (let i = 0; i < nr; i++) {
      const src = raw[i];
      const dst = new Array(nc);
      for (let j = 0; j < nc; j++) {
        const v = src[j];
        if (v === null || v === undefined) dst[j] = '';
        else if (typeof v === 'number') {
          const f = fmtCols[j][i] ?? this.impliedFormat(sheet, row - 1 + i, col - 1 + j);
          dst[j] = f && isDateFormat(f) ? serialToDate(v, this.timeZone) : v;
        } else if (v instanceof DetailedCellError) dst[j] = sheetsErrorText(v.value);
        else dst[j] = v;
      }
      out[i] = dst;
    }
    return out;
  }

  getDisplayValues(sheet: SheetModel, row: number, col: number, nr: number, nc: number): string[][] {
    const raw = this.rawRange(sheet, row - 1, col - 1, nr, nc);
    const out: string[][] = new Array(nr);
    const fmtCols: (string | undefined)[][] = [];
    for (let j = 0; j < nc; j++) fmtCols.push(sheet.formats.slice(col - 1 + j, row - 1, nr));
    for (let i = 0; i < nr; i++) {
      const dst: string[] = new Array(nc);
      for (let j = 0; j < nc; j++) {
        const v = raw[i][j];
        if (v instanceof DetailedCellError) dst[j] = sheetsErrorText(v.value);
        else {
          const f = fmtCols[j][i] ?? (typeof v === 'number' ? this.impliedFormat(sheet, row - 1 + i, col - 1 + j) : undefined);
          dst[j] = displayValue(v, f);
        }
      }
      out[i] = dst;
    }
    return out;
  }

  /** Range.getFormulas: the formula as written, '' for values and for cells filled by an array spill. */
  getFormulas(sheet: SheetModel, row: number, col: number, nr: number, nc: number): string[][] {
    const out: string[][] = [];
    for (let i = 0; i < nr; i++) {
      const r: string[] = new Array(nc).fill('');
      if (sheet.formulas.size) for (let j = 0; j < nc; j++) r[j] = sheet.formulas.get(cellKey(row - 1 + i, col - 1 + j)) ?? '';
      out.push(r);
    }
    return out;
  }

  isSpilled(sheet: SheetModel, row: number, col: number): boolean {
    if (sheet.formulas.has(cellKey(row - 1, col - 1))) return false;
    return this.hf.isCellPartOfArray({ sheet: this.hfId(sheet), row: row - 1, col: col - 1 });
  }

  /**
   * A cell has content when it holds a value or a formula, or when an array formula's result
   * covers it — even an empty-string result: Sheet.getLastRow() is "the position of the last row
   * that has content" (https://developers.google.com/apps-script/reference/spreadsheet/sheet#getlastrow),
   * and on Google a column filled by =ARRAYFORMULA(IF(A2:A="","",…)) has content to its last
   * row. That "" counts is what Google's page implies and what Check this spreadsheet probes; that
   * an array cell left truly empty counts too is our reading, not confirmed anywhere. Formatting
   * alone is not content. Needs no recalculation: an array's extent is known from its formula.
   */
  private hasContent(id: number, r0: number, c0: number): boolean {
    return this.hf.getCellType({ sheet: id, row: r0, col: c0 }) !== 'EMPTY';
  }

  /** The bottom row (1-based) of the formulas and array results of a sheet, 0 if none. */
  private computedExtent(sheet: SheetModel): { rows: number; cols: number } {
    let rows = 0;
    let cols = 0;
    for (const k of sheet.formulas.keys()) {
      rows = Math.max(rows, keyRow(k) + 1);
      cols = Math.max(cols, keyCol(k) + 1);
    }
    for (const a of placedArrays(this.hf, this.hfId(sheet))) {
      rows = Math.max(rows, a.row0 + a.rows);
      cols = Math.max(cols, a.col0 + a.cols);
    }
    return { rows, cols };
  }

  /** 1-based last row with content (see hasContent); 0 for an empty sheet. */
  lastRow(sheet: SheetModel): number {
    const id = this.hfId(sheet);
    const dim = this.hf.getSheetDimensions(id);
    const floor = this.computedExtent(sheet).rows;
    for (let r = Math.min(dim.height, sheet.maxRows) - 1; r >= floor; r--) {
      for (let c = 0; c < dim.width; c++) if (this.hasContent(id, r, c)) return r + 1;
    }
    return floor;
  }

  /** 1-based last column with content; 0 for an empty sheet. */
  lastColumn(sheet: SheetModel): number {
    const id = this.hfId(sheet);
    const dim = this.hf.getSheetDimensions(id);
    const floor = this.computedExtent(sheet).cols;
    for (let c = Math.min(dim.width, sheet.maxCols) - 1; c >= floor; c--) {
      for (let r = 0; r < dim.height; r++) if (this.hasContent(id, r, c)) return c + 1;
    }
    return floor;
  }

  // ---------------------------------------------------------------- writing

  private defaultDateTimeFormat(): string {
    return this.locale === 'en_US' ? 'M/d/yyyy H:mm:ss' : 'yyyy-mm-dd h:mm:ss';
  }

  /**
   * Writes a block of values with Apps Script's setValues semantics (USER_ENTERED-like, see
   * parse.ts): `=…` strings become formulas, `'…` stays text without the apostrophe, Dates are
   * stored as serial numbers in the spreadsheet time zone and get a date-time format if the cell
   * had none, numeric-looking strings become numbers unless the cell is formatted as text `@`.
   * Data validation is NOT enforced: Apps Script writes whatever a script sets.
   */
  writeValues(sheet: SheetModel, row: number, col: number, values: unknown[][], asFormulas = false): void {
    const nr = values.length;
    const nc = nr ? values[0].length : 0;
    if (!nr || !nc) return;
    const r0 = row - 1;
    const c0 = col - 1;
    const contents: RawCellContent[][] = new Array(nr);
    const newFormats: (string | undefined)[][] = [];
    const fmtCols: (string | undefined)[][] = [];
    for (let j = 0; j < nc; j++) {
      fmtCols.push(sheet.formats.slice(c0 + j, r0, nr));
      newFormats.push([]);
    }
    let formatChanged = false;
    const ctx = this.dialect(sheet);
    const formulaCells: [number, number][] = [];
    for (let i = 0; i < nr; i++) {
      const src = values[i];
      const dst: RawCellContent[] = new Array(nc);
      for (let j = 0; j < nc; j++) {
        const v = src[j];
        const key = cellKey(r0 + i, c0 + j);
        let formula: string | null = null;
        if (v === null || v === undefined || v === '') dst[j] = null;
        else if (typeof v === 'number') dst[j] = Number.isFinite(v) ? v : '#NUM!';
        else if (typeof v === 'boolean') dst[j] = v;
        else if (v instanceof Date) {
          dst[j] = dateToSerial(v, this.timeZone);
          const f = fmtCols[j][i];
          if (!f || !isDateFormat(f)) {
            newFormats[j][i] = this.defaultDateTimeFormat();
            formatChanged = true;
          }
        } else {
          const s = typeof v === 'string' ? v : String(v);
          const p = asFormulas && s.startsWith('=') ? ({ kind: 'formula', text: s } as const) : parseUserText(s, fmtCols[j][i]);
          switch (p.kind) {
            case 'empty':
              dst[j] = null;
              break;
            case 'formula':
              formula = p.text;
              dst[j] = translate(p.text, ctx);
              break;
            case 'boolean':
              dst[j] = p.value;
              break;
            case 'number':
              dst[j] = p.value;
              if (p.format && !fmtCols[j][i]) {
                newFormats[j][i] = p.format;
                formatChanged = true;
              }
              break;
            case 'text':
              dst[j] = "'" + p.value;
              break;
          }
        }
        if (formula !== null) {
          sheet.formulas.set(key, formula);
          formulaCells.push([r0 + i, c0 + j]);
        } else if (sheet.formulas.size) sheet.formulas.delete(key);
      }
      contents[i] = dst;
    }
    this.mutate(() => this.putContents(sheet, r0, c0, contents, formulaCells));
    this.changed();
    if (formatChanged) {
      for (let j = 0; j < nc; j++) {
        const nf = newFormats[j];
        for (let i = 0; i < nr; i++) if (nf[i] !== undefined) sheet.formats.set(c0 + j, r0 + i, r0 + i, nf[i]);
      }
    }
  }

  // ---------------------------------------------------------------- arrays that cannot expand
  //
  // On Google, an ARRAYFORMULA whose result would overwrite a value typed into its extent shows
  // #REF! ("Array result was not expanded because it would overwrite data in B5") in its anchor,
  // leaves the rest of its extent empty but for what was typed, and fills again as soon as that
  // value is cleared; formulas that read the column see the #REF! and the typed value meanwhile
  // That is how Sheets behaves in use (the message is the one Sheets shows); Google's ARRAYFORMULA
  // page (https://support.google.com/docs/answer/3093275) does not spell it out, so Check this
  // spreadsheet probes it on the real thing.
  // HyperFormula instead keeps a failed spill for good and, when such an array feeds another
  // one, can leave that one's results behind as fixed values. So the runtime decides itself: it
  // never lets HyperFormula see an array without room. A blocked array's anchor holds a #REF!
  // stand-in in HyperFormula until its extent is free again; clearing a cell an array's result
  // covers leaves the array alone (it is not content of its own).

  /** What HyperFormula holds at the anchor of a blocked array. */
  private static readonly BLOCKED = '=#REF!';

  /**
   * Writes a block into HyperFormula: arrays this block would overwrite are blocked first, the
   * empty cells of arrays that stay are skipped, and every array formula written gets room or is
   * blocked. `formulaCells` are the 0-based cells of the block that hold formulas.
   */
  private putContents(sheet: SheetModel, r0: number, c0: number, contents: RawCellContent[][], formulaCells: [number, number][]): void {
    const id = this.hfId(sheet);
    const nr = contents.length;
    const nc = contents[0].length;
    const inBlock = (r: number, c: number) => r >= r0 && r < r0 + nr && c >= c0 && c < c0 + nc;
    const keep: ArraySpan[] = [];
    for (const a of placedArrays(this.hf, id)) {
      if (!spanIntersects(a, r0, c0, nr, nc) || inBlock(a.row0, a.col0)) continue;
      let typed = false;
      for (let r = Math.max(r0, a.row0); !typed && r < Math.min(r0 + nr, a.row0 + a.rows); r++)
        for (let c = Math.max(c0, a.col0); c < Math.min(c0 + nc, a.col0 + a.cols); c++)
          if (contents[r - r0][c - c0] !== null) {
            typed = true;
            break;
          }
      if (typed) this.blockArray(sheet, a);
      else keep.push(a);
    }
    for (const k of [...sheet.blockedArrays.keys()]) if (inBlock(keyRow(k), keyCol(k))) sheet.blockedArrays.delete(k);
    this.writeAround(id, r0, c0, contents, keep);
    for (const [r, c] of formulaCells) {
      if (this.hf.getCellType({ sheet: id, row: r, col: c }) !== 'ARRAYFORMULA') continue;
      // Written again on its own when other cells came with it: later ones may have shrunk it.
      if (nr * nc > 1) this.hf.setCellContents({ sheet: id, row: r, col: c }, [[contents[r - r0][c - c0]]]);
      const at = arrayAt(this.hf, { sheet: id, row: r, col: c });
      if (at && !at.free) this.blockArray(sheet, at.span);
    }
    this.retryBlocked(sheet, { r0, c0, nr, nc });
  }

  /** setCellContents of a block, except its empty cells that `keep`'s results cover. */
  private writeAround(id: number, r0: number, c0: number, contents: RawCellContent[][], keep: ArraySpan[]): void {
    if (!keep.length) {
      this.hf.setCellContents({ sheet: id, row: r0, col: c0 }, contents);
      return;
    }
    const nr = contents.length;
    const nc = contents[0].length;
    for (let j = 0; j < nc; j++) {
      const c = c0 + j;
      const covering = keep.filter((a) => c >= a.col0 && c < a.col0 + a.cols);
      let i = 0;
      while (i < nr) {
        const covered = (ii: number) => covering.some((a) => r0 + ii >= a.row0 && r0 + ii < a.row0 + a.rows);
        if (covered(i)) {
          i++;
          continue;
        }
        let end = i;
        while (end + 1 < nr && !covered(end + 1)) end++;
        this.hf.setCellContents(
          { sheet: id, row: r0 + i, col: c },
          contents.slice(i, end + 1).map((line) => [line[j]]),
        );
        i = end + 1;
      }
    }
  }

  /** The array at `span` cannot expand: its anchor shows #REF! until its extent is free. */
  private blockArray(sheet: SheetModel, span: ArraySpan): void {
    sheet.blockedArrays.set(cellKey(span.row0, span.col0), { rows: span.rows, cols: span.cols });
    this.hf.setCellContents({ sheet: span.sheet, row: span.row0, col: span.col0 }, [[Workbook.BLOCKED]]);
  }

  /**
   * Blocked arrays whose extent meets `touched` (all of them without it) get their formula back
   * when the extent is free; after a structural change (`touched` absent) the extent itself may
   * have changed, so each is tried again.
   */
  private retryBlocked(sheet: SheetModel, touched?: { r0: number; c0: number; nr: number; nc: number }): void {
    if (!sheet.blockedArrays.size) return;
    const id = this.hfId(sheet);
    const ctx = this.dialect(sheet);
    for (const [k, size] of [...sheet.blockedArrays]) {
      const span: ArraySpan = { sheet: id, row0: keyRow(k), col0: keyCol(k), rows: size.rows, cols: size.cols };
      if (touched && !spanIntersects(span, touched.r0, touched.c0, touched.nr, touched.nc)) continue;
      if (touched && this.blockerOf(sheet, span)) continue;
      const formula = sheet.formulas.get(k);
      sheet.blockedArrays.delete(k);
      if (formula === undefined) continue;
      this.hf.setCellContents({ sheet: id, row: span.row0, col: span.col0 }, [[translate(formula, ctx)]]);
      const at = arrayAt(this.hf, { sheet: id, row: span.row0, col: span.col0 });
      if (at && !at.free) this.blockArray(sheet, at.span);
    }
  }

  /** The first cell (A1) holding content inside an array's extent, other than its anchor; null if none. */
  private blockerOf(sheet: SheetModel, span: ArraySpan): string | null {
    const id = this.hfId(sheet);
    for (let r = span.row0; r < span.row0 + span.rows; r++)
      for (let c = span.col0; c < span.col0 + span.cols; c++)
        if ((r !== span.row0 || c !== span.col0) && this.hasContent(id, r, c)) return cellA1(r + 1, c + 1);
    return null;
  }

  clearContents(sheet: SheetModel, row: number, col: number, nr: number, nc: number): void {
    const empty: null[][] = Array.from({ length: nr }, () => new Array(nc).fill(null));
    this.writeValues(sheet, row, col, empty);
  }

  /** Sets a per-cell attribute from a 2D array (or one value for the whole rect). */
  setAttr<T>(runs: ColumnRuns<T>, row: number, col: number, nr: number, nc: number, value: T | undefined | (T | undefined)[][]): void {
    if (Array.isArray(value)) {
      for (let j = 0; j < nc; j++)
        runs.setColumnValues(
          col - 1 + j,
          row - 1,
          value.map((r) => r[j]),
        );
    } else for (let j = 0; j < nc; j++) runs.set(col - 1 + j, row - 1, row + nr - 2, value);
  }

  getAttr<T>(runs: ColumnRuns<T>, row: number, col: number, nr: number, nc: number): (T | undefined)[][] {
    const cols = Array.from({ length: nc }, (_, j) => runs.slice(col - 1 + j, row - 1, nr));
    return Array.from({ length: nr }, (_, i) => cols.map((c) => c[i]));
  }

  // ---------------------------------------------------------------- structural changes

  private snapshotFormulas(only: SheetModel | null): Map<SheetModel, Map<number, string>> {
    const snap = new Map<SheetModel, Map<number, string>>();
    for (const s of this.sheets) {
      if (only && s !== only && !this.sheets.includes(only)) continue;
      const m = new Map<number, string>();
      const id = this.hfId(s);
      for (const k of s.formulas.keys()) m.set(k, this.hf.getCellFormula({ sheet: id, row: keyRow(k), col: keyCol(k) }) ?? '');
      snap.set(s, m);
    }
    return snap;
  }

  /**
   * After HyperFormula rewrote references (insert/delete/move, rename), bring the original texts
   * up to date: a formula whose engine text did not change keeps the text the script wrote.
   */
  private refreshOriginals(before: Map<SheetModel, Map<number, string>>, keyMaps: Map<SheetModel, (k: number) => number | null>): void {
    for (const [s, snap] of before) {
      if (!this.sheets.includes(s)) continue;
      const id = this.hfId(s);
      const remap = keyMaps.get(s);
      const next = new Map<number, string>();
      for (const [k, original] of s.formulas) {
        const nk = remap ? remap(k) : k;
        if (nk === null) continue;
        const now = this.hf.getCellFormula({ sheet: id, row: keyRow(nk), col: keyCol(nk) });
        if (now === undefined) continue;
        if (now === snap.get(k)) next.set(nk, original);
        else next.set(nk, hasOpenRange(original) ? untranslate(now, this.dialect(s)) : now);
      }
      s.formulas = next;
    }
  }

  /** Re-translates formulas with open-ended ranges (the grid grew or shrank, or a sheet appeared). */
  private retranslateAll(all = false): void {
    for (const s of this.sheets) {
      const id = this.hfId(s);
      const ctx = this.dialect(s);
      const updates: [number, string][] = [];
      for (const [k, original] of s.formulas) {
        if (!all && !hasOpenRange(original)) continue;
        const want = translate(original, ctx);
        const cur = this.hf.getCellFormula({ sheet: id, row: keyRow(k), col: keyCol(k) });
        if (cur === undefined) continue;
        let norm = want;
        try {
          norm = this.hf.normalizeFormula(want);
        } catch {
          /* unparsable: keep as is */
        }
        if (norm !== cur && want !== cur) updates.push([k, want]);
      }
      if (updates.length)
        this.mutate(() => {
          for (const [k, f] of updates) this.hf.setCellContents({ sheet: id, row: keyRow(k), col: keyCol(k) }, [[f]]);
        });
    }
  }

  private structural(sheet: SheetModel, dim: 'rows' | 'cols', op: DimOp, hfOp: () => void, inherit: boolean): void {
    const before = this.snapshotFormulas(null);
    this.mutate(hfOp);
    this.changed();
    // grid size
    if (op.kind === 'insert') {
      if (dim === 'rows') sheet.maxRows += op.n;
      else sheet.maxCols += op.n;
    } else if (op.kind === 'delete') {
      if (dim === 'rows') sheet.maxRows -= op.n;
      else sheet.maxCols -= op.n;
    }
    const remap = (k: number): number | null => {
      const r = keyRow(k) + 1;
      const c = keyCol(k) + 1;
      const m = mapIndex(op, dim === 'rows' ? r : c);
      if (m === null) return null;
      return dim === 'rows' ? cellKey(m - 1, c - 1) : cellKey(r - 1, m - 1);
    };
    this.refreshOriginals(before, new Map([[sheet, remap]]));
    const blocked = new Map<number, { rows: number; cols: number }>();
    for (const [k, size] of sheet.blockedArrays) {
      const nk = remap(k);
      if (nk !== null) blocked.set(nk, size);
    }
    sheet.blockedArrays = blocked;
    if (dim === 'rows') this.retranslateAll();
    // attributes
    for (const runs of sheet.allRuns()) {
      if (dim === 'rows') {
        if (op.kind === 'insert') runs.insertRows(op.at - 1, op.n, inherit && runs !== sheet.notes);
        else if (op.kind === 'delete') runs.deleteRows(op.at - 1, op.n);
      } else {
        if (op.kind === 'insert') runs.insertColumns(op.at - 1, op.n, inherit && runs !== sheet.notes);
        else if (op.kind === 'delete') runs.deleteColumns(op.at - 1, op.n);
        else runs.moveColumns(op.from - 1, op.n, op.to - 1);
      }
    }
    if (dim === 'cols') {
      const widths = new Map<number, number>();
      for (const [c, w] of sheet.colWidths) {
        const m = mapIndex(op, c + 1);
        if (m !== null) widths.set(m - 1, w);
      }
      sheet.colWidths = widths;
      if (sheet.frozenCols && op.kind !== 'move') sheet.frozenCols = Math.max(0, shiftSpan(op, 1, sheet.frozenCols)?.[1] ?? 0);
    } else if (sheet.frozenRows && op.kind !== 'move') sheet.frozenRows = Math.max(0, shiftSpan(op, 1, sheet.frozenRows)?.[1] ?? 0);
    // anchored objects
    for (const nr of [...this.namedRanges]) {
      if (nr.rect.sheetId !== sheet.id) continue;
      const r = shiftRect(nr.rect, sheet.id, dim, op);
      if (!r) this.removeNamedRange(nr.name);
      else {
        nr.rect = r;
        this.syncNamedExpression(nr);
      }
    }
    this.protections = this.protections.flatMap((p) => {
      if (p.type === 'SHEET') return [p];
      const r = shiftRect(p.rect, sheet.id, dim, op);
      return r ? [{ ...p, rect: r }] : [];
    });
    for (const s of this.sheets) for (const rule of s.conditionalRules) rule.ranges = rule.ranges.flatMap((rr) => shiftRect(rr, sheet.id, dim, op) ?? []);
    const locType = dim === 'rows' ? 'ROW' : 'COLUMN';
    this.metadata = this.metadata.flatMap((m) => {
      const loc = m.location;
      if (loc.type !== locType || loc.sheetId !== sheet.id) return [m];
      const s = shiftSpan(op, loc.start, loc.end);
      return s ? [{ ...m, location: { ...loc, start: s[0], end: s[1] } }] : [];
    });
    this.retryAllBlocked();
  }

  /** A file saved before blocked arrays were modelled may hold failed spills: block them properly. */
  private settleFailedSpills(): void {
    for (const sheet of this.sheets) {
      const id = this.hfId(sheet);
      const ctx = this.dialect(sheet);
      for (const [k, formula] of sheet.formulas) {
        const address = { sheet: id, row: keyRow(k), col: keyCol(k) };
        const v = peekValue(this.hf, address);
        if (!(v instanceof DetailedCellError) || v.type !== 'SPILL') continue;
        this.mutate(() => {
          this.hf.setCellContents(address, [[translate(formula, ctx)]]);
          const at = arrayAt(this.hf, address);
          if (at && !at.free) this.blockArray(sheet, at.span);
        });
      }
    }
  }

  /** After a structural change: every blocked array is tried again (its extent may have moved or grown). */
  private retryAllBlocked(): void {
    this.mutate(() => {
      for (const s of this.sheets) this.retryBlocked(s);
    });
  }

  insertRows(sheet: SheetModel, at: number, n: number): void {
    if (n <= 0) return;
    const id = this.hfId(sheet);
    const h = this.hf.getSheetDimensions(id).height;
    this.structural(
      sheet,
      'rows',
      { kind: 'insert', at, n },
      () => {
        if (at - 1 >= h) return;
        // Sheets inserts rows inside an ARRAYFORMULA's results and the array fills them; HyperFormula
        // refuses to insert inside an array ("Cannot move cell. Destination already occupied"). So
        // the arrays that cross the insertion are taken out while the rows go in and put back after,
        // at their anchor above the insertion; their open-ended ranges (A2:A) are re-translated to
        // the new size by retranslateAll, as after any insertion.
        const crossing: [number, number, string][] = [];
        for (const k of sheet.formulas.keys()) {
          const r = keyRow(k);
          const c = keyCol(k);
          if (r >= at - 1 || !this.hf.isCellPartOfArray({ sheet: id, row: at - 1, col: c })) continue;
          const f = this.hf.getCellFormula({ sheet: id, row: r, col: c });
          if (f) crossing.push([r, c, f]);
        }
        this.hf.batch(() => {
          for (const [r, c] of crossing) this.hf.setCellContents({ sheet: id, row: r, col: c }, [[null]]);
        });
        this.hf.addRows(id, [at - 1, n]);
        this.hf.batch(() => {
          for (const [r, c, f] of crossing) this.hf.setCellContents({ sheet: id, row: r, col: c }, [[f]]);
        });
      },
      true,
    );
  }

  deleteRows(sheet: SheetModel, at: number, n: number): void {
    if (n <= 0) return;
    if (at < 1 || at + n - 1 > sheet.maxRows) throw new Error('Those rows are out of bounds.');
    if (n >= sheet.maxRows) throw new Error("You can't delete all the rows on the sheet.");
    const h = this.hf.getSheetDimensions(this.hfId(sheet)).height;
    this.structural(
      sheet,
      'rows',
      { kind: 'delete', at, n },
      () => {
        if (at - 1 < h) this.hf.removeRows(this.hfId(sheet), [at - 1, Math.min(n, h - at + 1)]);
      },
      false,
    );
  }

  insertColumns(sheet: SheetModel, at: number, n: number): void {
    if (n <= 0) return;
    const w = this.hf.getSheetDimensions(this.hfId(sheet)).width;
    this.structural(
      sheet,
      'cols',
      { kind: 'insert', at, n },
      () => {
        if (at - 1 < w) this.hf.addColumns(this.hfId(sheet), [at - 1, n]);
      },
      true,
    );
  }

  deleteColumns(sheet: SheetModel, at: number, n: number): void {
    if (n <= 0) return;
    if (at < 1 || at + n - 1 > sheet.maxCols) throw new Error('Those columns are out of bounds.');
    if (n >= sheet.maxCols) throw new Error("You can't delete all the columns on the sheet.");
    const w = this.hf.getSheetDimensions(this.hfId(sheet)).width;
    this.structural(
      sheet,
      'cols',
      { kind: 'delete', at, n },
      () => {
        if (at - 1 < w) this.hf.removeColumns(this.hfId(sheet), [at - 1, Math.min(n, w - at + 1)]);
      },
      false,
    );
  }

  /** Sheet.moveColumns: `to` is the 1-based destination index in pre-move coordinates. */
  moveColumns(sheet: SheetModel, from: number, n: number, to: number): void {
    if (to >= from && to <= from + n) return; // no-op move
    const id = this.hfId(sheet);
    this.structural(
      sheet,
      'cols',
      { kind: 'move', from, n, to },
      () => {
        // HyperFormula only moves within its used width: make sure the columns exist there.
        const w = this.hf.getSheetDimensions(id).width;
        const need = Math.max(from - 1 + n, to - 1);
        if (w < need) this.hf.setCellContents({ sheet: id, row: 0, col: need - 1 }, [[peekContent(this.hf, { sheet: id, row: 0, col: need - 1 }) ?? null]]);
        this.hf.moveColumns(id, from - 1, n, to - 1);
      },
      false,
    );
  }

  // ---------------------------------------------------------------- named ranges

  rectA1(rect: Rect, withSheet = true, absolute = false): string {
    const s = this.sheetById(rect.sheetId);
    let a = rangeA1(rect.row, rect.col, rect.numRows, rect.numCols);
    if (absolute) a = a.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
    return withSheet ? `${quoteSheetName(s.name)}!${a}` : a;
  }

  private syncNamedExpression(nr: NamedRangeSpec): void {
    const expr = '=' + this.rectA1(nr.rect, true, true);
    this.mutate(() => {
      if (this.hf.getNamedExpression(nr.name)) this.hf.changeNamedExpression(nr.name, expr);
      else this.hf.addNamedExpression(nr.name, expr);
    });
  }

  setNamedRange(name: string, rect: Rect): void {
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^(true|false)$/i.test(name) || /^R\d*C\d*$/i.test(name))
      throw new Error(`Named range "${name}" is not a valid name.`);
    const existing = this.namedRanges.find((n) => n.name.toLowerCase() === name.toLowerCase());
    if (existing) existing.rect = { ...rect };
    else this.namedRanges.push({ name, rect: { ...rect } });
    const before = this.snapshotFormulas(null);
    this.syncNamedExpression(existing ?? this.namedRanges[this.namedRanges.length - 1]);
    this.refreshOriginals(before, new Map());
  }

  removeNamedRange(name: string): boolean {
    const i = this.namedRanges.findIndex((n) => n.name.toLowerCase() === name.toLowerCase());
    if (i < 0) return false;
    const nr = this.namedRanges[i];
    this.namedRanges.splice(i, 1);
    // Formulas that use the name keep their text and show #NAME? (HyperFormula refuses to drop a
    // used name, so point it at an error instead).
    this.mutate(() => {
      try {
        this.hf.removeNamedExpression(nr.name);
      } catch {
        this.hf.changeNamedExpression(nr.name, '=#REF!');
      }
    });
    return true;
  }

  // ---------------------------------------------------------------- errors & helpers for tests/playground

  /** Every formula cell whose value is an error, with HyperFormula's message. */
  formulaErrors(): FormulaError[] {
    this.recalculate();
    const out: FormulaError[] = [];
    for (const s of this.sheets) {
      const id = this.hfId(s);
      for (const [k, formula] of s.formulas) {
        const v = this.hf.getCellValue({ sheet: id, row: keyRow(k), col: keyCol(k) });
        if (v instanceof DetailedCellError)
          out.push({
            sheet: s.name,
            a1: cellA1(keyRow(k) + 1, keyCol(k) + 1),
            formula,
            error: sheetsErrorText(v.value),
            engineError: v.value,
            message: s.blockedArrays.has(k)
              ? `Array result was not expanded because it would overwrite data in ${this.blockerOf(s, { sheet: id, row0: keyRow(k), col0: keyCol(k), ...s.blockedArrays.get(k)! }) ?? '?'}.`
              : v.message || (v.type === 'SPILL' ? 'Array result was not expanded because it would overwrite data.' : v.type),
          });
      }
    }
    return out;
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  private dataRect(name: string): [SheetModel, number, number] {
    const s = this.sheetByName(name);
    return [s, Math.max(1, this.lastRow(s)), Math.max(1, this.lastColumn(s))];
  }

  /** Like getDataRange().getValues(). */
  values(sheetName: string): unknown[][] {
    const [s, r, c] = this.dataRect(sheetName);
    return this.getValues(s, 1, 1, r, c);
  }

  displayValues(sheetName: string): string[][] {
    const [s, r, c] = this.dataRect(sheetName);
    return this.getDisplayValues(s, 1, 1, r, c);
  }

  formulas(sheetName: string): string[][] {
    const [s, r, c] = this.dataRect(sheetName);
    return this.getFormulas(s, 1, 1, r, c);
  }

  cellInfo(sheetName: string, row: number, col: number): CellInfo {
    const s = this.sheetByName(sheetName);
    const style: Partial<Record<StyleProp, string>> = {};
    for (const p of STYLE_PROPS) {
      const v = s.styles.get(p)?.get(col - 1, row - 1);
      if (v !== undefined) style[p] = v;
    }
    return {
      value: this.getValues(s, row, col, 1, 1)[0][0],
      display: this.getDisplayValues(s, row, col, 1, 1)[0][0],
      formula: s.formulas.get(cellKey(row - 1, col - 1)) ?? '',
      numberFormat: s.formats.get(col - 1, row - 1) ?? '',
      note: s.notes.get(col - 1, row - 1) ?? '',
      validation: s.validation.get(col - 1, row - 1) ?? null,
      style,
      conditional: this.conditionalFormatAt(sheetName, row, col),
      spilled: this.isSpilled(s, row, col),
    };
  }

  /**
   * What typing `text` into a cell does in the Sheets UI. Unlike script writes, a user edit is
   * rejected when the cell's validation has allowInvalid = false ("reject input").
   */
  setCellFromUser(sheetName: string, row: number, col: number, text: string): { ok: true } | { ok: false; message: string } {
    const s = this.sheetByName(sheetName);
    const rule = s.validation.get(col - 1, row - 1);
    if (rule && !rule.allowInvalid && text !== '' && !text.startsWith('=')) {
      const p = parseUserText(text, s.formats.get(col - 1, row - 1));
      if (!this.validates(rule, p.kind === 'empty' ? '' : (p as { value?: unknown }).value, p)) {
        return {
          ok: false,
          message:
            rule.helpText || `There was a problem: the data you entered in cell ${cellA1(row, col)} violates the data validation rules set on this cell.`,
        };
      }
    }
    this.writeValues(s, row, col, [[text]]);
    return { ok: true };
  }

  private validates(rule: ValidationSpec, value: unknown, p: ReturnType<typeof parseUserText>): boolean {
    const asText = p.kind === 'text' ? String(value) : p.kind === 'number' ? String(value) : String(value).toUpperCase();
    switch (rule.criteria) {
      case 'VALUE_IN_LIST':
        return (rule.values[0] as string[]).some((x) => String(x) === asText || String(x) === (p.kind === 'text' ? p.value : asText));
      case 'VALUE_IN_RANGE': {
        const ref = rule.values[0] as { sheetName: string; a1: string };
        const a = parseA1(ref.a1);
        const sh = this.findSheet(ref.sheetName);
        if (!a || !sh) return true;
        const r1 = a.row1 ?? 1;
        const vals = this.getDisplayValues(sh, r1, a.col1 ?? 1, (a.row2 ?? sh.maxRows) - r1 + 1, (a.col2 ?? a.col1 ?? 1) - (a.col1 ?? 1) + 1);
        return vals.some((r) => r.includes(String(value)));
      }
      case 'DATE_IS_VALID_DATE':
        return p.kind === 'number' && !!p.format && isDateFormat(p.format);
      case 'NUMBER_BETWEEN':
        return p.kind === 'number' && p.value >= Number(rule.values[0]) && p.value <= Number(rule.values[1]);
      case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
        return p.kind === 'number' && p.value >= Number(rule.values[0]);
      case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
        return p.kind === 'number' && p.value <= Number(rule.values[0]);
      case 'CHECKBOX':
        return p.kind === 'boolean';
      case 'TEXT_IS_VALID_EMAIL':
        return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(value));
      case 'TEXT_IS_VALID_URL':
        return /^https?:\/\/\S+$/.test(String(value));
      default:
        return true;
    }
  }

  /** Rebuilds HyperFormula's graph and recalculates everything (tests that want a cold engine). */
  evaluateAll(): void {
    this.recalculate();
    this.hf.rebuildAndRecalculate();
  }

  /** Sets the active sheet and selection (what getActiveRange/getActiveCell/getSelection return). */
  setSelection(sheetName: string, a1: string): void {
    const s = this.sheetByName(sheetName);
    if (!parseA1(a1)) throw new Error('Range not found');
    this.activeSheetId = s.id;
    this.selection = { sheetId: s.id, a1 };
  }

  /** The format a conditional format rule gives a cell (the first matching rule wins, as in Sheets). */
  conditionalFormatAt(sheetName: string, row: number, col: number): ConditionalRuleSpec['format'] | null {
    const s = this.sheetByName(sheetName);
    for (const rule of s.conditionalRules) {
      const hit = rule.ranges.find((r) => r.sheetId === s.id && row >= r.row && row < r.row + r.numRows && col >= r.col && col < r.col + r.numCols);
      if (!hit) continue;
      if (this.ruleMatches(s, rule, hit, row, col)) return rule.format;
    }
    return null;
  }

  private ruleMatches(s: SheetModel, rule: ConditionalRuleSpec, anchor: Rect, row: number, col: number): boolean {
    const v = this.getValues(s, row, col, 1, 1)[0][0];
    const c = rule.condition;
    switch (c.type) {
      case 'CELL_EMPTY':
        return v === '';
      case 'CELL_NOT_EMPTY':
        return v !== '';
      case 'TEXT_EQ':
        return String(v).toLowerCase() === String(c.values[0]).toLowerCase();
      case 'TEXT_CONTAINS':
        return String(v).toLowerCase().includes(String(c.values[0]).toLowerCase());
      case 'NUMBER_GREATER_THAN':
        return typeof v === 'number' && v > Number(c.values[0]);
      case 'NUMBER_LESS_THAN':
        return typeof v === 'number' && v < Number(c.values[0]);
      case 'NUMBER_EQ':
        return typeof v === 'number' && v === Number(c.values[0]);
      case 'CUSTOM_FORMULA': {
        // Relative references in the formula are relative to the range's top-left cell.
        const formula = shiftFormula(String(c.values[0]), row - anchor.row, col - anchor.col);
        const hid = this.hfId(s);
        this.recalculate();
        try {
          const res = this.hf.calculateFormula(translate(formula, this.dialect(s)), hid);
          const val = Array.isArray(res) ? res[0]?.[0] : res;
          return val === true || (typeof val === 'number' && val !== 0);
        } catch {
          return false;
        }
      }
    }
  }

  // ---------------------------------------------------------------- persistence

  toJSON(): WorkbookJSON {
    return {
      format: 'salesdesk-workbook',
      version: 1,
      id: this.id,
      name: this.name,
      timeZone: this.timeZone,
      locale: this.locale,
      activeSheetId: this.activeSheetId,
      selection: this.selection ? { ...this.selection } : null,
      nextSheetId: this.nextSheetId,
      nextId: this.nextId,
      sheets: this.sheets.map((s) => this.sheetJSON(s)),
      namedRanges: this.namedRanges.map((n) => ({ name: n.name, rect: { ...n.rect } })),
      metadata: this.metadata.map((m) => JSON.parse(JSON.stringify(m))),
      protections: this.protections.map((p) => JSON.parse(JSON.stringify(p))),
      recalculationInterval: this.recalculationInterval,
      volatileMs: this.volatileMs,
    };
  }

  private sheetJSON(s: SheetModel): SheetJSON {
    this.recalculate();
    const raw = this.hf.getSheetSerialized(this.hfId(s));
    const cells: (string | number | boolean | null)[][] = raw.map((r) =>
      r.map((v) => {
        if (v === undefined || v === null) return null;
        if (typeof v === 'string' && v.startsWith('=')) return null; // formulas are kept as written in `formulas`
        if (v instanceof Date) return dateToSerial(v, this.timeZone);
        return v as string | number | boolean;
      }),
    );
    // Cells filled by an array spill serialize as their values: they are not content of their own.
    const hid = this.hfId(s);
    for (const k of s.formulas.keys()) {
      const r0 = keyRow(k);
      const c0 = keyCol(k);
      if (this.hf.getCellType({ sheet: hid, row: r0, col: c0 }) !== 'ARRAYFORMULA') continue;
      const inArray = (r: number, c: number) => !s.formulas.has(cellKey(r, c)) && this.hf.isCellPartOfArray({ sheet: hid, row: r, col: c });
      let h = 1;
      while (inArray(r0 + h, c0)) h++;
      let w = 1;
      while (inArray(r0, c0 + w)) w++;
      for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) if ((i || j) && cells[r0 + i] && cells[r0 + i].length > c0 + j) cells[r0 + i][c0 + j] = null;
    }
    // trim trailing empties
    for (const r of cells) while (r.length && r[r.length - 1] === null) r.pop();
    while (cells.length && cells[cells.length - 1].length === 0) cells.pop();
    const styles: SheetJSON['styles'] = {};
    for (const [p, runs] of s.styles) if (!runs.isEmpty()) styles[p] = runs.toJSON();
    return {
      id: s.id,
      name: s.name,
      maxRows: s.maxRows,
      maxCols: s.maxCols,
      hidden: s.hidden,
      tabColor: s.tabColor,
      frozenRows: s.frozenRows,
      frozenCols: s.frozenCols,
      colWidths: [...s.colWidths.entries()],
      cells,
      formulas: [...s.formulas.entries()].map(([k, f]) => [keyRow(k), keyCol(k), f] as [number, number, string]),
      ...(s.blockedArrays.size
        ? { blockedArrays: [...s.blockedArrays].map(([k, z]) => [keyRow(k), keyCol(k), z.rows, z.cols] as [number, number, number, number]) }
        : {}),
      formats: s.formats.toJSON(),
      notes: s.notes.toJSON(),
      validation: s.validation.toJSON(),
      styles,
      conditionalRules: JSON.parse(JSON.stringify(s.conditionalRules)),
      charts: JSON.parse(JSON.stringify(s.charts)),
    };
  }

  static fromJSON(json: WorkbookJSON): Workbook {
    if (json.format !== 'salesdesk-workbook' || json.version !== 1) throw new Error('Not a Sales Desk workbook file (format/version).');
    const maxRows = new Map(json.sheets.map((s) => [s.name.toLowerCase(), s.maxRows]));
    const sheetsContent: Record<string, RawCellContent[][]> = {};
    for (const s of json.sheets) {
      const rows: RawCellContent[][] = s.cells.map((r) => r.slice());
      const ctx: DialectContext = { currentSheet: s.name, maxRowsOf: (n) => maxRows.get(n.toLowerCase()) };
      const blocked = new Set((s.blockedArrays ?? []).map(([r, c]) => cellKey(r, c)));
      for (const [r, c, f] of s.formulas) {
        while (rows.length <= r) rows.push([]);
        const row = rows[r];
        while (row.length < c) row.push(null);
        row[c] = blocked.has(cellKey(r, c)) ? Workbook.BLOCKED : translate(f, ctx);
      }
      sheetsContent[s.name] = rows;
    }
    const named = [
      ...LITERAL_NAMED_EXPRESSIONS.map(([name, expression]) => ({ name, expression })),
      ...json.namedRanges.map((n) => {
        const s = json.sheets.find((x) => x.id === n.rect.sheetId)!;
        const a = rangeA1(n.rect.row, n.rect.col, n.rect.numRows, n.rect.numCols).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
        return { name: n.name, expression: `=${quoteSheetName(s.name)}!${a}` };
      }),
    ];
    const hf = HyperFormula.buildFromSheets(sheetsContent, hyperFormulaConfig(), named);
    const wb = new Workbook(json.id, json.name, json.timeZone, json.locale, hf);
    for (const s of json.sheets) {
      const m = new SheetModel(s.id, s.name, s.maxRows, s.maxCols);
      m.hidden = s.hidden;
      m.tabColor = s.tabColor;
      m.frozenRows = s.frozenRows;
      m.frozenCols = s.frozenCols;
      m.colWidths = new Map(s.colWidths);
      m.formulas = new Map(s.formulas.map(([r, c, f]) => [cellKey(r, c), f]));
      m.blockedArrays = new Map((s.blockedArrays ?? []).map(([r, c, rows, cols]) => [cellKey(r, c), { rows, cols }]));
      m.formats = ColumnRuns.fromJSON(s.formats);
      m.notes = ColumnRuns.fromJSON(s.notes);
      m.validation = ColumnRuns.fromJSON(s.validation, sameJSON);
      for (const [p, runs] of Object.entries(s.styles)) m.styles.set(p as StyleProp, ColumnRuns.fromJSON(runs));
      m.conditionalRules = JSON.parse(JSON.stringify(s.conditionalRules));
      m.charts = JSON.parse(JSON.stringify(s.charts ?? []));
      wb.sheets.push(m);
    }
    wb.activeSheetId = json.activeSheetId;
    wb.selection = json.selection ? { ...json.selection } : null;
    wb.nextSheetId = json.nextSheetId;
    wb.nextId = json.nextId;
    wb.namedRanges = json.namedRanges.map((n) => ({ name: n.name, rect: { ...n.rect } }));
    wb.metadata = JSON.parse(JSON.stringify(json.metadata));
    wb.protections = JSON.parse(JSON.stringify(json.protections));
    wb.settleFailedSpills();
    wb.recalculationInterval = json.recalculationInterval ?? 'ON_CHANGE';
    if (typeof json.volatileMs === 'number') wb.refreshVolatile(json.volatileMs);
    return wb;
  }
}

/** Spreadsheet locales look like 'en_US', 'zh_CN'; user locales may come as 'en' or 'zh-CN'. */
export function normalizeLocale(l: string): string {
  const t = l.replace('-', '_');
  if (t === 'en') return 'en_US';
  if (t === 'zh') return 'zh_CN';
  return t;
}

/** Shifts relative A1 references of a formula by (dr, dc) — for conditional-format custom formulas. */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  if (!dr && !dc) return formula;
  return formula.replace(/(^|[^A-Za-z0-9_$"])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g, (_m, lead, cAbs, cl, rAbs, rn) => {
    const col = cAbs ? cl : columnToLetters(lettersToColumn(cl) + dc);
    const row = rAbs ? rn : String(Number(rn) + dr);
    return `${lead}${cAbs}${col}${rAbs}${row}`;
  });
}
