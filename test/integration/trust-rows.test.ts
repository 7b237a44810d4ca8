/**
 * Issue 13, "Data loss and integrity": rows that are not free are not written, and IDs are never
 * reused. Each test is named after the defect it holds shut.
 */
import { describe, expect, it } from 'vitest';
import { createLocalRuntime, type LocalRuntime } from '../../src/local';
import { getList } from '../../src/core/lists';
import { getTab } from '../../src/core/schema';
import { writeByKey } from './objections-fixture';

const role = (k: string) => getList('role').items.find((i) => i.key === k)!.label.en;
const cust = getTab('customers');
const col = (key: string) => cust.columns.findIndex((c) => c.key === key) + 1;

function world(): LocalRuntime {
  const rt = createLocalRuntime({ user: 'ana@example.com', locale: 'en_US', now: new Date('2026-03-02T02:00:00Z') });
  rt.run('setupWorkbook');
  writeByKey(rt, 'settings', 2, [{ team_name: 'Ana Lee', team_email: 'ana@example.com', team_role: role('rep') }]);
  return rt;
}

const add = (rt: LocalRuntime, name: string) => rt.run('saveCustomer', { name }) as { ok: boolean; id: string; row: number };
const sheet = (rt: LocalRuntime) => rt.spreadsheet.getSheetByName(cust.name.en)!;

describe('Add customer, import and log follow-up write over a row on which a user typed only notes or a summary', () => {
  it('a row with anything typed in it is never overwritten', () => {
    const rt = world();
    add(rt, 'First Ltd');
    // A rep types only a note on the next row, and only a summary-like "needs" two rows down.
    sheet(rt).getRange(3, col('notes')).setValue('call Mr Wu back');
    sheet(rt).getRange(4, col('needs')).setValue('wants a quote');
    const r = add(rt, 'Second Ltd');
    expect(r.row).toBe(5);
    expect(sheet(rt).getRange(3, col('notes')).getValue()).toBe('call Mr Wu back');
    expect(sheet(rt).getRange(4, col('needs')).getValue()).toBe('wants a quote');
    expect(sheet(rt).getRange(3, col('name')).getValue()).toBe('');
    // An import of two rows goes below them too.
    const csv = 'Customer name\nThird Ltd\nFourth Ltd';
    expect(rt.run('runImport', { text: csv, mode: 'skip' })).toMatchObject({ ok: true });
    const names = sheet(rt)
      .getRange(2, col('name'), 6, 1)
      .getValues()
      .map((x) => x[0]);
    expect(names).toEqual(['First Ltd', '', '', 'Second Ltd', 'Third Ltd', 'Fourth Ltd']);
  });
});

describe('Follow-up IDs are reused: rows pasted below a gap and a deleted last row both hand out IDs again', () => {
  it('a deleted last row, rows pasted far below a gap, and a sort never give an ID again', () => {
    const rt = world();
    add(rt, 'A');
    add(rt, 'B');
    add(rt, 'C');
    sheet(rt).deleteRow(4); // C-000003, the last row
    expect(add(rt, 'D').id).toBe('C-000004');
    // Rows pasted (with their IDs) below a gap. (Far below — more than the 64 rows the end's window
    // looks past it — only the counter protects: see the report on issue 13.)
    sheet(rt)
      .getRange(40, col('customer_id'), 1, 2)
      .setValues([['C-000040', 'Pasted Ltd']]);
    expect(add(rt, 'E').id).toBe('C-000041');
    // Sorted by name, descending: the highest ID is no longer last.
    const n = 4;
    const block = sheet(rt).getRange(2, 1, n, 2).getValues();
    block.sort((a, b) => String(b[1]).localeCompare(String(a[1])));
    sheet(rt).getRange(2, 1, n, 2).setValues(block);
    const ids = new Set(
      sheet(rt)
        .getRange(2, col('customer_id'), 60, 1)
        .getValues()
        .map((x) => x[0])
        .filter(Boolean),
    );
    const next = add(rt, 'F').id;
    expect(ids.has(next)).toBe(false);
    expect(next).toBe('C-000042');
  });
});

describe('With the header row deleted, the first customer is read as the header and set-up “repairs” captions into that customer’s cells', () => {
  it('set-up reports the tab and leaves every cell of it as it was; a save never writes into that customer’s cells', () => {
    const rt = world();
    add(rt, 'First Ltd');
    add(rt, 'Second Ltd');
    sheet(rt).deleteRow(1);
    const before = rt.workbook.values(cust.name.en);
    rt.run('setupWorkbook');
    expect(rt.workbook.values(cust.name.en)).toEqual(before);
    expect(JSON.stringify([rt.ui.alerts(), rt.ui.current()])).toMatch(/header/i);
    rt.run('saveCustomer', { name: 'Third Ltd' });
    expect(rt.workbook.values(cust.name.en)[0]).toEqual(before[0]);
  });
});
