/**
 * Spreadsheet and the SpreadsheetApp service object
 * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app).
 * The runtime wraps the object returned by createSpreadsheetApp with instrument() to count calls.
 */
import { COUNTED, type RuntimeContext } from '../context';
import { gasError } from '../services/common';
import { notModelled } from './doc';
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

type SpreadsheetReads = Pick<
  GoogleAppsScript.Spreadsheet.Spreadsheet,
  'getId' | 'getName' | 'getUrl' | 'getSpreadsheetTimeZone' | 'getSpreadsheetLocale' | 'getNumSheets'
>;

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
  /**
   * "Sets how often this spreadsheet should recalculate" / "Returns the calculation interval for
   * this spreadsheet" (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#setrecalculationintervalrecalculationinterval);
   * a new spreadsheet recalculates ON_CHANGE. What each interval means for TODAY()/NOW(): Workbook.
   */
  setRecalculationInterval(interval: GoogleAppsScript.Spreadsheet.RecalculationInterval | keyof typeof enums.RecalculationInterval): this {
    const name = String(interval);
    if (!(name in enums.RecalculationInterval)) throw new Error(`Invalid argument: recalculationInterval`);
    this.wb.recalculationInterval = name as keyof typeof enums.RecalculationInterval;
    return this;
  }
  getRecalculationInterval(): GoogleAppsScript.Spreadsheet.RecalculationInterval {
    return this.wb.recalculationInterval as unknown as GoogleAppsScript.Spreadsheet.RecalculationInterval;
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
  getSelection(): { getActiveRange(): LocalRange | null; getCurrentCell(): LocalRange | null; getActiveSheet(): LocalSheet; getActiveRangeList(): never } {
    return {
      getActiveRange: () => this.getActiveRange(),
      getCurrentCell: () => this.getActiveCell(),
      getActiveSheet: () => this.getActiveSheet(),
      getActiveRangeList: () => {
        throw notModelled('Selection.getActiveRangeList');
      },
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
    // biome-ignore lint/complexity/noArguments: Apps Script tells an omitted argument from an undefined one (see addMetadataFromArgs)
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

  // ---------------------------------------------------------- menus (the older Spreadsheet API)
  /**
   * "Creates a new menu in the Spreadsheet UI. Each menu entry runs a user-defined function …
   * subMenus: an array of JavaScript maps with name and functionName parameters"; a null entry is
   * a separator (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#addmenuname,-submenus).
   * Built through the Ui, so it shows where createMenu's menus do.
   */
  addMenu(name: string, subMenus: ({ name: string; functionName: string } | null)[]): void {
    const ui = this.doc.options.getUi?.() as GoogleAppsScript.Base.Ui | undefined;
    if (!ui) throw new Error('Cannot call Spreadsheet.addMenu() from this context.');
    const menu = ui.createMenu(String(name));
    for (const entry of subMenus ?? []) {
      if (entry === null) menu.addSeparator();
      else menu.addItem(String(entry.name), String(entry.functionName));
    }
    menu.addToUi();
  }
  /** "Updates a menu that was added by addMenu(name, subMenus)." */
  updateMenu(name: string, subMenus: ({ name: string; functionName: string } | null)[]): void {
    this.addMenu(name, subMenus);
  }
  /** "Removes a menu that was added by addMenu(name, subMenus)." */
  removeMenu(name: string): void {
    (this.doc.options.getUi?.() as { dropMenu?: (c: string) => void } | undefined)?.dropMenu?.(String(name));
  }

  // ---------------------------------------------------------- misc
  /** Toasts belong to the Ui service; delegated to options.onToast. */
  toast(message: string, title?: string, timeoutSeconds?: number): void {
    this.doc.options.onToast?.(String(message), title, timeoutSeconds);
  }
  // Sharing (owner, editors) is Drive's, which the runtime does not model.
  getOwner(): never {
    throw notModelled('Spreadsheet.getOwner');
  }
  getEditors(): never {
    throw notModelled('Spreadsheet.getEditors');
  }
  addEditor(): never {
    throw notModelled('Spreadsheet.addEditor');
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
  openById(id: string): never;
  openByUrl(url: string): never;
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
  RecalculationInterval: typeof enums.RecalculationInterval;
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
    // The add-in's manifest asks for spreadsheets.currentonly: access to the spreadsheet the
    // add-on runs in, reached through getActive…; opening a file by id or URL needs the
    // full spreadsheets scope (https://developers.google.com/workspace/add-ons/concepts/editor-scopes),
    // even for that same file (DESIGN, principle 10). Google refuses the call with this message.
    openById: () => {
      throw gasError('You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets');
    },
    openByUrl: () => {
      throw gasError('You do not have permission to call SpreadsheetApp.openByUrl. Required permissions: https://www.googleapis.com/auth/spreadsheets');
    },
    getUi: () => {
      if (!options.getUi) throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
      return options.getUi();
    },
    newDataValidation: () => new LocalDataValidationBuilder(doc),
    newConditionalFormatRule: () => new LocalConditionalFormatRuleBuilder(doc),
    /**
     * "Applies all pending Spreadsheet changes." Writes are applied at once here; formulas are
     * recalculated when something reads a value that depends on them (see Workbook), which is
     * what a read after flush() sees on Google too. So there is nothing left to apply.
     */
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
    RecalculationInterval: enums.RecalculationInterval,
  };
}
