/** Sheet (https://developers.google.com/apps-script/reference/spreadsheet/sheet). */
import { COUNTED } from '../context';
import { LocalConditionalFormatRule } from './conditional';
import { notModelled, type Doc } from './doc';
import { addMetadataFromArgs, LocalDeveloperMetadata, LocalDeveloperMetadataFinder } from './metadata';
import type { SheetModel } from './model';
import { LocalProtection } from './protection';
import { LocalRange } from './range';
import { LocalRangeList } from './range-list';

type SheetReads = Pick<
  GoogleAppsScript.Spreadsheet.Sheet,
  | 'getName'
  | 'getSheetId'
  | 'getIndex'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'getFrozenRows'
  | 'getFrozenColumns'
  | 'isSheetHidden'
  | 'getColumnWidth'
  | 'getSheetValues'
>;

export class LocalSheet implements SheetReads {
  readonly [COUNTED] = 'Sheet';
  constructor(
    private readonly doc: Doc,
    private readonly id: number,
  ) {}

  static of(doc: Doc, id: number): LocalSheet {
    let s = doc.sheetCache.get(id) as LocalSheet | undefined;
    if (!s) {
      s = new LocalSheet(doc, id);
      doc.sheetCache.set(id, s);
    }
    return s;
  }

  private m(): SheetModel {
    return this.doc.wb.sheetById(this.id);
  }

  getName(): string {
    return this.m().name;
  }
  setName(name: string): this {
    this.doc.wb.renameSheet(this.id, name);
    return this;
  }
  getSheetId(): number {
    return this.id;
  }
  getSheetName(): string {
    return this.getName();
  }
  getIndex(): number {
    return this.doc.wb.sheets.indexOf(this.m()) + 1;
  }
  getParent(): unknown {
    return this.doc.ssFacade?.();
  }
  activate(): this {
    this.doc.wb.activeSheetId = this.id;
    this.doc.wb.selection = { sheetId: this.id, a1: 'A1' };
    return this;
  }

  // ---------------------------------------------------------- size
  /** "The position of the last row that has content" — formatting alone does not count. */
  getLastRow(): number {
    return this.doc.wb.lastRow(this.m());
  }
  getLastColumn(): number {
    return this.doc.wb.lastColumn(this.m());
  }
  getMaxRows(): number {
    return this.m().maxRows;
  }
  getMaxColumns(): number {
    return this.m().maxCols;
  }

