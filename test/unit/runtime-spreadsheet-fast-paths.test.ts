/**
 * The runtime's shortcuts change how fast it answers, never what it answers: a block read in one
 * pass (engine.ts peekValues) gives what a cell-by-cell read gives, suspended or not; text that
 * HyperFormula's date parser would refuse skips it, and date-like text still parses.
 */
import { describe, expect, it } from 'vitest';
import { HyperFormula } from 'hyperformula';
import { peekValue, peekValues } from '../../src/local/runtime/spreadsheet/engine';
import { hyperFormulaConfig } from '../../src/local/runtime/spreadsheet/dialect';
import { CallCounter, SimulatedClock, type RuntimeContext } from '../../src/local/runtime/context';
import { createSpreadsheetApp, Workbook } from '../../src/local/runtime/spreadsheet';
import { tzOffsetMs } from '../../src/local/runtime/spreadsheet/dates';

function cellByCell(hf: HyperFormula, sheet: number, rows: number, cols: number) {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => peekValue(hf, { sheet, row: r, col: c })));
}

describe('a block read in one pass', () => {
  it('gives what reading cell by cell gives: values, formulas, an array, errors, blanks — also while evaluation waits', () => {
    const hf = HyperFormula.buildFromArray(
      [
        [1, 'text', true, null, '=A1*2'],
        ['=1/0', '=ARRAYFORMULA(A1:A3*10)', null, '=NOSUCH()', ''],
        [3, null, 'x', 4.5, '=A3+A1'],
      ],
      { licenseKey: 'gpl-v3', useArrayArithmetic: false },
    );
    expect(peekValues(hf, 0, 0, 0, 4, 6)).toEqual(cellByCell(hf, 0, 4, 6));
    hf.suspendEvaluation();
    hf.setCellContents({ sheet: 0, row: 0, col: 0 }, [[7]]);
    expect(peekValues(hf, 0, 0, 0, 4, 6)).toEqual(cellByCell(hf, 0, 4, 6));
    expect(peekValues(hf, 0, 1, 1, 2, 2)).toEqual([
      [peekValue(hf, { sheet: 0, row: 1, col: 1 }), null],
      [peekValue(hf, { sheet: 0, row: 2, col: 1 }), 'x'],
    ]);
    hf.resumeEvaluation();
    expect(peekValues(hf, 0, 0, 0, 4, 6)).toEqual(cellByCell(hf, 0, 4, 6));
  });
});

describe("HyperFormula's date parser, skipped for text it would refuse", () => {
  it('still reads date-like text in a comparison, and compares other text as text', () => {
    const hf = HyperFormula.buildFromArray(
      [['=DATE(2026,3,4)="2026-03-04"', '=DATE(2026,3,4)="03/04/2026"', '="C-000001"=""', '=""=""', '="12:30"=TIME(12,30,0)', '="3:05 pm"=TIME(15,5,0)']],
      hyperFormulaConfig(),
    );
    expect(hf.getSheetValues(0)).toEqual([[true, true, false, true, true, true]]);
  });

  it('leaves the workbook computing as before: an ARRAYFORMULA comparing dates with "" over typed and blank cells', () => {
    const clock = new SimulatedClock();
    const ctx: RuntimeContext = { clock, counter: new CallCounter(clock), scriptTimeZone: 'Asia/Shanghai', currentUser: () => ({ email: '', locale: 'en' }) };
    const ss = createSpreadsheetApp(ctx, Workbook.create({ name: 'T', timeZone: 'Asia/Shanghai' })).getActive();
    const s = ss.getSheets()[0];
    s.getRange('A1:A4').setValues([[new Date(Date.UTC(2026, 2, 4))], [''], ['2026-03-05'], ['not a date']]);
    s.getRange('B1').setFormula('=ARRAYFORMULA(IF(A1:A4="","blank",IF(ISNUMBER(A1:A4),"number","text")))');
    expect(
      s
        .getRange('B1:B4')
        .getValues()
        .map((r) => r[0]),
    ).toEqual(['number', 'blank', 'number', 'text']);
  });
});

describe("a time zone's offset, remembered per steady hour", () => {
  /** What Intl says, asked afresh every time. */
  function intlOffset(ms: number, tz: string): number {
    const f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
    const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour) % 24, Number(p.minute), Number(p.second));
    return wall - (ms - (((ms % 1000) + 1000) % 1000));
  }

  it.each([
    ['America/Los_Angeles', Date.UTC(2026, 2, 8, 10, 0)], // spring forward, 02:00 local
    ['America/Los_Angeles', Date.UTC(2026, 10, 1, 9, 0)], // fall back
    ['Australia/Lord_Howe', Date.UTC(2026, 3, 4, 15, 0)], // a half-hour DST step
    ['Asia/Kolkata', Date.UTC(2026, 0, 1, 0, 0)],
    ['Asia/Shanghai', Date.UTC(1900, 0, 1, 0, 0)], // local mean time, an offset in seconds
  ])('%s around %s: the same offset as Intl, minute by minute over four hours', (tz, around) => {
    for (let ms = around - 2 * 3_600_000; ms <= around + 2 * 3_600_000; ms += 60_000 + 7) {
      expect(tzOffsetMs(ms, tz), new Date(ms).toISOString()).toBe(intlOffset(ms, tz));
    }
  });
});
