/**
 * Loss reason: which objection cost the deal.
 */
import { describe, expect, it } from 'vitest';
import { getTab } from '../../src/core/schema';
import { colOf, workbook, writeByKey } from './objections-fixture';

const OB = getTab('objections');

describe('recordLossReason', () => {
  function withLog() {
    const f = workbook();
    const now = Date.now();
    writeByKey(f.rt, 'objections', 2, [
      { objection_id: 'O-000001', customer_id: 'C-000001', raised_at: new Date(now - 9e8), type: 'Price', details: 'Too dear', result: 'Unresolved' },
      { objection_id: 'O-000002', customer_id: 'C-000002', raised_at: new Date(now - 8e8), type: 'Trust', details: 'Never heard of you' },
      { objection_id: 'O-000003', customer_id: 'C-000001', raised_at: new Date(now - 7e8), type: 'Competitor', details: 'X is cheaper' },
    ]);
    return f;
  }
  const lost = (rt: ReturnType<typeof workbook>['rt']) =>
    rt.workbook
      .values('Objections')
      .slice(1, 6)
      .map((r) => r[colOf(OB, 'lost_deal') - 1]);

  it('ticks the chosen objection of that customer and lists the customer’s objections newest first', () => {
    const { rt } = withLog();
    const data = rt.run('getLossDialogData', 'C-000001') as { customer: { name: string }; objections: { id: string }[] };
    expect(data.customer.name).toBe('Acme Trading');
    expect(data.objections.map((o) => o.id)).toEqual(['O-000003', 'O-000001']);
    expect(rt.run('recordLossReason', 'C-000001', 'O-000003')).toEqual({ ok: true, value: { objectionId: 'O-000003', created: false } });
    expect(lost(rt).slice(0, 3)).toEqual(['', '', true]);
    // Another customer's objection is refused, nothing written.
    expect(rt.run('recordLossReason', 'C-000001', 'O-000002')).toMatchObject({ ok: false });
    expect(lost(rt).slice(0, 3)).toEqual(['', '', true]);
  });

  it('logs a new objection as the reason, unresolved, and checks its fields', () => {
    const { rt } = withLog();
    const bad = rt.run('recordLossReason', 'C-000004', 'new', { type: '', details: '' }) as { ok: boolean; errors: Record<string, string> };
    expect(Object.keys(bad.errors).sort()).toEqual(['details', 'type']);
    const res = rt.run('recordLossReason', 'C-000004', 'new', { type: 'Timing / delivery', details: 'Needed it by June', cause: 'Trade fair date' });
    expect(res).toEqual({ ok: true, value: { objectionId: 'O-000004', created: true } });
    const row = rt.workbook.values('Objections')[4];
    expect(row[colOf(OB, 'customer_name') - 1]).toBe('华为技术');
    expect(row[colOf(OB, 'result') - 1]).toBe('Unresolved');
    expect(row[colOf(OB, 'lost_deal') - 1]).toBe(true);
    expect(row[colOf(OB, 'cause') - 1]).toBe('Trade fair date');
  });

  it('opens the dialog only for the Lost stage, in either language', () => {
    const { rt } = withLog();
    expect(rt.run('askLossReasonIfLost', 'C-000001', '5 Negotiation & contract')).toBe(false);
    expect(rt.ui.current()).toBeNull();
    expect(rt.run('askLossReasonIfLost', 'C-000001', '已丢单')).toBe(true);
    expect(rt.ui.current()?.kind).toBe('modal');
    expect(() => rt.run('recordLossReason', { x: 1 }, 'new')).toThrow();
  });
});
