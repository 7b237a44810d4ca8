/**
 * Reads what the page shows from the runtime. The grid is read through the same Apps Script
 * API the add-in uses (rt.spreadsheet, not counted as script calls): getDisplayValues for what
 * a cell shows, getFormulas, the style getters, getDataValidations for dropdowns, getFrozenRows
 * and getColumnWidth — so the page shows what Sheets would show for the same document.
 * Only the requested window of rows is read, so a 20,000-row tab stays quick.
 */
import type { AnyLocalRuntime } from '../index';
import type { CellStyle, CellView, ChartView, FormView, GridView, MailView, TabView, TeamMember } from './protocol';
import { findColumns } from './demo/columns';
import type { UiState } from '../runtime/services';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** The Ui state as the runtime records it (services/ui.ts). */
export type UiStateLike = UiState;

export function readUi(rt: AnyLocalRuntime): UiState {
  return rt.ui.state;
}

/** E-mails the add-in sent with MailApp (services/mail.ts), newest last. */
export function readMail(rt: AnyLocalRuntime): MailView[] {
  return rt.mail.outbox.map((m) => ({
    to: m.to.join(', '),
    cc: m.cc.length ? m.cc.join(', ') : undefined,
    bcc: m.bcc.length ? m.bcc.join(', ') : undefined,
    subject: m.subject,
    body: m.body,
    htmlBody: m.htmlBody,
    from: m.from,
    at: new Date(m.sentAtMs).toISOString(),
  }));
}

/** Forms the add-in created with FormApp (services/forms.ts). */
export function readForms(rt: AnyLocalRuntime): FormView[] {
  return rt.forms.state.forms.map((f) => ({ title: f.title || '(untitled form)', id: f.id, detail: f }));
}

export function tabsOf(rt: AnyLocalRuntime): TabView[] {
  return rt.spreadsheet.getSheets().map((s) => ({
    name: s.getName(),
    color: safe(() => s.getTabColor(), null),
    rows: safe(() => s.getMaxRows(), 1000),
    cols: safe(() => s.getMaxColumns(), 26),
    hidden: safe(() => s.isSheetHidden(), false),
  }));
}

/** The team list on the Settings tab, for the user switcher. */
export function readTeam(rt: AnyLocalRuntime): TeamMember[] {
  try {
    const cols = findColumns(rt, 'settings');
    if (!cols) return [];
    const { sheet, index } = cols;
    const last = sheet.getLastRow();
    if (last < 2) return [];
    const ni = index.get('team_name');
    const ei = index.get('team_email');
    const ri = index.get('team_role');
    if (!ni || !ei) return [];
    const width = Math.max(ni, ei, ri ?? 0);
    const rows = sheet.getRange(2, 1, last - 1, width).getDisplayValues();
    return rows.filter((r) => r[ei - 1]).map((r) => ({ name: r[ni - 1] ?? '', email: r[ei - 1] ?? '', role: ri ? (r[ri - 1] ?? '') : '' }));
  } catch {
    return [];
  }
}

export interface GridRequest {
  sheet?: string;
  start: number;
  count: number;
}

export function gridOf(rt: AnyLocalRuntime, req: GridRequest): Omit<GridView, 'version'> {
  const ss = rt.spreadsheet;
  const sheet = (req.sheet ? ss.getSheetByName(req.sheet) : null) ?? ss.getSheets()[0]!;
  const rows = safe(() => sheet.getMaxRows(), 1000);
  const cols = safe(() => sheet.getMaxColumns(), 26);
  const lastRow = safe(() => sheet.getLastRow(), 0);
  const lastCol = safe(() => sheet.getLastColumn(), 0);
  const frozenRows = safe(() => sheet.getFrozenRows(), 0);
  const frozenCols = safe(() => sheet.getFrozenColumns(), 0);
  const colWidths: number[] = [];
  for (let c = 1; c <= cols; c++) colWidths.push(safe(() => sheet.getColumnWidth(c), 100));

  const styles: CellStyle[] = [];
  const styleIndex = new Map<string, number>();
  const lists: string[][] = [];
  const listIndex = new Map<string, number>();
  const ctx: WindowCtx = { styles, styleIndex, lists, listIndex, validationCache: new Map() };
  const wb = rt.workbook as unknown as { conditionalFormatAt?: (s: string, r: number, c: number) => ConditionalFormat | null };
  const name = sheet.getName();
  if (typeof wb.conditionalFormatAt === 'function' && safe(() => sheet.getConditionalFormatRules().length, 0) > 0) {
    ctx.conditional = (r, c) => wb.conditionalFormatAt!(name, r, c);
  }

  const start = Math.max(0, Math.min(req.start, rows));
  const count = Math.max(0, Math.min(req.count, rows - start, 2000));
  const frozen = frozenRows > 0 ? readWindow(sheet, 0, Math.min(frozenRows, rows), cols, lastRow, lastCol, ctx) : [];
  const cells = readWindow(sheet, start, count, cols, lastRow, lastCol, ctx);
  return { sheet: sheet.getName(), rows, cols, frozenRows, frozenCols, colWidths, start, cells, frozen, styles, lists, charts: chartsOf(sheet) };
}

