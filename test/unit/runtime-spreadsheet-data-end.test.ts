/**
 * What the records layer relies on to find where a tab's data ends and to grow it:
 * Range.getNextDataCell (Ctrl+arrow), Sheet.getSheetValues (one call for a block of values),
 * the call counter's cells read / written, and rows inserted before a sheet's last row landing
 * inside every range that covered it (validation, number formats, highlights, protections,
 * named ranges), as rows inserted inside a range do in Sheets.
 */
import { describe, expect, it } from 'vitest';
import { CallCounter, SimulatedClock, instrument, type RuntimeContext } from '../../src/local/runtime/context';
import { createSpreadsheetApp, Workbook } from '../../src/local/runtime/spreadsheet';

function setup() {
  const clock = new SimulatedClock();
  const counter = new CallCounter(clock);
  const ctx: RuntimeContext = { clock, counter, scriptTimeZone: 'Etc/UTC', currentUser: () => ({ email: 'a@b.c', locale: 'en' }) };
  const wb = Workbook.create({ name: 'Test', timeZone: 'Etc/UTC' });
  const app = instrument(counter, 'SpreadsheetApp', createSpreadsheetApp(ctx, wb)) as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const ss = app.getActive();
  const sheet = ss.getSheets()[0];
  return { app, ss, sheet, counter };
}

describe('Range.getNextDataCell', () => {
  it('goes up from the bottom of a column to the last cell with data, past empty cells', () => {
    const { app, sheet } = setup();
    sheet.getRange('A1:A4').setValues([['ID'], ['C-1'], ['C-2'], ['C-3']]);
    sheet.getRange('A7').setValue('C-9');
    const bottom = sheet.getRange(sheet.getMaxRows(), 1);
    expect(bottom.getNextDataCell(app.Direction.UP).getRow()).toBe(7);
    // From a cell with data whose neighbour has data: to the edge of that block.
    expect(sheet.getRange('A4').getNextDataCell(app.Direction.UP).getRow()).toBe(1);
    expect(sheet.getRange('A2').getNextDataCell(app.Direction.DOWN).getRow()).toBe(4);
    // From the last cell of a block: past the gap to the next cell with data.
    expect(sheet.getRange('A4').getNextDataCell(app.Direction.DOWN).getRow()).toBe(7);
    // Nothing below: the edge of the sheet.
    expect(sheet.getRange('A7').getNextDataCell(app.Direction.DOWN).getRow()).toBe(sheet.getMaxRows());
    // Sideways, in a row.
    sheet.getRange('C2').setValue('x');
    expect(sheet.getRange('A2').getNextDataCell(app.Direction.NEXT).getA1Notation()).toBe('C2');
    expect(sheet.getRange('C2').getNextDataCell(app.Direction.PREVIOUS).getA1Notation()).toBe('A2');
  });

  it('counts a formula as data, and stops at row 1 of an empty column', () => {
    const { app, sheet } = setup();
    sheet.getRange('B5').setFormula('=1+1');
    expect(sheet.getRange(sheet.getMaxRows(), 2).getNextDataCell(app.Direction.UP).getRow()).toBe(5);
    expect(sheet.getRange(sheet.getMaxRows(), 4).getNextDataCell(app.Direction.UP).getRow()).toBe(1);
  });
});

describe('Sheet.getSheetValues', () => {
  it('returns the values getRange(…).getValues() returns, in one call; -1 reaches the last row with data', () => {
    const { sheet, counter } = setup();
    sheet.getRange('A1:B3').setValues([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    counter.reset();
    expect(sheet.getSheetValues(2, 1, 2, 2)).toEqual([
      ['b', 2],
      ['c', 3],
    ]);
    expect(sheet.getSheetValues(1, 2, -1, 1)).toEqual([[1], [2], [3]]);
    expect(counter.total('SpreadsheetApp')).toBe(2);
  });
});

describe('cells read and written', () => {
  it('counts the cells a call reads or writes, next to the calls', () => {
    const { sheet, counter } = setup();
    counter.reset();
    sheet.getRange(1, 1, 10, 3).setValues(Array.from({ length: 10 }, () => ['x', 'y', 'z']));
    sheet.getRange('E1:E4').setValue('same');
    expect(counter.cells).toEqual({ read: 0, written: 34 });
    sheet.getRange(1, 1, 10, 3).getValues();
    sheet.getSheetValues(1, 1, 2, 2);
    sheet.getRange('A1').getValue();
    expect(counter.cells.read).toBe(35);
    counter.reset();
    expect(counter.cells).toEqual({ read: 0, written: 0 });
  });
});

describe('rows inserted before the last row', () => {
  it('land inside the validation, formats, highlights, protections and named ranges that covered the sheet', () => {
    const { app, ss, sheet } = setup();
    const max = sheet.getMaxRows();
    const data = sheet.getRange(2, 1, max - 1, 1);
    data.setDataValidation(app.newDataValidation().requireCheckbox().build());
    data.setNumberFormat('0.0');
    sheet.setConditionalFormatRules([app.newConditionalFormatRule().whenFormulaSatisfied('=$A2=TRUE').setBackground('#fce8e6').setRanges([data]).build()]);
    data.protect().setDescription('ours').setWarningOnly(true);
    ss.setNamedRange('SD_TEST', data);
    sheet.insertRowsBefore(max, 5000);
    const row = max + 4000;
    expect(sheet.getMaxRows()).toBe(max + 5000);
    expect(sheet.getRange(row, 1).getDataValidation()?.getCriteriaType()).toBe(app.DataValidationCriteria.CHECKBOX);
    expect(sheet.getRange(row, 1).getNumberFormat()).toBe('0.0');
    const cf = sheet.getConditionalFormatRules()[0].getRanges()[0];
    expect([cf.getRow(), cf.getLastRow()]).toEqual([2, max + 5000]);
    const p = sheet.getProtections(app.ProtectionType.RANGE)[0].getRange();
    expect([p.getRow(), p.getLastRow()]).toEqual([2, max + 5000]);
    expect(ss.getRangeByName('SD_TEST')!.getLastRow()).toBe(max + 5000);
  });

  it('inside an ARRAYFORMULA’s results: the array fills the new rows, as in Sheets', () => {
    const { sheet } = setup();
    sheet.getRange('A2:A3').setValues([['x'], ['y']]);
    sheet.getRange('B2').setFormula('=ARRAYFORMULA(IF(A2:A="","",LEN(A2:A)))');
    sheet.getRange('C2').setFormula('=ARRAYFORMULA(IF(B2:B="","",B2:B*10))');
    const max = sheet.getMaxRows();
    sheet.insertRowsBefore(max, 100);
    sheet.getRange(max + 50, 1).setValue('hello');
    expect(sheet.getRange(max + 50, 2, 1, 2).getValues()).toEqual([[5, 50]]);
    expect(sheet.getRange('B2:C3').getValues()).toEqual([
      [1, 10],
      [1, 10],
    ]);
    expect(sheet.getRange('B2').getFormula()).toBe('=ARRAYFORMULA(IF(A2:A="","",LEN(A2:A)))');
  });
});
