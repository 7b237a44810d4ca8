import { describe, expect, it } from 'vitest';
import { CallCounter, instrument, SimulatedClock, type RuntimeContext } from '../../src/local/runtime/context';
import { createSpreadsheetApp, displayValue, Workbook } from '../../src/local/runtime/spreadsheet';

function setup(wb = Workbook.create({ name: 'T', timeZone: 'Asia/Shanghai' })) {
  const clock = new SimulatedClock();
  const counter = new CallCounter(clock);
  const ctx: RuntimeContext = { clock, counter, scriptTimeZone: 'Asia/Shanghai', currentUser: () => ({ email: '', locale: 'en' }) };
  let toast = '';
  const app = createSpreadsheetApp(ctx, wb, { onToast: (m) => (toast = m), getUi: () => 'the-ui' });
  return { wb, app, ss: app.getActive(), counter, ctx, lastToast: () => toast };
}

describe('display formats', () => {
  it.each([
    [1234.5, '0', '1235'],
    [1234.567, '0.00', '1234.57'],
    [1234567.8, '#,##0', '1,234,568'],
    [1234567.891, '#,##0.00', '1,234,567.89'],
    [0.256, '0%', '26%'],
    [0.256, '0.0%', '25.6%'],
    [12345.5, '"¥"#,##0', '¥12,346'],
    [1234.5, '$#,##0.00', '$1,234.50'],
    [-1234.5, '$#,##0.00', '-$1,234.50'],
    [46027.375, 'yyyy-mm-dd', '2026-01-05'],
    [46027.375, 'yyyy-mm-dd hh:mm', '2026-01-05 09:00'],
    [46027.5, 'M/d/yyyy H:mm:ss', '1/5/2026 12:00:00'],
    [42, '@', '42'],
    [0.1 + 0.2, '', '0.3'],
    [true, '', 'TRUE'],
  ])('%s with %s shows %s', (value, fmt, shown) => {
    expect(displayValue(value, fmt)).toBe(shown);
  });

  it('getDisplayValues applies the cell number formats', () => {
    const { ss } = setup();
    const s = ss.getSheets()[0];
    s.getRange('A1:C1').setValues([[0.5, 1234.5, 46027]]);
    s.getRange('A1:C1').setNumberFormats([['0%', '#,##0.00', 'yyyy-mm-dd']]);
    expect(s.getRange('A1:C1').getDisplayValues()).toEqual([['50%', '1,234.50', '2026-01-05']]);
    expect(s.getRange('D1').getNumberFormat()).toBe('0.###############');
  });
});

describe('validation', () => {
  it('builder criteria round-trip; script writes ignore validation; user edits are rejected', () => {
    const { ss, app, wb } = setup();
    const s = ss.getSheets()[0];
    s.insertRowsAfter(1000, 19000);
    const rule = app.newDataValidation().requireValueInList(['High', 'Low'], true).setAllowInvalid(false).setHelpText('Pick one').build();
    s.getRange('B2:B20000').setDataValidation(rule);
    const got = s.getRange('B500').getDataValidation()!;
    expect(got.getCriteriaType()).toBe('VALUE_IN_LIST');
    expect(got.getCriteriaValues()).toEqual([['High', 'Low'], true]);
    expect(got.getAllowInvalid()).toBe(false);
    expect(s.getRange('B1').getDataValidation()).toBeNull();
    // compact: one run for the whole column
    expect(wb.sheets[0].validation.cols[1]!.length).toBe(1);
    s.getRange('B2').setValue('Medium'); // Apps Script does not enforce validation on script writes
    expect(s.getRange('B2').getValue()).toBe('Medium');
    expect(wb.setCellFromUser('Sheet1', 3, 2, 'Medium')).toEqual({ ok: false, message: 'Pick one' });
    expect(wb.setCellFromUser('Sheet1', 3, 2, 'High')).toEqual({ ok: true });
    expect(s.getRange('B3').getValue()).toBe('High');
    s.getRange('B2:B3').clearDataValidations();
    expect(s.getRange('B2').getDataValidation()).toBeNull();
  });

  it('requireValueInRange keeps a range, requireCheckbox and requireDate report their criteria', () => {
    const { ss, app } = setup();
    const s = ss.getSheets()[0];
    const lists = ss.insertSheet('Lists');
    s.getRange('A1').setDataValidation(app.newDataValidation().requireValueInRange(lists.getRange('A2:A10')).build());
    const [range, dropdown] = s.getRange('A1').getDataValidation()!.getCriteriaValues() as [
      { getA1Notation(): string; getSheet(): { getName(): string } },
      boolean,
    ];
    expect([range.getSheet().getName(), range.getA1Notation(), dropdown]).toEqual(['Lists', 'A2:A10', true]);
    s.getRange('A2').setDataValidation(app.newDataValidation().requireCheckbox().build());
    s.getRange('A3').setDataValidation(app.newDataValidation().requireDate().build());
    expect([s.getRange('A2').getDataValidation()!.getCriteriaType(), s.getRange('A3').getDataValidation()!.getCriteriaType()]).toEqual([
      'CHECKBOX',
      'DATE_IS_VALID_DATE',
    ]);
  });
});

