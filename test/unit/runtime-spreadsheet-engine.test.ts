/**
 * The HyperFormula internals the runtime reads (src/local/runtime/spreadsheet/engine.ts). If a
 * HyperFormula upgrade moves one of them, this fails before anything subtler does.
 */
import { describe, expect, it } from 'vitest';
import { HyperFormula } from 'hyperformula';
import { arrayAt, peekContent, peekValue, placedArrays } from '../../src/local/runtime/spreadsheet/engine';

const config = { licenseKey: 'gpl-v3', useArrayArithmetic: false } as const;

describe('HyperFormula internals used by the runtime', () => {
  it('reads values and contents while evaluation is suspended', () => {
    const hf = HyperFormula.buildFromArray([[1, '=A1+1']], config);
    hf.suspendEvaluation();
    hf.setCellContents({ sheet: 0, row: 0, col: 0 }, [[5]]);
    expect(() => hf.getCellValue({ sheet: 0, row: 0, col: 0 })).toThrow();
    expect(peekValue(hf, { sheet: 0, row: 0, col: 0 })).toBe(5);
    expect(peekContent(hf, { sheet: 0, row: 0, col: 1 })).toBe('=A1+1');
    expect(peekValue(hf, { sheet: 0, row: 0, col: 1 })).toBe(2); // stale until resumed
    hf.resumeEvaluation();
    expect(peekValue(hf, { sheet: 0, row: 0, col: 1 })).toBe(6);
  });

  it('knows where an array formula spills before evaluating it, and whether the place is free', () => {
    const hf = HyperFormula.buildFromArray([[1], [2], [3]], config);
    hf.suspendEvaluation();
    hf.setCellContents({ sheet: 0, row: 0, col: 1 }, [['=ARRAYFORMULA(A1:A3*2)']]);
    expect(placedArrays(hf, 0)).toEqual([{ sheet: 0, row0: 0, col0: 1, rows: 3, cols: 1 }]);
    expect(arrayAt(hf, { sheet: 0, row: 0, col: 1 })?.free).toBe(true);
    hf.setCellContents({ sheet: 0, row: 0, col: 2 }, [[null], ['typed']]);
    hf.setCellContents({ sheet: 0, row: 0, col: 2 }, [['=ARRAYFORMULA(A1:A3*3)']]);
    expect(arrayAt(hf, { sheet: 0, row: 0, col: 2 })).toEqual({ span: { sheet: 0, row0: 0, col0: 2, rows: 3, cols: 1 }, free: false });
    hf.resumeEvaluation();
  });
});
