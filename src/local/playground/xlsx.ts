/**
 * Exports the runtime's workbook as .xlsx with exceljs: values, formulas with their cached
 * results, number formats, header styling (fill, font colour, bold), column widths, frozen
 * rows/columns, notes and data validation (lists, number bounds, checkboxes as TRUE/FALSE lists).
 *
 * Formulas are written as Sheets holds them. Imported into Google Sheets they work as they are;
 * Excel and LibreOffice show the cached results, and recompute only the formulas they also
 * understand (ARRAYFORMULA and open-ended ranges such as C2:C are Sheets dialect).
 * Dates are written as date serials in the spreadsheet's time zone with their number format, so
 * they read the same in every time zone.
 */
import ExcelJS from 'exceljs';
import type { LocalRuntime } from '../index';
import { dateToSerial } from '../runtime/spreadsheet/dates';
import { safe } from './view';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export async function exportXlsx(rt: LocalRuntime): Promise<Buffer> {
  const wb = buildXlsx(rt);
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

export function buildXlsx(rt: LocalRuntime): ExcelJS.Workbook {
  const ss = rt.spreadsheet;
  const tz = safe(() => ss.getSpreadsheetTimeZone(), rt.timeZone);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sales Desk playground';
  wb.created = rt.clock.now();
  for (const sheet of ss.getSheets()) addSheet(wb, sheet, tz);
  return wb;
}

function addSheet(wb: ExcelJS.Workbook, sheet: Sheet, tz: string): void {
  const name = sheet.getName();
  const frozenRows = safe(() => sheet.getFrozenRows(), 0);
  const frozenCols = safe(() => sheet.getFrozenColumns(), 0);
  const ws = wb.addWorksheet(name.slice(0, 31), {
    views: frozenRows || frozenCols ? [{ state: 'frozen', xSplit: frozenCols, ySplit: frozenRows }] : undefined,
    properties: { tabColor: argbOf(safe(() => sheet.getTabColor(), null)) ? { argb: argbOf(sheet.getTabColor())! } : undefined } as never,
    state: safe(() => sheet.isSheetHidden(), false) ? 'hidden' : 'visible',
  });
  const lastRow = safe(() => sheet.getLastRow(), 0);
  const lastCol = Math.max(safe(() => sheet.getLastColumn(), 0), 0);
  const maxCols = Math.max(lastCol, 1);
  for (let c = 1; c <= maxCols; c++) {
    const px = safe(() => sheet.getColumnWidth(c), 100);
    ws.getColumn(c).width = Math.max(2, Math.round((px / 7) * 10) / 10);
  }
  if (!lastRow || !lastCol) return;
  const range = sheet.getRange(1, 1, lastRow, lastCol);
  const values = range.getValues();
  const formulas = range.getFormulas();
  const formats = safe(() => range.getNumberFormats(), null);
  const bgs = safe(() => range.getBackgrounds(), null);
  const colors = safe(() => range.getFontColors() as string[][], null);
  const weights = safe(() => range.getFontWeights(), null);
  const notes = safe(() => range.getNotes(), null);
  const validations = safe(() => range.getDataValidations(), null);
  const listCache = new Map<string, string[]>();

  for (let r = 0; r < lastRow; r++) {
    const row = ws.getRow(r + 1);
    for (let c = 0; c < lastCol; c++) {
      const cell = row.getCell(c + 1);
      let v = values[r]![c];
      const fmt = formats?.[r]?.[c] ?? '';
      if (v instanceof Date) v = dateToSerial(v, tz);
      const f = formulas[r]?.[c] ?? '';
      if (f) {
        cell.value = { formula: f.replace(/^=/, ''), result: resultOf(v) } as ExcelJS.CellFormulaValue;
      } else if (v !== '' && v !== null && v !== undefined) {
        cell.value = v as ExcelJS.CellValue;
      }
      if (fmt && fmt !== 'General' && fmt !== '') cell.numFmt = fmt;
      const bg = argbOf(bgs?.[r]?.[c]);
      if (bg && bg !== 'FFFFFFFF') cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: bg } };
      const color = argbOf(colors?.[r]?.[c]);
      const bold = weights?.[r]?.[c] === 'bold';
      if ((color && color !== 'FF000000') || bold) cell.font = { bold, color: color ? { argb: color } : undefined };
      const note = notes?.[r]?.[c];
      if (note) cell.note = note;
      const dv = validations?.[r]?.[c];
      if (dv) {
        const x = toExcelValidation(dv, listCache);
        if (x) cell.dataValidation = x;
      }
    }
  }
}

