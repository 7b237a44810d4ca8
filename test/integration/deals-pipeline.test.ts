/**
 * Deals as a pipeline on the built bundle (issue 15): add an open deal, open it, edit it with its
 * version (and be refused when someone else changed it), mark it won, lost with a reason, reopen
 * it — what the rows hold after each step, the customer's stage and Stage history, the workbook's
 * currency and amounts typed the ways people type them, in both languages; and a stage history
 * complete enough that replaying it gives every customer's current stage, whatever path changed it.
 */
import type { LocalRuntime } from '../../src/local';
import { describe, expect, it } from 'vitest';
import { getTab } from '../../src/core/schema';
import { listLabel } from '../../src/core/lists';
import { replayStages, type StageChange } from '../../src/core/pipeline';
import { stageKeyOf } from '../../src/core/customers/stage';
import { colOf, TEAM, workbook, writeByKey, type Fixture } from './objections-fixture';
import { dispatchNow } from './dispatch-fixture';

/** The version the customer form opens with (edits send it, issue 13). */
const versionOf = (rt: LocalRuntime, id: string) => (rt.run('getCustomerForm', { id }) as { version: string }).version;

const DEALS = getTab('deals');
const CUST = getTab('customers');
const HIST = getTab('stage_history');

type Result = { ok: boolean; kind?: string; value: { dealId: string; deal: { version: string } }; errors?: Record<string, string>; message?: string };

function rows(fx: Fixture, def: typeof DEALS): Record<string, unknown>[] {
  const sh = fx.rt.spreadsheet.getSheetByName(def.name[fx.locale])!;
  const idCol = colOf(def, def.columns[0].key);
  const values = sh.getRange(2, 1, Math.max(1, sh.getMaxRows() - 1), sh.getMaxColumns()).getValues();
  return values.filter((line) => line[idCol - 1] !== '').map((line) => Object.fromEntries(def.columns.map((c) => [c.key, line[colOf(def, c.key) - 1]])));
}

const customer = (fx: Fixture, id: string) => rows(fx, CUST).find((r) => r.customer_id === id)!;
const deal = (fx: Fixture, id: string) => rows(fx, DEALS).find((r) => r.deal_id === id)!;
const history = (fx: Fixture) => rows(fx, HIST);

function setStage(fx: Fixture, id: string, stageKey: string): void {
  const row = rows(fx, CUST).findIndex((r) => r.customer_id === id) + 2;
  writeByKey(fx.rt, 'customers', row, [{ stage: listLabel('stage', stageKey, fx.locale) }], fx.locale);
}

const day = (fx: Fixture, offsetDays = 0) => new Date(fx.rt.clock.nowMs() + offsetDays * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);