describe('sheets, protections, conditional formats, misc', () => {
  it("insertSheet rejects a duplicate name with Google's message; index is 0-based", () => {
    const { ss } = setup();
    ss.insertSheet('Customers');
    expect(() => ss.insertSheet('Customers')).toThrow('A sheet with the name "Customers" already exists. Please enter another name.');
    ss.insertSheet('First', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['First', 'Sheet1', 'Customers']);
    expect(ss.getSheetByName('Customers')!.getIndex()).toBe(3);
    expect(ss.getSheetByName('Customers')).toBe(ss.getSheetByName('Customers'));
    ss.deleteSheet(ss.getSheetByName('First')!);
    expect(ss.getSheets().length).toBe(2);
  });

  it('renaming a sheet keeps formulas pointing at it', () => {
    const { ss } = setup();
    const data = ss.insertSheet('Data');
    data.getRange('A2').setValue(7);
    const s = ss.getSheetByName('Sheet1')!;
    s.getRange('A1').setFormula('=SUM(Data!A2:A)');
    data.setName('Log 2026');
    expect(s.getRange('A1').getValue()).toBe(7);
    expect(s.getRange('A1').getFormula()).toBe("=SUM('Log 2026'!A2:A)");
  });

  it('protections: warning-only, description, range follows inserted rows, remove', () => {
    const { ss } = setup();
    const s = ss.getSheets()[0];
    const p = s.getRange('A1:C1').protect().setDescription('Headers').setWarningOnly(true);
    s.insertRowsBefore(1, 1);
    const [got] = s.getProtections('RANGE');
    expect([got.getDescription(), got.isWarningOnly(), got.getRange().getA1Notation()]).toEqual(['Headers', true, 'A2:C2']);
    p.remove();
    expect(ss.getProtections('RANGE')).toEqual([]);
    s.protect().setWarningOnly(true);
    expect(ss.getProtections('SHEET').length).toBe(1);
  });

  it('conditional format rules are stored, returned and evaluated for the grid', () => {
    const { ss, app, wb } = setup();
    const s = ss.getSheets()[0];
    s.getRange('A1:A3').setValues([['Won'], ['Lost'], ['']]);
    s.getRange('B1:B3').setValues([[5], [50], [1]]);
    const r1 = app
      .newConditionalFormatRule()
      .whenTextEqualTo('Won')
      .setBackground('#00ff00')
      .setRanges([s.getRange('A1:A3')])
      .build();
    const r2 = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$B1>10')
      .setFontColor('#ff0000')
      .setRanges([s.getRange('B1:B3')])
      .build();
    s.setConditionalFormatRules([r1, r2]);
    const rules = s.getConditionalFormatRules();
    expect(rules.length).toBe(2);
    expect(rules[0].getBooleanCondition().getBackground()).toBe('#00ff00');
    expect(rules[1].getRanges()[0].getA1Notation()).toBe('B1:B3');
    expect(wb.conditionalFormatAt('Sheet1', 1, 1)).toEqual({ background: '#00ff00' });
    expect(wb.conditionalFormatAt('Sheet1', 2, 1)).toBeNull();
    expect(wb.conditionalFormatAt('Sheet1', 2, 2)).toEqual({ fontColor: '#ff0000' });
    expect(wb.conditionalFormatAt('Sheet1', 1, 2)).toBeNull();
  });

  it('styles, notes, active selection, toast and getUi delegation', () => {
    const { ss, wb, app, lastToast } = setup();
    const s = ss.getSheets()[0];
    s.getRange('A1:B1').setBackground('#eeeeee').setFontWeight('bold');
    s.getRange('A1').setNote('hello');
    expect([s.getRange('B1').getBackground(), s.getRange('B1').getFontWeight(), s.getRange('C1').getBackground()]).toEqual(['#eeeeee', 'bold', '#ffffff']);
    expect(s.getRange('A1:B1').getNotes()).toEqual([['hello', '']]);
    wb.setSelection('Sheet1', 'B3:C4');
    expect(ss.getActiveRange()!.getA1Notation()).toBe('B3:C4');
    expect(ss.getActiveCell().getA1Notation()).toBe('B3');
    ss.toast('Saved');
    expect(lastToast()).toBe('Saved');
    expect(app.getUi()).toBe('the-ui');
    expect(wb.cellInfo('Sheet1', 1, 1)).toMatchObject({ note: 'hello', style: { background: '#eeeeee', fontWeight: 'bold' } });
  });

  it('instrument() counts calls made on returned Range objects', () => {
    const { wb, ctx, counter } = setup();
    const app = instrument(counter, 'SpreadsheetApp', createSpreadsheetApp(ctx, wb));
    const s = app.getActive().getSheets()[0];
    s.getRange('A1:B2').setValues([
      [1, 2],
      [3, 4],
    ]);
    s.getRange('A1:B2').getValues();
    expect(counter.snapshot('SpreadsheetApp')).toMatchObject({
      'SpreadsheetApp.Range.setValues': 1,
      'SpreadsheetApp.Range.getValues': 1,
      'SpreadsheetApp.Sheet.getRange': 2,
    });
  });
});

