import { HyperFormula } from 'hyperformula';
import { hyperFormulaConfig, translate, untranslate } from './dialect';
const hf = HyperFormula.buildEmpty(hyperFormulaConfig());
const a = hf.getSheetId(hf.addSheet('客户'))!; const b = hf.getSheetId(hf.addSheet('S 2'))!;
hf.addNamedExpression('TRUE', '=TRUE()');
hf.setCellContents({sheet:a,row:0,col:0}, [["'abc", "'123", "'=x", "'2026-01-05", "'TRUE", 5, true, null, "'"]]);
hf.setCellContents({sheet:b,row:0,col:0}, [["=SUM(客户!F1:F5)", "=ARRAYFORMULA(客户!F1:F2*2)", "=IF(TRUE,\"y\",\"n\")", "=COUNTA(客户!A1:A)"]]);
console.log(hf.getSheetValues(a), hf.getSheetValues(b), hf.getSheetSerialized(a), hf.getSheetSerialized(b));
const ctx = { currentSheet: 'S 2', maxRowsOf: (n: string) => (n === '客户' ? 1000 : n==='S 2' ? 50 : undefined) };
for (const f of ["=COUNTA(A2:A)", "=SUM('客户'!B2:C)+SUM(客户!$D$2:$D)", '=IF(A2:A="x",1)', '=COUNTIF(Nope!A2:A,"A2:B")', '=SUM(A:A)+A1:B2']) { const t = translate(f, ctx); console.log(f, '->', t, '->', untranslate(t, ctx)); }
console.log(hf.getSheetDimensions(a)); hf.setCellContents({sheet:a,row:0,col:8}, null); console.log(hf.getSheetDimensions(a));
