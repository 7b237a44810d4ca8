/**
 * Issue 13 "edits that merge": a row version over the columns a form shows, and mergeEdit — write
 * only the changed fields, or refuse listing the other person's changes; missing fields are
 * unchanged, wrong-typed ones an error, never a blank.
 */
import { describe, expect, it } from 'vitest';
import { conflictMessage, mergeEdit, rowVersion } from '../../src/core/row-merge';
import { CUSTOMER_FORM_KEYS, customerFieldKinds } from '../../src/core/customers/fields';
import { validateCustomer } from '../../src/core/customers/validate';
import { getColumn, CUSTOMERS } from '../../src/core/schema';

const keys = [...CUSTOMER_FORM_KEYS];
const kinds = customerFieldKinds();
const opened = {
  name: 'Acme',
  industry: 'Retail & consumer',
  employees: 120,
  annual_revenue: '',
  contact_name: 'Bo Chen',
  contact_title: '',
  phone: '+86 138 0013 8000',
  email: 'bo@acme.com',
  source: 'Trade show',
  source_detail: '',
  scenario: 'New customer',
  needs: '',
  need_confirmed: true,
  budget_confirmed: false,
  stage: '2 Needs analysis',
  owner: 'Ana Lima',
  notes: 'Met at the fair',
  updated_at: new Date('2026-03-01T02:00:00Z'),
};

describe('row version', () => {
  it('is stable, depends only on the columns the form shows, and changes with any of them', () => {
    const v = rowVersion(opened, keys);
    expect(rowVersion({ ...opened }, keys)).toBe(v);
    expect(rowVersion({ ...opened, updated_at: new Date() }, keys)).toBe(v); // not a form column
    for (const [k, other] of [
      ['notes', 'Met at the fair '],
      ['employees', 121],
      ['need_confirmed', false],
      ['email', ''],
      ['annual_revenue', 0],
    ] as const) {
      expect(rowVersion({ ...opened, [k]: other }, keys), k).not.toBe(v);
    }
    expect(rowVersion(opened, [...keys].reverse())).not.toBe(v);
    // Blank is blank, however the cell reads.
    expect(rowVersion({ ...opened, annual_revenue: null }, keys)).toBe(v);
  });
});

describe('mergeEdit', () => {
  const version = rowVersion(opened, keys);

  it('writes only the fields the form changed, and only when they differ from the row', () => {
    const r = mergeEdit({ keys, kinds, current: opened, version, changes: { phone: '+86 139 0000 0000', notes: 'Met at the fair', need_confirmed: false } });
    expect(r).toEqual({ ok: true, write: { phone: '+86 139 0000 0000', need_confirmed: false }, unchanged: ['notes'] });
  });

  it('leaves out fields that are missing, null or undefined — never a blank', () => {
    const r = mergeEdit({ keys, kinds, current: opened, version, changes: { email: undefined, owner: null, stage: '3 Solution & presentation' } });
    expect(r).toEqual({ ok: true, write: { stage: '3 Solution & presentation' }, unchanged: [] });
    expect(mergeEdit({ keys, kinds, current: opened, version, changes: {} })).toEqual({ ok: true, write: {}, unchanged: [] });
  });

  it('refuses wrong types, unknown fields, prototype keys and a forged version, writing nothing', () => {
    const bad = mergeEdit({
      keys,
      kinds,
      current: opened,
      version,
      changes: JSON.parse(
        '{"need_confirmed":"yes","email":{"x":1},"employees":NaN,"created_by":"Eve","__proto__":{"polluted":1}}'.replace('NaN', '"NaN-not-json"'),
      ),
    });
    expect(bad.ok).toBe(false);
    // employees: text is fine here (the customer check parses it next); __proto__ is an own key, as JSON.parse makes it.
    if (!bad.ok && bad.reason === 'invalid') {
      expect(Object.entries(bad.errors).sort()).toEqual([
        ['__proto__', 'unknownField'],
        ['created_by', 'unknownField'],
        ['email', 'wrongType'],
        ['need_confirmed', 'wrongType'],
      ]);
    } else expect.unreachable();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(mergeEdit({ keys, kinds, current: opened, version, changes: { employees: NaN } })).toMatchObject({ ok: false, errors: { employees: 'wrongType' } });
    for (const v of ['', 'v1.x', null, 42, version.replace(/^v1\.[^.]+/, 'v1.zzz')]) {
      expect(mergeEdit({ keys, kinds, current: opened, version: v, changes: { notes: 'x' } })).toMatchObject({
        ok: false,
        reason: 'invalid',
        errors: { version: 'badVersion' },
      });
    }
    for (const changes of [null, [], 'notes=x', 5])
      expect(mergeEdit({ keys, kinds, current: opened, version, changes })).toMatchObject({ ok: false, errors: { changes: 'notAnObject' } });
  });

  it('refuses when the row changed since the form was opened, listing the other person’s changes', () => {
    const now = { ...opened, phone: '+86 136 1111 2222', stage: '4 Objections & trust', notes: '' };
    const r = mergeEdit({ keys, kinds, current: now, version, changes: { notes: 'Called again' } });
    expect(r).toEqual({
      ok: false,
      reason: 'conflict',
      theirs: [
        { field: 'phone', value: '+86 136 1111 2222' },
        { field: 'stage', value: '4 Objections & trust' },
        { field: 'notes', value: '' },
      ],
    });
    if (!r.ok && r.reason === 'conflict') {
      const label = (f: string) => getColumn(CUSTOMERS, f).header.en;
      expect(conflictMessage(r.theirs, label, 'en')).toBe(
        'Someone changed this record after you opened it, so nothing was saved. Their changes: Phone is now “+86 136 1111 2222”; Stage is now “4 Objections & trust”; Notes is now “(blank)”. Open it again to see them, then make your change again.',
      );
      expect(conflictMessage(r.theirs, (f) => getColumn(CUSTOMERS, f).header.zh, 'zh')).toBe(
        '你打开后有人修改了这条记录，因此本次没有保存。对方的修改：电话 现为“+86 136 1111 2222”；销售阶段 现为“4 Objections & trust”；备注 现为“（空）”。请重新打开查看，再做一次你的修改。',
      );
    }
  });

  it('hands the changed fields to the customer check, which checks only those', () => {
    const r = mergeEdit({ keys, kinds, current: opened, version, changes: { email: 'ＢＯ＠acme.cn' } });
    expect(r.ok).toBe(true);
    if (r.ok) {
      const check = validateCustomer(r.write, { lists: {}, team: [] }, { fields: Object.keys(r.write) as (typeof keys)[number][] });
      expect(check).toEqual({ record: { email: 'bo@acme.cn' }, errors: {}, warnings: {} });
    }
  });
});
