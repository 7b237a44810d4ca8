/**
 * Spreadsheet and the SpreadsheetApp service object
 * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app).
 * The runtime wraps the object returned by createSpreadsheetApp with instrument() to count calls.
 */
import { COUNTED, type RuntimeContext } from '../context';
import { LocalConditionalFormatRuleBuilder } from './conditional';
import { isValidTimeZone } from './dates';
import type { Doc, SpreadsheetAppOptions } from './doc';
import * as enums from './enums';
import { addMetadataFromArgs, facades, LocalDeveloperMetadata, LocalDeveloperMetadataFinder } from './metadata';
import { LocalProtection } from './protection';
import { LocalRange } from './range';
import { LocalSheet } from './sheet';
import { LocalDataValidationBuilder } from './validation';
import type { Workbook } from './workbook';

/**
 * STUB (set-up's engineer, until the runtime models recalculation): the spreadsheet's
 * recalculation interval, "how often this spreadsheet should recalculate"
 * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#setrecalculationintervalrecalculationinterval,
 * https://developers.google.com/apps-script/reference/spreadsheet/recalculation-interval). Only
 * stored, per workbook and not saved with it: volatile functions still refresh on every read.
 * A new spreadsheet recalculates "on change" (Sheets' default, File → Settings → Calculation).
 */
export const RecalculationInterval = Object.freeze({ ON_CHANGE: 'ON_CHANGE', MINUTE: 'MINUTE', HOUR: 'HOUR' } as const);
type RecalculationIntervalName = keyof typeof RecalculationInterval;
const recalculationIntervals = new WeakMap<Workbook, RecalculationIntervalName>();

type SpreadsheetReads = Pick<GoogleAppsScript.Spreadsheet.Spreadsheet, 'getId' | 'getName' | 'getUrl' | 'getSpreadsheetTimeZone' | 'getSpreadsheetLocale' | 'getNumSheets'>;

class LocalNamedRange {
  readonly [COUNTED] = 'NamedRange';
  constructor(
    private readonly doc: Doc,
    private name: string,
  ) {}
  getName(): string {
    return this.name;
  }
  getRange(): LocalRange {
    const n = this.doc.wb.namedRanges.find((x) => x.name.toLowerCase() === this.name.toLowerCase());
    if (!n) throw new Error('Range not found');
    return new LocalRange(this.doc, n.rect.sheetId, n.rect.row, n.rect.col, n.rect.numRows, n.rect.numCols);
  }
  setRange(range: LocalRange): this {
    this.doc.wb.setNamedRange(this.name, range.rect());
    return this;
  }
  setName(name: string): this {
    const r = this.getRange();
    this.doc.wb.removeNamedRange(this.name);
    this.doc.wb.setNamedRange(name, r.rect());
    this.name = name;
    return this;
  }
  remove(): void {
    this.doc.wb.removeNamedRange(this.name);
  }
}

export class LocalSpreadsheet implements SpreadsheetReads {
  readonly [COUNTED] = 'Spreadsheet';
  constructor(private readonly doc: Doc) {}