  // ---------------------------------------------------------- ranges
  getRange(a: string | number, column?: number, numRows?: number, numColumns?: number): LocalRange {
    if (typeof a === 'string') {
      const bang = a.lastIndexOf('!');
      if (bang >= 0) {
        const other = this.doc.wb.findSheet(
          a
            .slice(0, bang)
            .replace(/^'(.*)'$/, '$1')
            .replace(/''/g, "'"),
        );
        if (!other) throw new Error('Range not found');
        return LocalRange.fromA1(this.doc, other.id, a.slice(bang + 1));
      }
      return LocalRange.fromA1(this.doc, this.id, a);
    }
    if (column === undefined) throw new Error("The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.");
    return LocalRange.fromCoords(this.doc, this.id, a, column, numRows ?? 1, numColumns ?? 1);
  }
  /**
   * "Returns the rectangular grid of values for this range starting at the given coordinates. A -1
   * value given as the row or column position is equivalent to getting the very last row or column
   * that has data in the sheet." (https://developers.google.com/apps-script/reference/spreadsheet/sheet#getsheetvaluesstartrow,-startcolumn,-numrows,-numcolumns)
   * One call, the values getRange(...).getValues() would return.
   */
  // biome-ignore lint/suspicious/noExplicitAny: the type Sheet.getSheetValues() has in @types/google-apps-script
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): any[][] {
    const rows = numRows === -1 ? this.getLastRow() - startRow + 1 : numRows;
    const cols = numColumns === -1 ? this.getLastColumn() - startColumn + 1 : numColumns;
    return LocalRange.fromCoords(this.doc, this.id, startRow, startColumn, rows, cols).getValues();
  }
  /**
   * "Returns the RangeList collection representing the ranges in the same sheet specified by a
   * non-empty list of A1 notations or R1C1 notations"
   * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#getrangelista1notations).
   * A1 only here.
   */
  getRangeList(a1Notations: string[]): LocalRangeList {
    if (!Array.isArray(a1Notations) || !a1Notations.length)
      throw new Error("The parameters () don't match the method signature for SpreadsheetApp.Sheet.getRangeList.");
    return new LocalRangeList(a1Notations.map((a1) => LocalRange.fromA1(this.doc, this.id, a1)));
  }
  getDataRange(): LocalRange {
    return new LocalRange(this.doc, this.id, 1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }
  getActiveRange(): LocalRange | null {
    const sel = this.doc.wb.selection;
    if (sel && sel.sheetId === this.id) return LocalRange.fromA1(this.doc, this.id, sel.a1);
    return LocalRange.fromA1(this.doc, this.id, 'A1');
  }
  getActiveCell(): LocalRange {
    const r = this.getActiveRange()!;
    return r.getCell(1, 1);
  }

  // ---------------------------------------------------------- rows & columns
  insertRows(rowIndex: number, numRows = 1): void {
    if (rowIndex < 1 || rowIndex > this.m().maxRows) throw new Error('Those rows are out of bounds.');
    this.doc.wb.insertRows(this.m(), rowIndex, numRows);
  }
  insertRowBefore(before: number): this {
    this.insertRows(before, 1);
    return this;
  }
  insertRowsBefore(before: number, howMany: number): this {
    this.insertRows(before, howMany);
    return this;
  }
  insertRowAfter(after: number): this {
    return this.insertRowsAfter(after, 1);
  }
  insertRowsAfter(after: number, howMany: number): this {
    if (after < 1 || after > this.m().maxRows) throw new Error('Those rows are out of bounds.');
    this.doc.wb.insertRows(this.m(), after + 1, howMany);
    return this;
  }
  deleteRow(rowPosition: number): this {
    this.doc.wb.deleteRows(this.m(), rowPosition, 1);
    return this;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this.doc.wb.deleteRows(this.m(), rowPosition, howMany);
  }
  insertColumns(columnIndex: number, numColumns = 1): void {
    if (columnIndex < 1 || columnIndex > this.m().maxCols) throw new Error('Those columns are out of bounds.');
    this.doc.wb.insertColumns(this.m(), columnIndex, numColumns);
  }
  insertColumnBefore(before: number): this {
    this.insertColumns(before, 1);
    return this;
  }
  insertColumnsBefore(before: number, howMany: number): this {
    this.insertColumns(before, howMany);
    return this;
  }
  insertColumnAfter(after: number): this {
    return this.insertColumnsAfter(after, 1);
  }
  insertColumnsAfter(after: number, howMany: number): this {
    if (after < 1 || after > this.m().maxCols) throw new Error('Those columns are out of bounds.');
    this.doc.wb.insertColumns(this.m(), after + 1, howMany);
    return this;
  }
  deleteColumn(columnPosition: number): this {
    this.doc.wb.deleteColumns(this.m(), columnPosition, 1);
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this.doc.wb.deleteColumns(this.m(), columnPosition, howMany);
  }
  /**
   * "destinationIndex: The index that the columns should be moved to. Note that this index is
   * based on the coordinates before the columns are moved."
   * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#movecolumnscolumnspec,-destinationindex)
   */
  moveColumns(columnSpec: LocalRange, destinationIndex: number): void {
    const r = columnSpec.rect();
    if (destinationIndex < 1 || destinationIndex > this.m().maxCols + 1) throw new Error('Those columns are out of bounds.');
    this.doc.wb.moveColumns(this.m(), r.col, r.numCols, destinationIndex);
  }
  /**
   * Appends a row after the last row with content; the grid grows when it is full
   * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#appendrowrowcontents).
   */
  appendRow(rowContents: unknown[]): this {
    const m = this.m();
    const row = this.getLastRow() + 1;
    if (row > m.maxRows) this.doc.wb.insertRows(m, m.maxRows + 1, row - m.maxRows);
    if (rowContents.length > m.maxCols) this.doc.wb.insertColumns(m, m.maxCols + 1, rowContents.length - m.maxCols);
    this.doc.wb.writeValues(m, row, 1, [rowContents]);
    return this;
  }

  /**
   * "Copies the sheet to a given spreadsheet, which can be the same spreadsheet as the source"
   * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#copytospreadsheet).
   * A script with spreadsheets.currentonly reaches no other spreadsheet, so only the same one is modelled.
   */
  copyTo(spreadsheet: { getId(): string }): LocalSheet {
    if (spreadsheet.getId() !== this.doc.wb.id) throw notModelled('Sheet.copyTo another spreadsheet');
    return LocalSheet.of(this.doc, this.doc.wb.copySheet(this.m()).id);
  }

  // ---------------------------------------------------------- view
  getFrozenRows(): number {
    return this.m().frozenRows;
  }
  setFrozenRows(rows: number): void {
    this.m().frozenRows = rows;
  }
  getFrozenColumns(): number {
    return this.m().frozenCols;
  }
  setFrozenColumns(cols: number): void {
    this.m().frozenCols = cols;
  }
  getColumnWidth(columnPosition: number): number {
    return this.m().colWidths.get(columnPosition - 1) ?? 100;
  }
  setColumnWidth(columnPosition: number, width: number): this {
    this.m().colWidths.set(columnPosition - 1, width);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    for (let i = 0; i < numColumns; i++) this.m().colWidths.set(startColumn - 1 + i, width);
    return this;
  }
  /** Fitting widths to the text needs font metrics; not modelled (getColumnWidth would be wrong). */
  autoResizeColumns(): never {
    throw notModelled('Sheet.autoResizeColumns');
  }
  autoResizeColumn(): never {
    throw notModelled('Sheet.autoResizeColumn');
  }
  hideSheet(): this {
    const visible = this.doc.wb.sheets.filter((s) => !s.hidden);
    if (visible.length === 1 && visible[0].id === this.id) throw new Error("You can't hide all the sheets in a document.");
    this.m().hidden = true;
    return this;
  }
  showSheet(): this {
    this.m().hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this.m().hidden;
  }
  setTabColor(color: string | null): this {
    this.m().tabColor = color;
    return this;
  }
  getTabColor(): string | null {
    return this.m().tabColor;
  }
  /** "Clears the sheet of content and formatting information." */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): this {
    const m = this.m();
    const all = new LocalRange(this.doc, this.id, 1, 1, m.maxRows, m.maxCols);
    all.clear(options);
    return this;
  }
  clearContents(): this {
    new LocalRange(this.doc, this.id, 1, 1, this.m().maxRows, this.m().maxCols).clearContent();
    return this;
  }
  clearFormats(): this {
    new LocalRange(this.doc, this.id, 1, 1, this.m().maxRows, this.m().maxCols).clearFormat();
    return this;
  }

  // ---------------------------------------------------------- metadata, protection, rules
  addDeveloperMetadata(key: string, valueOrVisibility?: string | null, visibility?: string): this {
    // biome-ignore lint/complexity/noArguments: Apps Script tells an omitted argument from an undefined one (see addMetadataFromArgs)
    addMetadataFromArgs(this.doc, { type: 'SHEET', sheetId: this.id }, arguments.length, key, valueOrVisibility, visibility);
    return this;
  }
  /** Metadata attached to the sheet itself (use createDeveloperMetadataFinder for its rows/columns too). */
  getDeveloperMetadata(): LocalDeveloperMetadata[] {
    return this.doc.wb.metadata
      .filter((m) => m.location.type === 'SHEET' && m.location.sheetId === this.id)
      .map((m) => new LocalDeveloperMetadata(this.doc, m.id));
  }
  /** "By default this considers all metadata associated with the sheet, its cells, rows, and columns." */
  createDeveloperMetadataFinder(): LocalDeveloperMetadataFinder {
    return new LocalDeveloperMetadataFinder(this.doc, (m) => m.location.type !== 'SPREADSHEET' && m.location.sheetId === this.id);
  }
  protect(): LocalProtection {
    const existing = this.doc.wb.protections.find((p) => p.type === 'SHEET' && p.rect.sheetId === this.id);
    if (existing) return new LocalProtection(this.doc, existing.id);
    const id = this.doc.wb.nextId++;
    const m = this.m();
    this.doc.wb.protections.push({
      id,
      type: 'SHEET',
      rect: { sheetId: this.id, row: 1, col: 1, numRows: m.maxRows, numCols: m.maxCols },
      description: '',
      warningOnly: false,
    });
    return new LocalProtection(this.doc, id);
  }
  getProtections(type: string): LocalProtection[] {
    return this.doc.wb.protections.filter((p) => p.rect.sheetId === this.id && p.type === String(type)).map((p) => new LocalProtection(this.doc, p.id));
  }
  getConditionalFormatRules(): LocalConditionalFormatRule[] {
    return this.m().conditionalRules.map((r) => new LocalConditionalFormatRule(this.doc, JSON.parse(JSON.stringify(r))));
  }
  setConditionalFormatRules(rules: LocalConditionalFormatRule[]): void {
    this.m().conditionalRules = rules.map((r) => JSON.parse(JSON.stringify(r.spec)));
  }
  clearConditionalFormatRules(): void {
    this.m().conditionalRules = [];
  }

  // ---------------------------------------------------------- charts (minimal: a stored spec)
  getCharts(): LocalChart[] {
    return this.m().charts.map((c, i) => new LocalChart(this.doc, this.id, i, c as ChartSpec));
  }
  newChart(): LocalChartBuilder {
    return new LocalChartBuilder(this.doc, this.id);
  }
  insertChart(chart: LocalChart): void {
    this.m().charts.push(JSON.parse(JSON.stringify(chart.spec)));
  }
  removeChart(chart: LocalChart): void {
    this.m().charts.splice(chart.index, 1);
  }
  updateChart(chart: LocalChart): void {
    if (chart.index >= 0) this.m().charts[chart.index] = JSON.parse(JSON.stringify(chart.spec));
  }
  toString(): string {
    return 'Sheet';
  }
}

