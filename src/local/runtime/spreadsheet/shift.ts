/**
 * How an inserted, deleted or moved row/column band changes a position (1-based indexes).
 * Everything anchored to the grid (named ranges, protections, developer metadata, conditional
 * format ranges) goes through here so it moves exactly like the cells do.
 * Developer metadata "will remain associated at those locations as they move around … If the
 * associated object is deleted then its metadata is deleted too"
 * (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.developerMetadata).
 */
import type { Rect } from './model';

export type DimOp =
  | { kind: 'insert'; at: number; n: number }
  | { kind: 'delete'; at: number; n: number }
  /** Sheet.moveColumns: `to` is the destination index in pre-move coordinates. */
  | { kind: 'move'; from: number; n: number; to: number };

export function mapIndex(op: DimOp, i: number): number | null {
  switch (op.kind) {
    case 'insert':
      return i >= op.at ? i + op.n : i;
    case 'delete':
      if (i < op.at) return i;
      if (i < op.at + op.n) return null;
      return i - op.n;
    case 'move': {
      const dest = op.to > op.from ? op.to - op.n : op.to;
      if (i >= op.from && i < op.from + op.n) return dest + (i - op.from);
      if (op.to > op.from && i >= op.from + op.n && i < op.to) return i - op.n;
      if (op.to < op.from && i >= op.to && i < op.from) return i + op.n;
      return i;
    }
  }
}

/** New [start, end] of a band, or null when all of it was deleted. Insertions inside a band widen it. */
export function shiftSpan(op: DimOp, start: number, end: number): [number, number] | null {
  switch (op.kind) {
    case 'insert':
      if (start >= op.at) return [start + op.n, end + op.n];
      if (end >= op.at) return [start, end + op.n];
      return [start, end];
    case 'delete': {
      const last = op.at + op.n - 1;
      const ns = start < op.at ? start : start > last ? start - op.n : op.at;
      const ne = end > last ? end - op.n : end >= op.at ? op.at - 1 : end;
      return ne >= ns ? [ns, ne] : null;
    }
    case 'move': {
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = start; i <= end; i++) {
        const m = mapIndex(op, i)!;
        lo = Math.min(lo, m);
        hi = Math.max(hi, m);
      }
      return [lo, hi];
    }
  }
}

export function shiftRect(rect: Rect, sheetId: number, dim: 'rows' | 'cols', op: DimOp): Rect | null {
  if (rect.sheetId !== sheetId) return rect;
  if (dim === 'rows') {
    const s = shiftSpan(op, rect.row, rect.row + rect.numRows - 1);
    return s ? { ...rect, row: s[0], numRows: s[1] - s[0] + 1 } : null;
  }
  const s = shiftSpan(op, rect.col, rect.col + rect.numCols - 1);
  return s ? { ...rect, col: s[0], numCols: s[1] - s[0] + 1 } : null;
}
