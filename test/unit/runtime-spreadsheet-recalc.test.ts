/**
 * When the local spreadsheet recalculates: volatile functions at a write, at opening and at the
 * recalculation interval (never at a read); an execution's writes recalculated once, when a read
 * needs a value that depends on them; and what ends a sheet's data for getLastRow().
 */
import { describe, expect, it } from 'vitest';
import { CallCounter, SimulatedClock, type RuntimeContext } from '../../src/local/runtime/context';
import { createSpreadsheetApp, Workbook } from '../../src/local/runtime/spreadsheet';

const H = 3600_000;

/** A spreadsheet whose TODAY()/NOW() see the simulated clock, as createLocalRuntime wires it. */
function setup(start = '2026-03-04T09:00:00+08:00') {
  const clock = new SimulatedClock(new Date(start));
  const ctx: RuntimeContext = {
    clock,
    counter: new CallCounter(clock),
    scriptTimeZone: 'Asia/Shanghai',
    currentUser: () => ({ email: 'a@b.c', locale: 'en' }),
  };
  const wb = Workbook.create({ name: 'Test', timeZone: 'Asia/Shanghai' });
  clock.onChange((ms) => wb.observeClock(ms));
  const app = createSpreadsheetApp(ctx, wb);
  const ss = app.getActive();
  return { wb, app, ss, sheet: ss.getSheets()[0], clock };
}

/** A follow-up planned for today, and its status formula. */
function followUp(t: ReturnType<typeof setup>) {
  t.sheet.getRange('A1').setValue(new Date('2026-03-04T00:00:00+08:00'));
  t.sheet.getRange('B1').setFormula('=IF(A1<TODAY(),"overdue","due")');
  return () => t.sheet.getRange('B1').getValue();
}

describe('recalculation interval', () => {
  it('is ON_CHANGE on a new spreadsheet: TODAY() keeps the day of the last change, however late it is read', () => {
    const t = setup();
    expect(String(t.ss.getRecalculationInterval())).toBe('ON_CHANGE');
    const status = followUp(t);
    expect(status()).toBe('due');
    t.clock.advance(25 * H); // the next morning, nobody edited
    expect(status()).toBe('due');
    t.sheet.getRange('C1').setValue('any edit');
    expect(status()).toBe('overdue');
  });

  it('turns a follow-up overdue overnight without an edit only when the interval is set', () => {
    const onChange = setup();
    const hourly = setup();
    hourly.ss.setRecalculationInterval(hourly.app.RecalculationInterval.HOUR);
    expect(String(hourly.ss.getRecalculationInterval())).toBe('HOUR');
    const a = followUp(onChange);
    const b = followUp(hourly);
    onChange.clock.advance(16 * H); // 01:00 the next day
    hourly.clock.advance(16 * H);
    expect([a(), b()]).toEqual(['due', 'overdue']);
  });

  it('shows NOW() at the last tick of the interval, not at the time of the read', () => {
    const t = setup();
    t.ss.setRecalculationInterval(t.app.RecalculationInterval.MINUTE);
    t.sheet.getRange('A1').setFormula('=NOW()');
    t.sheet.getRange('A1').setNumberFormat('hh:mm:ss');
    t.clock.advance(150_000); // 2.5 minutes: the last tick was 2 minutes after the write
    expect(t.sheet.getRange('A1').getDisplayValue()).toBe('09:02:00');
  });

  it('refreshes volatile functions when the document is opened', () => {
    const t = setup();
    const status = followUp(t);
    t.clock.advance(25 * H);
    t.wb.opened();
    expect(status()).toBe('overdue');
  });

  it('keeps the interval when the spreadsheet is saved and loaded', () => {
    const t = setup();
    t.ss.setRecalculationInterval(t.app.RecalculationInterval.HOUR);
    const back = Workbook.fromJSON(JSON.parse(JSON.stringify(t.wb.toJSON())));
    expect(back.recalculationInterval).toBe('HOUR');
  });

  it('refuses a value that is not a RecalculationInterval', () => {
    const t = setup();
    expect(() => t.ss.setRecalculationInterval('WEEKLY' as never)).toThrow(/Invalid argument/);
  });
});

describe('recalculating an execution’s writes', () => {
  /** A 2,000-row input column and a computed column over all of it. */
  function tab() {
    const t = setup();
    t.sheet.insertRowsAfter(1000, 1001);
    t.sheet.getRange(2, 1, 2000, 1).setValues(Array.from({ length: 2000 }, (_, i) => [i]));
    t.sheet.getRange('B2').setFormula('=ARRAYFORMULA(IF(A2:A="","",A2:A*2))');
    let evaluations = 0;
    t.wb.hf.on('valuesUpdated', () => evaluations++);
    return { ...t, evaluations: () => evaluations };
  }

  it('recalculates once for many writes, when a read needs a computed value', () => {
    const t = tab();
    t.sheet.getRange('A2').setValue(100);
    t.sheet.getRange('A3').setValue(200);
    t.sheet.getRange('A4').setValue(300);
    expect(t.evaluations()).toBe(0);
    expect(t.sheet.getRange('B2:B4').getValues()).toEqual([[200], [400], [600]]);
    expect(t.evaluations()).toBe(1);
  });

  it('reads plain values at once, without recalculating', () => {
    const t = tab();
    t.sheet.getRange('A5').setValue(7);
    expect(t.sheet.getRange('A2:A5').getValues()).toEqual([[0], [1], [2], [7]]);
    expect(t.sheet.getLastRow()).toBe(2001);
    expect(t.evaluations()).toBe(0);
    expect(t.sheet.getRange('B5').getValue()).toBe(14);
  });
});

describe('where the data ends', () => {
  it('counts an array formula’s "" results as content for getLastRow and getDataRange', () => {
    const t = setup();
    t.sheet.getRange('A2:A4').setValues([['x'], ['y'], ['z']]);
    t.sheet.getRange('B2').setFormula('=ARRAYFORMULA(IF(A2:A="","",UPPER(A2:A)))');
    expect(t.sheet.getRange('B5').getValue()).toBe('');
    expect(t.sheet.getLastRow()).toBe(1000);
    expect([t.sheet.getDataRange().getNumRows(), t.sheet.getDataRange().getNumColumns()]).toEqual([1000, 2]);
    // Plain values and formatting alone: the last value still ends the data.
    t.sheet.getRange('B2').clearContent();
    t.sheet.getRange('D20').setBackground('#ff0000');
    expect(t.sheet.getLastRow()).toBe(4);
  });
});
