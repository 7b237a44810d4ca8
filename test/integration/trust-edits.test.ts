/**
 * Issue 13, "Data loss and integrity": edits that merge and saves that need their columns. Each
 * test is named after the defect it holds shut; each failed on the code before the fix.
 */
import { describe, expect, it } from 'vitest';
import { createLocalRuntime, type LocalRuntime } from '../../src/local';
import { getList } from '../../src/core/lists';
import { getTab } from '../../src/core/schema';
import { writeByKey } from './objections-fixture';

const role = (k: string) => getList('role').items.find((i) => i.key === k)!.label.en;
const stage = (k: string, locale: 'en' | 'zh' = 'en') => getList('stage').items.find((i) => i.key === k)!.label[locale];
const cust = getTab('customers');

type Form = { values: Record<string, unknown>; version: string };
type Result = { ok: boolean; kind?: string; message: string; version?: string; theirs?: { field: string; value: string }[] };

function world(locale: 'en' | 'zh' = 'en'): LocalRuntime {
  const rt = createLocalRuntime({ user: 'ana@example.com', locale: locale === 'zh' ? 'zh_CN' : 'en_US', now: new Date('2026-03-02T02:00:00Z') });
  rt.run('setupWorkbook');
  writeByKey(
    rt,
    'settings',
    2,
    [
      { team_name: 'Ana Lee', team_email: 'ana@example.com', team_role: role('rep') },
      { team_name: 'Bo Chen', team_email: 'bo@example.com', team_role: role('rep') },
    ],
    locale,
  );
  const r = rt.run('saveCustomer', {
    name: 'Acme Ltd',
    email: 'buyer@acme.com',
    phone: '138 0013 8000',
    owner: 'Ana Lee',
    stage: stage('reach', locale),
    need_confirmed: true,
    budget_confirmed: true,
    notes: 'met at the fair',
  }) as Result;
  expect(r.ok).toBe(true);
  return rt;
}

function row(rt: LocalRuntime, locale: 'en' | 'zh' = 'en'): Record<string, unknown> {
  const line = rt.workbook.values(cust.name[locale])[1];
  return Object.fromEntries(cust.columns.map((c, i) => [c.key, line[i]]));
}

const form = (rt: LocalRuntime) => rt.run('getCustomerForm', { id: 'C-000001' }) as Form;
const save = (rt: LocalRuntime, changes: unknown, version: unknown) =>
  rt.run('saveCustomer', changes as never, { ref: { id: 'C-000001' }, version } as never) as Result;

describe('Two reps editing the same customer: the later save silently reverts the other’s changes', () => {
  it('the later save is refused, showing the other rep’s change, and writes nothing', () => {
    const rt = world();
    const anaForm = form(rt);
    rt.setUser({ email: 'bo@example.com' });
    const boForm = form(rt);
    rt.setUser({ email: 'ana@example.com' });
    expect(save(rt, { phone: '139 0000 0001' }, anaForm.version)).toMatchObject({ ok: true });
    const afterAna = row(rt);
    rt.setUser({ email: 'bo@example.com' });
    const late = save(rt, { ...boForm.values, email: 'bo-typed@acme.com' }, boForm.version);
    expect(late).toMatchObject({ ok: false, kind: 'conflict', theirs: [{ field: 'phone', value: '139 0000 0001' }] });
    expect(late.message).toContain('Phone is now “139 0000 0001”');
    expect(row(rt)).toEqual(afterAna);
    // With the version as it is now, Bo's change goes in and Ana's stays.
    expect(save(rt, { email: 'bo-typed@acme.com' }, form(rt).version)).toMatchObject({ ok: true });
    expect(row(rt)).toMatchObject({ phone: '139 0000 0001', email: 'bo-typed@acme.com' });
  });

  it('says so in Chinese too', () => {
    const rt = world('zh');
    const f = form(rt);
    expect(save(rt, { notes: '改了' }, f.version).ok).toBe(true);
    const late = save(rt, { needs: '别的' }, f.version);
    expect(late.kind).toBe('conflict');
    expect(late.message).toMatch(/备注 现为“改了”/);
  });
});

describe('An edit call that leaves fields out, or sends one with the wrong type, blanks those fields', () => {
  it('a field left out (or null) is unchanged; a wrong type refuses the edit; a call without the version writes nothing', () => {
    const rt = world();
    const before = row(rt);
    const f = form(rt);
    const r = save(rt, { name: 'Acme Renamed', email: null, owner: undefined }, f.version);
    expect(r).toMatchObject({ ok: true });
    expect(row(rt)).toMatchObject({ ...before, name: 'Acme Renamed', updated_at: expect.any(Date) });
    for (const bad of [{ need_confirmed: 'yes' }, { stage: { key: 'won' } }, { phone: Number.NaN }, { budget_confirmed: 0 }, { nope: 'x' }]) {
      const now = row(rt);
      expect(save(rt, bad, r.version)).toMatchObject({ ok: false, kind: 'invalid' });
      expect(row(rt)).toEqual(now);
    }
    const now = row(rt);
    // An old-style call: the whole form without a version, two fields missing.
    expect(rt.run('saveCustomer', { name: 'Acme Ltd' }, { ref: { id: 'C-000001' } })).toMatchObject({ ok: false, kind: 'invalid' });
    expect(save(rt, { name: 'Acme Ltd' }, 'v1.junk')).toMatchObject({ ok: false, kind: 'invalid' });
    expect(row(rt)).toEqual(now);
    expect(row(rt)).toMatchObject({ email: 'buyer@acme.com', phone: '138 0013 8000', owner: 'Ana Lee', need_confirmed: true, budget_confirmed: true });
  });
});

describe('With the E-mail or Notes column deleted, a save says "Saved" while the value goes nowhere', () => {
  it('a save that fills a deleted column is refused naming the column, in the user’s language, and writes nothing', () => {
    for (const locale of ['en', 'zh'] as const) {
      const rt = world(locale);
      const sheet = rt.spreadsheet.getSheetByName(cust.name[locale])!;
      const notesCol = cust.columns.findIndex((c) => c.key === 'notes') + 1;
      const f = form(rt);
      sheet.deleteColumn(notesCol);
      const before = rt.workbook.values(cust.name[locale]);
      const r = save(rt, { notes: 'call back Friday' }, f.version);
      expect(r.ok).toBe(false);
      expect(r.message).toContain(locale === 'en' ? 'The Notes column is missing' : '缺少“备注”列');
      expect(rt.workbook.values(cust.name[locale])).toEqual(before);
      // Adding a customer with the E-mail column gone: refused too (the duplicate check cannot see e-mails).
      const emailCol = cust.columns.findIndex((c) => c.key === 'email') + 1;
      sheet.deleteColumn(emailCol);
      const after = rt.workbook.values(cust.name[locale]);
      const add = rt.run('saveCustomer', { name: 'Other Ltd', email: 'buyer@acme.com' }) as Result;
      expect(add.ok).toBe(false);
      expect(add.message).toContain(locale === 'en' ? 'The E-mail column is missing' : '列');
      expect(rt.workbook.values(cust.name[locale])).toEqual(after);
    }
  });
});
