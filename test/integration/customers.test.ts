/**
 * The customer register on the built bundle (run `npm run build` first): add, edit, duplicate
 * warning, validation in both languages, formula-like text, concurrent saves, call counts.
 */
import { describe, expect, it } from 'vitest';
import { createLocalRuntime, type LocalRuntime } from '../../src/local';

type Result = {
  ok: boolean;
  kind?: string;
  id?: string;
  row?: number;
  message: string;
  errors?: Record<string, string>;
  duplicates?: { id: string; row: number; name: string; on: string[] }[];
  canSaveAnyway?: boolean;
};

const NOW = new Date('2026-03-02T02:00:00Z');

function fresh(locale = 'en', user = 'ana@example.com'): LocalRuntime {
  const rt = createLocalRuntime({ locale, user, now: NOW });
  rt.run('setupWorkbook');
  const settings = sheetByKey(rt, 'Settings', '设置');
  const col = headerIndex(settings, ['Team member', '团队成员']);
  settings.getRange(2, col, 3, 3).setValues([
    ['Ana Lee', 'ana@example.com', locale.startsWith('zh') ? '销售代表' : 'Rep'],
    ['Bo Chen', 'bo@example.com', locale.startsWith('zh') ? '销售代表' : 'Rep'],
    ['Mia Wang', 'mia@example.com', locale.startsWith('zh') ? '经理' : 'Manager'],
  ]);
  return rt;
}

/** A rep on the team list without an e-mail: whom "I am …" may offer a user whose e-mail Google hides. */
function addRepWithoutEmail(rt: LocalRuntime, name: string): void {
  const settings = sheetByKey(rt, 'Settings', '设置');
  settings.getRange(5, headerIndex(settings, ['Team member', '团队成员']), 1, 3).setValues([[name, '', 'Rep']]);
}

function sheetByKey(rt: LocalRuntime, en: string, zh: string): GoogleAppsScript.Spreadsheet.Sheet {
  const sh = rt.spreadsheet.getSheetByName(en) ?? rt.spreadsheet.getSheetByName(zh);
  if (!sh) throw new Error(`no sheet ${en}`);
  return sh;
}

function headerIndex(sheet: GoogleAppsScript.Spreadsheet.Sheet, names: string[]): number {
  const h = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const i = h.findIndex((x) => names.includes(x));
  if (i < 0) throw new Error(`no column ${names[0]}`);
  return i + 1;
}

function customersSheet(rt: LocalRuntime) {
  return sheetByKey(rt, 'Customers', '客户');
}

