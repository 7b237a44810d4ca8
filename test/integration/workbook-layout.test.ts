/**
 * The column map (src/server/records/column-map.ts) on the built bundle: after the
 * layout is cached, a moved, renamed, inserted or swapped column never makes a write land in
 * the wrong column.
 */
import { describe, expect, it } from 'vitest';
import { createLocalRuntime, type LocalRuntime } from '../../src/local';

const NOW = new Date('2026-03-02T02:00:00Z');

function fresh(): LocalRuntime {
  const rt = createLocalRuntime({ locale: 'en', user: 'ana@example.com', now: NOW });
  rt.run('setupWorkbook');
  return rt;
}

function customers(rt: LocalRuntime): GoogleAppsScript.Spreadsheet.Sheet {
  return rt.spreadsheet.getSheetByName('Customers')!;
}

function headers(rt: LocalRuntime): string[] {
  const sh = customers(rt);
  return sh.getRange(1, 1, 1, sh.getLastColumn()).getValues()[0].map(String);
}

function col(rt: LocalRuntime, header: string): number {
  const i = headers(rt).indexOf(header);
  if (i < 0) throw new Error(`no column ${header}`);
  return i + 1;
}

function save(rt: LocalRuntime, input: Record<string, unknown>): { ok: boolean; row?: number } {
  const r = rt.run('saveCustomer', input) as { ok: boolean; row?: number };
  expect(r.ok).toBe(true);
  return r;
}

function cell(rt: LocalRuntime, row: number, column: number): unknown {
  return customers(rt).getRange(row, column).getValue();
}

describe('cached column layout', () => {
  it('follows a moved, renamed and inserted column after the layout was cached', () => {
    const rt = fresh();
    save(rt, { name: 'Warm-up', phone: '+1 555 0100', email: 'warm@example.com' }); // learns the layout
    save(rt, { name: 'Cached', phone: '+1 555 0101', email: 'cached@example.com' }); // uses it
    const sh = customers(rt);
    // Move the e-mail column to the end, rename Phone, insert a column of the user's own after Name.
    sh.moveColumns(sh.getRange(1, col(rt, 'E-mail'), sh.getMaxRows(), 1), sh.getLastColumn() + 1);
    sh.getRange(1, col(rt, 'Phone')).setValue('Mobile');
    sh.insertColumnAfter(col(rt, 'Customer name'));
    sh.getRange(1, col(rt, 'Customer name') + 1).setValue('My notes');
    const r = save(rt, { name: 'After', phone: '+1 555 0102', email: 'after@example.com' });
    expect(cell(rt, r.row!, col(rt, 'Customer name'))).toBe('After');
    expect(cell(rt, r.row!, col(rt, 'Mobile'))).toBe('+1 555 0102');
    expect(cell(rt, r.row!, col(rt, 'E-mail'))).toBe('after@example.com');
    expect(cell(rt, r.row!, col(rt, 'My notes'))).toBe('');
  });

  it('does not trust a header row that cannot tell two columns apart', () => {
    const rt = fresh();
    const sh = customers(rt);
    // Two of our columns with the same (blank) header: swapping them leaves the header row as it was.
    sh.getRange(1, col(rt, 'Phone')).setValue('');
    sh.getRange(1, col(rt, 'E-mail')).setValue('');
    const first = save(rt, { name: 'Marker', phone: '+1 555 0200', email: 'marker@example.com' });
    save(rt, { name: 'Again', phone: '+1 555 0201', email: 'again@example.com' });
    const phoneCol = () => {
      for (let c = 1; c <= sh.getLastColumn(); c++) if (cell(rt, first.row!, c) === '+1 555 0200') return c;
      throw new Error('no phone marker');
    };
    const emailCol = () => {
      for (let c = 1; c <= sh.getLastColumn(); c++) if (cell(rt, first.row!, c) === 'marker@example.com') return c;
      throw new Error('no e-mail marker');
    };
    const before = headers(rt);
    const [p, e] = [phoneCol(), emailCol()];
    sh.moveColumns(sh.getRange(1, Math.max(p, e), sh.getMaxRows(), 1), Math.min(p, e));
    expect(headers(rt)).toEqual(before);
    expect(phoneCol()).not.toBe(p);
    const r = save(rt, { name: 'Swapped', phone: '+1 555 0202', email: 'swapped@example.com' });
    expect(cell(rt, r.row!, phoneCol())).toBe('+1 555 0202');
    expect(cell(rt, r.row!, emailCol())).toBe('swapped@example.com');
  });
});
