/**
 * The sheet's conditional format rules (Sheet.getConditionalFormatRules) as Excel conditional
 * formats. Every rule becomes an "expression" rule whose formula is relative to the top-left cell
 * of its range, as in Sheets; custom formulas go through the one translator (xlsx-formulas.ts).
 *
 * Sheets applies the first rule that matches a cell ("If multiple rules are true, the first rule
 * takes priority", https://support.google.com/docs/answer/78413); Excel applies every matching
 * rule by priority unless a rule says stop-if-true, so rules keep their order as priorities and
 * each stops the ones after it. LibreOffice reads the same rules.
 */
import type ExcelJS from 'exceljs';
import { columnToLetters } from '../runtime/spreadsheet/a1';
import { translateFormula, type FormulaContext } from './xlsx-formulas';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A highlight the export could not carry over, and why. */
export interface SkippedHighlight {
  sheet: string;
  ranges: string;
  reason: string;
}

/** One exported rule, with its condition as a formula relative to the top-left cell of `ref`. */
export interface ExportedHighlight {
  ref: string;
  formula: string;
}

export function addHighlights(
  ws: ExcelJS.Worksheet,
  sheet: Sheet,
  ctx: FormulaContext,
  argbOf: (c: string | null | undefined) => string | undefined,
  skipped: SkippedHighlight[],
): ExportedHighlight[] {
  const out: ExportedHighlight[] = [];
  const rules = sheet.getConditionalFormatRules();
  let priority = 1;
  for (const rule of rules) {
    const ranges = rule.getRanges();
    const refs = ranges.map((r) => boundedA1(r, sheet));
    const cond = rule.getBooleanCondition();
    if (!cond || !refs.length) {
      skipped.push({ sheet: sheet.getName(), ranges: refs.join(' '), reason: 'only boolean conditions are exported (not colour scales)' });
      continue;
    }
    const topLeft = refs[0]!.split(':')[0]!;
    const formula = conditionFormula(String(cond.getCriteriaType()), cond.getCriteriaValues(), topLeft, ctx);
    if (typeof formula !== 'string') {
      skipped.push({ sheet: sheet.getName(), ranges: refs.join(' '), reason: formula.reason });
      continue;
    }
    const bg = argbOf(cond.getBackground());
    const color = argbOf(cond.getFontColor());
    const style: Partial<ExcelJS.Style> = {};
    if (bg) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: bg } };
    if (color || cond.getBold() || cond.getItalic()) {
      style.font = { color: color ? { argb: color } : undefined, bold: cond.getBold() ?? undefined, italic: cond.getItalic() ?? undefined };
    }
    const ref = refs.join(' ');
    ws.addConditionalFormatting({
      ref,
      rules: [{ type: 'expression', priority: priority++, formulae: [formula], style, stopIfTrue: true } as ExcelJS.ConditionalFormattingRule],
    });
    out.push({ ref, formula });
  }
  return out;
}

/** `2:1000` (whole rows) and `A:A` are written with the grid's bounds: Excel wants a cell range. */
function boundedA1(r: GoogleAppsScript.Spreadsheet.Range, sheet: Sheet): string {
  const row = r.getRow();
  const col = r.getColumn();
  const lastRow = Math.min(row + r.getNumRows() - 1, sheet.getMaxRows());
  const lastCol = Math.min(col + r.getNumColumns() - 1, sheet.getMaxColumns());
  return `${columnToLetters(col)}${row}:${columnToLetters(lastCol)}${lastRow}`;
}

const text = (v: unknown) => `"${String(v).replace(/"/g, '""')}"`;

/** The condition as an Excel formula (without `=`) for the top-left cell `x`. */
function conditionFormula(type: string, values: unknown[], x: string, ctx: FormulaContext): string | { reason: string } {
  const n = Number(values[0]);
  switch (type) {
    case 'CUSTOM_FORMULA': {
      const t = translateFormula(String(values[0] ?? ''), ctx);
      if (!t.ok) return { reason: t.reason };
      if (t.rows !== 1 || t.cols !== 1) return { reason: 'the rule formula fills more than one cell' };
      return t.at(0, 0).formula;
    }
    // Sheets compares text without regard to case, as LOWER on both sides does.
    case 'CELL_EMPTY':
      return `LEN(${x})=0`;
    case 'CELL_NOT_EMPTY':
      return `LEN(${x})>0`;
    case 'TEXT_EQ':
      return `LOWER(${x})=LOWER(${text(values[0])})`;
    case 'TEXT_CONTAINS':
      return `ISNUMBER(FIND(LOWER(${text(values[0])}),LOWER(${x})))`;
    case 'NUMBER_GREATER_THAN':
      return `AND(ISNUMBER(${x}),${x}>${n})`;
    case 'NUMBER_LESS_THAN':
      return `AND(ISNUMBER(${x}),${x}<${n})`;
    case 'NUMBER_EQ':
      return `AND(ISNUMBER(${x}),${x}=${n})`;
    default:
      return { reason: `the condition ${type} is not exported` };
  }
}