/** The data rows of the Customers tab as objects by English (or Chinese) header. */
function rows(rt: LocalRuntime): Record<string, unknown>[] {
  const sheetName = customersSheet(rt).getName();
  const [header, ...data] = rt.workbook.values(sheetName);
  return data.filter((r) => r[0] !== '' || r[1] !== '').map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

function save(rt: LocalRuntime, input: Record<string, unknown>, options?: unknown): Result {
  return rt.run('saveCustomer', input, options) as Result;
}

/** Opens the form on a customer and saves `changes` with the version it opened with (as the sidebar does). */
function edit(rt: LocalRuntime, ref: { id?: string; row?: number }, changes: Record<string, unknown>): Result {
  const { version } = rt.run('getCustomerForm', ref) as { version: string };
  return save(rt, changes, { ref, version });
}

describe('adding a customer', () => {
  it('writes one row with a C-000001 ID, the live intention level, default stage and owner, and audit columns', () => {
    const rt = fresh();
    const r = save(rt, {
      name: 'Acme Ltd',
      email: 'Buyer@Acme.com',
      phone: '138 0013 8000',
      need_confirmed: true,
      budget_confirmed: true,
      employees: '250',
      industry: 'Manufacturing',
    });
    expect(r).toMatchObject({ ok: true, id: 'C-000001', row: 2, message: 'Saved C-000001 — Acme Ltd.' });
    const [row] = rows(rt);
    expect(row).toMatchObject({
      'Customer ID': 'C-000001',
      'Customer name': 'Acme Ltd',
      'E-mail': 'buyer@acme.com',
      Phone: '138 0013 8000',
      Employees: 250,
      Industry: 'Manufacturing',
      'Need confirmed': true,
      'Budget confirmed': true,
      'Intention level': 'High',
      Stage: '1 Reach & screen',
      Owner: 'Ana Lee',
      'Created by': 'Ana Lee',
    });
    expect(row.Created).toBeInstanceOf(Date);
    expect(rt.workbook.formulaErrors()).toEqual([]);
    const second = save(rt, { name: 'Beta GmbH', need_confirmed: true });
    expect(second).toMatchObject({ ok: true, id: 'C-000002', row: 3 });
    expect(rows(rt)[1]['Intention level']).toBe('Medium');
  });

  it('stores a value starting with = (or + - @) as text, never as a formula', () => {
    const rt = fresh();
    const r = save(rt, { name: '=IMPORTXML("http://evil","//a")', contact_name: '+1+1', notes: '@SUM(A1)', source_detail: '-2' });
    expect(r.ok).toBe(true);
    const sheet = customersSheet(rt).getName();
    const formulas = rt.workbook.formulas(sheet)[1];
    const values = rt.workbook.values(sheet)[1];
    expect(formulas[1]).toBe('');
    expect(values[1]).toBe('=IMPORTXML("http://evil","//a")');
    expect(values).toContain('+1+1');
    expect(values).toContain('@SUM(A1)');
    expect(values).toContain('-2');
  });

  it('refuses invalid fields with messages per field in English and in Chinese, writing nothing', () => {
    for (const [locale, required, email] of [
      ['en', 'This field is required.', 'Enter an e-mail address like name@company.com.'],
      ['zh_CN', '此项为必填。', '请输入邮箱地址，例如 name@company.com。'],
    ] as const) {
      const rt = fresh(locale);
      const r = save(rt, { name: '  ', email: 'buyer at acme', phone: 'call me', owner: 'Nobody', stage: 'Dreaming' });
      expect(r.ok).toBe(false);
      expect(r.kind).toBe('invalid');
      expect(r.errors!.name).toBe(required);
      expect(r.errors!.email).toBe(email);
      expect(Object.keys(r.errors!).sort()).toEqual(['email', 'name', 'owner', 'phone', 'stage']);
      expect(r.message).toBe(locale === 'en' ? 'Please correct the fields marked in red. Nothing was saved.' : '请修改标红的字段。尚未保存任何内容。');
      expect(rows(rt)).toEqual([]);
    }
  });

  it('treats arguments from the browser console as untrusted', () => {
    const rt = fresh();
    expect(() => rt.run('saveCustomer', 'Acme')).toThrow(/invalid input/);
    expect(() => rt.run('saveCustomer', { name: 'A' }, { ref: { row: -4 } })).toThrow(/invalid input/);
    expect(() => rt.run('saveCustomer', { name: 'A' }, { confirmDuplicates: 'all' })).toThrow(/invalid input/);
    // Unknown fields are ignored: a caller cannot set the ID or the audit columns.
    const r = save(rt, { name: 'A', customer_id: 'C-999999', created_by: 'someone else' });
    expect(r.id).toBe('C-000001');
    expect(rows(rt)[0]['Created by']).toBe('Ana Lee');
  });
});

describe('editing a customer', () => {
  it('opens the form pre-filled by ID and saves changes to the same row', () => {
    const rt = fresh();
    save(rt, { name: 'Acme Ltd', email: 'buyer@acme.com' });
    save(rt, { name: 'Beta GmbH' });
    const form = rt.run('getCustomerForm', { id: 'C-000001' }) as { mode: string; values: Record<string, unknown>; ref: unknown; version: string };
    expect(form.mode).toBe('edit');
    expect(form.ref).toEqual({ id: 'C-000001' });
    expect(form.values).toMatchObject({ name: 'Acme Ltd', email: 'buyer@acme.com', need_confirmed: false, owner: 'Ana Lee' });
    const created = rows(rt)[0].Created;
    const r = save(rt, { ...form.values, need_confirmed: true, stage: '3 Solution & presentation' }, { ref: { id: 'C-000001' }, version: form.version });
    expect(r).toMatchObject({ ok: true, id: 'C-000001', row: 2 });
    expect(rows(rt)).toHaveLength(2);
    expect(rows(rt)[0]).toMatchObject({ 'Customer ID': 'C-000001', 'Intention level': 'Medium', Stage: '3 Solution & presentation', Created: created });
  });

  it('finds the customer by ID even after the rows were sorted', () => {
    const rt = fresh();
    save(rt, { name: 'Zeta' });
    save(rt, { name: 'Alpha' });
    const sheet = customersSheet(rt);
    // the user swaps the two rows by hand
    const a = sheet.getRange(2, 1, 1, 2).getValues();
    const b = sheet.getRange(3, 1, 1, 2).getValues();
    sheet.getRange(2, 1, 1, 2).setValues(b);
    sheet.getRange(3, 1, 1, 2).setValues(a);
    const r = edit(rt, { id: 'C-000001' }, { name: 'Zeta Renamed' });
    expect(r).toMatchObject({ ok: true, row: 3 });
    expect(sheet.getRange(3, 2).getValue()).toBe('Zeta Renamed');
    expect(sheet.getRange(2, 2).getValue()).toBe('Alpha');
  });

  it('says so when the customer is gone', () => {
    const rt = fresh();
    expect(save(rt, { name: 'X' }, { ref: { id: 'C-000077' } })).toMatchObject({ ok: false, kind: 'notFound' });
    expect(() => rt.run('getCustomerForm', { id: 'C-000077' })).toThrow(/C-000077/);
  });

  it('"Edit selected customer" reads the active row of the Customers tab and opens the sidebar pre-filled', () => {
    const rt = fresh();
    save(rt, { name: 'Acme Ltd' });
    save(rt, { name: 'Beta GmbH' });
    const sheet = customersSheet(rt);
    rt.spreadsheet.setActiveSheet(sheet);
    rt.spreadsheet.setActiveRange(sheet.getRange('E3'));
    rt.run('showEditSelectedCustomer');
    const shown = rt.ui.current()!;
    expect(shown.kind).toBe('sidebar');
    expect(shown.title).toBe('Edit customer');
    expect(shown.html).toContain('data-ref="{&quot;id&quot;:&quot;C-000002&quot;}"');
  });

  it('"Edit selected customer" on a row typed without an ID gives it one on save', () => {
    const rt = fresh();
    save(rt, { name: 'Acme Ltd' });
    const sheet = customersSheet(rt);
    sheet.getRange(3, 2).setValue('Typed By Hand');
    rt.spreadsheet.setActiveSheet(sheet);
    rt.spreadsheet.setActiveRange(sheet.getRange('B3'));
    rt.run('showEditSelectedCustomer');
    expect(rt.ui.current()!.html).toContain('data-ref="{&quot;row&quot;:3}"');
    const form = rt.run('getCustomerForm', { row: 3 }) as { values: Record<string, unknown>; version: string };
    expect(form.values.name).toBe('Typed By Hand');
    const r = save(rt, { ...form.values, email: 'hand@x.com' }, { ref: { row: 3 }, version: form.version });
    expect(r).toMatchObject({ ok: true, id: 'C-000002', row: 3 });
    expect(sheet.getRange(3, 1).getValue()).toBe('C-000002');
  });

  it('explains instead of opening when the selection is not a customer row', () => {
    const rt = fresh('zh_CN');
    rt.spreadsheet.setActiveSheet(sheetByKey(rt, 'Settings', '设置'));
    rt.run('showEditSelectedCustomer');
    expect(rt.ui.current()).toBeNull();
    expect(rt.ui.alerts().at(-1)!.prompt).toContain('请先在“客户”表中选中');
  });
});

describe('duplicates', () => {
  it('warns about the same e-mail and offers only to open the existing customer', () => {
    const rt = fresh();
    save(rt, { name: 'Acme Ltd', email: 'buyer@acme.com' });
    const r = save(rt, { name: 'Totally Different', email: ' BUYER@acme.com ' });
    expect(r).toMatchObject({ ok: false, kind: 'duplicate', canSaveAnyway: false });
    expect(r.duplicates).toEqual([{ row: 2, id: 'C-000001', name: 'Acme Ltd', on: ['email'] }]);
    // even with a confirmation the e-mail match is refused
    expect(save(rt, { name: 'Totally Different', email: 'buyer@acme.com' }, { confirmDuplicates: ['C-000001'] }).ok).toBe(false);
    expect(rows(rt)).toHaveLength(1);
  });

  it('warns about the same normalised name or phone, and saves a second record only when the rep confirms those matches', () => {
    const rt = fresh('zh_CN');
    save(rt, { name: '上海明远科技有限公司', phone: '021 6234 5678' });
    const r = save(rt, { name: '上海明远科技', phone: '' });
    expect(r).toMatchObject({ ok: false, kind: 'duplicate', canSaveAnyway: true, message: '该客户可能已经存在。尚未保存。' });
    expect(r.duplicates![0]).toMatchObject({ id: 'C-000001', on: ['name'] });
    const phone = save(rt, { name: '另一家', phone: '+86 21 6234 5678' });
    expect(phone.duplicates![0].on).toEqual(['phone']);
    // a confirmation for another customer does not cover this one
    expect(save(rt, { name: '上海明远科技' }, { confirmDuplicates: ['C-000099'] }).ok).toBe(false);
    const ok = save(rt, { name: '上海明远科技' }, { confirmDuplicates: ['C-000001'] });
    expect(ok).toMatchObject({ ok: true, id: 'C-000002' });
  });

  it('does not call a customer its own duplicate when editing', () => {
    const rt = fresh();
    save(rt, { name: 'Acme Ltd', email: 'buyer@acme.com' });
    expect(edit(rt, { id: 'C-000001' }, { name: 'Acme Ltd', email: 'buyer@acme.com', notes: 'x' }).ok).toBe(true);
  });
});

describe('IDs under concurrency', () => {
  it('a save waits for another rep’s save holding the document lock, then reads their row and takes the next ID', () => {
    const rt = fresh();
    for (let i = 1; i <= 10; i++) save(rt, { name: `Customer ${i}` });
    // Ana's save (another execution) holds the document lock and writes C-000011 before letting go.
    rt.locks.holdFor('document', 'ana-save', { releaseAfterMs: 3_000 });
    const sheet = customersSheet(rt);
    let anaWrote = false;
    rt.clock.onChange(() => {
      if (anaWrote) return;
      anaWrote = true;
      sheet.getRange(12, 1, 1, 2).setValues([['C-000011', 'Ana’s customer']]);
    });
    const start = rt.clock.nowMs();
    rt.setUser({ email: 'bo@example.com' });
    const r = save(rt, { name: 'Bo’s customer' });
    expect(anaWrote).toBe(true);
    expect(rt.clock.nowMs() - start).toBeGreaterThanOrEqual(3_000);
    expect(r).toMatchObject({ ok: true, id: 'C-000012', row: 13 });
    const ids = rows(rt).map((x) => x['Customer ID']);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(-2)).toEqual(['C-000011', 'C-000012']);
    expect(rt.locks.holderOf('document')).toBeNull();
  });

  it('gives up with a message in the user’s language, writing nothing, when the lock is held too long', () => {
    const rt = fresh('zh_CN');
    save(rt, { name: 'A' });
    const before = JSON.stringify(rt.workbook.values(customersSheet(rt).getName()));
    rt.locks.holdFor('document', 'long-import');
    expect(() => save(rt, { name: 'B' })).toThrow('其他同事正在保存');
    expect(JSON.stringify(rt.workbook.values(customersSheet(rt).getName()))).toBe(before);
    rt.locks.release('document', 'long-import');
    expect(save(rt, { name: 'B' })).toMatchObject({ ok: true, id: 'C-000002' });
  });

  it('two reps’ executions, and a second runtime on the saved document, keep IDs unique and never reuse a deleted one', () => {
    const rt = fresh();
    rt.setUser({ email: 'ana@example.com' });
    const a = save(rt, { name: 'From Ana' });
    rt.setUser({ email: 'bo@example.com' });
    const b = save(rt, { name: 'From Bo' });
    expect([a.id, b.id]).toEqual(['C-000001', 'C-000002']);
    expect(rows(rt).map((r) => r['Created by'])).toEqual(['Ana Lee', 'Bo Chen']);
    // Another runtime continues from the saved document and its properties.
    const rt2 = createLocalRuntime({ saved: rt.save(), user: 'mia@example.com', locale: 'en' });
    customersSheet(rt2).deleteRow(3); // C-000002 deleted by hand
    expect(save(rt2, { name: 'From Mia' })).toMatchObject({ ok: true, id: 'C-000003', row: 3 });
  });
});

