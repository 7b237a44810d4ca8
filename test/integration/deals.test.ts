/**
 * Saving a deal on the local runtime with the built bundle: the row written, the customer's
 * stage and values, the checks on untrusted input, and a cost in Apps Script calls that does not
 * depend on the number of customers.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dispatchNow } from './dispatch-fixture';
import { createLocalRuntime, type LocalRuntime } from '../../src/local';
import { getTab } from '../../src/core/schema';
import { listLabel } from '../../src/core/lists';

const NOW = new Date('2026-03-02T09:30:00+08:00');

// Script code's `new Date()` reads Node's clock, not rt.clock (runtime gap): pin it.
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterAll(() => {
  vi.useRealTimers();
});

function fresh(locale = 'en'): LocalRuntime {
  const rt = createLocalRuntime({ locale, user: 'ana@example.com', timeZone: 'Asia/Shanghai', now: NOW });
  rt.run('setupWorkbook');
  return rt;
}

const cust = getTab('customers');
const deals = getTab('deals');
const col = (tab: typeof cust, key: string) => tab.columns.findIndex((c) => c.key === key) + 1;

function addCustomers(rt: LocalRuntime, n: number, locale: 'en' | 'zh' = 'en'): void {
  const sh = rt.spreadsheet.getSheetByName(cust.name[locale])!;
  if (sh.getMaxRows() < n + 1) sh.insertRowsAfter(sh.getMaxRows(), n + 1 - sh.getMaxRows());
  sh.getRange(2, col(cust, 'customer_id'), n, 2).setValues(Array.from({ length: n }, (_, i) => [`C-${String(i + 1).padStart(6, '0')}`, `Customer ${i + 1}`]));
  sh.getRange(2, col(cust, 'stage'), n, 2).setValues(Array.from({ length: n }, () => [listLabel('stage', 'negotiation', locale), 'Ana']));
}

function cell(rt: LocalRuntime, tab: typeof cust, row: number, key: string, locale: 'en' | 'zh' = 'en'): unknown {
  return rt.spreadsheet.getSheetByName(tab.name[locale])!.getRange(row, col(tab, key)).getValue();
}

const good = { customer_id: 'C-000002', amount: '48,000', won_on: '2026-03-01', product: 'Annual licence', kind: 'new', notes: '=HYPERLINK("x")' };

describe('saveDeal', () => {
  it('appends the deal, moves the customer to Delivery & after-sales and refreshes the values', () => {
    const rt = fresh();
    addCustomers(rt, 3);
    const res = rt.rpc('saveDeal', JSON.stringify([good]));
    expect(res).toMatchObject({
      ok: true,
      value: { ok: true, value: { dealId: 'D-000001', customerId: 'C-000002', customerName: 'Customer 2', stage: '6 Delivery & after-sales' } },
    });
    expect(cell(rt, deals, 2, 'deal_id')).toBe('D-000001');
    expect(cell(rt, deals, 2, 'amount')).toBe(48000);
    expect(cell(rt, deals, 2, 'kind')).toBe('New');
    expect(cell(rt, deals, 2, 'owner')).toBe('Ana');
    expect(cell(rt, deals, 2, 'created_by')).toBe('ana@example.com');
    // Text that looks like a formula stays text.
    expect(rt.workbook.cellInfo(deals.name.en, 2, col(deals, 'notes')).formula).toBeFalsy();
    expect(cell(rt, deals, 2, 'notes')).toBe('=HYPERLINK("x")');
    const won = cell(rt, deals, 2, 'won_on') as Date;
    expect(won.toISOString()).toBe('2026-02-28T16:00:00.000Z'); // 2026-03-01 midnight in Shanghai
    expect(cell(rt, cust, 3, 'stage')).toBe('6 Delivery & after-sales');
    expect(cell(rt, cust, 2, 'stage')).toBe('5 Negotiation & contract');
    expect(cell(rt, cust, 3, 'value_window')).toBe(48000);
    expect(cell(rt, cust, 3, 'value_tier')).toBe('A');
    expect(cell(rt, cust, 2, 'value_tier')).toBe('');
    // Signing counts as a contact: the return call is due SD_RETURN_CALL_DAYS after it.
    expect((cell(rt, cust, 3, 'last_contact_at') as Date).getTime()).toBe(won.getTime());
    expect(rt.workbook.displayValues(cust.name.en)[2][col(cust, 'next_followup') - 1]).toBe('2026-03-04 00:00');
    expect(rt.workbook.formulaErrors()).toEqual([]);

    const second = rt.rpc('saveDeal', JSON.stringify([{ ...good, customer_id: 'C-000001', amount: '2000', kind: 'upsell' }]));
    expect(second).toMatchObject({ ok: true, value: { ok: true, value: { dealId: 'D-000002' } } });
    expect(cell(rt, cust, 3, 'value_share_ahead')).toBe(0);
    expect(cell(rt, cust, 2, 'value_share_ahead')).toBe(0.96);
    expect(cell(rt, cust, 2, 'value_tier')).toBe('C');
  });

  it('after a save learned the columns, swapped value columns and a moved Updated still get their own values (one read checks what the save writes)', () => {
    const rt = fresh();
    addCustomers(rt, 3);
    rt.rpc('saveDeal', JSON.stringify([{ ...good, customer_id: 'C-000001', amount: '1000' }]));
    const sh = rt.spreadsheet.getSheetByName(cust.name.en)!;
    const at = (header: string) => (sh.getRange(1, 1, 1, sh.getLastColumn()).getValues()[0] as string[]).indexOf(header) + 1;
    // Swap Value (window) and Value last year, and move Updated to the far right.
    sh.moveColumns(sh.getRange(1, at('Value last year'), sh.getMaxRows(), 1), at('Value (window)'));
    sh.moveColumns(sh.getRange(1, at('Updated'), sh.getMaxRows(), 1), sh.getLastColumn() + 1);
    const res = rt.rpc('saveDeal', JSON.stringify([good]));
    expect(res).toMatchObject({ ok: true, value: { ok: true } });
    expect(sh.getRange(3, at('Value (window)')).getValue()).toBe(48000);
    expect(sh.getRange(3, at('Value last year')).getValue()).toBe(0);
    expect(sh.getRange(3, at('Updated')).getValue()).toBeInstanceOf(Date);
    expect(sh.getRange(3, at('Stage')).getValue()).toBe('6 Delivery & after-sales');
  });

  it('leaves the stage alone for a deal typed in later for an earlier date', () => {
    const rt = fresh();
    addCustomers(rt, 2);
    rt.rpc('saveDeal', JSON.stringify([good]));
    rt.spreadsheet.getSheetByName(cust.name.en)!.getRange(3, col(cust, 'stage')).setValue('Won');
    const res = rt.rpc('saveDeal', JSON.stringify([{ ...good, won_on: '2025-06-01', kind: 'repurchase' }]));
    expect(res).toMatchObject({ ok: true, value: { ok: true, value: { stage: 'Won' } } });
    expect(cell(rt, cust, 3, 'stage')).toBe('Won');
    expect(cell(rt, cust, 3, 'value_window')).toBe(96000);
  });

  it('answers field problems in the user’s language and writes nothing', () => {
    const rt = fresh('zh_CN');
    addCustomers(rt, 2, 'zh');
    const before = JSON.stringify(rt.workbook.toJSON().sheets.find((s) => s.name === deals.name.zh));
    expect(before).toContain(deals.columns[0].header.zh);
    const res = rt.rpc('saveDeal', JSON.stringify([{ customer_id: 'C-000404', amount: '-1', won_on: '2026-03-03', kind: 'new' }])) as {
      ok: true;
      value: { ok: false; errors: Record<string, string>; message: string };
    };
    expect(res.value.ok).toBe(false);
    expect(res.value.errors.amount).toBe('最小允许值为 0。');
    expect(res.value.errors.won_on).toBe('成交日期不能晚于今天。');
    expect(res.value.message).toContain('未保存');
    const unknown = rt.rpc('saveDeal', JSON.stringify([{ ...good, customer_id: 'C-000404' }])) as {
      ok: true;
      value: { ok: false; errors: Record<string, string> };
    };
    expect(unknown.value.errors.customer_id).toBe('请从列表中选择客户。');
    // No deal row: the Deals sheet is as set-up left it (its data range is the whole sheet, not
    // the header row: the computed columns' array formulas fill every row with "", as on Google).
    expect(JSON.stringify(rt.workbook.toJSON().sheets.find((s) => s.name === deals.name.zh))).toBe(before);
    expect(rt.spreadsheet.getSheetByName(deals.name.zh)!.getRange(2, col(deals, 'deal_id')).getValue()).toBe('');
    expect(cell(rt, cust, 3, 'stage', 'zh')).toBe('5 谈判与签约');
    // Not an object at all: still a field answer, never a crash.
    const junk = rt.rpc('saveDeal', JSON.stringify(['<script>'])) as { ok: true; value: { ok: boolean } };
    expect(junk.value.ok).toBe(false);
  });

  it('is refreshed once a day by the dispatcher, so deals leave the window without a save', () => {
    const rt = fresh();
    addCustomers(rt, 2);
    rt.rpc('saveDeal', JSON.stringify([{ ...good, won_on: '2025-03-10' }]));
    expect(cell(rt, cust, 3, 'value_window')).toBe(48000);
    expect(dispatchNow(rt).ran).toContain('customer-values');
    expect(dispatchNow(rt).ran).not.toContain('customer-values'); // once a day
    // Ten days later the deal is more than 12 months old.
    rt.clock.advance(10 * 86_400_000);
    vi.setSystemTime(rt.clock.now());
    try {
      expect(dispatchNow(rt).ran).toContain('customer-values');
      expect(cell(rt, cust, 3, 'value_window')).toBe(0);
      expect(cell(rt, cust, 3, 'value_prev_window')).toBe(48000);
      expect(cell(rt, cust, 3, 'value_tier')).toBe('');
    } finally {
      vi.setSystemTime(NOW);
    }
  });

  it('finds customers by part of the name or ID, and nothing for junk', () => {
    const rt = fresh();
    addCustomers(rt, 30);
    const hit = rt.rpc('searchCustomersForDeal', JSON.stringify(['customer 2'])) as { ok: true; value: { id: string }[] };
    expect(hit.value.map((c) => c.id)).toEqual([
      'C-000002',
      'C-000020',
      'C-000021',
      'C-000022',
      'C-000023',
      'C-000024',
      'C-000025',
      'C-000026',
      'C-000027',
      'C-000028',
      'C-000029',
    ]);
    expect((rt.rpc('searchCustomersForDeal', JSON.stringify(['c-000030'])) as { value: unknown[] }).value).toHaveLength(1);
    expect((rt.rpc('searchCustomersForDeal', JSON.stringify([{ q: 1 }])) as { value: unknown[] }).value).toEqual([]);
  });

  it('costs the same Apps Script calls with 10 and with 20,000 customers', () => {
    const cold: Record<string, number>[] = [];
    const warm: Record<string, number>[] = [];
    const refresh: Record<string, number>[] = [];
    for (const n of [10, 20_000]) {
      const rt = fresh();
      addCustomers(rt, n);
      // First save of the day: the tabs' layout is searched in developer metadata.
      rt.counter.reset();
      expect(rt.rpc('saveDeal', JSON.stringify([{ ...good, customer_id: 'C-000005' }]))).toMatchObject({ ok: true, value: { ok: true } });
      cold.push(rt.counter.snapshot('SpreadsheetApp'));
      // Later saves: the layout comes from the document cache.
      rt.counter.reset();
      expect(rt.rpc('saveDeal', JSON.stringify([{ ...good, customer_id: 'C-000007', amount: '1000' }]))).toMatchObject({ ok: true, value: { ok: true } });
      warm.push(rt.counter.snapshot('SpreadsheetApp'));
      rt.counter.reset();
      rt.run('refreshCustomerValues');
      refresh.push(rt.counter.snapshot('SpreadsheetApp'));
      expect(cell(rt, cust, 8, 'value_window')).toBe(1000);
    }
    expect(cold[1]).toEqual(cold[0]);
    expect(warm[1]).toEqual(warm[0]);
    expect(refresh[1]).toEqual(refresh[0]);
    const total = Object.values(warm[0]).reduce((a, b) => a + b, 0);
    expect(total).toBeLessThan(80);
    // Reads of values: Range.getValues or, in one call, Sheet.getSheetValues.
    expect((warm[0]['SpreadsheetApp.Range.getValues'] ?? 0) + (warm[0]['SpreadsheetApp.Sheet.getSheetValues'] ?? 0)).toBeLessThanOrEqual(
      // 10, plus issue 12's plan of the customer: the Follow-ups window around its hinted end and its header row (budgets-suite PLAN_ON_SAVE).
      10 + 2,
    );
    expect(warm[0]['SpreadsheetApp.Range.setValues']).toBeLessThanOrEqual(6);
  }, 300_000);
});
