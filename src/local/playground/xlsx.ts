/**
 * Exports the runtime's workbook as .xlsx with exceljs, so that Excel and LibreOffice recalculate
 * it and Google Sheets imports it:
 * - values (booleans as booleans, dates as serials in the spreadsheet's time zone, so they read
 *   the same in every time zone), number formats (Apps Script's automatic format stays General,
 *   so TRUE/FALSE show as such), header styling, column widths, frozen rows/columns, hidden tabs,
 *   tab colours, notes;
 * - formulas translated for Excel and LibreOffice in one place (xlsx-formulas.ts): a Sheets
 *   ARRAYFORMULA becomes one formula per cell it fills, open ranges are bounded. Each formula
 *   carries the runtime's result as its cached value, and the file asks for a full recalculation
 *   on load (calcPr fullCalcOnLoad);
 * - named ranges as defined names; dropdowns, checkboxes and number bounds as data validation;
 *   highlights (conditional format rules) as conditional formats (xlsx-highlights.ts).
 * A formula the translator cannot carry over keeps its value, and is listed in `untranslated`.
 */
import ExcelJS from 'exceljs';
import type { LocalRuntime } from '../index';
import { quoteSheetName } from '../runtime/spreadsheet/a1';
import { dateToSerial } from '../runtime/spreadsheet/dates';
import { AUTOMATIC_FORMAT } from '../runtime/spreadsheet/range';
import { safe } from './view';
import { translateFormula, type FormulaContext } from './xlsx-formulas';
import { addHighlights, type ExportedHighlight, type SkippedHighlight } from './xlsx-highlights';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** A formula kept as its value only, and why. */
export interface UntranslatedFormula {
  sheet: string;
  a1: string;
  formula: string;
  reason: string;
}

export interface XlsxExport {
  workbook: ExcelJS.Workbook;
  untranslated: UntranslatedFormula[];
  skippedHighlights: SkippedHighlight[];
  /** The conditional formats written, per sheet name. */
  highlights: Map<string, ExportedHighlight[]>;
}

export async function exportXlsx(rt: LocalRuntime): Promise<Buffer> {
  return writeXlsx(buildXlsx(rt).workbook);
}

