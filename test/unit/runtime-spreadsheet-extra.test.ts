/**
 * Small runtime additions set-up needs: Sheet.getRangeList / RangeList
 * (https://developers.google.com/apps-script/reference/spreadsheet/range-list), and the batch
 * setters set-up relies on (setNotes, setColumnWidths, setDataValidations over a 20,000-row block).
 */
import { describe, expect, it } from 'vitest';
import { CallCounter, SimulatedClock, instrument, type RuntimeContext } from '../../src/local/runtime/context';
import { createSpreadsheetApp, Workbook } from '../../src/local/runtime/spreadsheet';

function setup() {
  const clock = new SimulatedClock();
  const counter = new CallCounter(clock);
  const ctx: RuntimeContext = { clock, counter, scriptTimeZone: 'Asia/Shanghai', currentUser: () => ({ email: 'a@b.c', locale: 'en' }) };
  const wb = Workbook.create({ name: 'Test', timeZone: 'Asia/Shanghai' });
  const app = createSpreadsheetApp(ctx, wb);
  const ss = app.getActive();
  const sheet = ss.getSheets()[0];
  return { wb, app, ss, sheet, counter };
}

describe('Sheet.getRangeList / RangeList', () => {
  it('applies a number format to every range of the list, and nothing else', () => {
    const { sheet } = setup();
    const list = sheet.getRangeList(['A2:A10', 'C2:D10']);
    expect(list.getRanges().map((r) => r.getA1Notation())).toEqual(['A2:A10', 'C2:D10']);
    list.setNumberFormat('yyyy-mm-dd');
    expect(sheet.getRange('A10').getNumberFormat()).toBe('yyyy-mm-dd');
    expect(sheet.getRange('D2').getNumberFormat()).toBe('yyyy-mm-dd');
    expect(sheet.getRange('B5').getNumberFormat()).not.toBe('yyyy-mm-dd');
    expect(sheet.getRange('A11').getNumberFormat()).not.toBe('yyyy-mm-dd');
  });

  it('sets background, font colour and weight on every range (chainable)', () => {
    const { sheet } = setup();
    sheet.getRangeList(['A1:B1', 'D1']).setBackground('#123456').setFontColor('#ffffff').setFontWeight('bold');
    expect(sheet.getRange('A1:D1').getBackgrounds()[0]).toEqual(['#123456', '#123456', '#ffffff', '#123456']);
    expect(sheet.getRange('A1:D1').getFontWeights()[0]).toEqual(['bold', 'bold', 'normal', 'bold']);
    expect(sheet.getRange('D1').getFontColor()).toBe('#ffffff');
  });

  it('rejects an empty list and ranges outside the sheet', () => {
    const { sheet } = setup();
    expect(() => sheet.getRangeList([])).toThrow();
    expect(() => sheet.getRangeList(['A1:A2000'])).toThrow(/outside/);
  });

  it('is counted as one call per method when instrumented', () => {
    const { app, counter } = setup();
    const wrapped = instrument(counter, 'SpreadsheetApp', app);
    wrapped.getActive().getSheets()[0].getRangeList(['A2:A5', 'C2:C5']).setNumberFormat('0');
    expect(counter.snapshot('SpreadsheetApp')['SpreadsheetApp.Sheet.getRangeList']).toBe(1);
    expect(counter.snapshot('SpreadsheetApp')['SpreadsheetApp.RangeList.setNumberFormat']).toBe(1);
  });
});

describe('batch setters set-up relies on', () => {
  it('setNotes writes a row of notes; blank entries clear', () => {
    const { sheet } = setup();
    sheet.getRange('B1').setNote('old');
    sheet.getRange('A1:C1').setNotes([['a', '', 'c']]);
    expect(sheet.getRange('A1:C1').getNotes()).toEqual([['a', '', 'c']]);
  });

  it('setColumnWidths sets a run of columns', () => {
    const { sheet } = setup();
    sheet.setColumnWidths(2, 3, 140);
    expect([1, 2, 3, 4, 5].map((c) => sheet.getColumnWidth(c))).toEqual([sheet.getColumnWidth(1), 140, 140, 140, sheet.getColumnWidth(5)]);
  });

  it('setDataValidations over a 20,000-row block keeps one rule per column (shared row array)', () => {
    const { app, wb, sheet } = setup();
    sheet.insertRowsAfter(sheet.getMaxRows(), 20_000 - sheet.getMaxRows());
    const date = app.newDataValidation().requireDate().build();
    const box = app.newDataValidation().requireCheckbox().build();
    const line = [date, box];
    sheet.getRange(2, 1, 19_999, 2).setDataValidations(Array.from({ length: 19_999 }, () => line));
    expect(sheet.getRange('A20000').getDataValidation()!.getCriteriaType()).toBe(date.getCriteriaType());
    expect(sheet.getRange('B2').getDataValidation()!.getCriteriaType()).toBe(box.getCriteriaType());
    expect(sheet.getRange('A1').getDataValidation()).toBeNull();
    const json = wb.toJSON() as unknown as { sheets: { validation: unknown[][] }[] };
    expect(json.sheets[0].validation[0]).toHaveLength(1);
    expect(json.sheets[0].validation[1]).toHaveLength(1);
  });
});
