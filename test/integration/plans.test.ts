/**
 * Issue 12: every customer not Lost has exactly one open planned contact on Follow-ups, and the
 * Customers tab's Next follow-up / status, Today and the digest all read that one plan — through
 * every entry path (form add and edit, import, logged contact, deal won, delivery marked), at
 * several simulated times, in two time zones. Everything runs on the built dist/Code.js.
 */
import { describe, expect, it } from 'vitest';
import { createLocalRuntime, type LocalRuntime } from '../../src/local';
import { getTab } from '../../src/core/schema';
import { getList, listItemKey } from '../../src/core/lists';
import { buildDigests } from '../../src/core/followups';
import { zonedMidnight } from '../../src/core/cadence';
import { writeByKey } from './objections-fixture';

/** The version the customer form opens with (edits send it, issue 13). */
const versionOf = (rt: LocalRuntime, id: string) => (rt.run('getCustomerForm', { id }) as { version: string }).version;

const CU = getTab('customers');
const FU = getTab('followups');
const TEAM = [
  { name: 'Ana Wu', email: 'ana@example.com' },
  { name: 'Li Lei', email: 'li@example.com' },
];
const label = (list: string, key: string) => getList(list).items.find((i) => i.key === key)!.label.en;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** An instant given as a wall time in a zone. */
function wall(tz: string, y: number, m: number, d: number, hour = 0, minute = 0): number {
  return zonedMidnight({ y, m, d }, tz) + hour * HOUR + minute * 60_000;
}

function runtime(tz: string, nowMs: number): LocalRuntime {
  const rt = createLocalRuntime({ locale: 'en_US', user: 'ana@example.com', now: new Date(nowMs), timeZone: tz });
  rt.run('setupWorkbook');
  writeByKey(
    rt,
    'settings',
    2,
    TEAM.map((m) => ({ team_name: m.name, team_email: m.email })),
  );
  return rt;
}

type Row = Record<string, unknown>;
function rows(rt: LocalRuntime, def: typeof CU): Row[] {
  const grid = rt.workbook.values(def.name.en);
  const keys = def.columns.map((c) => c.key);
  return grid
    .slice(1)
    .map((line, i): Row => ({ __row: i + 2, ...Object.fromEntries(keys.map((k, j) => [k, line[j]])) }))
    .filter((r) => r[def.key === 'customers' ? 'customer_id' : 'followup_id'] !== '');
}
const time = (v: unknown) => (v instanceof Date ? v.getTime() : null);
const PLAN_RULES = ['first_contact', 'high', 'medium', 'low', 'return_call', 'new_customer', 'existing_customer', 'key_account', 'manual', ''];
const open = (r: Row) => r.done_at === '' && r.cancelled !== true && r.planned_at !== '';
function openPlans(rt: LocalRuntime, customerId: string): Row[] {
  return rows(rt, FU).filter((r) => r.customer_id === customerId && open(r) && PLAN_RULES.includes(String(r.rule)));
}
function customer(rt: LocalRuntime, id: string): Row {
  return rows(rt, CU).find((r) => r.customer_id === id)!;
}

interface TodayItem {
  id: string;
  customerId: string;
  plannedAt: string;
  plannedDay: string;
}
interface TodayView {
  model: { overdue: TodayItem[]; dueToday: TodayItem[]; upcoming: TodayItem[] };
}
function today(rt: LocalRuntime): TodayItem[] {
  const v = rt.run('getTodayView', 'Ana Wu') as TodayView;
  return [...v.model.overdue, ...v.model.dueToday, ...v.model.upcoming];
}

/**
 * The one story: for every customer, exactly one open plan row unless Lost; the Customers tab's
 * Next follow-up is that row's time and its status follows from it; Today and the digest list
 * the row on the day it is planned.
 */