export async function writeXlsx(wb: ExcelJS.Workbook): Promise<Buffer> {
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

export function buildXlsx(rt: LocalRuntime): XlsxExport {
  const ss = rt.spreadsheet;
  const tz = safe(() => ss.getSpreadsheetTimeZone(), rt.timeZone);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sales Desk playground';
  wb.created = rt.clock.now();
  // Excel recalculates everything when it opens the file (ECMA-376 §18.2.2 calcPr).
  wb.calcProperties.fullCalcOnLoad = true;
  const contextOf = formulaContexts(ss);
  const result: XlsxExport = { workbook: wb, untranslated: [], skippedHighlights: [], highlights: new Map() };
  for (const sheet of ss.getSheets()) addSheet(wb, sheet, tz, contextOf(sheet.getName()), result);
  for (const n of ss.getNamedRanges()) {
    const r = n.getRange();
    wb.definedNames.add(`${quoteSheetName(r.getSheet().getName())}!${absolute(r.getA1Notation(), r)}`, n.getName());
  }
  return result;
}

/** What the formula translator needs to know about the workbook, for a formula on each sheet. */
export function formulaContexts(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): (sheet: string) => FormulaContext {
  const sizes = new Map(ss.getSheets().map((s) => [s.getName().toLowerCase(), { rows: s.getMaxRows(), cols: s.getMaxColumns() }]));
  const namedCells = new Map(ss.getNamedRanges().map((n) => [n.getName().toLowerCase(), n.getRange().getNumRows() * n.getRange().getNumColumns()]));
  return (sheet) => ({
    sheet,
    sheetSize: (name) => sizes.get(name.toLowerCase()),
    namedRangeCells: (name) => namedCells.get(name.toLowerCase()),
  });
}

function addSheet(wb: ExcelJS.Workbook, sheet: Sheet, tz: string, ctx: FormulaContext, result: XlsxExport): void {
  const name = sheet.getName();
  const frozenRows = safe(() => sheet.getFrozenRows(), 0);
  const frozenCols = safe(() => sheet.getFrozenColumns(), 0);
  const tab = argbOf(safe(() => sheet.getTabColor(), null));
  const ws = wb.addWorksheet(name.slice(0, 31), {
    views: frozenRows || frozenCols ? [{ state: 'frozen', xSplit: frozenCols, ySplit: frozenRows }] : undefined,
    properties: (tab ? { tabColor: { argb: tab } } : {}) as ExcelJS.WorksheetProperties,
    state: safe(() => sheet.isSheetHidden(), false) ? 'hidden' : 'visible',
  });
  const lastCol = Math.max(
    safe(() => sheet.getLastColumn(), 0),
    0,
  );
  for (let c = 1; c <= Math.max(lastCol, 1); c++) {
    const px = safe(() => sheet.getColumnWidth(c), 100);
    ws.getColumn(c).width = Math.max(2, Math.round((px / 7) * 10) / 10);
  }
  result.highlights.set(name, addHighlights(ws, sheet, ctx, argbOf, result.skippedHighlights));
  if (!lastCol || !safe(() => sheet.getLastRow(), 0)) return;
  // The whole grid's height: computed columns, formats and dropdowns reach past the last data row.
  const rows = sheet.getMaxRows();
  const range = sheet.getRange(1, 1, rows, lastCol);
  const values = range.getValues();
  const formulas = range.getFormulas();
  const formats = safe(() => range.getNumberFormats(), null);
  const bgs = safe(() => range.getBackgrounds(), null);
  const colors = safe(() => range.getFontColors() as string[][], null);
  const weights = safe(() => range.getFontWeights(), null);
  const notes = safe(() => range.getNotes(), null);
  const validations = safe(() => range.getDataValidations(), null);

  const cellValue = (r: number, c: number): unknown => {
    const v = values[r]?.[c];
    return v instanceof Date ? dateToSerial(v, tz) : v;
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < lastCol; c++) {
      const v = cellValue(r, c);
      const fmt = formats?.[r]?.[c] ?? '';
      const bg = argbOf(bgs?.[r]?.[c]);
      const color = argbOf(colors?.[r]?.[c]);
      const bold = weights?.[r]?.[c] === 'bold';
      const note = notes?.[r]?.[c];
      const dv = validations?.[r]?.[c] ? toExcelValidation(validations[r]![c]!) : null;
      const styled = (fmt && fmt !== AUTOMATIC_FORMAT && fmt !== 'General') || (bg && bg !== 'FFFFFFFF') || (color && color !== 'FF000000') || bold;
      const empty = v === '' || v === null || v === undefined;
      if (empty && !styled && !note && !dv && !formulas[r]?.[c]) continue;
      const cell = ws.getRow(r + 1).getCell(c + 1);
      if (!empty) cell.value = v as ExcelJS.CellValue;
      if (fmt && fmt !== AUTOMATIC_FORMAT && fmt !== 'General') cell.numFmt = fmt;
      if (bg && bg !== 'FFFFFFFF') cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: bg } };
      if ((color && color !== 'FF000000') || bold) cell.font = { bold, color: color ? { argb: color } : undefined };
      if (note) cell.note = note;
      if (dv) cell.dataValidation = dv;
    }
  }
  // Formulas last: an ARRAYFORMULA writes one formula into every cell it fills.
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < lastCol; c++) {
      const f = formulas[r]?.[c];
      if (!f) continue;
      const t = translateFormula(f, ctx);
      if (!t.ok) {
        result.untranslated.push({ sheet: ctx.sheet, a1: ws.getRow(r + 1).getCell(c + 1).address, formula: f, reason: t.reason });
        continue;
      }
      // A typed value blocks an array in Sheets (#REF! on its first cell): typed cells keep their values.
      const blocked = typeof values[r]![c] === 'string' && /^#REF!/.test(values[r]![c] as string);
      for (let i = 0; i < t.rows && r + i < rows; i++) {
        for (let j = 0; j < t.cols && c + j < lastCol; j++) {
          if ((i || j) && (formulas[r + i]?.[c + j] || (blocked && cellValue(r + i, c + j) !== ''))) continue;
          const x = t.at(i, j);
          const cell = ws.getRow(r + i + 1).getCell(c + j + 1);
          const value: ExcelJS.CellFormulaValue & { shareType?: 'array'; ref?: string } = { formula: x.formula, result: resultOf(cellValue(r + i, c + j)) };
          if (x.array) Object.assign(value, { shareType: 'array', ref: cell.address });
          cell.value = value;
        }
      }
    }
  }
}

