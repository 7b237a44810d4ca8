import { describe, expect, it } from 'vitest';
import { CallCounter, SimulatedClock, type RuntimeContext } from '../../src/local/runtime/context';
import { createSpreadsheetApp, Workbook } from '../../src/local/runtime/spreadsheet';

function setup() {
  const clock = new SimulatedClock();
  const ctx: RuntimeContext = { clock, counter: new CallCounter(clock), scriptTimeZone: 'UTC', currentUser: () => ({ email: '', locale: 'en' }) };
  const wb = Workbook.create({ timeZone: 'Asia/Shanghai' });
  return { wb, ss: createSpreadsheetApp(ctx, wb).getActive() };
}

function block(rows: number, cols: number): unknown[][] {
  const day = new Date('2026-01-05T01:00:00Z').getTime();
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => (c === 0 ? `C-${r}` : c === 1 ? new Date(day + r * 3600_000) : c % 3 === 0 ? r * c : `text ${r} ${c}`)),
  );
}

/** Speed is measured by `npm run bench`; this checks that a team-sized block stays correct and compact. */
describe('a 20,000-row block', () => {
  it('20,000 rows × 25 columns: written, read back, counted by formula and reloaded intact', () => {
    const { ss, wb } = setup();
    const s = ss.getSheets()[0];
    s.insertRowsAfter(1000, 19_000);
    const data = block(20_000, 25);
    s.getRange(1, 1, 20_000, 25).setValues(data);
    s.getRange('Z1').setFormula('=COUNTIF(A1:A, "C-1*")');
    const got = s.getRange(1, 1, 20_000, 25).getValues();
    expect(got[19_999][0]).toBe('C-19999');
    expect(got[5][1]).toBeInstanceOf(Date);
    expect(s.getRange('Z1').getValue()).toBe(11_111);
    const wb2 = Workbook.fromJSON(JSON.parse(JSON.stringify(wb.toJSON())));
    expect(wb2.values('Sheet1')[19_999][0]).toBe('C-19999');
    // formats are compact: column B holds one run for 20,000 dates
    expect(wb.sheets[0].formats.cols[1]!.length).toBe(1);
  }, 60_000);
});
