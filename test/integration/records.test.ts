/**
 * The records layer on the built bundle, where a user would notice it: rows added past the rows
 * set-up formatted carry the same dropdowns, formats, highlights and protections; the end of the
 * data comes from the key columns, not from getLastRow(); a phone number typed with a + reads back
 * as typed; the column map survives the night; and the hourly digest never holds the document lock
 * while it sends e-mail, so a rep's save in the middle of it goes through.
 */
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../src/local';
import { getTab } from '../../src/core/schema';
import { getList } from '../../src/core/lists';
import { colOf, writeByKey, workbook } from './objections-fixture';

const CU = getTab('customers');

function customersSheet(rt: LocalRuntime, locale: 'en' | 'zh' = 'en'): GoogleAppsScript.Spreadsheet.Sheet {
  return rt.spreadsheet.getSheetByName(CU.name[locale])!;
}

describe('rows past the ones set-up formatted', () => {
  it('an import of 5,000 customers: row 5,001 has the dropdowns, number formats, highlight and protections of row 2', () => {
    const { rt } = workbook({ customers: 0 });
    const sh = customersSheet(rt);
    const before = sh.getMaxRows();
    const csv = [
      'name,phone,industry,employees',
      ...Array.from({ length: 5000 }, (_, i) => `Imported ${i + 1},+1 555 ${String(i).padStart(7, '0')},Manufacturing,${i + 1}`),
    ].join('\n');
    const result = rt.run('runImport', { text: csv, mode: 'skip' }) as { ok: boolean; counts: { add: number } };
    expect(result).toMatchObject({ ok: true, counts: { add: 5000 } });
    expect(before).toBeLessThan(5001);
    expect(sh.getRange(5001, colOf(CU, 'name')).getValue()).toBe('Imported 5000');
    // Both rows overdue: the highlight shows on each.
    const longAgo = new Date(rt.clock.nowMs() - 400 * 86_400_000);
    writeByKey(rt, 'customers', 2, [{ last_contact_at: longAgo, next_planned_at: longAgo }]);
    writeByKey(rt, 'customers', 5001, [{ last_contact_at: longAgo, next_planned_at: longAgo }]);
    for (const key of ['industry', 'stage', 'owner', 'employees', 'phone', 'need_confirmed', 'last_contact_at', 'notes']) {
      const a = rt.workbook.cellInfo(CU.name.en, 2, colOf(CU, key));
      const b = rt.workbook.cellInfo(CU.name.en, 5001, colOf(CU, key));
      expect(b.validation, key).toEqual(a.validation);
      expect(b.numberFormat, key).toBe(a.numberFormat);
      expect(b.conditional, key).toEqual(a.conditional);
    }
    expect(rt.workbook.cellInfo(CU.name.en, 5001, colOf(CU, 'phone')).conditional).toMatchObject({ background: '#fce8e6' });
    // The computed columns' warning-only protections reach the new rows too.
    const protectedRows = sh
      .getProtections('RANGE' as never)
      .map((p) => p.getRange())
      .filter((r) => r.getColumn() <= colOf(CU, 'next_followup') && r.getLastColumn() >= colOf(CU, 'next_followup'));
    expect(protectedRows.length).toBe(1);
    expect(protectedRows[0].getLastRow()).toBeGreaterThanOrEqual(5001);
    // The sheet's last row stays spare: the next rows go inside the same ranges again.
    expect(sh.getRange(sh.getMaxRows(), colOf(CU, 'customer_id')).getValue()).toBe('');
  }, 300_000);
});

describe('where the data ends', () => {
  it('comes from the key columns: a column of the user’s filled to the last of 20,000 rows neither moves where a new customer goes nor makes the save read the grid', () => {
    const { rt } = workbook({ customers: 30 });
    const sh = customersSheet(rt);
    if (sh.getMaxRows() < 20_000) sh.insertRowsAfter(sh.getMaxRows(), 20_000 - sh.getMaxRows());
    // The user's own column at the far right, filled on every row of the sheet: getLastRow() is
    // the sheet's last row now, as it is on Google for a tab whose ARRAYFORMULAs fill every row.
    const own = sh.getLastColumn() + 1;
    if (sh.getMaxColumns() < own) sh.insertColumnsAfter(sh.getMaxColumns(), own - sh.getMaxColumns());
    sh.getRange(1, own, sh.getMaxRows(), 1).setValues([['My mark'], ...Array.from({ length: sh.getMaxRows() - 1 }, () => ['x'])]);
    expect(sh.getLastRow()).toBe(sh.getMaxRows());
    rt.run('saveCustomer', { name: 'First after' });
    rt.counter.reset();
    const r = rt.run('saveCustomer', { name: 'Second after' }) as { ok: boolean; row: number; id: string };
    expect(r).toMatchObject({ ok: true, row: 33, id: 'C-000032' });
    expect(sh.getRange(33, own).getValue()).toBe('x');
    // The identifying columns of 32 customers, Lists, Settings and a window: not 20,000 rows.
    expect(rt.counter.cells.read).toBeLessThan(10_000);
  }, 120_000);
});

