/**
 * What adding and editing a deal costs (issue 15), in SpreadsheetApp calls and cells written, at
 * 100 and 5,000 deals, in both languages: the same calls whatever the size, and an edit that moves
 * no won deal and no stage rewrites the deal's row only (no customer row, no value block).
 */
import { describe, expect, it } from 'vitest';
import { getTab } from '../../src/core/schema';
import { listLabel } from '../../src/core/lists';
import { workbook, writeByKey } from './objections-fixture';

const DEALS = getTab('deals');
const CUST = getTab('customers');
/**
 * An open deal added: the spreadsheet, its tabs, its time zone (3); the spreadsheet's locale, for
 * the currency on Auto in a workbook not in Chinese (1 in English, 0 in Chinese); Settings and
 * Lists (2); Customers and Deals, each one read from its header row (2; Survey responses only when
 * a won deal moved the values); the deal row, one run (2); the flush (1) = 11 (10 in Chinese) —
 * within issue 11's 15 for a deal save. An edit reads the same and writes its row over itself in
 * one run (Created and Created by written back as read): the same. Then issue 12's re-plan of the
 * deal's customer (an unchanged plan writes nothing): the customer's row and plan columns, the
 * Follow-ups window around the plan's hinted row and its header = 4, so 15 (14 in Chinese).
 */
const REPLAN = 4;
const DEAL_SAVE = 15;

describe.each(['en', 'zh'] as const)('deal budgets (%s)', (locale) => {
  it('add an open deal and edit one: the same calls with 100 and 5,000 deals; an edit rewrites its row only', () => {
    const costs: { add: number; edit: number; editWritten: number }[] = [];
    for (const n of [100, 5_000]) {
      const fx = workbook({ locale, customers: 50 });
      writeByKey(
        fx.rt,
        'deals',
        2,
        Array.from({ length: n }, (_, i) => ({
          deal_id: `D-${String(i + 1).padStart(6, '0')}`,
          customer_id: `C-${String(1 + (i % 50)).padStart(6, '0')}`,
          amount: 1000 + i,
          status: listLabel('deal_status', i % 3 === 0 ? 'won' : 'open', locale),
          won_on: i % 3 === 0 ? new Date(Date.now() - (i % 300) * 86_400_000) : '',
        })),
        locale,
      );
      const add = () => fx.rt.run('addDeal', { customerId: 'C-000009', amount: '1200', status: 'open' }) as { ok: boolean; value: { dealId: string } };
      expect(add().ok).toBe(true); // the first save after set-up finds where the tabs end
      fx.rt.clock.advance(60_000);
      fx.rt.counter.reset();
      const added = add();
      expect(added.ok).toBe(true);
      const addCalls = fx.rt.counter.total('SpreadsheetApp');

      const view = fx.rt.run('openDeal', 'D-000002') as { version: string };
      const customersBefore = JSON.stringify(fx.rt.workbook.values(CUST.name[locale]));
      fx.rt.counter.reset();
      const edited = fx.rt.run('editDeal', 'D-000002', view.version, { notes: 'Call back in May' }) as { ok: boolean };
      expect(edited.ok).toBe(true);
      costs.push({ add: addCalls, edit: fx.rt.counter.total('SpreadsheetApp'), editWritten: fx.rt.counter.cells.written });
      // Only the deal's row moved: no customer row, no value block.
      expect(JSON.stringify(fx.rt.workbook.values(CUST.name[locale]))).toBe(customersBefore);
    }
    expect(costs[1]).toEqual(costs[0]);
    expect(costs[0].add).toBe((locale === 'zh' ? 10 : 11) + REPLAN);
    expect(costs[0].edit).toBe(costs[0].add);
    expect(costs[0].add).toBeLessThanOrEqual(DEAL_SAVE);
    expect(costs[0].edit).toBeLessThanOrEqual(DEAL_SAVE);
    // One row's input cells at most (the computed columns are never written).
    expect(costs[0].editWritten).toBeLessThanOrEqual(DEALS.columns.filter((c) => !c.formula).length);
    expect(costs[0].editWritten).toBeGreaterThan(0);
  }, 600_000);
});
