/**
 * The Log follow-up save path on the built bundle: what it writes, its checks in both languages,
 * the cadence it plans, completing a planned follow-up, the live status / days-late formulas,
 * and its cost — the same SpreadsheetApp calls with 100 or 100,000 follow-ups in the log.
 */
import { describe, expect, it } from 'vitest';
import { getList } from '../../src/core/lists';
import { followupStatus, daysLate } from '../../src/core/followups';
import { serialAt } from '../../src/core/cadence';
import { colOf, CU, FU, fillLog, TEAM, workbook, writeByKey, type Fixture } from './followups-fixture';

type Logged = { ok: true; value: { id: string; next: { id: string; day: string; rule: string } | null; also: { id: string; day: string; rule: string }[] } };
type Failed = { ok: false; errors: Record<string, string>; message: string };

const label = (list: string, key: string, locale: 'en' | 'zh' = 'en') => getList(list).items.find((i) => i.key === key)!.label[locale];
/** Days ahead in the spreadsheet's zone (a form refuses dates more than two years out). */
const ahead = (days: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short' }).format(Date.now() + days * 86_400_000);
const QUOTE_DUE = ahead(40);
const CHOSEN = ahead(64);

function input(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    customerId: 'C-000001',
    channel: label('channel', 'phone'),
    purpose: label('purpose', 'needs_research'),
    doneAt: '',
    summary: 'Talked about the rollout; they want a quote.',
    commitments: [{ what: 'Send the quote', due: QUOTE_DUE }],
    nextStep: 'Call back with the quote',
    stage: '',
    intention: '',
    nextDate: '',
    noNext: false,
    ...over,
  };
}

function logRows(fx: Fixture): Record<string, unknown>[] {
  const sheet = fx.rt.workbook.values(FU.name[fx.locale]);
  return sheet
    .slice(1)
    .filter((r) => r[0] !== '')
    .map((r) => Object.fromEntries(FU.columns.map((c, i) => [c.key, r[i]])));
}

function customerRow(fx: Fixture, row: number): Record<string, unknown> {
  const r = fx.rt.workbook.values(CU.name[fx.locale])[row - 1];
  return Object.fromEntries(CU.columns.map((c, i) => [c.key, r[i]]));
}

