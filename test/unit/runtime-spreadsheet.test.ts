import { describe, expect, it } from 'vitest';
import { CallCounter, SimulatedClock, type RuntimeContext } from '../../src/local/runtime/context';
import { createSpreadsheetApp, Workbook } from '../../src/local/runtime/spreadsheet';

function setup(timeZone = 'Asia/Shanghai') {
  const clock = new SimulatedClock();
  const ctx: RuntimeContext = { clock, counter: new CallCounter(clock), scriptTimeZone: timeZone, currentUser: () => ({ email: 'a@b.c', locale: 'en' }) };
  const wb = Workbook.create({ name: 'Test', timeZone });
  const app = createSpreadsheetApp(ctx, wb);
  const ss = app.getActive();
  const sheet = ss.getSheets()[0];
  return { wb, app, ss, sheet, ctx };
}

describe('blank spreadsheet', () => {
  it('has one sheet "Sheet1" of 1000 rows × 26 columns', () => {
    const { ss, sheet } = setup();
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    expect([sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getLastRow(), sheet.getLastColumn()]).toEqual([1000, 26, 0, 0]);
  });
});

describe('values', () => {
  it("getValues returns '' for empty cells, numbers, booleans, strings", () => {
    const { sheet } = setup();
    sheet.getRange('A1:D1').setValues([[1.5, true, 'x', '']]);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([[1.5, true, 'x', '', '']]);
  });

  it('getValues returns a Date for date-formatted cells and a number otherwise', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([[46027, 46027]]);
    sheet.getRange('A1').setNumberFormat('yyyy-mm-dd');
    const [a, b] = sheet.getRange('A1:B1').getValues()[0];
    expect(a).toBeInstanceOf(Date);
    expect(b).toBe(46027);
    // serial 46027 = 2026-01-05 00:00 in Asia/Shanghai = 2026-01-04T16:00Z
    expect((a as Date).toISOString()).toBe('2026-01-04T16:00:00.000Z');
  });

  it('dates are interpreted in the SPREADSHEET time zone', () => {
    const { sheet, ss } = setup('Asia/Shanghai');
    const instant = new Date('2026-01-05T01:00:00Z'); // 09:00 in Shanghai
    sheet.getRange('A1').setValue(instant);
    sheet.getRange('A1').setNumberFormat('yyyy-mm-dd hh:mm');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2026-01-05 09:00');
    expect((sheet.getRange('A1').getValue() as Date).getTime()).toBe(instant.getTime());
    ss.setSpreadsheetTimeZone('America/New_York');
    // the same wall clock (09:00) is now a New York instant
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2026-01-05T14:00:00.000Z');
  });

  it('writing a Date gives an unformatted cell a date-time format', () => {
    const { sheet } = setup('UTC');
    sheet.getRange('A1').setValue(new Date('2026-03-01T10:30:00Z'));
    expect(sheet.getRange('A1').getNumberFormat()).toBe('M/d/yyyy H:mm:ss');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('3/1/2026 10:30:00');
  });

  it("setValues throws Google's message when the data size does not match", () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:B2').setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange('A1:B1').setValues([[1, 2, 3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
  });

  it('a string starting with = becomes a formula', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A2').setValues([[2], [3]]);
    sheet.getRange('B1').setValue('=A1*A2');
    expect(sheet.getRange('B1').getValue()).toBe(6);
    expect(sheet.getRange('B1').getFormula()).toBe('=A1*A2');
  });

  it("a leading ' keeps text as text, without the apostrophe", () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([["'=1+2"], ["'0012"], ["'TRUE"]]);
    expect(sheet.getRange('A1:A3').getValues()).toEqual([['=1+2'], ['0012'], ['TRUE']]);
    expect(sheet.getRange('A1:A3').getDisplayValues()).toEqual([['=1+2'], ['0012'], ['TRUE']]);
    expect(sheet.getRange('A1').getFormula()).toBe('');
  });

  it('numeric-looking strings become numbers unless the cell is plain text (@)', () => {
    const { sheet } = setup();
    sheet.getRange('B1').setNumberFormat('@');
    sheet.getRange('A1:B1').setValues([['0012', '0012']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[12, '0012']]);
  });

  it('setValue on a multi-cell range fills every cell', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setValue('x');
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['x', 'x'],
      ['x', 'x'],
    ]);
  });
});

describe('ranges', () => {
  it('getRange throws for coordinates outside the grid', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange('AA1')).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange('not a range')).toThrow('Range not found');
  });

  it('A1 notation, open ranges, offset and getCell', () => {
    const { sheet } = setup();
    const col = sheet.getRange('B:B');
    expect([col.getRow(), col.getColumn(), col.getNumRows(), col.getNumColumns(), col.getA1Notation()]).toEqual([1, 2, 1000, 1, 'B:B']);
    const open = sheet.getRange('A2:C');
    expect([open.getRow(), open.getNumRows(), open.getNumColumns()]).toEqual([2, 999, 3]);
    expect(sheet.getRange('B2:C3').offset(1, 1).getA1Notation()).toBe('C3:D4');
    expect(sheet.getRange('B2:C3').getCell(2, 2).getA1Notation()).toBe('C3');
  });

  it('getLastRow/getLastColumn count content only, not formatting', () => {
    const { sheet } = setup();
    sheet.getRange('A1:Z500').setBackground('#ff0000');
    sheet.getRange('C7').setValue('x');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([7, 3]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C7');
  });

  it('appendRow writes after the last row and grows a full grid', () => {
    const { sheet } = setup();
    sheet.getRange(1000, 1).setValue('last');
    sheet.appendRow(['a', 'b']);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange('A1001:B1001').getValues()).toEqual([['a', 'b']]);
  });
});