interface StoredChart {
  spec: { type: string; ranges: string[]; position: [number, number, number, number]; options: Record<string, unknown> };
}

/**
 * The sheet's charts from the specification the add-in wrote (the runtime's Sheet.insertChart
 * keeps it), their data read from the chart's ranges as the sheet now computes them.
 */
export function chartsOf(sheet: Sheet): ChartView[] {
  return safe(
    () =>
      sheet.getCharts().map((chart) => {
        const { spec } = chart as unknown as StoredChart;
        const blocks = spec.ranges.map((a1) => {
          const r = sheet.getRange(a1);
          return { display: r.getDisplayValues(), values: r.getValues() };
        });
        const first = blocks[0] ?? { display: [], values: [] };
        const labels = first.display.map((row) => String(row[0] ?? '').replace(/^.* · /, ''));
        const num = (v: unknown) => (typeof v === 'number' ? v : null);
        const series =
          blocks.length > 1
            ? blocks.slice(1).map((b, i) => ({ name: `${i + 1}`, values: b.values.map((row) => num(row[0])) }))
            : [{ name: '1', values: first.values.map((row) => num(row[1])) }];
        const [row, col, offsetX, offsetY] = spec.position;
        return { kind: spec.type, title: String(spec.options.title ?? ''), row, col, offsetX, offsetY, labels, series };
      }),
    [] as ChartView[],
  );
}

interface WindowCtx {
  styles: CellStyle[];
  styleIndex: Map<string, number>;
  lists: string[][];
  listIndex: Map<string, number>;
  validationCache: Map<string, string[] | null>;
  /** The conditional format that applies to a cell (row, col 1-based), if the runtime can tell. */
  conditional?: (row: number, col: number) => ConditionalFormat | null;
}

type ConditionalFormat = { background?: string | null; fontColor?: string | null; bold?: boolean | null; italic?: boolean | null };