function resultOf(v: unknown): ExcelJS.CellFormulaValue['result'] {
  if (v === '' || v === null || v === undefined) return undefined;
  if (typeof v === 'string' && /^#[A-Z/0!?]+/.test(v)) return { error: v } as never;
  return v as ExcelJS.CellFormulaValue['result'];
}

function toExcelValidation(dv: GoogleAppsScript.Spreadsheet.DataValidation, cache: Map<string, string[]>): ExcelJS.DataValidation | null {
  try {
    const type = String(dv.getCriteriaType());
    const args = dv.getCriteriaValues();
    const allowBlank = true;
    const showErrorMessage = !dv.getAllowInvalid();
    switch (type) {
      case 'VALUE_IN_LIST':
        return listValidation(((args[0] as unknown[]) ?? []).map(String), allowBlank, showErrorMessage);
      case 'VALUE_IN_RANGE': {
        const r = args[0] as Range;
        const sheetName = r.getSheet().getName();
        const a1 = r.getA1Notation();
        // A reference to another sheet's range is what Excel and Sheets both understand.
        return { type: 'list', allowBlank, showErrorMessage, formulae: [`'${sheetName.replace(/'/g, "''")}'!${absolute(a1, r)}`] };
      }
      case 'CHECKBOX':
        return listValidation(['TRUE', 'FALSE'], allowBlank, showErrorMessage);
      case 'NUMBER_BETWEEN':
        return { type: 'decimal', operator: 'between', allowBlank, showErrorMessage, formulae: [Number(args[0]), Number(args[1])] };
      case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
        return { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank, showErrorMessage, formulae: [Number(args[0])] };
      case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
        return { type: 'decimal', operator: 'lessThanOrEqual', allowBlank, showErrorMessage, formulae: [Number(args[0])] };
      default:
        return null;
    }
    void cache;
  } catch {
    return null;
  }
}

function listValidation(values: string[], allowBlank: boolean, showErrorMessage: boolean): ExcelJS.DataValidation | null {
  const joined = values.map((v) => v.replace(/"/g, '""')).join(',');
  // Excel limits an inline list to 255 characters.
  if (joined.length > 255 || values.some((v) => v.includes(','))) return null;
  return { type: 'list', allowBlank, showErrorMessage, formulae: [`"${joined}"`] };
}

/** $B$2:$B$1000 for a bounded range; open-ended ranges get the sheet's last row. */
function absolute(a1: string, r: Range): string {
  const m = /^([A-Z]+)(\d+)?:([A-Z]+)(\d+)?$/.exec(a1);
  if (!m) return a1;
  const end = m[4] ?? String(safe(() => r.getSheet().getMaxRows(), 1000));
  return `$${m[1]}$${m[2] ?? '1'}:$${m[3]}$${end}`;
}

function argbOf(color: string | null | undefined): string | undefined {
  if (!color) return undefined;
  const m = /^#([0-9a-f]{6})$/i.exec(color) ?? /^#([0-9a-f]{3})$/i.exec(color);
  if (!m) return undefined;
  const hex = m[1]!.length === 3 ? m[1]!.split('').map((x) => x + x).join('') : m[1]!;
  return `FF${hex.toUpperCase()}`;
}