function agree(rt: LocalRuntime, tz: string): void {
  const log = rows(rt, FU);
  const byCustomer = new Map<string, Row[]>();
  for (const r of log)
    if (open(r) && PLAN_RULES.includes(String(r.rule))) byCustomer.set(String(r.customer_id), [...(byCustomer.get(String(r.customer_id)) ?? []), r]);
  const nowMs = rt.clock.nowMs();
  const todayStart = zonedMidnight(
    (() => {
      const p = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(nowMs)).split('-');
      return { y: +p[0], m: +p[1], d: +p[2] };
    })(),
    tz,
  );
  const problems: string[] = [];
  for (const c of rows(rt, CU)) {
    const id = String(c.customer_id);
    const plans = byCustomer.get(id) ?? [];
    const lost = listItemKey('stage', c.stage) === 'lost';
    if (plans.length !== (lost ? 0 : 1)) problems.push(`${id}: ${plans.length} open plans`);
    const want = plans[0] ? time(plans[0].planned_at) : null;
    if (time(c.next_followup) !== want) problems.push(`${id}: next ${String(c.next_followup)} vs plan ${want}`);
    const state = listItemKey('due_state', c.followup_state);
    const expected = want === null ? 'none' : want < todayStart ? 'overdue' : want < todayStart + DAY ? 'today' : 'scheduled';
    if (state !== expected) problems.push(`${id}: state ${state}, want ${expected}`);
    if (problems.length > 10) break;
  }
  expect(problems).toEqual([]);
  // Today (Ana's list) and the digest show exactly Ana's open plans that are late, due today (or coming up, Today).
  const mine = log.filter((r) => r.owner === 'Ana Wu' && open(r));
  const weekEnd = todayStart + 8 * DAY;
  const shown = today(rt);
  expect(new Set(shown.map((i) => i.id))).toEqual(new Set(mine.filter((r) => time(r.planned_at)! < weekEnd).map((r) => String(r.followup_id))));
  const digest = buildDigests(
    log.map((r) => ({ row: r.__row as number, values: r })),
    TEAM,
    nowMs,
    tz,
  ).find((d) => d.rep === 'Ana Wu');
  const due = mine.filter((r) => time(r.planned_at)! < todayStart + DAY).map((r) => String(r.followup_id));
  expect(new Set([...(digest?.overdue ?? []), ...(digest?.dueToday ?? [])].map((i) => i.id))).toEqual(new Set(due));
}

