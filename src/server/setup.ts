/**
 * "Set up workbook": creates every Sales Desk tab in the user's language and, on every later
 * run, repairs what is missing — headers, notes, header style, validation, number formats,
 * array formulas, named ranges, protections — without moving, overwriting or deleting
 * anything of the user's. What cannot be repaired safely is reported, not forced.
 *
 * Cost: every call below is per tab, per column or per setting/list — never per data row —
 * so set-up costs the same number of Apps Script calls with 0 or 20,000 rows.
 */
import { t, type Locale } from '../core/i18n';
import {
  TABS,
  META_COL,
  META_TAB,
  HEADER_ROW,
  FIRST_DATA_ROW,
  namedRanges,
  validationRangeName,
  type ColumnDef,
  type TabDef,
} from '../core/schema';
import { LISTS, listItemKey, listNamedRange } from '../core/lists';
import { SETTINGS, UNIT_LABELS, TEAM_RANGES, type SettingDef } from '../core/settings';
import { columnLetter, resolveFormula, sameFormula, UnresolvedColumnError } from '../core/formulas';
import { asCellText } from '../core/text';
import { columnsFromMetadata, findTabs, locateColumns, readHeaderRow, wholeColumn } from './workbook/locate';
import { withDocumentLock } from './lock';
import { currentLocale } from './locale';
import { setupObjectionTabs } from './playbook-setup';
import { ensureHighlights } from './highlights';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export interface SetupProblem {
  code: 'unknownTab' | 'userDataInFormula' | 'userFormula' | 'listChanged' | 'settingMissing';
  params: Record<string, string>;
}

export interface SetupReport {
  locale: Locale;
  createdTabs: string[];
  addedColumns: string[];
  repairs: string[];
  problems: SetupProblem[];
}

interface TabState {
  def: TabDef;
  sheet: Sheet;
  columns: Map<string, number>;
  created: boolean;
  /** Column metadata read while finding the tab (read once per run). */
  meta: Map<string, number>;
  /** The header row as read once per run (up to the last used column), then as set-up left it. */
  headers: unknown[];
  /** Cached sheet size and name (see maxRowsOf, tabName). */
  maxRows?: number;
  name?: string;
}

const PROTECT_PREFIX = 'salesdesk:';

/** Number format for a column type; null leaves the format alone. */
export function numberFormatFor(col: ColumnDef): string | null {
  if (col.numberFormat) return col.numberFormat;
  switch (col.type) {
    case 'date':
      return 'yyyy-mm-dd';
    case 'datetime':
      return 'yyyy-mm-dd hh:mm';
    case 'currency':
      return '#,##0.00';
    case 'number':
      return '#,##0.##';
    case 'percent':
      return '0%';
    case 'integer':
      return '0';
    case 'text':
    case 'longtext':
    case 'email':
    case 'phone':
    case 'id':
      // Plain text: what a user types stays text (principle 6). Not on computed columns.
      return col.formula ? null : '@';
    default:
      return null;
  }
}

const isBlank = (v: unknown) => v === '' || v === null || v === undefined;
const isErrorValue = (v: unknown) => typeof v === 'string' && /^#(REF|SPILL|N\/A|VALUE|ERROR|NAME|DIV\/0|NUM|NULL)[!?]?/.test(v);

/** The language of the workbook's texts: the Settings override, else the user's own language. */
function setupLocale(ss: Spreadsheet): Locale {
  try {
    const r = ss.getRangeByName('SD_LANGUAGE');
    const key = r ? listItemKey('language', r.getValue()) : null;
    if (key === 'en' || key === 'zh') return key;
  } catch (_e) {
    // no Settings yet
  }
  return currentLocale();
}

function uniqueSheetName(ss: Spreadsheet, wanted: string, suffix: string): string {
  if (!ss.getSheetByName(wanted)) return wanted;
  for (let i = 1; i < 100; i++) {
    const n = i === 1 ? `${wanted} ${suffix}` : `${wanted} ${suffix} ${i}`;
    if (!ss.getSheetByName(n)) return n;
  }
  return `${wanted} ${Date.now()}`;
}