interface ChartSpec {
  type: string;
  ranges: string[];
  position: [number, number, number, number];
  options: Record<string, unknown>;
}

export class LocalChart {
  readonly [COUNTED] = 'EmbeddedChart';
  constructor(
    private readonly doc: Doc,
    private readonly sheetId: number,
    readonly index: number,
    readonly spec: ChartSpec,
  ) {}
  getId(): string {
    return `chart-${this.sheetId}-${this.index}`;
  }
  getOptions(): { get(k: string): unknown } {
    return { get: (k: string) => this.spec.options[k] };
  }
  getRanges(): LocalRange[] {
    return this.spec.ranges.map((a1) => LocalRange.fromA1(this.doc, this.sheetId, a1));
  }
  /** Where the chart sits: its anchor cell and offsets (https://developers.google.com/apps-script/reference/spreadsheet/container-info). */
  getContainerInfo(): { getAnchorRow(): number; getAnchorColumn(): number; getOffsetX(): number; getOffsetY(): number } {
    const [row, col, x, y] = this.spec.position;
    return { getAnchorRow: () => row, getAnchorColumn: () => col, getOffsetX: () => x, getOffsetY: () => y };
  }
  getNumHeaders(): number {
    const n = this.spec.options.numHeaders;
    return typeof n === 'number' ? n : -1;
  }
  modify(): LocalChartBuilder {
    const b = new LocalChartBuilder(this.doc, this.sheetId, this.index);
    b.spec = JSON.parse(JSON.stringify(this.spec));
    return b;
  }
}

