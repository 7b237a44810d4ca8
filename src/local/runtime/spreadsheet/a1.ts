/**
 * A1 notation: column letters, cell and range parsing for Range/Sheet.getRange(a1).
 * Rows and columns here are 1-based, as Apps Script counts them.
 */

// One implementation of column letters for the add-in and the runtime.
import { columnLetter as columnToLetters, columnNumber as lettersToColumn } from '../../../core/formulas/resolve';

export { columnToLetters, lettersToColumn };

/** A parsed A1 reference; missing parts mean "open" (whole column / whole row / to the end). */
export interface A1Ref {
  sheetName?: string;
  row1?: number;
  col1?: number;
  row2?: number;
  col2?: number;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

/** Splits `'My sheet'!A1:B2` into sheet name and the rest. */
export function splitSheetPrefix(a1: string): { sheetName?: string; ref: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { ref: a1 };
  let name = a1.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
  return { sheetName: name, ref: a1.slice(bang + 1) };
}

export function parseA1(a1: string): A1Ref | null {
  const { sheetName, ref } = splitSheetPrefix(a1.trim());
  const parts = ref.split(':');
  if (parts.length > 2 || parts.some((p) => p === '')) return null;
  const a = CELL.exec(parts[0]);
  const b = parts.length === 2 ? CELL.exec(parts[1]) : a;
  if (!a || !b || (!a[1] && !a[2]) || (!b[1] && !b[2])) return null;
  const out: A1Ref = { sheetName };
  const c1 = a[1] ? lettersToColumn(a[1]) : undefined;
  const r1 = a[2] ? parseInt(a[2], 10) : undefined;
  const c2 = b[1] ? lettersToColumn(b[1]) : undefined;
  const r2 = b[2] ? parseInt(b[2], 10) : undefined;
  if (parts.length === 1 && (c1 === undefined || r1 === undefined)) return null;
  out.col1 = c1;
  out.row1 = r1;
  out.col2 = c2;
  out.row2 = r2;
  if (r1 === 0 || r2 === 0) return null;
  return out;
}

export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function cellA1(row: number, col: number): string {
  return columnToLetters(col) + row;
}

export function rangeA1(row: number, col: number, numRows: number, numCols: number): string {
  const a = cellA1(row, col);
  if (numRows === 1 && numCols === 1) return a;
  return `${a}:${cellA1(row + numRows - 1, col + numCols - 1)}`;
}