/** Creates missing tabs and finds existing ones; a same-named tab that is not ours is left alone. */
function ensureTabs(ss: Spreadsheet, locale: Locale, report: SetupReport): TabState[] {
  const found = findTabs(ss);
  const states: TabState[] = [];
  for (const def of TABS) {
    let f = found.get(def.key);
    let headers: unknown[] = [];
    let meta = new Map<string, number>();
    if (f) {
      headers = readHeaderRow(f.sheet);
      meta = def.columns.length ? columnsFromMetadata(f.sheet) : new Map();
      if (f.via === 'name' && def.columns.length) {
        const located = locateColumns(def, headers, meta).columns.size;
        const hasContent = headers.some((h) => !isBlank(h));
        if (hasContent && located === 0) {
          const created = uniqueSheetName(ss, def.name[locale], locale === 'zh' ? '（销售台）' : '(Sales Desk)');
          report.problems.push({ code: 'unknownTab', params: { sheet: f.sheet.getName(), created } });
          f = undefined;
          const sheet = ss.insertSheet(created, ss.getNumSheets());
          states.push(newTab(def, sheet, report));
          continue;
        }
      }
      if (f.via === 'name') {
        f.sheet.addDeveloperMetadata(META_TAB, def.key);
        report.repairs.push(`${def.key}: tab key`);
      }
      states.push({ def, sheet: f.sheet, columns: locateColumns(def, headers, meta).columns, created: false, meta, headers });
    } else {
      const name = uniqueSheetName(ss, def.name[locale], locale === 'zh' ? '（销售台）' : '(Sales Desk)');
      const sheet = ss.insertSheet(name, ss.getNumSheets());
      states.push(newTab(def, sheet, report));
    }
  }
  return states;
}

function newTab(def: TabDef, sheet: Sheet, report: SetupReport): TabState {
  sheet.addDeveloperMetadata(META_TAB, def.key);
  if (def.color) sheet.setTabColor(def.color);
  const name = sheet.getName();
  report.createdTabs.push(name);
  return { def, sheet, columns: new Map(), created: true, meta: new Map(), headers: [], name };
}

