/**
 * Data validation on the data cells of every input column (dropdowns from the Lists tab and the
 * team list, e-mail, dates, checkboxes, number bounds) and on each setting's value cell.
 *
 * Checked on every run: the tab's validations are read once over its data block, and a column
 * (or a setting's cell) is written again when any of its cells has no rule — a paste or a
 * "clear formatting" removes it — covering every row the sheet has now. A cell whose rule was
 * replaced by another one is not told apart (reading a rule's criteria costs calls per cell).
 * Each distinct rule is built once per run (builders are calls too); writes are one call per
 * run of adjacent columns.
 */
import { FIRST_DATA_ROW, validationRangeName, type ColumnDef } from '../../core/schema';
import { LISTS, listNamedRange } from '../../core/lists';
import { SETTINGS, TEAM_RANGES, type SettingDef } from '../../core/settings';
import { adjacentRuns } from '../records/write';
import type { SettingRows } from './settings-rows';
import { blockA1, type Rule, type SetupTab } from './tab';
import type { SetupTabs } from './tabs';

type Range = GoogleAppsScript.Spreadsheet.Range;

/** The rules of one run, each built once, and the data ranges of the lists they point to. */
export class RuleBook {
  private readonly rules = new Map<string, Rule | null>();
  private listRanges: Map<string, Range> | null = null;
  constructor(private readonly tabs: SetupTabs) {}

  private cached(key: string, build: () => Rule | null): Rule | null {
    if (!this.rules.has(key)) this.rules.set(key, build());
    return this.rules.get(key)!;
  }

  /** The data range a list rule points to: a Lists column, or the team names on Settings. */
  private listRange(name: string): Range | null {
    if (name === TEAM_RANGES.name) {
      const st = this.tabs.get('settings');
      return st ? st.dataColumn(st.columns.get('team_name')!) : null;
    }
    const list = LISTS.find((l) => listNamedRange(l.key) === name);
    return list ? this.listColumn(list.key) : null;
  }

  /** A list's column on the Lists tab, below its header; every list's range comes from one RangeList. */
  listColumn(listKey: string): Range | null {
    const lists = this.tabs.get('lists');
    if (!lists) return null;
    if (!this.listRanges) {
      const ranges = lists.ranges(LISTS.map((l) => blockA1(FIRST_DATA_ROW, lists.lastRow(), lists.columns.get(l.key)!, 1)));
      this.listRanges = new Map(LISTS.map((l, i) => [l.key, ranges[i]]));
    }
    return this.listRanges.get(listKey) ?? null;
  }

  number(min: number, max: number | null | undefined): Rule {
    return this.cached(`number:${min}:${max ?? ''}`, () => {
      const b = SpreadsheetApp.newDataValidation();
      return (max != null ? b.requireNumberBetween(min, max) : b.requireNumberGreaterThanOrEqualTo(min)).setAllowInvalid(false).build();
    })!;
  }
  checkbox(): Rule {
    return this.cached('checkbox', () => SpreadsheetApp.newDataValidation().requireCheckbox().build())!;
  }

  /** The rule of an input column, or null when it has none (or its list is out of reach). */
  forColumn(col: ColumnDef): Rule | null {
    switch (col.type) {
      case 'list': {
        const name = validationRangeName(col);
        if (!name) return null;
        // Warning only (a new rule's default: "The default for new data validation rules is true",
        // https://developers.google.com/apps-script/reference/spreadsheet/data-validation#getallowinvalid):
        // values in the other language (a team that switched) stay accepted.
        return this.cached(`list:${name}`, () => {
          const r = this.listRange(name);
          return r ? SpreadsheetApp.newDataValidation().requireValueInRange(r, true).build() : null;
        });
      }
      case 'email':
        return this.cached('email', () => SpreadsheetApp.newDataValidation().requireTextIsEmail().build()); // warning only, as above
      case 'date':
      case 'datetime':
        return this.cached('date', () => SpreadsheetApp.newDataValidation().requireDate().setAllowInvalid(false).build());
      case 'boolean':
        return this.checkbox();
      case 'integer':
      case 'number':
      case 'currency':
      case 'percent':
        return col.bounds ? this.number(col.bounds.min, col.bounds.max) : null;
      default:
        return null;
    }
  }

