/**
 * The few HyperFormula internals the runtime reads, in one place (HyperFormula 3.5; the unit
 * test runtime-spreadsheet-engine pins each one, so an upgrade that moves them fails there first).
 *
 * Why internals at all: the Workbook suspends HyperFormula's evaluation between a write and the
 * first read that needs a recalculated value (see Workbook.needFresh), and HyperFormula's public
 * getters refuse to answer while evaluation is suspended — even for a plain value, which is
 * never stale. The serializer behind those getters answers without the check. The placed arrays
 * (where each ARRAYFORMULA spills, known from the formula's shape before it is evaluated) live in
 * the dependency graph's array mapping.
 */
import type { CellValue, HyperFormula, RawCellContent, SimpleCellAddress } from 'hyperformula';

/** An array formula's extent, 0-based, as HyperFormula placed it (or would place it). */
export interface ArraySpan {
  sheet: number;
  row0: number;
  col0: number;
  rows: number;
  cols: number;
}

interface ArrayVertexLike {
  cellAddress: SimpleCellAddress;
  width: number;
  height: number;
}

interface Internals {
  _serialization: {
    getCellValue(address: SimpleCellAddress): CellValue;
    getCellSerialized(address: SimpleCellAddress): RawCellContent;
    exporter: { exportValue(value: unknown): CellValue };
  };
  dependencyGraph: {
    isPlaceholder(sheet: number): boolean;
    addressMapping: { getCellValue(address: SimpleCellAddress): unknown };
    arrayMapping: { arrayMapping: Map<string, ArrayVertexLike> };
    getCell(address: SimpleCellAddress): unknown;
    isThereSpaceForArray(vertex: unknown): boolean;
  };
}

const inside = (hf: HyperFormula) => hf as unknown as Internals;

/** A cell's value without HyperFormula's "evaluation suspended" check (current for plain values only). */
export function peekValue(hf: HyperFormula, address: SimpleCellAddress): CellValue {
  return inside(hf)._serialization.getCellValue(address);
}

/**
 * A block of values, as peekValue gives them cell by cell, in one pass: the sheet is looked up
 * once, not per cell, and one address is reused (HyperFormula's lookup and export keep no
 * reference to it). A 20,000-row read is then a loop over the block, not 20,000 × columns calls
 * through HyperFormula's public layers. Same values: the path is peekValue's (Serialization.
 * getCellValue → DependencyGraph.getScalarValue → AddressMapping.getCellValue, then the exporter).
 */
export function peekValues(hf: HyperFormula, sheet: number, row0: number, col0: number, rows: number, cols: number): CellValue[][] {
  const { _serialization: ser, dependencyGraph: g } = inside(hf);
  const out: CellValue[][] = new Array(rows);
  if (g.isPlaceholder(sheet)) {
    for (let i = 0; i < rows; i++) out[i] = Array.from({ length: cols }, (_, j) => ser.getCellValue({ sheet, row: row0 + i, col: col0 + j }));
    return out;
  }
  const address = { sheet, row: row0, col: col0 };
  for (let i = 0; i < rows; i++) {
    const line: CellValue[] = new Array(cols);
    address.row = row0 + i;
    for (let j = 0; j < cols; j++) {
      address.col = col0 + j;
      line[j] = ser.exporter.exportValue(g.addressMapping.getCellValue(address));
    }
    out[i] = line;
  }
  return out;
}

/** A cell's content as written (formula text or raw value), without the suspension check. */
export function peekContent(hf: HyperFormula, address: SimpleCellAddress): RawCellContent {
  return inside(hf)._serialization.getCellSerialized(address);
}

/** The arrays placed on a sheet (HyperFormula sizes an ARRAYFORMULA from its shape when it is written). */
export function placedArrays(hf: HyperFormula, sheet: number): ArraySpan[] {
  const out: ArraySpan[] = [];
  for (const v of inside(hf).dependencyGraph.arrayMapping.arrayMapping.values()) {
    if (v.cellAddress.sheet !== sheet) continue;
    const rows = v.height;
    const cols = v.width;
    // A failed spill keeps only its corner (HyperFormula's "error" size).
    if (!(rows > 0 && cols > 0)) continue;
    out.push({ sheet, row0: v.cellAddress.row, col0: v.cellAddress.col, rows, cols });
  }
  return out;
}

/** The extent HyperFormula gives the array formula at `address`, and whether that extent is free. */
export function arrayAt(hf: HyperFormula, address: SimpleCellAddress): { span: ArraySpan; free: boolean } | null {
  const g = inside(hf).dependencyGraph;
  const v = g.arrayMapping.arrayMapping.get(`${address.sheet},${address.row},${address.col}`) as ArrayVertexLike | undefined;
  if (!v || !(v.width > 0 && v.height > 0)) return null;
  return {
    span: { sheet: address.sheet, row0: address.row, col0: address.col, rows: v.height, cols: v.width },
    free: g.isThereSpaceForArray(v),
  };
}

export function spanIntersects(a: ArraySpan, row0: number, col0: number, rows: number, cols: number): boolean {
  return a.row0 < row0 + rows && row0 < a.row0 + a.rows && a.col0 < col0 + cols && col0 < a.col0 + a.cols;
}