/** Headers, column metadata, notes, header style, frozen rows and widths of new columns. */
function ensureColumns(ss: Spreadsheet, st: TabState, locale: Locale, report: SetupReport): void {
  const { def, sheet } = st;
  if (def.kind === 'shell') {
    // st.headers.length is the sheet's last used column (read once in ensureTabs).
    if (st.created || (st.headers.length === 0 && sheet.getLastRow() === 0)) {
      sheet.getRange(1, 1, 2, 1).setValues([[def.name[locale]], [def.description[locale]]]);
      sheet.getRange(1, 1).setFontSize(16).setFontWeight('bold');
    }
    return;
  }
  const headers = st.headers;
  const meta = st.meta;
  const { columns, viaMetadata } = locateColumns(def, headers, meta);
  // headers.length is the last used column; new columns go strictly after it (and after any
  // keyed column beyond it): we never reuse a trailing column.
  let lastCol = Math.max(headers.length, ...[...columns.values()], 0);
  const added: ColumnDef[] = [];
  for (const col of def.columns) {
    if (columns.has(col.key)) continue;
    lastCol += 1;
    columns.set(col.key, lastCol);
    added.push(col);
  }
  if (added.length) {
    const maxCols = sheet.getMaxColumns();
    if (lastCol > maxCols) sheet.insertColumnsAfter(maxCols, lastCol - maxCols);
  }
  // Column keys as metadata, on the whole column (one call per key that is missing).
  for (const col of def.columns) {
    if (viaMetadata.has(col.key)) continue;
    wholeColumn(sheet, columns.get(col.key)!).addDeveloperMetadata(META_COL, col.key);
    if (!added.includes(col)) report.repairs.push(`${def.key}.${col.key}: column key`);
  }
  if (!st.created) for (const col of added) report.addedColumns.push(`${tabName(st)}: ${col.header[locale]}`);
  // Header texts: only blank cells are written (a renamed header is the user's choice).
  const row: unknown[] = [];
  for (let i = 0; i < lastCol; i++) row.push(i < headers.length ? headers[i] : '');
  let headerChanged = false;
  for (const col of def.columns) {
    const i = columns.get(col.key)! - 1;
    if (isBlank(row[i]) || (typeof row[i] === 'string' && (row[i] as string).trim() === '')) {
      row[i] = col.header[locale];
      headerChanged = true;
      if (!added.includes(col) && !st.created) report.repairs.push(`${def.key}.${col.key}: header`);
    }
  }
  // The whole header row as one range: one read of notes and styles, at most one write each.
  const headerRange = sheet.getRange(HEADER_ROW, 1, 1, lastCol);
  if (headerChanged) headerRange.setValues([row.map((v) => (typeof v === 'string' ? asCellText(v) : v))]);
  st.headers = row;
  // Notes: written where blank; the other cells' notes are written back as they were read.
  const notes: string[] = st.created ? row.map(() => '') : headerRange.getNotes()[0].map((n) => String(n ?? ''));
  let notesChanged = false;
  for (const col of def.columns) {
    const c = columns.get(col.key)!;
    if (!notes[c - 1]) {
      notes[c - 1] = col.note[locale];
      notesChanged = true;
    }
  }
  if (notesChanged) headerRange.setNotes([notes]);
  // Header style on our header cells only (a user's own columns keep their look), written only
  // when one of them differs: one range, or one RangeList when the user split our columns.
  const ours = def.columns.map((col) => columns.get(col.key)!);
  const hs = def.headerStyle;
  const weight = hs.bold ? 'bold' : 'normal';
  let styled = false;
  if (!st.created) {
    const bg = headerRange.getBackgrounds()[0];
    const fc = headerRange.getFontColors()[0];
    const fw = headerRange.getFontWeights()[0];
    const same = (a: unknown, b: string) => String(a ?? '').toLowerCase() === b.toLowerCase();
    styled = ours.every((c) => same(bg[c - 1], hs.background) && same(fc[c - 1], hs.fontColor) && same(fw[c - 1], weight));
  }
  if (!styled) {
    const runs = runsOf(ours);
    const target =
      runs.length === 1
        ? sheet.getRange(HEADER_ROW, runs[0][0], 1, runs[0][1])
        : sheet.getRangeList(runs.map(([from, n]) => `${columnLetter(from)}${HEADER_ROW}:${columnLetter(from + n - 1)}${HEADER_ROW}`));
    target.setBackground(hs.background).setFontColor(hs.fontColor).setFontWeight(weight);
  }
  if (st.created ? def.frozenRows > 0 : sheet.getFrozenRows() < def.frozenRows) sheet.setFrozenRows(def.frozenRows);
  if (st.created && def.frozenColumns) sheet.setFrozenColumns(def.frozenColumns);
  // Widths of new columns: one call per run of adjacent columns of equal width.
  const widths = added.map((col) => ({ c: columns.get(col.key)!, w: col.width })).sort((a, b) => a.c - b.c);
  for (let i = 0; i < widths.length; ) {
    let j = i;
    while (j + 1 < widths.length && widths[j + 1].c === widths[j].c + 1 && widths[j + 1].w === widths[i].w) j++;
    sheet.setColumnWidths(widths[i].c, j - i + 1, widths[i].w);
    i = j + 1;
  }
  st.columns = columns;
}

/** Runs of adjacent 1-based columns as [first, count]. */
function runsOf(cols: number[]): [number, number][] {
  const sorted = [...new Set(cols)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === c) last[1]++;
    else out.push([c, 1]);
  }
  return out;
}

/** Rows of the sheet, read once per run (set-up's own row insertions keep it current). */
function maxRowsOf(st: TabState): number {
  if (st.maxRows === undefined) st.maxRows = st.sheet.getMaxRows();
  return st.maxRows;
}

/** Appends rows so the sheet has at least `needed` rows. */
function ensureRows(st: TabState, needed: number): void {
  const max = maxRowsOf(st);
  if (needed > max) {
    st.sheet.insertRowsAfter(max, needed - max);
    st.maxRows = needed;
  }
}

