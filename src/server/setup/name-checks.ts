/**
 * The named ranges checked in one read. Set-up keeps a hidden tab whose rows pair each name with
 * a formula that counts the name's cells (`=COUNTIF(SD_TIER_A_SHARE,"<>")+COUNTBLANK(SD_TIER_A_SHARE)`):
 * while the name resolves the cell shows a number; a deleted name shows an error there (#NAME?,
 * Sheets' error for a name it does not know — what a formula whose name was deleted shows is not
 * stated on Google's pages: a probe for Check this spreadsheet; #REF! in the local runtime, which
 * keeps a used name pointing at an error, see the runtime's Workbook.removeNamedRange). Any value
 * but a positive number sends set-up the slow way, so an error of another kind is safe too.
 * COUNTIF and COUNTBLANK pass that error on where COUNTA
 * would count it as a cell, and read their range as a dependency (HyperFormula's ROWS does not,
 * and answers from a stale or uncomputed value).
 * So one read of that tab (its values, and its formulas: a count typed or pasted over a formula
 * must not pass for one) says whether every name is still there — three calls, where reading
 * the names costs one call per name (NamedRange.getName).
 *
 * Whatever looks wrong — the tab gone, moved, edited, a cell not a positive count — sends set-up
 * to the slow check (every name read), and the tab is written again when its cells are not as
 * set-up writes them or a name had to be created. Written after the
 * names exist, and again after a name was re-created, so no formula ever waits for a name that
 * did not exist when it was written (whether Sheets re-resolves such a formula later is not stated
 * on Google's named-range page, https://support.google.com/docs/answer/63175; the rewrite makes
 * it moot).
 *
 * Found through the column map (records/column-map.ts, key `name_checks`: its position and its
 * first cell's text), else by its developer metadata; created hidden at the end of the workbook.
 */
import { t, LOCALES, type Locale } from '../../core/i18n';
import { META_TAB, type NamedRangeDef } from '../../core/schema';
import { storeTabMap, tabMapOf } from '../records/column-map';
import type { Workbook } from '../records/workbook';
import { insertSheetNamed } from './tabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The tab's key in the column map and in its developer metadata. */
export const NAME_CHECKS_KEY = 'name_checks';

/** The formula that shows a name's row count, or an error when the name no longer resolves. */
export function nameCheckFormula(name: string): string {
  return `=COUNTIF(${name},"<>")+COUNTBLANK(${name})`;
}

const titles = () => new Set(LOCALES.map((l) => t(l, 'setup.nameChecks.title')));

interface Found {
  sheet: Sheet;
  id: number;
  index: number;
  /** Rows 1…names+1, columns A:B, as read (null when the read failed: rows deleted). */
  cells: { values: unknown[][]; formulas: string[][] } | null;
}

export class NameChecks {
  private found: Found | null | undefined;
  constructor(
    private readonly wb: Workbook,
    private readonly names: NamedRangeDef[],
  ) {}

  private read(sheet: Sheet): Found['cells'] {
    try {
      const range = sheet.getRange(1, 1, this.names.length + 1, 2);
      return { values: range.getValues(), formulas: range.getFormulas() };
    } catch (_e) {
      return null;
    }
  }

  /** The tab: at its remembered position when its first cell is our title, else by its metadata. */
  private tab(): Found | null {
    if (this.found !== undefined) return this.found;
    const known = this.wb.rememberedTab(NAME_CHECKS_KEY);
    if (known) {
      const cells = this.read(known.sheet);
      if (cells && titles().has(String(cells.values[0][0]))) return (this.found = { sheet: known.sheet, id: known.map.sheetId, index: known.map.index, cells });
    }
    const md = this.wb.ss.createDeveloperMetadataFinder().withKey(META_TAB).withValue(NAME_CHECKS_KEY).find()[0];
    const sheet = md?.getLocation().getSheet() ?? null;
    this.found = sheet ? { sheet, id: sheet.getSheetId(), index: sheet.getIndex(), cells: this.read(sheet) } : null;
    return this.found;
  }

  /** True when the tab holds our title and, row by row, each name beside its formula. */
  private intact(): boolean {
    const cells = this.tab()?.cells;
    if (!cells || !titles().has(String(cells.values[0][0]))) return false;
    return this.names.every((n, i) => cells.values[i + 1][0] === n.name && cells.formulas[i + 1][1] === nameCheckFormula(n.name));
  }

  /** True when the tab shows every name resolving; false means: check the slow way. */
  allResolve(): boolean {
    if (!this.intact()) return false;
    const values = this.tab()!.cells!.values;
    return this.names.every((_n, i) => typeof values[i + 1][1] === 'number' && (values[i + 1][1] as number) >= 1);
  }

  /**
   * Writes the tab when its cells are not as set-up writes them, or when `recreated` names were
   * just made again (their formulas are written anew); creates it, hidden, at the end when it is gone.
   */
  write(locale: Locale, recreated: boolean): void {
    if (this.intact() && !recreated) return;
    const want: unknown[][] = [[t(locale, 'setup.nameChecks.title'), ''], ...this.names.map((n) => [n.name, nameCheckFormula(n.name)])];
    let f = this.tab();
    if (!f) {
      const ss = this.wb.ss;
      // insertSheet makes the new sheet the active one: the user stays where they were.
      const active = ss.getActiveSheet();
      const { sheet } = insertSheetNamed(ss, t(locale, 'setup.nameChecks.tab'), ss.getNumSheets(), locale);
      sheet.addDeveloperMetadata(META_TAB, NAME_CHECKS_KEY);
      sheet.hideSheet();
      ss.setActiveSheet(active);
      f = this.found = { sheet, id: sheet.getSheetId(), index: sheet.getIndex(), cells: null };
    }
    f.sheet.getRange(1, 1, want.length, 2).setValues(want);
    f.cells = null;
  }

  /** Remembers where the tab is (a run that found it where remembered writes nothing). */
  remember(): void {
    const f = this.tab();
    storeTabMap(this.wb, NAME_CHECKS_KEY, f ? tabMapOf(f.id, f.index, [], new Map(), true) : null);
  }
}