  /** The rule of a setting's value cell. */
  forSetting(s: SettingDef): Rule | null {
    if (s.unit === 'boolean') return this.checkbox();
    if (s.unit === 'choice') {
      return this.cached(`choice:${s.list}`, () => {
        const r = this.listColumn(s.list!);
        return r ? SpreadsheetApp.newDataValidation().requireValueInRange(r, true).setAllowInvalid(false).build() : null;
      });
    }
    return this.number(s.min ?? 0, s.max);
  }
}

/** A rule for a whole data column (`row` unused) or for one cell. */
interface Wanted {
  col: number;
  row: number;
  rule: Rule;
}

/** True when some cell of column `col` (1-based), rows `from`…`to` of the data block, has no rule. */
function lacksRule(grid: (Rule | null)[][] | null, col: number, from = 0, to = Infinity): boolean {
  if (!grid) return true;
  const last = Math.min(grid.length - 1, to);
  for (let r = from; r <= last; r++) if (!grid[r][col - 1]) return true;
  return false;
}

export function ensureValidation(tab: SetupTab, book: RuleBook, settingRows: SettingRows | null): boolean {
  if (tab.def.kind === 'shell' || tab.def.kind === 'lists') return false;
  const grid = tab.validations();
  const columns: Wanted[] = [];
  for (const { col, at } of tab.placed()) {
    if (col.formula || (tab.def.kind === 'settings' && col.key === 'setting_value')) continue;
    if (!lacksRule(grid, at)) continue;
    const rule = book.forColumn(col);
    if (rule) columns.push({ col: at, row: 0, rule });
  }
  const cells: Wanted[] = [];
  if (tab.def.kind === 'settings' && settingRows) {
    const valCol = tab.columns.get('setting_value')!;
    for (const s of SETTINGS) {
      const row = settingRows.get(s.key);
      if (!row || !lacksRule(grid, valCol, row - FIRST_DATA_ROW, row - FIRST_DATA_ROW)) continue;
      const rule = book.forSetting(s);
      if (rule) cells.push({ col: valCol, row, rule });
    }
  }
  if (tab.created) setAllRules(tab, columns, cells);
  else {
    setRules(tab, columns, false);
    setRules(tab, cells, true);
  }
  return !tab.created && columns.length + cells.length > 0;
}

/** On a tab created by this run (nothing to keep): every rule of the data block in one call. */
function setAllRules(tab: SetupTab, columns: Wanted[], cells: Wanted[]): void {
  if (!columns.length && !cells.length) return;
  const line: (Rule | null)[] = Array.from({ length: tab.width }, () => null);
  for (const w of columns) line[w.col - 1] = w.rule;
  const grid = Array.from({ length: tab.dataRows() }, () => [...line]);
  for (const w of cells) grid[w.row - FIRST_DATA_ROW][w.col - 1] = w.rule;
  // null leaves a cell without a rule (setDataValidations takes DataValidation | null per cell).
  tab.dataRange().setDataValidations(grid);
  tab.forgetData();
}

/**
 * Rules on adjacent columns (whole data columns) or adjacent rows of one column (single cells)
 * in as few calls as possible: a run sharing one rule gets setDataValidation, a run of mixed
 * rules one setDataValidations.
 */
function setRules(tab: SetupTab, wanted: Wanted[], alongRows: boolean): void {
  const rows = tab.dataRows();
  // Runs of adjacent columns (whole data columns) or adjacent rows (cells of one column).
  for (const placed of adjacentRuns(wanted.map((w) => ({ w, col: alongRows ? w.row : w.col })))) {
    const run = placed.map((p) => p.w);
    const first = run[0];
    const range = tab.range(
      alongRows ? blockA1(first.row, first.row + run.length - 1, first.col, 1) : blockA1(FIRST_DATA_ROW, tab.lastRow(), first.col, run.length),
    );
    if (run.every((x) => x.rule === first.rule)) range.setDataValidation(first.rule);
    else if (alongRows) range.setDataValidations(run.map((x) => [x.rule]));
    else {
      const line = run.map((x) => x.rule);
      range.setDataValidations(Array.from({ length: rows }, () => line));
    }
  }
  if (wanted.length) tab.forgetData();
}