/** The tab's sheet name, read once per run. */
function tabName(st: TabState): string {
  if (st.name === undefined) st.name = st.sheet.getName();
  return st.name;
}

/** Data range of one column below the header, to the last sheet row. */
function dataColumn(st: TabState, col: number): Range {
  return st.sheet.getRange(FIRST_DATA_ROW, col, Math.max(1, maxRowsOf(st) - FIRST_DATA_ROW + 1), 1);
}

function settingFormat(s: SettingDef): string | null {
  if (s.unit === 'share') return '0.0%';
  if (s.unit === 'boolean' || s.unit === 'choice') return null;
  return '0';
}

function settingDefault(s: SettingDef, locale: Locale): unknown {
  if (s.unit === 'choice' && s.list) {
    const it = LISTS.find((l) => l.key === s.list)!.items.find((i) => i.key === s.default);
    return it ? it.label[locale] : String(s.default);
  }
  return s.default;
}

/** Setting rows: one per setting, found by key in the key column; missing ones are appended. */
function ensureSettingRows(st: TabState, locale: Locale, report: SetupReport): Map<string, number> {
  const { sheet, columns } = st;
  const keyCol = columns.get('setting_key')!;
  const last = sheet.getLastRow();
  const keys =
    last >= FIRST_DATA_ROW ? sheet.getRange(FIRST_DATA_ROW, keyCol, last - FIRST_DATA_ROW + 1, 1).getValues().map((r) => String(r[0]).trim()) : [];
  const rows = new Map<string, number>();
  keys.forEach((k, i) => {
    if (k && !rows.has(k)) rows.set(k, FIRST_DATA_ROW + i);
  });
  let lastKeyRow = FIRST_DATA_ROW - 1;
  keys.forEach((k, i) => {
    if (k) lastKeyRow = FIRST_DATA_ROW + i;
  });
  const missing = SETTINGS.filter((s) => !rows.has(s.key));
  if (missing.length) {
    const start = lastKeyRow + 1;
    const needed = start + missing.length - 1;
    ensureRows(st, needed);
    const fields: [string, (s: SettingDef) => unknown][] = [
      ['setting_key', (s) => s.key],
      ['setting_label', (s) => s.label[locale]],
      ['setting_value', (s) => settingDefault(s, locale)],
      ['setting_unit', (s) => UNIT_LABELS[s.unit][locale]],
      ['setting_explanation', (s) => s.explanation[locale]],
      ['setting_source', (s) => s.source],
    ];
    // One setValues per run of adjacent columns.
    const placed = fields.map(([k, f]) => ({ col: columns.get(k)!, f })).sort((a, b) => a.col - b.col);
    let i = 0;
    while (i < placed.length) {
      let j = i;
      while (j + 1 < placed.length && placed[j + 1].col === placed[j].col + 1) j++;
      const run = placed.slice(i, j + 1);
      sheet.getRange(start, run[0].col, missing.length, run.length).setValues(missing.map((s) => run.map((p) => p.f(s))));
      i = j + 1;
    }
    missing.forEach((s, k) => rows.set(s.key, start + k));
    if (!st.created) for (const s of missing) report.repairs.push(`settings.${s.key}: added`);
  }
  return rows;
}

/** Built-in list values in rows 2…n+1 of each list column; blanks are filled, changes reported. */
function ensureListValues(st: TabState, locale: Locale, report: SetupReport): void {
  const { sheet, columns } = st;
  const longest = Math.max(...LISTS.map((l) => l.items.length));
  const lastCol = Math.max(...[...columns.values()]);
  ensureRows(st, longest + 1);
  const grid = sheet.getRange(FIRST_DATA_ROW, 1, longest, lastCol).getValues();
  for (const list of LISTS) {
    const c = columns.get(list.key)!;
    let fill = false;
    const values = list.items.map((it, r) => {
      const v = grid[r][c - 1];
      if (isBlank(v)) {
        fill = true;
        return it.label[locale];
      }
      if (listItemKey(list.key, v) !== it.key) {
        report.problems.push({
          code: 'listChanged',
          params: { sheet: tabName(st), cell: `${columnLetter(c)}${FIRST_DATA_ROW + r}`, value: String(v) },
        });
      }
      return v;
    });
    if (fill) {
      sheet.getRange(FIRST_DATA_ROW, c, values.length, 1).setValues(values.map((v) => [v]));
      if (!st.created) report.repairs.push(`lists.${list.key}: values`);
    }
  }
}

