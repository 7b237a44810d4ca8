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

describe('performance', () => {
  it('20,000 rows × 25 columns: setValues, getValues, JSON reload each within a few seconds', () => {
    const { ss, wb } = setup();
    const s = ss.getSheets()[0];
    s.insertRowsAfter(1000, 19_000);
    const data = block(20_000, 25);
    let t = performance.now();
    s.getRange(1, 1, 20_000, 25).setValues(data);
    const setMs = performance.now() - t;
    s.getRange('Z1').setFormula('=COUNTIF(A1:A, "C-1*")');
    t = performance.now();
    const got = s.getRange(1, 1, 20_000, 25).getValues();
    const getMs = performance.now() - t;
    expect(got[19_999][0]).toBe('C-19999');
    expect(got[5][1]).toBeInstanceOf(Date);
    expect(s.getRange('Z1').getValue()).toBe(11_111);
    t = performance.now();
    const wb2 = Workbook.fromJSON(JSON.parse(JSON.stringify(wb.toJSON())));
    const loadMs = performance.now() - t;
    expect(wb2.values('Sheet1')[19_999][0]).toBe('C-19999');
    // formats are compact: column B holds one run for 20,000 dates
    expect(wb.sheets[0].formats.cols[1]!.length).toBe(1);
    console.log(`20k×25: setValues ${setMs.toFixed(0)} ms, getValues ${getMs.toFixed(0)} ms, JSON round trip ${loadMs.toFixed(0)} ms`);
    // ~2-3 s / 0.3 s / 2.5 s on an idle 2-core box; the bounds leave room for a busy CI machine.
    expect(setMs).toBeLessThan(10_000);
    expect(getMs).toBeLessThan(3_000);
    expect(loadMs).toBeLessThan(15_000);
  }, 60_000);
});