describe('logging a follow-up', () => {
  it('finds customers by name, contact, phone or ID in either script, as a short list', () => {
    const fx = workbook({ customers: 30 });
    writeByKey(fx.rt, 'customers', 2, [{ phone: '+86 138-0013-8000' }]);
    const search = (q: string) => (fx.rt.rpc('searchFollowupCustomers', JSON.stringify([q])) as { ok: true; value: { id: string; row: number }[] }).value;
    expect(search('华为').map((h) => h.id)).toEqual(['C-000004']);
    expect(search('c-000002').map((h) => h.id)).toEqual(['C-000002']);
    expect(search('13800138000').map((h) => h.id)).toEqual(['C-000001']);
    expect(search('acme')[0]).toMatchObject({ id: 'C-000001', row: 2 });
    expect(search('Customer').length).toBe(10); // never the whole register
    expect(fx.rt.rpc('searchFollowupCustomers', JSON.stringify([{ evil: true }]))).toMatchObject({ ok: false });
  });

  it('records the contact as done, plans the next one by the cadence, and updates the customer', () => {
    const fx = workbook();
    // Customer 1 has need and budget confirmed: High intention → within 24 hours.
    writeByKey(fx.rt, 'customers', 2, [{ need_confirmed: true, budget_confirmed: true, stage: label('stage', 'needs') }]);
    const before = fx.rt.clock.nowMs();
    const res = fx.rt.run('logFollowUp', input()) as Logged;
    expect(res.ok).toBe(true);
    const rows = logRows(fx);
    // The contact, its next planned contact, and the dated commitment as an item of its own (issue 12).
    expect(rows.map((r) => r.rule)).toEqual(['manual', 'high', 'commitment']);
    const [done, next] = rows;
    expect(done).toMatchObject({
      followup_id: res.value.id,
      customer_id: 'C-000001',
      customer_name: 'Acme Trading',
      owner: 'Ana Wu',
      rule: 'manual',
      status: label('followup_status', 'done'),
    });
    expect(done.commitments).toBe(`Send the quote (due ${QUOTE_DUE})`);
    expect((done.done_at as Date).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(next).toMatchObject({
      followup_id: res.value.next!.id,
      rule: 'high',
      owner: 'Ana Wu',
      purpose: label('purpose', 'needs_research'),
      status: label('followup_status', 'planned'),
      done_at: '',
    });
    // Exactly 24 h after the contact.
    expect((next.planned_at as Date).getTime() - (done.done_at as Date).getTime()).toBeCloseTo(24 * 3600_000, -3);
    expect(res.value.next!.rule).toBe('high');
    const c = customerRow(fx, 2);
    expect((c.last_contact_at as Date).getTime()).toBe((done.done_at as Date).getTime());
  });

  it('changes stage and intention on the customer; entering delivery plans the return call and the survey', () => {
    const fx = workbook();
    const res = fx.rt.run('logFollowUp', input({ stage: label('stage', 'delivery'), intention: label('intention', 'medium') })) as Logged;
    expect(res.ok).toBe(true);
    expect(res.value.next!.rule).toBe('return_call');
    expect(res.value.also.map((a) => a.rule)).toEqual(['survey', 'commitment']);
    const c = customerRow(fx, 2);
    expect(c.stage).toBe(label('stage', 'delivery'));
    expect(c.need_confirmed).toBe(true);
    expect(c.budget_confirmed).toBe(false);
    expect(c.intention_level).toBe(label('intention', 'medium'));
    expect(logRows(fx).map((r) => r.rule)).toEqual(['manual', 'return_call', 'survey', 'commitment']);
  });

  it('plans the date the rep chose instead, or nothing', () => {
    const fx = workbook();
    const res = fx.rt.run('logFollowUp', input({ nextDate: CHOSEN })) as Logged;
    expect(res.value.next).toMatchObject({ day: CHOSEN, rule: 'manual' });
    const none = fx.rt.run('logFollowUp', input({ noNext: true })) as Logged;
    expect(none.value.next).toBeNull();
    // Two contacts, the rep's date (cancelled by "no next follow-up"), each contact's dated commitment.
    expect(logRows(fx)).toHaveLength(5);
  });

  it('completes a planned follow-up in place and keeps its lateness', () => {
    const fx = workbook();
    const planned = new Date(fx.rt.clock.nowMs() - 3 * 86_400_000);
    writeByKey(fx.rt, 'followups', 2, [
      { followup_id: 'F-000001', customer_id: 'C-000001', customer_name: 'Acme Trading', owner: 'Ana Wu', planned_at: planned, rule: 'medium' },
    ]);
    expect(logRows(fx)[0].status).toBe(label('followup_status', 'overdue'));
    const form = fx.rt.run('getFollowupFormData', { followupId: 'F-000001', followupRow: 2 }) as {
      planned: { id: string; row: number };
      customer: { id: string };
    };
    expect(form.planned).toMatchObject({ id: 'F-000001', row: 2 });
    expect(form.customer.id).toBe('C-000001');
    const res = fx.rt.run('logFollowUp', input({ followupId: 'F-000001', followupRow: 2 })) as Logged;
    expect(res.value.id).toBe('F-000001');
    const rows = logRows(fx);
    expect(rows).toHaveLength(3); // + the dated commitment (issue 12)
    expect(rows[0]).toMatchObject({ followup_id: 'F-000001', status: label('followup_status', 'done'), days_late: 3, rule: 'medium' });
    expect(rows[1].followup_id).toBe('F-000002');
    // Completing it twice is refused.
    const again = fx.rt.run('logFollowUp', input({ followupId: 'F-000001', followupRow: 2 })) as Failed;
    expect(again.ok).toBe(false);
  });

  it('checks its input on the server, in the user’s language, field by field', () => {
    const fx = workbook({ locale: 'zh' });
    const bad = fx.rt.run('logFollowUp', {
      customerId: 'C-000001',
      channel: 'Carrier pigeon',
      purpose: '',
      summary: '',
      doneAt: '2999-01-01T00:00:00Z',
      nextDate: '2026-02-30',
      commitments: [{ what: 'x', due: '' }],
    }) as Failed;
    expect(bad.ok).toBe(false);
    expect(Object.keys(bad.errors).sort()).toEqual(['channel', 'commitments', 'doneAt', 'nextDate', 'purpose', 'summary']);
    expect(bad.errors.summary).toBe('请填写沟通和约定的内容。');
    expect(bad.message).toBe('请修改标红的字段。');
    const en = workbook();
    const gone = en.rt.run('logFollowUp', input({ customerId: 'C-999999' })) as Failed;
    expect(gone.errors.customerId).toBe('This customer is no longer on the Customers tab.');
    expect(en.rt.run('logFollowUp', 'nonsense')).toMatchObject({ ok: false });
    expect(logRows(en)).toHaveLength(0);
  });

  it('stores typed text as text', () => {
    const fx = workbook();
    fx.rt.run('logFollowUp', input({ summary: '=IMPORTXML("http://evil.example","//a")', nextStep: '+1 call' }));
    const [done] = logRows(fx);
    expect(done.summary).toBe('=IMPORTXML("http://evil.example","//a")');
    expect(done.next_step).toBe('+1 call');
  });

  it('finds the customer even when the search hint is stale, and appends after rows added by hand', () => {
    const fx = workbook({ customers: 20 });
    fx.rt.run('logFollowUp', input());
    writeByKey(
      fx.rt,
      'followups',
      4,
      Array.from({ length: 70 }, (_, i) => ({ followup_id: `F-${String(100 + i).padStart(6, '0')}`, customer_id: 'C-000002' })),
    );
    const res = fx.rt.run('logFollowUp', input({ customerId: 'C-000005', customerRow: 9 })) as Logged;
    expect(res.ok).toBe(true);
    const rows = logRows(fx);
    expect(rows).toHaveLength(2 + 70 + 3); // the contact, its plan, its dated commitment
    expect(rows.slice(-3).map((r) => r.followup_id)).toEqual(['F-000170', 'F-000171', 'F-000172']);
    expect(rows.slice(-3).every((r) => r.customer_id === 'C-000005')).toBe(true);
    expect(new Set(rows.map((r) => r.followup_id)).size).toBe(rows.length);
  });

  it('costs the same SpreadsheetApp calls with 100 or 100,000 follow-ups in the log', () => {
    const counts: Record<string, number>[] = [];
    for (const n of [100, 100_000]) {
      const fx = workbook({ customers: 50 });
      fillLog(fx, n, 50);
      fx.rt.run('logFollowUp', input()); // the first save after rows were pasted finds the end once
      const hit = (fx.rt.run('searchFollowupCustomers', 'Customer 40') as { id: string; row: number }[])[0];
      fx.rt.counter.reset();
      const res = fx.rt.run('logFollowUp', input({ customerId: hit.id, customerRow: hit.row })) as Logged;
      counts.push(fx.rt.counter.snapshot('SpreadsheetApp'));
      expect(res.ok).toBe(true);
      const rows = logRows(fx);
      expect(rows).toHaveLength(n + 6); // two contacts, each with its plan and its dated commitment
      expect(rows[n + 3].customer_id).toBe('C-000040');
    }
    expect(counts[1]).toEqual(counts[0]);
    const total = Object.values(counts[0]).reduce((a, b) => a + b, 0);
    expect(total).toBeLessThan(60);
  }, 240_000);
});

describe('the Follow-ups status and days-late formulas', () => {
  it('agree with the reference computation, in the spreadsheet’s time zone', () => {
    const fx = workbook();
    const now = fx.rt.clock.nowMs();
    const D = 86_400_000;
    const cases = [
      { planned_at: new Date(now - 5 * D), done_at: '', cancelled: false },
      { planned_at: new Date(now - 5 * D), done_at: new Date(now - 2 * D), cancelled: false },
      { planned_at: new Date(now - 5 * D), done_at: new Date(now - 6 * D), cancelled: false },
      { planned_at: new Date(now), done_at: '', cancelled: false },
      { planned_at: new Date(now + 2 * D), done_at: '', cancelled: false },
      { planned_at: new Date(now - 9 * D), done_at: '', cancelled: true },
      { planned_at: '', done_at: new Date(now - D), cancelled: false },
    ];
    writeByKey(
      fx.rt,
      'followups',
      2,
      cases.map((c, i) => ({ followup_id: `F-${i + 1}`, customer_id: 'C-000001', ...c })),
    );
    const rows = logRows(fx);
    const tz = 'Asia/Shanghai';
    const today = Math.floor(serialAt(now, tz));
    const statuses = getList('followup_status').items;
    rows.forEach((r, i) => {
      const c = cases[i];
      const facts = {
        planned: c.planned_at ? serialAt((c.planned_at as Date).getTime(), tz) : null,
        done: c.done_at ? serialAt((c.done_at as Date).getTime(), tz) : null,
        cancelled: c.cancelled,
      };
      expect(r.status, `row ${i}`).toBe(statuses.find((s) => s.key === followupStatus(facts, today))!.label.en);
      expect(r.days_late === '' ? null : r.days_late, `row ${i}`).toBe(daysLate(facts, today));
    });
    expect(rows.map((r) => r.days_late)).toEqual([5, 3, 0, 0, 0, '', '']);
  });
});

void TEAM;
void colOf;

describe('scheduleFollowUp (for issue 7 and other server code)', () => {
  it('appends a planned follow-up by column key (name read from Customers, kept as text) and is not callable from a page', () => {
    const fx = workbook({ customers: 20 });
    fillLog(fx, 2000, 20);
    const id = fx.rt.run('scheduleFollowUp_', {
      customerId: 'C-000003',
      owner: 'Ana Wu',
      plannedAt: '2099-05-06',
      purpose: 'objection',
      nextStep: 'Send the ROI sheet',
    });
    expect(id).toBe('F-002001');
    const row = logRows(fx).at(-1)!;
    expect(row).toMatchObject({
      followup_id: 'F-002001',
      customer_id: 'C-000003',
      customer_name: '=HYPERLINK("http://evil.example","click")',
      owner: 'Ana Wu',
      purpose: label('purpose', 'objection'),
      rule: 'objection',
      next_step: 'Send the ROI sheet',
    });
    // rt.rpc does not even take the name (test/types/rpc.test-d.ts); a page can still send it.
    expect(fx.rt.rpcFromPage('scheduleFollowUp_', JSON.stringify([{ customerId: 'C-000003', owner: 'Ana Wu', plannedAt: '2099-05-06' }]))).toMatchObject({
      ok: false,
    });
    expect(() => fx.rt.run('scheduleFollowUp_', { customerId: '', owner: 'Ana Wu', plannedAt: 'soon' })).toThrow(
      'A follow-up needs a customer ID, a rep and a planned date.',
    );
  });
});