describe.each(['en', 'zh'] as const)('a deal through the pipeline (%s)', (locale) => {
  it('add open, open, edit, refused when it moved, won, lost with a reason, reopen', () => {
    const fx = workbook({ locale, customers: 5 });
    setStage(fx, 'C-000002', 'negotiation');
    const L = (list: string, key: string) => listLabel(list, key, locale);

    // Add: an open deal, the amount as people type it; the currency is the workbook's.
    const added = fx.rt.run('addDeal', {
      customerId: 'C-000002',
      amount: locale === 'zh' ? '4.8万' : '48,000',
      expectedClose: day(fx, 20),
      scenario: 'new',
    }) as Result;
    expect(added.ok, JSON.stringify(added)).toBe(true);
    const id = added.value.dealId as string;
    let d = deal(fx, id);
    expect(d.amount).toBe(48000);
    expect(d.status).toBe(L('deal_status', 'open'));
    expect(d.currency).toBe(L('currency', locale === 'zh' ? 'cny' : 'usd'));
    expect(d.customer_stage).toBe(L('stage', 'negotiation'));
    expect(d.won_on).toBe('');
    expect(d.owner).toBe(TEAM[1].name); // the customer's owner
    // The stage typed on the row before was noticed at this save; the open deal moved no stage.
    expect(customer(fx, 'C-000002').stage).toBe(L('stage', 'negotiation'));
    expect(customer(fx, 'C-000002').stage_recorded).toBe(L('stage', 'negotiation'));
    expect(history(fx).map((h) => [h.customer_id, h.to_stage, h.detected])).toEqual([['C-000002', L('stage', 'negotiation'), true]]);

    // Open it: the fields as the form shows them, with a version.
    const view = fx.rt.run('openDeal', id) as { version: string; fields: Record<string, string>; customerStage: string };
    expect(view.fields).toMatchObject({ customerId: 'C-000002', amount: '48000', status: 'open', scenario: 'new', expectedClose: day(fx, 20), closedOn: '' });

    // Edit: only the changed field is sent with the version; Notes typed as a formula stays text.
    const edited = fx.rt.run('editDeal', id, view.version, { amount: '¥50,000.50', notes: '=1+1' }) as Result;
    expect(edited.ok, JSON.stringify(edited)).toBe(true);
    d = deal(fx, id);
    expect(d.amount).toBe(50000.5);
    expect(d.notes).toBe('=1+1');
    expect(d.currency).toBe(L('currency', 'cny')); // ¥ named the yuan

    // Someone else's edit since the form opened: refused, naming their change, nothing written.
    const stale = fx.rt.run('editDeal', id, view.version, { product: 'Licence' }) as Result;
    expect(stale as unknown).toMatchObject({ ok: false, kind: 'conflict' });
    expect(stale.message).toContain('50000.5');
    expect(deal(fx, id).product).toBe('');

    // Mark won: the customer moves to delivery & after-sales, its values count the deal, history says so.
    const v2 = edited.value.deal.version as string;
    const won = fx.rt.run('editDeal', id, v2, { status: 'won', closedOn: day(fx) }) as Result;
    expect(won.ok, JSON.stringify(won)).toBe(true);
    d = deal(fx, id);
    expect(d.status).toBe(L('deal_status', 'won'));
    expect(d.won_on).toBeInstanceOf(Date);
    const c = customer(fx, 'C-000002');
    expect(c.stage).toBe(L('stage', 'delivery'));
    expect(c.stage_since).toBeInstanceOf(Date);
    expect(d.customer_stage).toBe(L('stage', 'delivery'));
    expect(c.value_window).toBe(50000.5);
    const last = history(fx).at(-1)!;
    expect([last.from_stage, last.to_stage, last.detected, last.changed_by]).toEqual([L('stage', 'negotiation'), L('stage', 'delivery'), false, TEAM[0].name]);

    // Lost without a reason: asked why; with one, the deal is lost and the values drop it.
    const v3 = won.value.deal.version as string;
    const noReason = fx.rt.run('editDeal', id, v3, { status: 'lost', closedOn: day(fx) }) as Result;
    expect(noReason.ok).toBe(false);
    expect(noReason.errors?.lossReason).toBeTruthy();
    const reason = L('objection_type', 'price');
    const lost = fx.rt.run('editDeal', id, v3, { status: 'lost', closedOn: day(fx), lossReason: reason }) as Result;
    expect(lost.ok, JSON.stringify(lost)).toBe(true);
    d = deal(fx, id);
    expect([d.status, d.loss_reason]).toEqual([L('deal_status', 'lost'), reason]);
    expect(customer(fx, 'C-000002').value_window).toBe(0);
    // A customer past the sale (delivery) stays there when a deal is lost afterwards.
    expect(customer(fx, 'C-000002').stage).toBe(L('stage', 'delivery'));

    // Reopen: open again, the date and the reason cleared.
    const reopened = fx.rt.run('editDeal', id, lost.value.deal.version, { status: 'open' }) as Result;
    expect(reopened.ok, JSON.stringify(reopened)).toBe(true);
    d = deal(fx, id);
    expect([d.status, d.won_on, d.loss_reason]).toEqual([L('deal_status', 'open'), '', '']);
  });

  it('a lost deal makes a customer with no other open deal Lost; bad input is a field message, never a write', () => {
    const fx = workbook({ locale, customers: 3 });
    setStage(fx, 'C-000003', 'solution');
    const before = rows(fx, DEALS).length;
    const bad = fx.rt.run('addDeal', { customerId: 'C-000003', amount: 'lots', probability: '120' }) as Result;
    expect(bad.ok).toBe(false);
    expect(Object.keys(bad.errors!).sort()).toEqual(['amount', 'probability']);
    expect(rows(fx, DEALS).length).toBe(before);
    const junk = fx.rt.run('editDeal', 'D-999999', 'v1', { amount: '1' }) as Result;
    expect(junk as unknown).toMatchObject({ ok: false, kind: 'conflict' });

    const a = fx.rt.run('addDeal', {
      customerId: 'C-000003',
      amount: '1000',
      status: 'lost',
      closedOn: day(fx),
      lossReason: listLabel('objection_type', 'competitor', locale),
    }) as Result;
    expect(a.ok, JSON.stringify(a)).toBe(true);
    expect(customer(fx, 'C-000003').stage).toBe(listLabel('stage', 'lost', locale));
  });
});