describe('text that looks like a formula', () => {
  it('keeps a phone typed +86 138 0013 8000, and = + - @ text, exactly as typed', () => {
    const { rt } = workbook({ customers: 1 });
    const typed = { name: '=Acme', phone: '+86 138 0013 8000', contact_name: '-Lee', needs: '@team: a quote', notes: '+1 call back' };
    const r = rt.run('saveCustomer', typed) as { ok: boolean; row: number; id: string };
    expect(r.ok).toBe(true);
    for (const [key, value] of Object.entries(typed)) {
      const info = rt.workbook.cellInfo(CU.name.en, r.row, colOf(CU, key));
      expect(info.formula, key).toBe('');
      expect(info.value, key).toBe(key === 'email' ? value.toLowerCase() : value);
    }
    const form = rt.run('getCustomerForm', { id: r.id }) as { values: Record<string, unknown> };
    expect(form.values.phone).toBe('+86 138 0013 8000');
    expect(form.values.name).toBe('=Acme');
  });
});

describe('the column map', () => {
  it('is kept in document properties: after the night (the document cache gone) a save finds its columns in a few calls, and a column moved meanwhile still gets its value', () => {
    const { rt } = workbook({ customers: 3 });
    rt.run('saveCustomer', { name: 'Makes the map', email: 'map@example.com' });
    rt.clock.advance(7 * 3600_000);
    rt.counter.reset();
    rt.run('saveCustomer', { name: 'Next morning', email: 'morning@example.com' });
    // 12, plus the new customer's first Stage history row (4: ADD_CUSTOMER_WARM in budgets-suite.ts), issue 12's plan of the new
    // customer (8: PLAN_ON_SAVE there — Settings, the Follow-ups window and header, the plan row, the register's plan columns)
    // and issue 13's whole-row free check (1: one read of every input column after the register's end).
    expect(rt.counter.total('SpreadsheetApp')).toBeLessThanOrEqual(12 + 4 + 8 + 1);
    expect(rt.counter.snapshot('SpreadsheetApp')['SpreadsheetApp.DeveloperMetadataFinder.find']).toBeUndefined();
    // A user moves the e-mail column to the end overnight: the map no longer matches the header
    // row, the columns are found again by their metadata, and the value lands under E-mail.
    const sh = customersSheet(rt);
    const email = colOf(CU, 'email');
    sh.moveColumns(sh.getRange(1, email, sh.getMaxRows(), 1), sh.getLastColumn() + 1);
    rt.clock.advance(7 * 3600_000);
    const r = rt.run('saveCustomer', { name: 'After the move', email: 'moved@example.com' }) as { row: number };
    const headers = sh.getRange(1, 1, 1, sh.getLastColumn()).getValues()[0];
    expect(sh.getRange(r.row, headers.indexOf('E-mail') + 1).getValue()).toBe('moved@example.com');
    expect(sh.getRange(r.row, headers.indexOf('Customer name') + 1).getValue()).toBe('After the move');
  });
});

describe('the hourly digest and the document lock', () => {
  it('a rep’s save during a digest run to 30 reps goes through: the lock is never held while e-mail is sent', () => {
    const { rt } = workbook({ customers: 40, user: 'boss@example.com' });
    const role = (k: string) => getList('role').items.find((i) => i.key === k)!.label.en;
    const reps = Array.from({ length: 30 }, (_, i) => ({ team_name: `Rep ${i + 1}`, team_email: `rep${i + 1}@example.com`, team_role: role('rep') }));
    writeByKey(rt, 'settings', 2, [...reps, { team_name: 'Sam Boss', team_email: 'boss@example.com', team_role: role('manager') }]);
    const now = rt.clock.nowMs();
    writeByKey(
      rt,
      'followups',
      2,
      reps.map((r, i) => ({
        followup_id: `F-${String(i + 1).padStart(6, '0')}`,
        customer_id: 'C-000001',
        customer_name: 'Acme Trading',
        owner: r.team_name,
        planned_at: new Date(now - 86_400_000),
      })),
    );
    expect(rt.run('turnOnReminders')).toBe('on');
    // The digest goes out at the reminder hour (08:00 in the spreadsheet's zone, Asia/Shanghai):
    // move to 09:00 there, at least an hour after the trigger was made.
    const hour = 3600_000;
    rt.clock.advance(((9 - new Date(now + 8 * hour).getUTCHours() + 24) % 24 || 24) * hour);

    const heldWhileSending: number[] = [];
    let saved: unknown = null;
    let sent = 0;
    rt.counter.costPerCallMs = 1; // every call moves the clock a little: a chance to look in between
    rt.clock.onChange(() => {
      const out = rt.mail.outbox.length;
      if (out === sent) return;
      sent = out;
      if (rt.locks.holderOf('document')) heldWhileSending.push(out);
      if (out === 15 && saved === null) {
        // Another rep saves a customer between two e-mails, in an execution of their own.
        const execution = rt.locks.state.currentExecution;
        const user = rt.user;
        rt.setUser({ email: 'rep3@example.com' });
        try {
          saved = rt.run('saveCustomer', { name: 'Saved during the digest' });
        } catch (e) {
          saved = { ok: false, error: (e as Error).message };
        } finally {
          rt.setUser(user);
          rt.locks.setExecution(execution);
        }
      }
    });
    rt.fireDueTriggers();
    rt.counter.costPerCallMs = 0;
    expect(rt.mail.outbox.filter((m) => m.to[0]?.startsWith('rep')).length).toBe(30);
    expect(saved).toMatchObject({ ok: true });
    expect(heldWhileSending).toEqual([]);
  });
});