  private get wb(): Workbook {
    return this.doc.wb;
  }
  getId(): string {
    return this.wb.id;
  }
  getName(): string {
    return this.wb.name;
  }
  rename(name: string): void {
    this.wb.name = name;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.wb.id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    return this.wb.timeZone;
  }
  setSpreadsheetTimeZone(tz: string): void {
    if (!isValidTimeZone(tz)) throw new Error(`Invalid argument: ${tz}`);
    this.wb.timeZone = tz;
    this.wb.refreshClock();
  }
  getSpreadsheetLocale(): string {
    return this.wb.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.wb.locale = locale;
  }
  getRecalculationInterval(): RecalculationIntervalName {
    return recalculationIntervals.get(this.wb) ?? 'ON_CHANGE';
  }
  setRecalculationInterval(interval: RecalculationIntervalName): this {
    const name = String(interval) as RecalculationIntervalName;
    if (!(name in RecalculationInterval)) throw new Error(`Invalid argument: ${name}`);
    recalculationIntervals.set(this.wb, name);
    return this;
  }
  getNumSheets(): number {
    return this.wb.sheets.length;
  }
  getSheets(): LocalSheet[] {
    return this.wb.sheets.map((s) => LocalSheet.of(this.doc, s.id));
  }
  getSheetByName(name: string): LocalSheet | null {
    const s = this.wb.sheets.find((x) => x.name === name) ?? this.wb.findSheet(name);
    return s ? LocalSheet.of(this.doc, s.id) : null;
  }
  getSheetById(id: number): LocalSheet | null {
    return this.wb.sheets.some((s) => s.id === id) ? LocalSheet.of(this.doc, id) : null;
  }
  /**
   * insertSheet(), insertSheet(name), insertSheet(index), insertSheet(name, index): the new sheet
   * becomes the active one; `index` is 0-based ("To insert a sheet as the first one … set it to 0").
   */
  insertSheet(a?: string | number, b?: number | object): LocalSheet {
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') name = a;
    else if (typeof a === 'number') index = a;
    if (typeof b === 'number') index = b;
    if (name === undefined) {
      let n = this.wb.sheets.length + 1;
      while (this.wb.findSheet(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    const m = this.wb.addSheet(name, index);
    this.wb.activeSheetId = m.id;
    this.wb.selection = { sheetId: m.id, a1: 'A1' };
    return LocalSheet.of(this.doc, m.id);
  }
  deleteSheet(sheet: LocalSheet): void {
    this.wb.removeSheet(sheet.getSheetId());
    this.doc.sheetCache.delete(sheet.getSheetId());
  }
  deleteActiveSheet(): LocalSheet {
    this.wb.removeSheet(this.wb.activeSheetId);
    return this.getActiveSheet();
  }
  setActiveSheet(sheet: LocalSheet): LocalSheet {
    this.wb.activeSheetId = sheet.getSheetId();
    this.wb.selection = { sheetId: sheet.getSheetId(), a1: 'A1' };
    return sheet;
  }
  getActiveSheet(): LocalSheet {
    if (!this.wb.sheets.some((s) => s.id === this.wb.activeSheetId)) this.wb.activeSheetId = this.wb.sheets[0].id;
    return LocalSheet.of(this.doc, this.wb.activeSheetId);
  }
  setActiveRange(range: LocalRange): LocalRange {
    return range.activate();
  }
  getActiveRange(): LocalRange | null {
    return this.getActiveSheet().getActiveRange();
  }
  getActiveCell(): LocalRange {
    return this.getActiveSheet().getActiveCell();
  }
  getSelection(): { getActiveRange(): LocalRange | null; getCurrentCell(): LocalRange | null; getActiveSheet(): LocalSheet; getActiveRangeList(): null } {
    return {
      getActiveRange: () => this.getActiveRange(),
      getCurrentCell: () => this.getActiveCell(),
      getActiveSheet: () => this.getActiveSheet(),
      getActiveRangeList: () => null,
    };
  }
  /** getRange("Sheet1!A1:B2"); without a sheet name, the active sheet. */
  getRange(a1: string): LocalRange {
    return this.getActiveSheet().getRange(a1);
  }
  moveActiveSheet(pos: number): void {
    this.wb.moveSheet(this.wb.activeSheetId, pos - 1);
  }

  // ---------------------------------------------------------- named ranges
  getRangeByName(name: string): LocalRange | null {
    const n = this.wb.namedRanges.find((x) => x.name.toLowerCase() === name.toLowerCase());
    return n ? new LocalRange(this.doc, n.rect.sheetId, n.rect.row, n.rect.col, n.rect.numRows, n.rect.numCols) : null;
  }
  getNamedRanges(): LocalNamedRange[] {
    return this.wb.namedRanges.map((n) => new LocalNamedRange(this.doc, n.name));
  }
  setNamedRange(name: string, range: LocalRange): void {
    this.wb.setNamedRange(name, range.rect());
  }
  removeNamedRange(name: string): void {
    if (!this.wb.removeNamedRange(name)) throw new Error('Named range not found.');
  }

  // ---------------------------------------------------------- metadata & protections
  addDeveloperMetadata(key: string, valueOrVisibility?: string | null, visibility?: string): this {
    addMetadataFromArgs(this.doc, { type: 'SPREADSHEET' }, arguments.length, key, valueOrVisibility, visibility);
    return this;
  }
  getDeveloperMetadata(): LocalDeveloperMetadata[] {
    return this.wb.metadata.filter((m) => m.location.type === 'SPREADSHEET').map((m) => new LocalDeveloperMetadata(this.doc, m.id));
  }
  createDeveloperMetadataFinder(): LocalDeveloperMetadataFinder {
    return new LocalDeveloperMetadataFinder(this.doc, () => true);
  }
  getProtections(type: string): LocalProtection[] {
    return this.wb.protections.filter((p) => p.type === String(type)).map((p) => new LocalProtection(this.doc, p.id));
  }

  // ---------------------------------------------------------- misc
  /** Toasts belong to the Ui service; delegated to options.onToast. */
  toast(message: string, title?: string, timeoutSeconds?: number): void {
    this.doc.options.onToast?.(String(message), title, timeoutSeconds);
  }
  getOwner(): { getEmail(): string } {
    return { getEmail: () => this.doc.ctx.currentUser().email };
  }
  getEditors(): { getEmail(): string }[] {
    return [this.getOwner()];
  }
  addEditor(): this {
    return this;
  }
  getSpreadsheetTheme(): null {
    return null;
  }
  toString(): string {
    return 'Spreadsheet';
  }
}

export interface LocalSpreadsheetApp {
  getActive(): LocalSpreadsheet;
  getActiveSpreadsheet(): LocalSpreadsheet;
  getActiveSheet(): LocalSheet;
  getActiveRange(): LocalRange | null;
  getCurrentCell(): LocalRange;
  getSelection(): ReturnType<LocalSpreadsheet['getSelection']>;
  setActiveSheet(sheet: LocalSheet): LocalSheet;
  setActiveRange(range: LocalRange): LocalRange;
  openById(id: string): LocalSpreadsheet;
  openByUrl(url: string): LocalSpreadsheet;
  getUi(): unknown;
  newDataValidation(): LocalDataValidationBuilder;
  newConditionalFormatRule(): LocalConditionalFormatRuleBuilder;
  flush(): void;
  DeveloperMetadataVisibility: typeof enums.DeveloperMetadataVisibility;
  DeveloperMetadataLocationType: typeof enums.DeveloperMetadataLocationType;
  ProtectionType: typeof enums.ProtectionType;
  DataValidationCriteria: typeof enums.DataValidationCriteria;
  BooleanCriteria: typeof enums.BooleanCriteria;
  BorderStyle: typeof enums.BorderStyle;
  WrapStrategy: typeof enums.WrapStrategy;
  Dimension: typeof enums.Dimension;
  Direction: typeof enums.Direction;
  ChartType: typeof enums.ChartType;
  RecalculationInterval: typeof RecalculationInterval;
}

facades.sheet = (doc, id) => LocalSheet.of(doc, id);
facades.spreadsheet = (doc) => doc.ssFacade!();

/**
 * The object to install as the global `SpreadsheetApp`. The Ui is another service: pass
 * `options.getUi`; `Spreadsheet.toast` calls `options.onToast`.
 */
export function createSpreadsheetApp(ctx: RuntimeContext, workbook: Workbook, options: SpreadsheetAppOptions = {}): LocalSpreadsheetApp {
  const doc: Doc = { ctx, wb: workbook, options, sheetCache: new Map() };
  const ss = new LocalSpreadsheet(doc);
  doc.ssFacade = () => ss;
  return {
    getActive: () => ss,
    getActiveSpreadsheet: () => ss,
    getActiveSheet: () => ss.getActiveSheet(),
    getActiveRange: () => ss.getActiveRange(),
    getCurrentCell: () => ss.getActiveCell(),
    getSelection: () => ss.getSelection(),
    setActiveSheet: (s: LocalSheet) => ss.setActiveSheet(s),
    setActiveRange: (r: LocalRange) => ss.setActiveRange(r),
    openById: (id: string) => {
      if (id !== workbook.id) throw new Error(`Unexpected error while getting the method or property openById on object SpreadsheetApp.`);
      return ss;
    },
    openByUrl: (url: string) => {
      if (!url.includes(workbook.id)) throw new Error(`Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.`);
      return ss;
    },
    getUi: () => {
      if (!options.getUi) throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
      return options.getUi();
    },
    newDataValidation: () => new LocalDataValidationBuilder(doc),
    newConditionalFormatRule: () => new LocalConditionalFormatRuleBuilder(doc),
    /** HyperFormula recalculates on every write, so there is nothing pending. */
    flush: () => undefined,
    DeveloperMetadataVisibility: enums.DeveloperMetadataVisibility,
    DeveloperMetadataLocationType: enums.DeveloperMetadataLocationType,
    ProtectionType: enums.ProtectionType,
    DataValidationCriteria: enums.DataValidationCriteria,
    BooleanCriteria: enums.BooleanCriteria,
    BorderStyle: enums.BorderStyle,
    WrapStrategy: enums.WrapStrategy,
    Dimension: enums.Dimension,
    Direction: enums.Direction,
    ChartType: enums.ChartType,
    RecalculationInterval,
  };
}