describe('stage history is complete', () => {
  it('replaying it gives every customer’s current stage, after the sidebar, import, follow-ups, deals and typing in the grid', () => {
    const fx = workbook({ locale: 'en', customers: 6 });
    const L = (key: string) => listLabel('stage', key, 'en');
    // Sidebar: a new customer and an edit.
    const added = fx.rt.run('saveCustomer', { name: 'New Co', email: 'new@example.com', stage: L('needs') }) as { ok: boolean; id: string };
    expect(added.ok).toBe(true);
    const edited = fx.rt.run(
      'saveCustomer',
      { name: 'New Co', email: 'new@example.com', stage: L('solution') },
      { ref: { id: added.id }, version: versionOf(fx.rt, added.id) },
    ) as { ok: boolean };
    expect(edited.ok).toBe(true);
    // Import: two new customers.
    const imported = fx.rt.run('runImport', {
      text: 'Name,E-mail,Stage\nImp One,imp1@example.com,2 Needs analysis\nImp Two,imp2@example.com,\n',
      mode: 'skip',
    }) as { ok: boolean };
    expect(imported.ok, JSON.stringify(imported).slice(0, 400)).toBe(true);
    // A follow-up with a new stage.
    const hit = (fx.rt.run('searchFollowupCustomers', 'Customer 6') as { id: string; row: number }[])[0];
    const logged = fx.rt.run('logFollowUp', {
      customerId: hit.id,
      customerRow: hit.row,
      channel: listLabel('channel', 'phone', 'en'),
      purpose: listLabel('purpose', 'needs_research', 'en'),
      summary: 'Call',
      doneAt: '',
      commitments: [],
      nextStep: 'Quote',
      stage: L('objections'),
      intention: '',
      nextDate: '',
      noNext: false,
    }) as { ok: boolean };
    expect(logged.ok, JSON.stringify(logged)).toBe(true);
    // A deal won.
    expect((fx.rt.run('addDeal', { customerId: 'C-000001', amount: '900', status: 'won', closedOn: day(fx) }) as Result).ok).toBe(true);
    // Typed in the grid, then the daily run notices it.
    setStage(fx, 'C-000004', 'negotiation');
    setStage(fx, 'C-000005', 'on_hold');
    // The daily run is the hourly dispatcher's, which runs only as its own trigger's execution
    // (issue 13): a manager's. Ana manages this workbook.
    writeByKey(fx.rt, 'settings', 2, [{ team_role: listLabel('role', 'manager', 'en') }], 'en');
    const ran = dispatchNow(fx.rt);
    expect(ran.ran).toContain('stage-history');
    expect(dispatchNow(fx.rt).ran).not.toContain('stage-history'); // once a day

    const log: StageChange[] = history(fx).map((h) => ({
      customerId: String(h.customer_id),
      from: stageKeyOf(h.from_stage),
      to: stageKeyOf(h.to_stage),
      at: (h.changed_at as Date).getTime(),
      by: String(h.changed_by),
      source: 'form',
      detected: h.detected === true,
    }));
    const replayed = replayStages(log);
    const register = rows(fx, CUST);
    expect(register.length).toBe(9);
    for (const c of register) {
      const want = stageKeyOf(c.stage);
      if (want === null) expect(replayed.get(String(c.customer_id))).toBeUndefined();
      else expect(replayed.get(String(c.customer_id))?.stage, String(c.customer_id)).toBe(want);
      if (want) expect((c.stage_since as Date).getTime()).toBe(replayed.get(String(c.customer_id))!.since);
    }
    // Each path left its mark.
    const sources = new Set(history(fx).map((h) => h.source));
    expect([...sources].sort()).toEqual(['Deal', 'Follow-up', 'Form', 'Import', 'Typed in the grid']);
    // Typed stages are stamped with the time they were noticed and ticked.
    const grid = history(fx).filter((h) => h.customer_id === 'C-000004');
    expect(grid.map((h) => [h.to_stage, h.detected])).toEqual([[L('negotiation'), true]]);
  });
});
