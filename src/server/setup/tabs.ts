/**
 * Finding, creating and recognising the tabs, and locating their columns.
 *
 * - Through the one column map (records/column-map.ts, which the records layer reads too): the
 *   tab at its remembered position, its columns from the map while its header row — read
 *   anyway — is the one the map remembers; else through findTabs and each column's metadata.
 * - Missing tabs are created in the workbook's language. A same-named tab that is not ours
 *   (no header we know) is left alone and ours is created beside it.
 * - Set-up never takes data for a header: a tab whose header row is missing or unrecognisable
 *   (the header row was deleted, so the first record sits in row 1) is reported and left
 *   untouched — no header, note, format, rule or formula is written on it.
 *
 * At the end of a run set-up remembers every tab's map (rememberColumnMap), so the first save
 * after set-up finds its columns at once.
 */
import { LOCALES, type Locale } from '../../core/i18n';
import { listItemKey } from '../../core/lists';
import { HEADER_ROW, META_TAB, TABS, type TabDef } from '../../core/schema';
import { headersMatch, storeTabMap, tabMapOf, type TabMap } from '../records/column-map';
import { rememberNewTabEnd } from '../records/hint';
import { columnsFromMetadata, findTabs, headerKey, locateColumns, type FoundTab } from '../records/locate';
import type { Workbook } from '../records/workbook';
import { currentLocale } from '../locale';
import type { SetupReport } from './report';
import { isBlankText, isEmptyCell, SetupTab } from './tab';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Every Sales Desk tab set-up works on this run, by key (a tab left untouched is not in it). */
export type SetupTabs = Map<string, SetupTab>;

/** What became of a declared tab before anything is created. */
type Found = { tab: SetupTab } | { foreign: Sheet } | { missing: true } | { unrecognised: true };

/**
 * Finds every tab, works out the workbook's language, creates the missing tabs in it and locates
 * every column. `createMissing: false` (Rebuild summaries) leaves missing tabs missing.
 */
export function openSetupTabs(wb: Workbook, report: SetupReport, createMissing = true): { tabs: SetupTabs; locale: Locale } {
  const finder = new TabFinder(wb);
  const found = new Map(TABS.map((def) => [def.key, finder.find(def, report)] as const));
  const settings = found.get('settings');
  const locale = workbookLocale(settings && 'tab' in settings ? settings.tab : null);
  const creator = new TabCreator(wb.ss, locale, report);
  const tabs: SetupTabs = new Map();
  for (const def of TABS) {
    const f = found.get(def.key)!;
    if ('tab' in f) tabs.set(def.key, f.tab);
    else if (!createMissing) continue;
    else if ('foreign' in f) tabs.set(def.key, creator.create(def, f.foreign.getName()));
    else if ('missing' in f) tabs.set(def.key, creator.create(def));
  }
  return { tabs, locale };
}

/**
 * The language of the workbook's texts: the Settings override (its row read from the data block
 * the Settings parts read anyway), else the user's own language.
 */
function workbookLocale(settings: SetupTab | null): Locale {
  const keyCol = settings?.columns.get('setting_key');
  const valueCol = settings?.columns.get('setting_value');
  if (settings && keyCol && valueCol) {
    const row = settings.dataValues().find((line) => String(line[keyCol - 1] ?? '').trim() === 'language');
    const key = row ? listItemKey('language', row[valueCol - 1]) : null;
    if (key === 'en' || key === 'zh') return key;
  }
  return currentLocale();
}

/** Finds the tabs: through the column map, else (once per run) through developer metadata and names. */
class TabFinder {
  private searched: Map<string, FoundTab> | null = null;
  constructor(private readonly wb: Workbook) {}

  find(def: TabDef, report: SetupReport): Found {
    const known = this.wb.rememberedTab(def.key);
    if (known) {
      const tab = new SetupTab(def, known.sheet, known.map.sheetId, false, known.map.index);
      tab.width = known.map.headers.length;
      if (this.trusts(tab, known.map)) {
        const columns = new Map(known.map.columns);
        tab.columns = columns;
        if (known.map.keyed) tab.keyed = new Set(columns.keys());
        else tab.keyed = new Set(locateColumns(def, tab.headers(), columnsFromMetadata(tab.sheet)).viaMetadata);
        return { tab };
      }
    }
    // Still the remembered sheet, with columns moved or renamed: its columns anew, the other tabs untouched.
    const same =
      known && known.sheet.getSheetId() === known.map.sheetId
        ? { sheet: known.sheet, id: known.map.sheetId, index: known.map.index, via: 'metadata' as const }
        : null;
    const f = same ?? (this.searched ??= findTabs(this.wb.ss)).get(def.key);
    if (!f) return { missing: true };
    const tab = new SetupTab(def, f.sheet, f.id, false, f.index);
    locateFromSheet(tab);
    if (f.via === 'name' && def.columns.length && !tab.columns.size && tab.headers().some((h) => !isBlankText(h))) return { foreign: f.sheet };
    if (!headerRowRecognised(tab)) {
      report.problems.push({ code: 'headerRowMissing', params: { sheet: tab.name() } });
      return { unrecognised: true };
    }
    if (f.via === 'name') {
      f.sheet.addDeveloperMetadata(META_TAB, def.key);
      report.repairs.push(`${def.key}: tab key`);
    }
    return { tab };
  }