for (const tz of ['Asia/Shanghai', 'America/Los_Angeles']) {
  describe(`one plan per customer (${tz})`, () => {
    it('a lead added Monday 09:00 is due by Tuesday 09:00; after its first contact as High, within 24 h; Lost cancels the plan', () => {
      const rt = runtime(tz, wall(tz, 2026, 3, 2, 9));
      const saved = rt.run('saveCustomer', { name: 'Harbor Tools', email: 'h@example.com', owner: 'Ana Wu' }) as { ok: boolean; id: string; row: number };
      expect(saved.ok).toBe(true);
      const [plan] = openPlans(rt, saved.id);
      expect(plan.rule).toBe('first_contact');
      expect(time(plan.planned_at)).toBe(wall(tz, 2026, 3, 3, 9));
      expect(time(customer(rt, saved.id).next_followup)).toBe(wall(tz, 2026, 3, 3, 9));
      expect(today(rt).find((i) => i.customerId === saved.id)?.plannedDay).toBe('2026-03-03');
      agree(rt, tz);

      // Editing the lead (not contacted yet) keeps its first contact where it is.
      rt.clock.set(wall(tz, 2026, 3, 2, 15));
      expect(
        (
          rt.run(
            'saveCustomer',
            { name: 'Harbor Tools', email: 'h@example.com', owner: 'Ana Wu', stage: label('stage', 'reach'), need_confirmed: true },
            { ref: { id: saved.id }, version: versionOf(rt, saved.id) },
          ) as { ok: boolean }
        ).ok,
      ).toBe(true);
      expect(openPlans(rt, saved.id).map((r) => [r.rule, time(r.planned_at)])).toEqual([['first_contact', wall(tz, 2026, 3, 3, 9)]]);

      // Tuesday 08:00 the first contact happens; High → the next within 24 h.
      rt.clock.set(wall(tz, 2026, 3, 3, 8));
      expect(today(rt).find((i) => i.customerId === saved.id)?.plannedDay).toBe('2026-03-03');
      const doneMs = wall(tz, 2026, 3, 3, 8);
      const logged = rt.run('logFollowUp', {
        customerId: saved.id,
        customerRow: saved.row,
        followupId: String(plan.followup_id),
        followupRow: plan.__row,
        channel: label('channel', 'phone'),
        purpose: label('purpose', 'first_contact'),
        doneAt: new Date(doneMs).toISOString(),
        summary: 'Screened: budget and need confirmed',
        commitments: [],
        nextStep: '',
        stage: label('stage', 'needs'),
        intention: label('intention', 'high'),
        nextDate: '',
        noNext: false,
      }) as { ok: boolean; value: { next: { rule: string; day: string } } };
      expect(logged.ok, JSON.stringify(logged)).toBe(true);
      expect(logged.value.next.rule).toBe('high');
      const after = openPlans(rt, saved.id);
      expect(after).toHaveLength(1);
      expect(after[0].rule).toBe('high');
      expect(time(after[0].planned_at)! - doneMs).toBeLessThanOrEqual(DAY);
      agree(rt, tz);

      // Lost from the form: no plan left, nothing in Today.
      rt.clock.set(wall(tz, 2026, 3, 3, 10));
      rt.run(
        'saveCustomer',
        { name: 'Harbor Tools', email: 'h@example.com', owner: 'Ana Wu', stage: label('stage', 'lost') },
        { ref: { id: saved.id }, version: versionOf(rt, saved.id) },
      );
      expect(openPlans(rt, saved.id)).toHaveLength(0);
      expect(customer(rt, saved.id).next_followup).toBe('');
      expect(today(rt).some((i) => i.customerId === saved.id)).toBe(false);
      agree(rt, tz);
    });

    it('a won deal plans the return call; marking it delivered moves it to delivery + 3 days and plans the survey at + 1 month', () => {
      const rt = runtime(tz, wall(tz, 2026, 3, 2, 9));
      const saved = rt.run('saveCustomer', { name: 'Delta Foods', email: 'd@example.com', owner: 'Ana Wu', stage: label('stage', 'negotiation') }) as {
        id: string;
      };
      const deal = rt.rpc(
        'saveDeal',
        JSON.stringify([{ customer_id: saved.id, amount: '5000', won_on: '2026-03-02', product: 'Line', kind: 'new', notes: '' }]),
      ) as {
        ok: boolean;
        value: { ok: boolean; value: { dealId: string } };
      };
      expect(deal.value.ok).toBe(true);
      expect(openPlans(rt, saved.id).map((r) => r.rule)).toEqual(['return_call']);
      agree(rt, tz);

      rt.clock.set(wall(tz, 2026, 3, 10, 11));
      const res = rt.run('markDelivered', { dealId: deal.value.value.dealId, day: '2026-03-09' }) as {
        ok: boolean;
        value: { returnCall: string; survey: string };
      };
      expect(res.ok, JSON.stringify(res)).toBe(true);
      expect(res.value).toMatchObject({ returnCall: '2026-03-12', survey: '2026-04-09' });
      const plans = openPlans(rt, saved.id);
      expect(plans.map((r) => [r.rule, time(r.planned_at)])).toEqual([['return_call', wall(tz, 2026, 3, 12)]]);
      const surveys = rows(rt, FU).filter((r) => r.customer_id === saved.id && open(r) && r.rule === 'survey');
      expect(surveys.map((r) => time(r.planned_at))).toEqual([wall(tz, 2026, 4, 9)]);
      expect(time(rows(rt, getTab('deals') as typeof CU).find((d) => d.deal_id === deal.value.value.dealId)!.delivered_on)).toBe(wall(tz, 2026, 3, 9));
      // Marking it again (a corrected day) moves both, never adds a second.
      rt.run('markDelivered', { customerId: saved.id, day: '2026-03-10' });
      expect(openPlans(rt, saved.id).map((r) => time(r.planned_at))).toEqual([wall(tz, 2026, 3, 13)]);
      expect(
        rows(rt, FU)
          .filter((r) => r.customer_id === saved.id && open(r) && r.rule === 'survey')
          .map((r) => time(r.planned_at)),
      ).toEqual([wall(tz, 2026, 4, 10)]);
      agree(rt, tz);
      // Untrusted input: a day in the future, a malformed ID.
      const bad = rt.run('markDelivered', { customerId: saved.id, day: '2030-01-01' }) as { ok: boolean; errors: Record<string, string> };
      expect(bad.ok).toBe(false);
      expect(bad.errors.day).toMatch(/Delivered on/);
      expect((rt.run('markDelivered', { dealId: '=1+1' } as never) as { ok: boolean }).ok).toBe(false);
    });

    it('a date the rep chose is kept until the next contact; an import plans every customer in one batch; all paths agree over time', () => {
      const rt = runtime(tz, wall(tz, 2026, 3, 6, 16)); // a Friday afternoon
      const n = 60;
      const csv = [
        'Customer name,E-mail,Owner,Need confirmed',
        ...Array.from({ length: n }, (_, i) => `Imported ${i},i${i}@example.com,${TEAM[i % 2].name},${i % 3 === 0 ? 'yes' : ''}`),
      ].join('\n');
      const imp = rt.run('runImport', { text: csv, mode: 'skip' }) as { ok: boolean; ids: string[]; message: string };
      expect(imp.ok, imp.message).toBe(true);
      expect(imp.ids).toHaveLength(n);
      for (const id of imp.ids.slice(0, 5))
        expect(openPlans(rt, id).map((r) => [r.rule, time(r.planned_at)])).toEqual([['first_contact', wall(tz, 2026, 3, 9, 16)]]);
      agree(rt, tz);

      const id = imp.ids[0];
      const logged = rt.run('logFollowUp', {
        customerId: id,
        channel: label('channel', 'phone'),
        purpose: label('purpose', 'first_contact'),
        doneAt: new Date(rt.clock.nowMs()).toISOString(),
        summary: 'Call',
        commitments: [],
        nextStep: '',
        stage: label('stage', 'needs'),
        intention: label('intention', 'medium'),
        nextDate: '2026-03-20',
        noNext: false,
      }) as { ok: boolean; value: { next: { rule: string; day: string } } };
      expect(logged.value.next).toMatchObject({ rule: 'manual', day: '2026-03-20' });
      expect(openPlans(rt, id)).toHaveLength(1);
      // An edit does not undo the rep's date…
      rt.clock.advance(HOUR);
      rt.run(
        'saveCustomer',
        { name: 'Imported 0', email: 'i0@example.com', owner: 'Ana Wu', need_confirmed: true, budget_confirmed: true },
        { ref: { id }, version: versionOf(rt, id) },
      );
      expect(openPlans(rt, id).map((r) => [r.rule, time(r.planned_at)])).toEqual([['manual', wall(tz, 2026, 3, 20)]]);
      // …the next contact does.
      rt.clock.advance(DAY);
      rt.run('logFollowUp', {
        customerId: id,
        channel: label('channel', 'phone'),
        purpose: label('purpose', 'needs_research'),
        doneAt: new Date(rt.clock.nowMs()).toISOString(),
        summary: 'Call 2',
        commitments: [],
        nextStep: '',
        stage: '',
        intention: '',
        nextDate: '',
        noNext: false,
      });
      expect(openPlans(rt, id).map((r) => r.rule)).toEqual(['high']);
      for (const days of [0, 1, 3, 10]) {
        rt.clock.advance(days * DAY);
        agree(rt, tz);
      }
    });

    it('Lost typed in the grid: no plan left, and a "reason missing" item Today shows the owner until the reason is given (a generated history)', () => {
      const rt = runtime(tz, wall(tz, 2026, 3, 2, 9));
      const n = 24;
      const csv = ['Customer name,E-mail,Owner', ...Array.from({ length: n }, (_, i) => `Gen ${i},g${i}@example.com,${TEAM[i % 2].name}`)].join('\n');
      const imp = rt.run('runImport', { text: csv, mode: 'skip' }) as { ok: boolean; ids: string[] };
      expect(imp.ok).toBe(true);
      const stageCol = CU.columns.findIndex((c) => c.key === 'stage') + 1;
      const lost = imp.ids.filter((_, i) => i % 3 === 0);
      for (const id of lost) {
        const row = customer(rt, id).__row as number;
        expect(rt.editCell(CU.name.en, row, stageCol, label('stage', 'lost'))).toEqual({ ok: true });
      }
      // Half of them get their reason (from Today's "Give the reason", the loss dialog's API).
      const given = lost.filter((_, i) => i % 2 === 0);
      for (const id of given) {
        const res = rt.run('recordLossReason', id, 'new', { type: label('objection_type', 'price'), details: 'Too expensive', cause: 'Budget cut' }) as {
          ok: boolean;
        };
        expect(res.ok, JSON.stringify(res)).toBe(true);
      }
      const log = rows(rt, FU);
      const objections = rows(rt, getTab('objections') as typeof CU);
      for (const id of lost) {
        expect(openPlans(rt, id)).toHaveLength(0);
        const flag = log.filter((r) => r.customer_id === id && r.rule === 'loss_reason' && open(r));
        const reason = objections.some((o) => o.customer_id === id && o.lost_deal === true);
        expect(reason || flag.length === 1, id).toBe(true);
        expect(reason && flag.length > 0, id).toBe(false);
        const owner = String(customer(rt, id).owner);
        if (flag.length) {
          expect(flag[0].owner).toBe(owner);
          rt.setUser({ email: TEAM.find((m) => m.name === owner)!.email });
          const view = rt.run('getTodayView') as {
            model: { dueToday: { customerId: string; rule: string }[]; overdue: { customerId: string; rule: string }[] };
          };
          expect([...view.model.overdue, ...view.model.dueToday].some((i) => i.customerId === id && i.rule === 'loss_reason')).toBe(true);
          rt.setUser({ email: 'ana@example.com' });
        }
      }
      agree(rt, tz);
    });

    it('a commitment with a date becomes its own planned item: in Today and the digest on its day, done from there, the plan untouched', () => {
      const rt = runtime(tz, wall(tz, 2026, 3, 2, 9));
      const saved = rt.run('saveCustomer', { name: 'Kite Labs', email: 'k@example.com', owner: 'Ana Wu' }) as { id: string };
      const logged = rt.run('logFollowUp', {
        customerId: saved.id,
        channel: label('channel', 'visit'),
        purpose: label('purpose', 'needs_research'),
        doneAt: new Date(rt.clock.nowMs()).toISOString(),
        summary: 'Visit',
        commitments: [{ what: 'Send the questionnaire answers', due: '2026-03-06' }],
        nextStep: '',
        stage: label('stage', 'needs'),
        intention: label('intention', 'medium'),
        nextDate: '',
        noNext: false,
      }) as { ok: boolean; value: { also: { id: string; day: string; rule: string }[] } };
      expect(logged.ok, JSON.stringify(logged)).toBe(true);
      expect(logged.value.also).toEqual([{ id: expect.any(String), day: '2026-03-06', rule: 'commitment' }]);
      const item = rows(rt, FU).find((r) => r.rule === 'commitment')!;
      expect(item.next_step).toBe('Send the questionnaire answers');
      expect(openPlans(rt, saved.id)).toHaveLength(1);
      rt.clock.set(wall(tz, 2026, 3, 6, 8));
      const view = rt.run('getTodayView', 'Ana Wu') as { model: { dueToday: { id: string; nextStep: string }[] } };
      expect(view.model.dueToday.find((i) => i.id === item.followup_id)?.nextStep).toBe('Send the questionnaire answers');
      agree(rt, tz);
      const done = rt.run('logFollowUp', {
        customerId: saved.id,
        followupId: String(item.followup_id),
        followupRow: item.__row,
        channel: label('channel', 'email'),
        purpose: label('purpose', 'needs_research'),
        doneAt: new Date(rt.clock.nowMs()).toISOString(),
        summary: 'Answers sent',
        commitments: [],
        nextStep: '',
        stage: '',
        intention: '',
        nextDate: '',
        noNext: false,
      }) as { ok: boolean };
      expect(done.ok).toBe(true);
      expect(rows(rt, FU).find((r) => r.followup_id === item.followup_id)!.done_at).toBeInstanceOf(Date);
      expect(openPlans(rt, saved.id)).toHaveLength(1);
      agree(rt, tz);
    });
  });
}