function resultOf(v: unknown): ExcelJS.CellFormulaValue['result'] {
  if (v === '' || v === null || v === undefined) return '';
  if (typeof v === 'string' && /^#(REF!|VALUE!|NAME\?|DIV\/0!|N\/A|NUM!|NULL!|ERROR!)/.test(v))
    return { error: v === '#ERROR!' ? '#VALUE!' : v } as ExcelJS.CellErrorValue;
  return v as ExcelJS.CellFormulaValue['result'];
}

function toExcelValidation(dv: GoogleAppsScript.Spreadsheet.DataValidation): ExcelJS.DataValidation | null {
  try {
    const type = String(dv.getCriteriaType());
    const args = dv.getCriteriaValues();
    const allowBlank = true;
    const showErrorMessage = !dv.getAllowInvalid();
    const help = dv.getHelpText();
    const message = help ? { showInputMessage: false, error: help } : {};
    switch (type) {
      case 'VALUE_IN_LIST':
        return listValidation(((args[0] as unknown[]) ?? []).map(String), allowBlank, showErrorMessage, message);
      case 'VALUE_IN_RANGE': {
        const r = args[0] as Range;
        // A reference to another sheet's range is what Excel and Sheets both understand.
        return {
          type: 'list',
          allowBlank,
          showErrorMessage,
          ...message,
          formulae: [`${quoteSheetName(r.getSheet().getName())}!${absolute(r.getA1Notation(), r)}`],
        };
      }
      case 'CHECKBOX':
        return listValidation(['TRUE', 'FALSE'], allowBlank, showErrorMessage, message);
      case 'NUMBER_BETWEEN':
        return { type: 'decimal', operator: 'between', allowBlank, showErrorMessage, ...message, formulae: [Number(args[0]), Number(args[1])] };
      case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
        return { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank, showErrorMessage, ...message, formulae: [Number(args[0])] };
      case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
        return { type: 'decimal', operator: 'lessThanOrEqual', allowBlank, showErrorMessage, ...message, formulae: [Number(args[0])] };
      case 'DATE_IS_VALID_DATE':
        return { type: 'date', operator: 'greaterThan', allowBlank, showErrorMessage, ...message, formulae: [new Date(Date.UTC(1899, 11, 31))] };
      default:
        return null;
    }
  } catch {
    return null;
  }
}

function listValidation(values: string[], allowBlank: boolean, showErrorMessage: boolean, message: object): ExcelJS.DataValidation | null {
  const joined = values.map((v) => v.replace(/"/g, '""')).join(',');
  // Excel limits an inline list to 255 characters.
  if (joined.length > 255 || values.some((v) => v.includes(','))) return null;
  return { type: 'list', allowBlank, showErrorMessage, ...message, formulae: [`"${joined}"`] };
}

/** $B$2:$B$1000 for a range; open-ended ranges get the sheet's last row. */
function absolute(a1: string, r: Range): string {
  const m = /^([A-Z]+)(\d+)?(?::([A-Z]+)(\d+)?)?$/.exec(a1);
  if (!m) return a1;
  if (!m[3]) return `$${m[1]}$${m[2]}`;
  const end = m[4] ?? String(safe(() => r.getSheet().getMaxRows(), 1000));
  return `$${m[1]}$${m[2] ?? '1'}:$${m[3]}$${end}`;
}

function argbOf(color: string | null | undefined): string | undefined {
  if (!color) return undefined;
  const m = /^#([0-9a-f]{6})$/i.exec(color) ?? /^#([0-9a-f]{3})$/i.exec(color);
  if (!m) return undefined;
  const hex =
    m[1]!.length === 3
      ? m[1]!
          .split('')
          .map((x) => x + x)
          .join('')
      : m[1]!;
  return `FF${hex.toUpperCase()}`;
}