export class LocalChartBuilder {
  readonly [COUNTED] = 'EmbeddedChartBuilder';
  spec: ChartSpec = { type: 'COLUMN', ranges: [], position: [1, 1, 0, 0], options: {} };
  constructor(
    private readonly doc: Doc,
    private readonly sheetId: number,
    private readonly index = -1,
  ) {}
  setChartType(t: string): this {
    this.spec.type = String(t);
    return this;
  }
  addRange(r: LocalRange): this {
    this.spec.ranges.push(r.getA1Notation());
    return this;
  }
  clearRanges(): this {
    this.spec.ranges = [];
    return this;
  }
  setPosition(row: number, col: number, offX: number, offY: number): this {
    this.spec.position = [row, col, offX, offY];
    return this;
  }
  setOption(k: string, v: unknown): this {
    this.spec.options[k] = v;
    return this;
  }
  /**
   * How many rows or columns of the ranges are headers; Sheets guesses when it is not set
   * (https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder#setnumheadersheaders).
   * Kept in the spec for the playground's drawing.
   */
  setNumHeaders(n: number): this {
    this.spec.options.numHeaders = n;
    return this;
  }
  asColumnChart(): this {
    return this.setChartType('COLUMN');
  }
  asLineChart(): this {
    return this.setChartType('LINE');
  }
  asPieChart(): this {
    return this.setChartType('PIE');
  }
  asBarChart(): this {
    return this.setChartType('BAR');
  }
  setTitle(t: string): this {
    return this.setOption('title', t);
  }
  build(): LocalChart {
    return new LocalChart(this.doc, this.sheetId, this.index, JSON.parse(JSON.stringify(this.spec)));
  }
}
