import { describe, expect, it } from 'vitest';
import { CallCounter, SimulatedClock, type RuntimeContext } from '../../src/local/runtime/context';
import { createSpreadsheetApp, Workbook } from '../../src/local/runtime/spreadsheet';

function setup(wb = Workbook.create({ name: 'T', timeZone: 'Asia/Shanghai' })) {
  const clock = new SimulatedClock();
  const ctx: RuntimeContext = { clock, counter: new CallCounter(clock), scriptTimeZone: 'Asia/Shanghai', currentUser: () => ({ email: '', locale: 'en' }) };
  const app = createSpreadsheetApp(ctx, wb);
  return { wb, app, ss: app.getActive() };
}

describe('formulas', () => {
  it('open-ended A2:A works across sheets with Chinese/space names and keeps covering a growing grid', () => {
    const { ss, wb } = setup();
    const cust = ss.insertSheet('客户');
    const sum = ss.insertSheet('Sum Tab');
    cust.getRange('A1:A3').setValues([['amount'], [10], [20]]);
    sum.getRange('A1').setFormula("=SUM('客户'!A2:A)");
    sum.getRange('A2').setFormula('=COUNTA(客户!A2:A)');
    expect(sum.getRange('A1:A2').getValues()).toEqual([[30], [2]]);
    expect(sum.getRange('A1').getFormula()).toBe("=SUM('客户'!A2:A)");
    // grow the grid and write past the old last row
    cust.insertRowsAfter(1000, 10);
    cust.getRange(1010, 1).setValue(5);
    expect(sum.getRange('A1:A2').getValues()).toEqual([[35], [3]]);
    expect(sum.getRange('A1').getFormula()).toBe("=SUM('客户'!A2:A)");
    expect(wb.formulaErrors()).toEqual([]);
  });

  it('the TRUE / FALSE literals work', () => {
    const { ss } = setup();
    const s = ss.getSheets()[0];
    s.getRange('A1').setFormula('=IF(TRUE, "y", "n")');
    s.getRange('A2').setFormula('=AND(FALSE, TRUE)');
    expect(s.getRange('A1:A2').getValues()).toEqual([['y'], [false]]);
  });

  it("an unknown function evaluates to '#NAME?' and is listed by formulaErrors()", () => {
    const { ss, wb } = setup();
    const s = ss.getSheets()[0];
    s.getRange('B2').setFormula('=QUERY(A1:A5, "select A")');
    s.getRange('B3').setValue('=REGEXMATCH(A1, "x")');
    expect(s.getRange('B2:B3').getValues()).toEqual([['#NAME?'], ['#NAME?']]);
    const errors = wb.formulaErrors();
    expect(errors.map((e) => [e.sheet, e.a1, e.error])).toEqual([
      ['Sheet1', 'B2', '#NAME?'],
      ['Sheet1', 'B3', '#NAME?'],
    ]);
    expect(errors[0].message).toMatch(/QUERY/);
    expect(errors[0].formula).toBe('=QUERY(A1:A5, "select A")');
  });

  it('ARRAYFORMULA spills into adjacent cells; getFormulas is empty on spilled cells; blocked spill is #REF!', () => {
    const { ss, wb } = setup();
    const s = ss.getSheets()[0];
    s.getRange('A1:A3').setValues([[1], [2], [3]]);
    s.getRange('B1').setFormula('=ARRAYFORMULA(A1:A3*10)');
    expect(s.getRange('B1:B3').getValues()).toEqual([[10], [20], [30]]);
    expect(s.getRange('B1:B3').getFormulas()).toEqual([['=ARRAYFORMULA(A1:A3*10)'], [''], ['']]);
    expect(s.getLastRow()).toBe(3);
    s.getRange('B3').setValue('blocker');
    expect(s.getRange('B1').getValue()).toBe('#REF!');
    expect(wb.formulaErrors().map((e) => e.a1)).toEqual(['B1']);
  });

  it('named ranges work in formulas and via getRangeByName, and follow inserted rows', () => {
    const { ss } = setup();
    const s = ss.getSheets()[0];
    s.getRange('A1:A3').setValues([[1], [2], [3]]);
    ss.setNamedRange('Amounts', s.getRange('A1:A3'));
    s.getRange('C1').setFormula('=SUM(Amounts)');
    expect(s.getRange('C1').getValue()).toBe(6);
    s.insertRowsBefore(1, 2);
    expect(ss.getRangeByName('Amounts')!.getA1Notation()).toBe('A3:A5');
    expect(s.getRange('C3').getValue()).toBe(6);
    expect(s.getRange('C3').getFormula()).toBe('=SUM(Amounts)');
    expect(ss.getNamedRanges().map((n) => n.getName())).toEqual(['Amounts']);
    ss.removeNamedRange('Amounts');
    expect(ss.getRangeByName('Amounts')).toBeNull();
  });

  it('inserting a column rewrites references and getFormula shows the new text', () => {
    const { ss } = setup();
    const s = ss.getSheets()[0];
    s.getRange('A1:A2').setValues([[1], [2]]);
    s.getRange('C1').setFormula('=SUM(A1:A)');
    s.insertColumnBefore(1);
    expect(s.getRange('D1').getFormula()).toBe('=SUM(B1:B)');
    expect(s.getRange('D1').getValue()).toBe(3);
  });

  it('=TODAY()-style date results come back as Dates', () => {
    const { ss } = setup();
    const s = ss.getSheets()[0];
    s.getRange('A1').setFormula('=DATE(2026,1,5)');
    expect(s.getRange('A1').getValue()).toBeInstanceOf(Date);
  });
});