/** Named ranges: created when missing; an existing one is kept (Sheets moves it with its cells). */
function ensureNamedRanges(ss: Spreadsheet, states: Map<string, TabState>, settingRows: Map<string, number>, report: SetupReport): void {
  const existing = new Set<string>();
  for (const nr of ss.getNamedRanges()) existing.add(nr.getName());
  for (const def of namedRanges()) {
    if (existing.has(def.name)) continue;
    let range: Range | null = null;
    if (def.target.kind === 'setting') {
      const st = states.get('settings')!;
      const row = settingRows.get(def.target.settingKey);
      if (row) range = st.sheet.getRange(row, st.columns.get('setting_value')!);
    } else {
      const st = states.get(def.target.tabKey)!;
      const c = st.columns.get(def.target.columnKey)!;
      range = dataColumn(st, c);
    }
    if (!range) {
      report.problems.push({ code: 'settingMissing', params: { setting: def.name } });
      continue;
    }
    ss.setNamedRange(def.name, range);
    if (!states.get(def.target.kind === 'setting' ? 'settings' : def.target.tabKey)!.created) report.repairs.push(`named range ${def.name}`);
  }
}

function listRange(states: Map<string, TabState>, col: ColumnDef): Range | null {
  const name = validationRangeName(col);
  if (!name) return null;
  if (name === TEAM_RANGES.name) {
    const st = states.get('settings')!;
    return dataColumn(st, st.columns.get('team_name')!);
  }
  const list = LISTS.find((l) => listNamedRange(l.key) === name)!;
  const st = states.get('lists')!;
  return dataColumn(st, st.columns.get(list.key)!);
}

function numberRule(rules: RuleCache, min: number, max: number | null | undefined): Rule {
  return cachedRule(rules, `number:${min}:${max ?? ''}`, () => {
    const b = SpreadsheetApp.newDataValidation();
    return (max != null ? b.requireNumberBetween(min, max) : b.requireNumberGreaterThanOrEqualTo(min)).setAllowInvalid(false).build();
  })!;
}

function validationFor(states: Map<string, TabState>, col: ColumnDef, rules: RuleCache): Rule | null {
  switch (col.type) {
    case 'list': {
      const name = validationRangeName(col);
      if (!name) return null;
      // Warning only: values in the other language (a team that switched) stay accepted.
      return cachedRule(rules, `list:${name}`, () => {
        const r = listRange(states, col);
        return r ? SpreadsheetApp.newDataValidation().requireValueInRange(r, true).setAllowInvalid(true).build() : null;
      });
    }
    case 'email':
      return cachedRule(rules, 'email', () => SpreadsheetApp.newDataValidation().requireTextIsEmail().setAllowInvalid(true).build());
    case 'date':
    case 'datetime':
      return cachedRule(rules, 'date', () => SpreadsheetApp.newDataValidation().requireDate().setAllowInvalid(false).build());
    case 'boolean':
      return cachedRule(rules, 'checkbox', () => SpreadsheetApp.newDataValidation().requireCheckbox().build());
    case 'integer':
    case 'number':
    case 'currency':
    case 'percent':
      if (!col.bounds) return null;
      return numberRule(rules, col.bounds.min, col.bounds.max);
    default:
      return null;
  }
}

/** Builds each distinct validation rule once per run (builders are calls too). */
type Rule = GoogleAppsScript.Spreadsheet.DataValidation;
type RuleCache = Map<string, Rule | null>;
function cachedRule(cache: RuleCache, key: string, build: () => Rule | null): Rule | null {
  if (!cache.has(key)) cache.set(key, build());
  return cache.get(key)!;
}

/** A1 notation of rows r1..r2 of the 1-based columns from..from+n-1. */
function blockA1(r1: number, r2: number, from: number, n: number): string {
  return `${columnLetter(from)}${r1}:${columnLetter(from + n - 1)}${r2}`;
}