  /**
   * The map holds for the sheet at its position while every declared column is in it and the
   * header row reads as remembered (records' rule, column-map.ts). A tab without columns (the
   * Dashboard shell) has no header row to tell: its sheet ID must be the remembered one.
   */
  private trusts(tab: SetupTab, map: TabMap): boolean {
    if (!tab.def.columns.length) return tab.sheet.getSheetId() === map.sheetId;
    const mapped = new Set(map.columns.map(([k]) => k));
    if (!tab.def.columns.every((c) => mapped.has(c.key))) return false;
    return headersMatch(map, 1, tab.headers());
  }
}

/**
 * Remembers every tab's map as set-up leaves it (records/column-map.ts), writing only what
 * changed: the first save after set-up finds its columns at once. For the tabs this run created
 * and filled itself (Settings, Lists, the Playbook) it also remembers where their rows end
 * (records/hint.ts). Not for the register and the logs: rows pasted there before the first save
 * would make that guess fall short, and the first save would pay for finding out — so their end
 * is found from their key columns, the same way whatever was pasted.
 */
export function rememberColumnMap(wb: Workbook, tabs: SetupTabs): void {
  for (const def of TABS) {
    const tab = tabs.get(def.key);
    const keyed = !!tab && tab.keyed.size === def.columns.length && tab.columns.size === def.columns.length;
    storeTabMap(wb, def.key, tab ? tabMapOf(tab.sheetId, tab.index, tab.headers(), tab.columns, keyed) : null);
    if (tab?.created && tab.lastWrittenRow > HEADER_ROW) rememberNewTabEnd(wb, def.key, tab.lastWrittenRow, tab.maxRows());
  }
}

/** Locates a tab's columns from their developer metadata, then by header text (either language). */
function locateFromSheet(tab: SetupTab): void {
  if (!tab.def.columns.length) return;
  tab.width = tab.sheet.getLastColumn();
  const meta = columnsFromMetadata(tab.sheet);
  const { columns, viaMetadata } = locateColumns(tab.def, tab.headers(), meta);
  tab.columns = columns;
  tab.keyed = new Set(viaMetadata);
  // A keyed column may lie beyond the last used one (a cleared column): the block reaches it.
  tab.width = Math.max(tab.width, ...columns.values(), 0);
}

/**
 * Row 1 is Sales Desk's header row unless it holds data: a formula or a non-text value in one
 * of our columns (a header is always text), or text in our columns of which none is the
 * column's header in either language (every header renamed, or the first record moved up
 * because the header row was deleted). A blank row 1 is a header row whose texts were cleared:
 * set-up writes them again.
 */
export function headerRowRecognised(tab: SetupTab): boolean {
  if (!tab.columns.size) return true;
  const headers = tab.headers();
  const formulas = tab.headerFormulas();
  let named = false;
  let filled = false;
  for (const { col, at } of tab.placed()) {
    const v = headers[at - 1];
    if (formulas[at - 1]) return false;
    if (isEmptyCell(v)) continue;
    if (typeof v !== 'string') return false;
    if (!isBlankText(v)) filled = true;
    if (LOCALES.some((l) => headerKey(col.header[l]) === headerKey(v))) named = true;
  }
  return named || !filled;
}

/** Creates tabs at the end of the workbook, in the workbook's language. */
class TabCreator {
  private count: number | null = null;
  constructor(
    private readonly ss: Spreadsheet,
    private readonly locale: Locale,
    private readonly report: SetupReport,
  ) {}

  /** Creates the tab; `besideForeign` names the user's same-named tab it is created beside. */
  create(def: TabDef, besideForeign?: string): SetupTab {
    if (this.count === null) this.count = this.ss.getNumSheets();
    const { sheet, name } = this.insert(def.name[this.locale]);
    this.count++;
    sheet.addDeveloperMetadata(META_TAB, def.key);
    if (def.color) sheet.setTabColor(def.color);
    const tab = new SetupTab(def, sheet, sheet.getSheetId(), true, this.count);
    tab.knowName(name);
    this.report.createdTabs.push(name);
    if (besideForeign !== undefined) this.report.problems.push({ code: 'unknownTab', params: { sheet: besideForeign, created: name } });
    return tab;
  }

  private insert(wanted: string): { sheet: Sheet; name: string } {
    return insertSheetNamed(this.ss, wanted, this.count!, this.locale);
  }
}

/** A new sheet at 0-based position `at` under the wanted name, or the first free "name (Sales Desk)" when it is taken. */
export function insertSheetNamed(ss: Spreadsheet, wanted: string, at: number, locale: Locale): { sheet: Sheet; name: string } {
  try {
    return { sheet: ss.insertSheet(wanted, at), name: wanted };
  } catch (_e) {
    // Sheets refuses a name in use ("A sheet with the name … already exists").
  }
  const suffix = locale === 'zh' ? '（销售台）' : '(Sales Desk)';
  for (let i = 1; i < 100; i++) {
    const name = i === 1 ? `${wanted} ${suffix}` : `${wanted} ${suffix} ${i}`;
    if (!ss.getSheetByName(name)) return { sheet: ss.insertSheet(name, at), name };
  }
  const name = `${wanted} ${Date.now()}`;
  return { sheet: ss.insertSheet(name, at), name };
}