describe('structure and developer metadata', () => {
  function tagged() {
    const ctx = setup();
    const s = ctx.ss.getSheets()[0];
    s.getRange('A1:C2').setValues([
      ['id', 'name', 'phone'],
      [1, 'Ann', '555'],
    ]);
    ['id', 'name', 'phone'].forEach((k, i) => s.getRange(1, i + 1, s.getMaxRows(), 1).addDeveloperMetadata('col', k));
    const where = () =>
      Object.fromEntries(
        s
          .createDeveloperMetadataFinder()
          .withKey('col')
          .find()
          .map((m) => [m.getValue(), m.getLocation().getColumn()!.getColumn()]),
      );
    return { ...ctx, s, where };
  }

  it('column metadata follows moveColumns', () => {
    const { s, where } = tagged();
    s.moveColumns(s.getRange('A:A'), 4); // id moves after phone
    expect(s.getRange('A1:C1').getValues()).toEqual([['name', 'phone', 'id']]);
    expect(where()).toEqual({ name: 1, phone: 2, id: 3 });
    s.moveColumns(s.getRange('C:C'), 1); // and back to the front
    expect(s.getRange('A1:C2').getValues()).toEqual([
      ['id', 'name', 'phone'],
      [1, 'Ann', 555],
    ]);
    expect(where()).toEqual({ id: 1, name: 2, phone: 3 });
  });

  it('column metadata follows insertColumns and dies with deleteColumns', () => {
    const { s, where, wb } = tagged();
    s.insertColumnsBefore(2, 2);
    expect(where()).toEqual({ id: 1, name: 4, phone: 5 });
    expect(s.getMaxColumns()).toBe(28);
    s.deleteColumns(4, 1);
    expect(where()).toEqual({ id: 1, phone: 4 });
    expect(wb.metadata.length).toBe(2);
    expect(s.getRange('D1').getValue()).toBe('phone');
  });

  it('range metadata on a whole column is found with getDeveloperMetadata; arbitrary ranges are refused', () => {
    const { s } = tagged();
    expect(
      s
        .getRange('B:B')
        .getDeveloperMetadata()
        .map((m) => m.getValue()),
    ).toEqual(['name']);
    expect(() => s.getRange('A1:B2').addDeveloperMetadata('x')).toThrow(/arbitrary ranges/);
  });

  it('deleting rows shifts values, formats and validation; inserted rows inherit the format above', () => {
    const { ss, app } = setup();
    const s = ss.getSheets()[0];
    s.getRange('A1:A4').setValues([[1], [2], [3], [4]]);
    s.getRange('B2:B1000').setNumberFormat('0.00');
    s.getRange('B2:B1000').setDataValidation(app.newDataValidation().requireValueInList(['x', 'y']).build());
    s.deleteRows(1, 2);
    expect(s.getRange('A1:A2').getValues()).toEqual([[3], [4]]);
    expect(s.getMaxRows()).toBe(998);
    expect(s.getRange('B1').getNumberFormat()).toBe('0.00');
    expect(s.getRange('B998').getDataValidation()!.getCriteriaValues()).toEqual([['x', 'y'], true]);
    s.insertRowsAfter(998, 1);
    expect(s.getRange('B999').getNumberFormat()).toBe('0.00');
  });
});