/** One number format on several blocks of a sheet: one Range, or one RangeList. */
function setFormatOn(sheet: Sheet, a1s: string[], format: string): void {
  if (a1s.length === 1) sheet.getRange(a1s[0]).setNumberFormat(format);
  else sheet.getRangeList(a1s).setNumberFormat(format);
}

/**
 * Rules on adjacent columns (or rows) as few calls as possible: a run whose cells share one rule
 * gets setDataValidation, a run of mixed rules one setDataValidations.
 */
function setRulesOn(sheet: Sheet, cells: { col: number; row: number; rule: Rule }[], alongRows: boolean, rows: number): void {
  const pos = (x: { col: number; row: number }) => (alongRows ? x.row : x.col);
  const sorted = [...cells].sort((a, b) => pos(a) - pos(b));
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && pos(sorted[j + 1]) === pos(sorted[j]) + 1) j++;
    const run = sorted.slice(i, j + 1);
    const first = run[0];
    const range = alongRows ? sheet.getRange(first.row, first.col, run.length, 1) : sheet.getRange(first.row, first.col, rows, run.length);
    if (run.every((x) => x.rule === first.rule)) range.setDataValidation(first.rule);
    else if (alongRows) range.setDataValidations(run.map((x) => [x.rule]));
    else {
      const line = run.map((x) => x.rule);
      range.setDataValidations(Array.from({ length: rows }, () => line));
    }
    i = j + 1;
  }
}

/**
 * Validation and number formats on the data cells of every input column: one call per distinct
 * format (a RangeList over its columns) and one per run of adjacent validated columns, each
 * covering every data row; settings get theirs per value cell, batched the same way.
 */
function ensureFormatsAndValidation(states: Map<string, TabState>, st: TabState, settingRows: Map<string, number>, rules: RuleCache): void {
  if (st.def.kind === 'shell' || st.def.kind === 'lists') return;
  const { sheet } = st;
  const rows = Math.max(1, maxRowsOf(st) - FIRST_DATA_ROW + 1);
  const lastRow = FIRST_DATA_ROW + rows - 1;
  const byFormat = new Map<string, number[]>();
  const validated: { col: number; row: number; rule: Rule }[] = [];
  for (const col of st.def.columns) {
    if (st.def.kind === 'settings' && col.key === 'setting_value') continue;
    const c = st.columns.get(col.key)!;
    const fmt = numberFormatFor(col);
    if (fmt) byFormat.set(fmt, [...(byFormat.get(fmt) ?? []), c]);
    if (col.formula) continue;
    const rule = validationFor(states, col, rules);
    if (rule) validated.push({ col: c, row: FIRST_DATA_ROW, rule });
  }
  for (const [fmt, cols] of byFormat) setFormatOn(sheet, runsOf(cols).map(([from, n]) => blockA1(FIRST_DATA_ROW, lastRow, from, n)), fmt);
  setRulesOn(sheet, validated, false, rows);
  if (st.def.kind === 'settings') {
    const valCol = st.columns.get('setting_value')!;
    const cellFormats = new Map<string, number[]>();
    const cellRules: { col: number; row: number; rule: Rule }[] = [];
    for (const s of SETTINGS) {
      const row = settingRows.get(s.key);
      if (!row) continue;
      const fmt = settingFormat(s);
      if (fmt) cellFormats.set(fmt, [...(cellFormats.get(fmt) ?? []), row]);
      let rule: Rule;
      if (s.unit === 'boolean') rule = cachedRule(rules, 'checkbox', () => SpreadsheetApp.newDataValidation().requireCheckbox().build())!;
      else if (s.unit === 'choice') {
        const lists = states.get('lists')!;
        rule = cachedRule(rules, `choice:${s.list}`, () =>
          SpreadsheetApp.newDataValidation().requireValueInRange(dataColumn(lists, lists.columns.get(s.list!)!), true).setAllowInvalid(false).build(),
        )!;
      } else rule = numberRule(rules, s.min ?? 0, s.max);
      cellRules.push({ col: valCol, row, rule });
    }
    const L = columnLetter(valCol);
    for (const [fmt, rowsOf] of cellFormats)
      setFormatOn(sheet, runsOf(rowsOf).map(([from, n]) => (n === 1 ? `${L}${from}` : `${L}${from}:${L}${from + n - 1}`)), fmt);
    setRulesOn(sheet, cellRules, true, 1);
  }
}

