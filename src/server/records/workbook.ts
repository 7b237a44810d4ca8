/**
 * The workbook as one execution sees it: the spreadsheet, its tabs opened through the column map,
 * the document properties read once, the time zone asked once. Feature modules open one
 * Workbook per server call (`openWorkbook()`) and reach every tab through it; nothing here
 * outlives the call (on Google each execution starts afresh, and so must the local runtime's).
 */
import { getTab, type TabDef } from '../../core/schema';
import { findTabs, columnsFromMetadata, locateColumns, readHeaderRow, type FoundTab } from './locate';
import { columnMapProperty, parseTabMap, storeTabMap, tabMapOf, type MapStore, type TabMap } from './column-map';
import { Tab, type TabHost } from './tab';
import type { TabRef } from './write';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Properties = GoogleAppsScript.Properties.Properties;

export class Workbook implements TabHost, MapStore {
  private sheetList: Sheet[] | null = null;
  private found: Map<string, FoundTab> | null = null;
  private readonly opened = new Map<string, Tab | null>();
  private props: Properties | null | undefined;
  private snapshot: Record<string, string> | null = null;
  private zone: string | null = null;
  private locale: string | null = null;

  constructor(readonly ss: Spreadsheet) {}

  // ------------------------------------------------------------------ document properties

  /** The document properties, or null where they cannot be read (an add-on's onOpen in AuthMode.NONE). */
  documentProperties(): Properties | null {
    if (this.props === undefined) {
      try {
        this.props = PropertiesService.getDocumentProperties();
      } catch (_e) {
        this.props = null;
      }
    }
    return this.props;
  }

  /** One property, from a snapshot of them all taken at the first read of this execution. */
  property(key: string): string | null {
    if (!this.snapshot) {
      try {
        this.snapshot = this.documentProperties()?.getProperties() ?? {};
      } catch (_e) {
        this.snapshot = {};
      }
    }
    return this.snapshot[key] ?? null;
  }

  freshProperty(key: string): string | null {
    const v = this.documentProperties()?.getProperty(key) ?? null;
    if (this.snapshot) {
      if (v === null) delete this.snapshot[key];
      else this.snapshot[key] = v;
    }
    return v;
  }

  setProperty(key: string, value: string): void {
    const props = this.documentProperties();
    if (!props) return;
    props.setProperty(key, value);
    if (this.snapshot) this.snapshot[key] = value;
  }

  deleteProperty(key: string): void {
    const props = this.documentProperties();
    if (!props) return;
    props.deleteProperty(key);
    if (this.snapshot) delete this.snapshot[key];
  }

  // ------------------------------------------------------------------ tabs

  /** The tabs in order, asked once per execution. */
  sheets(): Sheet[] {
    if (!this.sheetList) this.sheetList = this.ss.getSheets();
    return this.sheetList;
  }

  /** The remembered map of a tab (null when there is none), and the sheet now at its position. */
  rememberedTab(key: string): { map: TabMap; sheet: Sheet } | null {
    const map = parseTabMap(this.property(columnMapProperty(key)));
    const sheet = map ? this.sheets()[map.index - 1] : undefined;
    return map && sheet ? { map, sheet } : null;
  }

  /** Finds the tab by developer metadata (the slow way) and remembers its map when the header row can vouch for it. */
  relocate(def: TabDef): { ref: TabRef; record: TabMap | null } | null {
    const f = this.sameSheet(def.key) ?? (this.found ??= findTabs(this.ss)).get(def.key);
    if (!f) return null;
    const headers = readHeaderRow(f.sheet);
    const { columns, viaMetadata } = locateColumns(def, headers, columnsFromMetadata(f.sheet));
    const record = tabMapOf(f.id, f.index, headers, columns, viaMetadata.size === def.columns.length);
    storeTabMap(this, def.key, record);
    return { ref: { def, sheet: f.sheet, columns }, record };
  }

  /** The sheet at the tab's remembered position when it is still the remembered sheet (one call): its columns moved or were renamed, the tab did not. */
  private sameSheet(key: string): FoundTab | null {
    const known = this.rememberedTab(key);
    if (!known || known.sheet.getSheetId() !== known.map.sheetId) return null;
    return { sheet: known.sheet, id: known.map.sheetId, index: known.map.index, via: 'metadata' };
  }

  /** A tab by key, or null when the workbook has none (set up not run, or the tab deleted). */
  tab(key: string): Tab | null {
    if (this.opened.has(key)) return this.opened.get(key)!;
    const def = getTab(key);
    const known = this.rememberedTab(key);
    let tab: Tab | null = null;
    if (known) tab = new Tab(this, def, { def, sheet: known.sheet, columns: new Map(known.map.columns) }, known.map, false);
    else {
      const found = this.relocate(def);
      if (found) tab = new Tab(this, def, found.ref, found.record, true);
    }
    this.opened.set(key, tab);
    return tab;
  }

  // ------------------------------------------------------------------ the spreadsheet

  /** The spreadsheet's time zone (the sheet shows dates and computes TODAY() in it), asked once. */
  timeZone(): string {
    if (this.zone === null) this.zone = this.ss.getSpreadsheetTimeZone();
    return this.zone;
  }

  name(): string {
    return this.ss.getName();
  }

  url(): string {
    return this.ss.getUrl();
  }

  /** The spreadsheet's locale (File → Settings), e.g. en_GB: asked once, only by who needs it (the workbook's currency on Auto). */
  spreadsheetLocale(): string {
    if (this.locale === null) this.locale = this.ss.getSpreadsheetLocale();
    return this.locale;
  }

  /** Where an edit event's range lies, when it is on the tab `key` (rows and columns, 1-based), else null. */
  editedBlock(key: string, range: GoogleAppsScript.Spreadsheet.Range): { first: number; last: number; from: number; to: number } | null {
    const t = this.tab(key);
    if (!t || range.getSheet().getSheetId() !== t.sheet.getSheetId()) return null;
    return { first: range.getRow(), last: range.getLastRow(), from: range.getColumn(), to: range.getLastColumn() };
  }

  /** The row selected on a tab (the active range's first row), or 0 when the active sheet is another tab. */
  selectedRow(key: string): number {
    const t = this.tab(key);
    if (!t) return 0;
    const active = this.ss.getActiveSheet();
    if (active.getSheetId() !== t.sheet.getSheetId()) return 0;
    const range = active.getActiveRange();
    return range ? range.getRow() : 0;
  }
}

/** The workbook of the spreadsheet the user has open. */
export function openWorkbook(): Workbook {
  return new Workbook(SpreadsheetApp.getActiveSpreadsheet());
}