describe('cost of a save', () => {
  function addCost(rt: LocalRuntime, name: string): number {
    save(rt, { name: 'warm-up ' + name }); // the first save learns the layout (document cache)
    rt.counter.reset();
    const r = save(rt, { name, email: `${name.replace(/\W/g, '')}@example.com`, need_confirmed: true });
    expect(r.ok).toBe(true);
    return rt.counter.total('SpreadsheetApp');
  }

  it('is the same small number of Apps Script calls with 10 or 20,000 customers', () => {
    const small = fresh();
    for (let i = 0; i < 10; i++) save(small, { name: `Small ${i}` });
    const big = fresh();
    const sheet = customersSheet(big);
    const n = 20_000;
    sheet.insertRowsAfter(sheet.getMaxRows(), n + 10 - sheet.getMaxRows());
    const phoneCol = headerIndex(sheet, ['Phone']);
    const emailCol = headerIndex(sheet, ['E-mail']);
    // One block from the ID to the e-mail column: the sheet recalculates once.
    const width = Math.max(phoneCol, emailCol);
    const grid = Array.from({ length: n }, (_, i) => {
      const line: unknown[] = new Array(width).fill('');
      line[0] = `C-${String(i + 1).padStart(6, '0')}`;
      line[1] = `Company ${i}`;
      line[phoneCol - 1] = `+1 555 ${String(i).padStart(7, '0')}`;
      line[emailCol - 1] = `c${i}@x.com`;
      return line;
    });
    sheet.getRange(2, 1, n, width).setValues(grid);
    const smallCost = addCost(small, 'New Small');
    const bigCost = addCost(big, 'New Big');
    expect(bigCost).toBe(smallCost);
    expect(smallCost).toBeLessThanOrEqual(40);
    const snap = big.counter.snapshot('SpreadsheetApp');
    // Reads of values: Range.getValues or, in one call, Sheet.getSheetValues; 6, plus the plan's
    // Settings and the Follow-ups window and header row (issue 12, budgets-suite PLAN_ON_SAVE).
    expect((snap['SpreadsheetApp.Range.getValues'] ?? 0) + (snap['SpreadsheetApp.Sheet.getSheetValues'] ?? 0)).toBeLessThanOrEqual(9);
    expect(rows(big).at(-1)).toMatchObject({ 'Customer ID': 'C-020002', 'Customer name': 'New Big' });
  }, 300_000); // 20,000 rows recalculate the live formulas of the Customers tab: slow on a busy CI machine, not a timed assertion
});

