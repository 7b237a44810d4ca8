/**
 * Finding, creating and recognising the tabs, and locating their columns.
 *
 * - Through the column map when it holds (one getSheetById per tab; a tab's columns from the
 *   map while its header row is unchanged), else through findTabs and each column's metadata.
 * - Missing tabs are created in the workbook's language. A same-named tab that is not ours
 *   (no header we know) is left alone and ours is created beside it.
 * - Set-up never takes data for a header: a tab whose header row is missing or unrecognisable
 *   (the header row was deleted, so the first record sits in row 1) is reported and left
 *   untouched — no header, note, format, rule or formula is written on it.
 */
import type { Locale } from '../../core/i18n';
import { LOCALES } from '../../core/i18n';
import { META_TAB, TABS, type TabDef } from '../../core/schema';
import { columnsFromMetadata, findTabs, headerKey, locateColumns } from '../workbook';
import { mapFits, type StoredColumnMap } from './column-map';
import type { SetupReport } from './report';
import { isBlankText, isEmptyCell, SetupTab } from './tab';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Every Sales Desk tab set-up works on this run, by key (a tab left untouched is not in it). */
export type SetupTabs = Map<string, SetupTab>;

/** Finds or creates every tab and locates its columns. */
export function openSetupTabs(ss: Spreadsheet, stored: StoredColumnMap, locale: Locale, report: SetupReport): SetupTabs {
  const found = fromColumnMap(ss, stored) ?? fromSearch(ss);
  const tabs: SetupTabs = new Map();
  const creator = new TabCreator(ss, locale, report);
  for (const def of TABS) {
    const f = found.get(def.key);
    if (!f) {
      tabs.set(def.key, creator.create(def));
      continue;
    }
    const tab = new SetupTab(def, f.sheet, f.id, false);
    // The map's columns, for the very sheet it describes, while its header row is unchanged.
    const entry = stored.map?.tabs[def.key];
    if (entry && entry.id === f.id) {
      tab.width = entry.w;
      if (mapFits(entry, tab)) {
        for (const col of def.columns) tab.columns.set(col.key, entry.c[col.key]);
        for (const col of def.columns) tab.keyed.add(col.key);
        tabs.set(def.key, tab);
        continue;
      }
    }
    locateFromSheet(tab);
    if (f.via === 'name' && def.columns.length && !tab.columns.size && tab.headers().some((h) => !isBlankText(h))) {
      // A tab of the user's with our name: leave it, create ours beside it.
      const created = creator.create(def, f.sheet.getName());
      tabs.set(def.key, created);
      continue;
    }
    if (!headerRowRecognised(tab)) {
      report.problems.push({ code: 'headerRowMissing', params: { sheet: tab.name() } });
      continue;
    }
    if (f.via === 'name') {
      f.sheet.addDeveloperMetadata(META_TAB, def.key);
      report.repairs.push(`${def.key}: tab key`);
    }
    tabs.set(def.key, tab);
  }
  return tabs;
}

interface Found {
  sheet: Sheet;
  id: number;
  via: 'map' | 'metadata' | 'name';
}

/** Every tab through the map's sheet IDs, or null when one of them is gone (then: search). */
function fromColumnMap(ss: Spreadsheet, stored: StoredColumnMap): Map<string, Found> | null {
  const map = stored.map;
  if (!map || !TABS.every((t) => map.tabs[t.key])) return null;
  const out = new Map<string, Found>();
  for (const def of TABS) {
    const id = map.tabs[def.key].id;
    const sheet = ss.getSheetById(id);
    if (!sheet) return null;
    out.set(def.key, { sheet, id, via: 'map' });
  }
  return out;
}

function fromSearch(ss: Spreadsheet): Map<string, Found> {
  const out = new Map<string, Found>();
  for (const [key, f] of findTabs(ss)) out.set(key, { sheet: f.sheet, id: f.sheet.getSheetId(), via: f.via });
  return out;
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
    const tab = new SetupTab(def, sheet, sheet.getSheetId(), true);
    tab.knowName(name);
    this.report.createdTabs.push(name);
    if (besideForeign !== undefined) this.report.problems.push({ code: 'unknownTab', params: { sheet: besideForeign, created: name } });
    return tab;
  }

  /** A new last sheet under the wanted name, or the first free "name (Sales Desk)" when it is taken. */
  private insert(wanted: string): { sheet: Sheet; name: string } {
    const at = this.count!;
    try {
      return { sheet: this.ss.insertSheet(wanted, at), name: wanted };
    } catch (_e) {
      // Sheets refuses a name in use ("A sheet with the name … already exists").
    }
    const suffix = this.locale === 'zh' ? '（销售台）' : '(Sales Desk)';
    for (let i = 1; i < 100; i++) {
      const name = i === 1 ? `${wanted} ${suffix}` : `${wanted} ${suffix} ${i}`;
      if (!this.ss.getSheetByName(name)) return { sheet: this.ss.insertSheet(name, at), name };
    }
    const name = `${wanted} ${Date.now()}`;
    return { sheet: this.ss.insertSheet(name, at), name };
  }
}