describe('persistence', () => {
  it('toJSON/fromJSON round-trips values, text, formulas, formats, validation, metadata, protections, named ranges', () => {
    const { ss, app, wb } = setup();
    const s = ss.getSheets()[0];
    const c = ss.insertSheet('客户 List');
    c.getRange('A1:D3').setValues([
      ['id', 'when', 'note', 'amount'],
      [1, new Date('2026-01-05T01:00:00Z'), "'=not a formula", 10],
      [2, new Date('2026-02-05T01:00:00Z'), "'0012", 20],
    ]);
    c.getRange('E1').setFormula('=ARRAYFORMULA(D1:D3*2)');
    c.getRange('B2:B3').setNumberFormat('yyyy-mm-dd hh:mm');
    c.getRange('C:C').addDeveloperMetadata('col', 'note');
    c.getRange('A1:D1').protect().setWarningOnly(true).setDescription('hdr');
    c.getRange('D2:D').setDataValidation(app.newDataValidation().requireNumberBetween(0, 100).build());
    c.getRange('A1').setNote('n').setBackground('#123456');
    ss.setNamedRange('Amounts', c.getRange('D2:D3'));
    s.getRange('A1').setFormula("=SUM('客户 List'!D2:D)+SUM(Amounts)");
    s.getRange('A2').setFormula('=QUERY(A1)');
    c.setFrozenRows(1);
    c.setColumnWidth(2, 180);

    const json = JSON.parse(JSON.stringify(wb.toJSON()));
    const wb2 = Workbook.fromJSON(json);
    expect(wb2.toJSON()).toEqual(json);
    const { ss: ss2 } = setup(wb2);
    const c2 = ss2.getSheetByName('客户 List')!;
    expect(c2.getRange('A1:E3').getValues()).toEqual(c.getRange('A1:E3').getValues());
    expect(c2.getRange('A1:E3').getDisplayValues()).toEqual(c.getRange('A1:E3').getDisplayValues());
    expect(c2.getRange('A1:E3').getFormulas()).toEqual(c.getRange('A1:E3').getFormulas());
    expect(ss2.getSheetByName('Sheet1')!.getRange('A1').getValue()).toBe(60);
    expect(ss2.getSheetByName('Sheet1')!.getRange('A1').getFormula()).toBe("=SUM('客户 List'!D2:D)+SUM(Amounts)");
    expect(wb2.formulaErrors().map((e) => [e.a1, e.error])).toEqual([
      ['A2', '#NAME?'],
      ['E1', '#VALUE!'],
    ]);
    expect(wb2.formulaErrors()).toEqual(wb.formulaErrors());
    expect(c2.createDeveloperMetadataFinder().withKey('col').find()[0].getLocation().getColumn()!.getA1Notation()).toBe('C:C');
    expect(c2.getProtections('RANGE')[0].getDescription()).toBe('hdr');
    expect(c2.getRange('D500').getDataValidation()!.getCriteriaValues()).toEqual([0, 100]);
    expect([c2.getRange('A1').getNote(), c2.getRange('A1').getBackground(), c2.getFrozenRows(), c2.getColumnWidth(2)]).toEqual(['n', '#123456', 1, 180]);
    // and the open range still grows after loading
    c2.appendRow([3, '', '', 5]);
    expect(ss2.getSheetByName('Sheet1')!.getRange('A1').getValue()).toBe(65);
  });
});