describe('identity', () => {
  it('defaults to the team member with the e-mail Google gives, and remembers "I am …"', () => {
    const rt = fresh('en', 'bo@example.com');
    addRepWithoutEmail(rt, 'Cy Lin');
    expect(rt.run('whoAmI')).toEqual({ name: 'Bo Chen', email: 'bo@example.com', role: 'rep' });
    rt.setUser({ email: '', key: 'consumer-1' });
    expect(rt.run('whoAmI')).toBeNull();
    // Issue 13: with the e-mail hidden, "I am …" offers reps listed without one, never the manager.
    expect(() => rt.run('setWhoIAm', 'MIA@example.com')).toThrow('only choose a rep listed without one');
    expect(rt.run('setWhoIAm', 'Cy Lin')).toMatchObject({ name: 'Cy Lin', role: 'rep' });
    expect(rt.run('whoAmI')).toMatchObject({ name: 'Cy Lin' });
    // the choice is per user
    rt.setUser({ email: 'ana@example.com', key: 'ana' });
    expect(rt.run('whoAmI')).toMatchObject({ name: 'Ana Lee' });
    expect(() => rt.run('setWhoIAm', 'stranger@example.com')).toThrow('not on the team list');
    expect(() => rt.run('setWhoIAm', { email: 'x' })).toThrow(/invalid input/);
  });

  it('uses "I am …" as the default owner and the creator of new customers', () => {
    const rt = fresh('en', '');
    addRepWithoutEmail(rt, 'Cy Lin');
    rt.run('setWhoIAm', 'Cy Lin');
    const form = rt.run('getCustomerForm') as { values: Record<string, unknown>; me: unknown };
    expect(form.values.owner).toBe('Cy Lin');
    save(rt, { name: 'X' });
    // Issue 13: Google did not vouch for the choice, and the row says so.
    expect(rows(rt)[0]).toMatchObject({ Owner: 'Cy Lin', 'Created by': 'Cy Lin (not confirmed by Google)' });
  });
});