/**
 * One array formula per computed column, in the first data row; user data is reported, not
 * overwritten. The first data row of the tab is read once; a whole column only when its anchor
 * is missing or shows an error (to find what a user typed below it).
 */
function ensureFormulas(states: Map<string, TabState>, st: TabState, report: SetupReport, locale: Locale): void {
  const ctx = {
    tabKey: st.def.key,
    firstDataRow: FIRST_DATA_ROW,
    column: (tabKey: string, key: string) => states.get(tabKey)?.columns.get(key) ?? null,
    sheetName: (tabKey: string) => {
      const other = states.get(tabKey);
      return other ? tabName(other) : null;
    },
  };
  const computed = st.def.columns.filter((col) => col.formula && st.columns.has(col.key));
  if (!computed.length) return;
  const width = Math.max(...computed.map((col) => st.columns.get(col.key)!));
  let anchors: { formulas: string[]; values: unknown[] } | null = null;
  const anchorRow = () => {
    if (!anchors) {
      const r = st.sheet.getRange(FIRST_DATA_ROW, 1, 1, width);
      anchors = { formulas: r.getFormulas()[0], values: r.getValues()[0] };
    }
    return anchors;
  };
  for (const col of computed) {
    let expected: string;
    try {
      expected = resolveFormula(col.formula!, ctx);
    } catch (e) {
      if (e instanceof UnresolvedColumnError) continue;
      throw e;
    }
    const c = st.columns.get(col.key)!;
    const anchorFormula = st.created ? '' : anchorRow().formulas[c - 1];
    const anchorValue = st.created ? '' : anchorRow().values[c - 1];
    const header = String(st.headers[c - 1] || col.header[locale]);
    const typedBelow = (): string[] => {
      // A tab created by this run has nothing below its anchors.
      if (st.created) return [];
      const range = dataColumn(st, c);
      const formulas = range.getFormulas();
      const values = range.getValues();
      const cells: string[] = [];
      for (let r = 1; r < values.length; r++) {
        if (formulas[r][0] || !isBlank(values[r][0])) cells.push(`${columnLetter(c)}${FIRST_DATA_ROW + r}`);
      }
      return cells;
    };
    const reportTyped = (cells: string[]) => {
      const shown = cells.slice(0, 10).join(', ') + (cells.length > 10 ? ` (+${cells.length - 10})` : '');
      report.problems.push({ code: 'userDataInFormula', params: { sheet: tabName(st), column: header, cells: shown } });
    };
    if (!anchorFormula) {
      const cells = typedBelow();
      if (!isBlank(anchorValue)) cells.unshift(`${columnLetter(c)}${FIRST_DATA_ROW}`);
      if (cells.length) {
        reportTyped(cells);
        continue;
      }
      st.sheet.getRange(FIRST_DATA_ROW, c).setFormula(expected);
      anchors = null; // other anchors may compute differently now
      if (!st.created) report.repairs.push(`${st.def.key}.${col.key}: formula`);
      continue;
    }
    if (!sameFormula(anchorFormula, expected)) {
      if (/^=\s*ARRAYFORMULA\s*\(/i.test(anchorFormula)) {
        // Ours, from another version or written before the columns moved: bring it up to date.
        st.sheet.getRange(FIRST_DATA_ROW, c).setFormula(expected);
        anchors = null;
        report.repairs.push(`${st.def.key}.${col.key}: formula`);
      } else {
        report.problems.push({
          code: 'userFormula',
          params: { sheet: tabName(st), column: header, cell: `${columnLetter(c)}${FIRST_DATA_ROW}` },
        });
        continue;
      }
    }
    // An array that cannot expand shows an error in its anchor (#REF! in Sheets): the cells
    // below that hold something were typed by a user.
    if (isErrorValue(anchorValue)) {
      const cells = typedBelow();
      if (cells.length) reportTyped(cells);
    }
  }
}


/** Warning-only protections: the header row and every computed or script-owned column. */
function ensureProtections(st: TabState, locale: Locale): void {
  if (st.def.kind === 'shell') return;
  const have = new Set<string>();
  for (const p of st.sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) have.add(p.getDescription());
  const want: { id: string; range: () => Range }[] = [
    { id: `${PROTECT_PREFIX}${st.def.key}:header`, range: () => st.sheet.getRange(`${HEADER_ROW}:${HEADER_ROW}`) },
  ];
  for (const col of st.def.columns) {
    if (!col.formula && !col.protected) continue;
    if (st.def.kind === 'settings') continue; // settings labels are protected via the header only
    want.push({ id: `${PROTECT_PREFIX}${st.def.key}:${col.key}`, range: () => dataColumn(st, st.columns.get(col.key)!) });
  }
  for (const w of want) {
    if (have.has(w.id)) continue;
    w.range().protect().setDescription(w.id).setWarningOnly(true);
  }
  void locale;
}

/** Runs set-up on a spreadsheet and returns what it did (no UI). */
export function runSetup(ss: Spreadsheet): SetupReport {
  const locale = setupLocale(ss);
  const report: SetupReport = { locale, createdTabs: [], addedColumns: [], repairs: [], problems: [] };
  ss.setRecalculationInterval(SpreadsheetApp.RecalculationInterval.HOUR); // TODAY() columns stay current without edits (issue 10)
  const list = ensureTabs(ss, locale, report);
  const states = new Map(list.map((s) => [s.def.key, s] as const));
  for (const st of list) ensureColumns(ss, st, locale, report);
  const settings = states.get('settings')!;
  const settingRows = ensureSettingRows(settings, locale, report);
  ensureListValues(states.get('lists')!, locale, report);
  ensureNamedRanges(ss, states, settingRows, report);
  const rules: RuleCache = new Map();
  for (const st of list) ensureFormatsAndValidation(states, st, settingRows, rules);
  for (const st of list) ensureFormulas(states, st, report, locale);
  for (const st of list) ensureProtections(st, locale);
  setupObjectionTabs(states, locale, report);
  for (const st of list) {
    if (st.def.highlights && ensureHighlights({ ...st, maxRows: maxRowsOf(st) }) && !st.created) report.repairs.push(`${st.def.key}: highlights`);
  }
  // The first time, open the register where the user starts; a repair leaves them where they are.
  const customers = states.get('customers');
  if (customers?.created) ss.setActiveSheet(customers.sheet);
  return report;
}

/** The message set-up shows, in the user's language. */
export function setupMessage(report: SetupReport): string {
  const L = report.locale;
  const lines: string[] = [];
  if (!report.createdTabs.length && !report.addedColumns.length && !report.repairs.length) lines.push(t(L, 'setup.nothingToDo'));
  else
    lines.push(
      t(L, 'setup.done', {
        created: report.createdTabs.length ? report.createdTabs.join(', ') : '0',
        columns: report.addedColumns.length ? report.addedColumns.join(', ') : '0',
        repairs: String(report.repairs.length),
      }),
    );
  if (report.problems.length) {
    lines.push('', t(L, 'setup.problemsIntro'));
    for (const p of report.problems) lines.push(`• ${t(L, `setup.problem.${p.code}`, p.params)}`);
  }
  return lines.join('\n');
}

/** Menu action "Set up workbook". */
export function setupWorkbook(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  // A first set-up makes many Apps Script calls: say so while it runs (-1 keeps the toast up
  // until the closing dialog replaces it; https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#toast(String,String,Number)).
  const locale = currentLocale();
  ss.toast(t(locale, 'setup.working'), t(locale, 'app.name'), -1);
  const report = withDocumentLock(() => runSetup(ss));
  ss.toast(t(locale, 'setup.finished'), t(locale, 'app.name'), 5);
  const ui = SpreadsheetApp.getUi();
  ui.alert(t(report.locale, 'setup.title'), setupMessage(report), ui.ButtonSet.OK);
}