/** Rows start..start+count-1 (0-based); only the used area is read. */
function readWindow(sheet: Sheet, start: number, count: number, cols: number, lastRow: number, lastCol: number, ctx: WindowCtx): (CellView | null)[][] {
  const conditional = ctx.conditional;
  const out: (CellView | null)[][] = [];
  const usedRows = Math.max(0, Math.min(count, lastRow - start));
  const usedCols = Math.min(cols, Math.max(lastCol, 1));
  let display: string[][] = [];
  let formulas: string[][] = [];
  let values: unknown[][] = [];
  let bgs: string[][] | null = null;
  let colors: string[][] | null = null;
  let weights: string[][] | null = null;
  let fstyles: string[][] | null = null;
  let aligns: string[][] | null = null;
  let notes: string[][] | null = null;
  let wraps: boolean[][] | null = null;
  let validations: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] | null = null;
  if (usedRows > 0) {
    const range = sheet.getRange(start + 1, 1, usedRows, usedCols);
    display = range.getDisplayValues();
    formulas = safe(() => range.getFormulas(), [] as string[][]);
    values = safe(() => range.getValues(), [] as unknown[][]);
    bgs = safe(() => range.getBackgrounds(), null);
    colors = safe(() => range.getFontColors() as string[][], null);
    weights = safe(() => range.getFontWeights(), null);
    fstyles = safe(() => range.getFontStyles(), null);
    aligns = safe(() => range.getHorizontalAlignments(), null);
    notes = safe(() => range.getNotes(), null);
    wraps = safe(() => range.getWraps(), null);
    validations = safe(() => range.getDataValidations(), null);
  }
  for (let r = 0; r < count; r++) {
    const row: (CellView | null)[] = [];
    if (r >= usedRows) {
      // Rows below the data: styles only matter for the header, so leave them empty.
      out.push(row);
      continue;
    }
    for (let c = 0; c < usedCols; c++) {
      const d = display[r]?.[c] ?? '';
      const f = formulas[r]?.[c] ?? '';
      const v = values[r]?.[c];
      const style: CellStyle = {};
      const bg = bgs?.[r]?.[c];
      if (bg && bg !== '#ffffff') style.bg = bg;
      const fc = colors?.[r]?.[c];
      if (fc && fc !== '#000000') style.color = fc;
      if (weights?.[r]?.[c] === 'bold') style.bold = true;
      if (fstyles?.[r]?.[c] === 'italic') style.italic = true;
      const al = aligns?.[r]?.[c];
      if (al && al !== 'general' && al !== 'general-left') style.align = al.replace('general-', '');
      if (wraps?.[r]?.[c]) style.wrap = true;
      if (conditional) {
        const cf = safe(() => conditional(start + r + 1, c + 1), null);
        if (cf?.background) style.bg = cf.background;
        if (cf?.fontColor) style.color = cf.fontColor;
        if (cf?.bold) style.bold = true;
        if (cf?.italic) style.italic = true;
      }
      const note = notes?.[r]?.[c] || undefined;
      const list = validationList(validations?.[r]?.[c] ?? null, ctx);
      if (!d && !f && !note && list === undefined && !Object.keys(style).length) {
        row.push(null);
        continue;
      }
      const cell: CellView = { d };
      if (f) cell.f = f;
      const edit = f || editText(v, d);
      if (edit !== d) cell.e = edit;
      if (Object.keys(style).length) cell.s = styleId(style, ctx);
      if (list !== undefined) cell.l = list;
      if (note) cell.n = note;
      if (typeof v === 'number' || v instanceof Date) cell.num = true;
      if (/^#(REF!|VALUE!|NAME\?|DIV\/0!|N\/A|ERROR!|NUM!|NULL!)/.test(d)) cell.err = true;
      row.push(cell);
    }
    out.push(row);
  }
  return out;
}

/** The text an editor starts with: what the user would see in the formula bar. */
function editText(v: unknown, display: string): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return display;
  if (typeof v === 'number') return String(v);
  return String(v);
}

function styleId(style: CellStyle, ctx: WindowCtx): number {
  const key = JSON.stringify(style);
  let i = ctx.styleIndex.get(key);
  if (i === undefined) {
    i = ctx.styles.length;
    ctx.styles.push(style);
    ctx.styleIndex.set(key, i);
  }
  return i;
}

/** The dropdown values of a list validation (a literal list or the values of a range). */
function validationList(v: GoogleAppsScript.Spreadsheet.DataValidation | null, ctx: WindowCtx): number | undefined {
  if (!v) return undefined;
  let values: string[] | null = null;
  try {
    const type = String(v.getCriteriaType());
    const args = v.getCriteriaValues();
    if (type === 'VALUE_IN_LIST') {
      values = ((args[0] as unknown[]) ?? []).map(String);
    } else if (type === 'VALUE_IN_RANGE') {
      const range = args[0] as Range;
      const key = safe(() => `${range.getSheet().getName()}!${range.getA1Notation()}`, '');
      if (key && ctx.validationCache.has(key)) values = ctx.validationCache.get(key)!;
      else {
        values = range
          .getDisplayValues()
          .flat()
          .filter((x) => x !== '');
        values = [...new Set(values)];
        if (key) ctx.validationCache.set(key, values);
      }
    } else if (type === 'CHECKBOX') {
      values = ['TRUE', 'FALSE'];
    }
  } catch {
    return undefined;
  }
  if (!values) return undefined;
  const key = JSON.stringify(values);
  let i = ctx.listIndex.get(key);
  if (i === undefined) {
    i = ctx.lists.length;
    ctx.lists.push(values);
    ctx.listIndex.set(key, i);
  }
  return i;
}

/** A getter the local runtime may not support for every sheet: its value, or a fallback. */
export function safe<T>(f: () => T, fallback: T): T {
  try {
    const v = f();
    return v === undefined ? fallback : v;
  } catch {
    return fallback;
  }
}
