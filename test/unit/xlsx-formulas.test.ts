/**
 * The export's formula translator (src/local/playground/xlsx-formulas.ts): Sheets formulas in,
 * formulas Excel and LibreOffice evaluate out. The recalculation in LibreOffice itself is
 * test/integration/xlsx-libreoffice.test.ts; these pin the rules one by one.
 */
import { describe, expect, it } from 'vitest';
import { ALLOWED_FUNCTIONS } from '../../src/core/formulas/allowlist';
import { isClassified, translateFormula, type FormulaContext } from '../../src/local/playground/xlsx-formulas';

const ctx: FormulaContext = {
  sheet: 'Customers',
  sheetSize: (n) => ({ customers: { rows: 1000, cols: 35 }, 客户: { rows: 500, cols: 30 }, 'follow-ups': { rows: 2000, cols: 26 } })[n.toLowerCase()],
  namedRangeCells: (n) => ({ SD_LIST_STAGE: 999, SD_GOLD_SHARE: 1 })[n],
};

function cells(formula: string, at: [number, number][] = [[0, 0]]) {
  const t = translateFormula(formula, ctx);
  if (!t.ok) throw new Error(t.reason);
  return { rows: t.rows, cols: t.cols, at: at.map(([i, j]) => t.at(i, j)) };
}

describe('xlsx formula translation', () => {
  it('turns a column ARRAYFORMULA into one formula per row of the grid', () => {
    const t = cells('=ARRAYFORMULA(IF(A2:A="","",IF(N2:N,INDEX(SD_LIST_STAGE,1),"x")))', [
      [0, 0],
      [3, 0],
      [998, 0],
    ]);
    expect([t.rows, t.cols]).toEqual([999, 1]);
    expect(t.at.map((x) => x.formula)).toEqual([
      'IF(A2="","",IF(N2,INDEX(SD_LIST_STAGE,1),"x"))',
      'IF(A5="","",IF(N5,INDEX(SD_LIST_STAGE,1),"x"))',
      'IF(A1000="","",IF(N1000,INDEX(SD_LIST_STAGE,1),"x"))',
    ]);
    expect(t.at.every((x) => !x.array)).toBe(true);
  });

  it('keeps ranges a function consumes whole, bounded and absolute', () => {
    const t = cells('=ARRAYFORMULA(IF(Z2:Z>0,Z2:Z>=LARGE(Z2:Z,MAX(1,COUNTIF(Z2:Z,">0")*SD_GOLD_SHARE)),FALSE))', [[1, 0]]);
    expect(t.at[0]).toEqual({ formula: 'IF(Z3>0,Z3>=LARGE($Z$2:$Z$1000,MAX(1,COUNTIF($Z$2:$Z$1000,">0")*SD_GOLD_SHARE)),FALSE)', array: false });
  });

  it('writes an array computation inside a consumed argument as a one-cell array formula', () => {
    expect(cells('=ARRAYFORMULA(SUM(IF(A2:A>0,B2:B)))')).toEqual({ rows: 1, cols: 1, at: [{ formula: 'SUM(IF($A$2:$A$1000>0,$B$2:$B$1000))', array: true }] });
    expect(cells('=SUM(ARRAYFORMULA(A2:A*B2:B))').at[0]).toEqual({ formula: 'SUM(($A$2:$A$1000*$B$2:$B$1000))', array: true });
    expect(cells('=ARRAYFORMULA(COUNTIF(A2:A,">0"))').at[0]).toEqual({ formula: 'COUNTIF($A$2:$A$1000,">0")', array: false });
  });

  it('bounds open ranges of plain formulas to the referenced sheet and quotes sheet names', () => {
    expect(cells('=COUNTIFS(客户!V2:V,"x",\'Follow-ups\'!$A$2:$A,">0")+SUM(C:C)').at[0]).toEqual({
      formula: `COUNTIFS('客户'!V2:V500,"x",'Follow-ups'!$A$2:$A$2000,">0")+SUM(C:C)`,
      array: false,
    });
    // A string that looks like a reference is left alone.
    expect(cells('=IF(A2="B2:B","A2:A",A2)').at[0]!.formula).toBe('IF(A2="B2:B","A2:A",A2)');
  });

  it('fills a row when the ranges are rows', () => {
    const t = cells('=ARRAYFORMULA(B3:E3*2)', [[0, 2]]);
    expect([t.rows, t.cols, t.at[0]!.formula]).toEqual([1, 4, 'D3*2']);
  });

  it('adds the _xlfn. prefix Excel stores newer functions with', () => {
    expect(cells('=IFS(A2>1,"a",TRUE,MAXIFS(B2:B,C2:C,"x"))').at[0]!.formula).toBe('_xlfn.IFS(A2>1,"a",TRUE,_xlfn.MAXIFS(B2:B1000,C2:C1000,"x"))');
    expect(cells('=TODAY()-INT(NOW())').at[0]!.formula).toBe('TODAY()-INT(NOW())');
  });

  it('says why a formula cannot be carried over', () => {
    const reason = (f: string) => {
      const t = translateFormula(f, ctx);
      return t.ok ? 'translated' : t.reason;
    };
    expect(reason('=QUERY(A:B,"select A")')).toMatch(/only in Google Sheets/);
    expect(reason('=ARRAYFORMULA(IF(A2:A="",B2:B10,C2:C))')).toMatch(/different sizes/);
    expect(reason('=ARRAYFORMULA({A2:A,B2:B})')).toMatch(/array literal/);
    expect(reason('=ARRAYFORMULA(IF(A2:A="",SD_LIST_STAGE))')).toMatch(/named range SD_LIST_STAGE/);
    expect(reason('=FILTER(A2:A,B2:B>0)')).toMatch(/fills cells/);
    expect(reason('=Nowhere!A2:A')).toMatch(/does not exist/);
    expect(reason('=IF((A2,1)')).toMatch(/could not be read/);
  });

  it('knows how every function the schema may use takes its arguments', () => {
    const unclassified = Object.keys(ALLOWED_FUNCTIONS).filter((f) => !isClassified(f));
    expect(unclassified).toEqual([]);
  });
});
