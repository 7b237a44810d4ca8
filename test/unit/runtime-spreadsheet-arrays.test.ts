/**
 * A computed column someone typed into, as Google shows it: #REF! in the array's anchor, the
 * typed value and nothing else in its extent, dependent formulas seeing both; and the column
 * back as soon as the value is cleared — also across a save, a row insertion and a reload.
 */
import { describe, expect, it } from 'vitest';
import { CallCounter, SimulatedClock, type RuntimeContext } from '../../src/local/runtime/context';
import { createSpreadsheetApp, Workbook } from '../../src/local/runtime/spreadsheet';

function setup() {
  const clock = new SimulatedClock();
  const ctx: RuntimeContext = { clock, counter: new CallCounter(clock), scriptTimeZone: 'Etc/UTC', currentUser: () => ({ email: 'a@b.c', locale: 'en' }) };
  const wb = Workbook.create({ name: 'Test', timeZone: 'Etc/UTC' });
  const ss = createSpreadsheetApp(ctx, wb).getActive();
  const sheet = ss.getSheets()[0];
  // Input A, computed B (twice A), and C computed from B.
  sheet.getRange('A1:C1').setValues([['n', 'double', 'plus one']]);
  sheet.getRange('A2:A5').setValues([[1], [2], [3], [4]]);
  sheet.getRange('B2').setFormula('=ARRAYFORMULA(IF(A2:A="","",A2:A*2))');
  sheet.getRange('C2').setFormula('=ARRAYFORMULA(IF(A2:A="","",B2:B+1))');
  const col = (a1: string) =>
    sheet
      .getRange(a1)
      .getValues()
      .map((r) => r[0]);
  return { wb, ss, sheet, col };
}

describe('an array formula blocked by a typed value', () => {
  it('shows #REF! in its anchor, the typed value alone in its extent, and dependents see both', () => {
    const { wb, sheet, col } = setup();
    expect(col('B2:B5')).toEqual([2, 4, 6, 8]);
    sheet.getRange('B4').setValue('typed');
    expect(col('B2:B5')).toEqual(['#REF!', '', 'typed', '']);
    expect(
      sheet
        .getRange('B2:B5')
        .getFormulas()
        .map((r) => r[0]),
    ).toEqual(['=ARRAYFORMULA(IF(A2:A="","",A2:A*2))', '', '', '']);
    // C stays one array over B: the error where B has it, the typed text where it is, blanks + 1.
    expect(col('C2:C5')).toEqual(['#REF!', 1, '#VALUE!', 1]);
    expect(sheet.getRange('C3').getFormula()).toBe('');
    expect(wb.formulaErrors().map((e) => [e.a1, e.error, e.message])).toEqual([
      ['B2', '#REF!', 'Array result was not expanded because it would overwrite data in B4.'],
      ['C2', '#REF!', expect.any(String)],
    ]);
  });

  it('fills again, with its dependents, when the typed value is cleared', () => {
    const { sheet, col } = setup();
    sheet.getRange('B4').setValue('typed');
    sheet.getRange('B4').clearContent();
    expect(col('B2:B5')).toEqual([2, 4, 6, 8]);
    expect(col('C2:C5')).toEqual([3, 5, 7, 9]);
  });

  it('stays blocked while any typed value is left, also across inserted rows and a reload', () => {
    const { wb, sheet, col } = setup();
    sheet.getRange('B4:B5').setValues([['x'], ['y']]);
    sheet.getRange('B4').clearContent();
    expect(col('B2:B5')).toEqual(['#REF!', '', '', 'y']);
    sheet.insertRowsBefore(3, 2); // B5 moves to B7
    expect(col('B2:B7')).toEqual(['#REF!', '', '', '', '', 'y']);
    const back = Workbook.fromJSON(JSON.parse(JSON.stringify(wb.toJSON())));
    const s2 = back.sheets[0];
    expect(back.getValues(s2, 2, 2, 1, 1)[0][0]).toBe('#REF!');
    back.clearContents(s2, 7, 2, 1, 1);
    expect(back.getValues(s2, 2, 2, 6, 1).map((r) => r[0])).toEqual([2, '', '', 4, 6, 8]);
  });

  it('is not disturbed when the cells its result covers are cleared (they hold nothing of their own)', () => {
    const { sheet, col } = setup();
    sheet.getRange('A1:C5').clearContent(); // a user clears the whole table, anchors included
    sheet.getRange('A2:A3').setValues([[5], [6]]);
    expect(col('B2:B3')).toEqual(['', '']); // the anchors were cleared: no formula any more
    const s = setup();
    s.sheet.getRange('B3:C5').clearContent(); // only cells the arrays fill
    expect(s.col('B2:B5')).toEqual([2, 4, 6, 8]);
    expect(s.col('C2:C5')).toEqual([3, 5, 7, 9]);
  });

  it('is blocked from the start when written over typed values', () => {
    const { sheet, col } = setup();
    sheet.getRange('D3').setValue('already here');
    sheet.getRange('D2').setFormula('=ARRAYFORMULA(IF(A2:A="","",A2:A))');
    expect(col('D2:D3')).toEqual(['#REF!', 'already here']);
    sheet.getRange('D3').setValue('');
    expect(col('D2:D3')).toEqual([1, 2]);
  });
});
