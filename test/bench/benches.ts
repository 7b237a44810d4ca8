/**
 * The actions `npm run bench` measures, each at a small and a large size, on the local runtime
 * with the built bundle. Data is written the way a paste would land (uncounted); the add-in's own
 * first run after set-up is not measured (it finds where each tab's data ends; set-up already left the column map).
 */
import { surveyWorkbook } from '../integration/survey-fixture';
import { createLocalRuntime, type LocalRuntime } from '../../src/local';
import { getTab } from '../../src/core/schema';
import { getList } from '../../src/core/lists';
import { dispatchNow } from '../integration/dispatch-fixture';

const NOW = new Date('2026-03-04T01:30:00Z'); // 09:30 in Shanghai, a Wednesday
const D = 86_400_000;

export interface Size {
  /** What "small" or "large" means for this action, e.g. "20,000 customers". */
  label: string;
  setup(): LocalRuntime;
}

export interface Action {
  name: string;
  small: Size;
  large: Size;
  /** The measured work (runs once unmeasured first). */
  run(rt: LocalRuntime, i: number): unknown;
  /** False for actions that have no warm / cold difference worth a second run (set-up). */
  repeat?: boolean;
}

const label = (list: string, key: string) => getList(list).items.find((i) => i.key === key)!.label.en;
const id = (p: string, n: number) => `${p}-${String(n).padStart(6, '0')}`;

/** Writes records by column key from row 2, one setValues per column (uncounted). */
function writeByKey(rt: LocalRuntime, tabKey: string, records: Record<string, unknown>[], startRow = 2): void {
  const def = getTab(tabKey);
  const sh = rt.spreadsheet.getSheetByName(def.name.en)!;
  const need = startRow + records.length + 100;
  if (sh.getMaxRows() < need) sh.insertRowsAfter(sh.getMaxRows(), need - sh.getMaxRows());
  const keys = [...new Set(records.flatMap((r) => Object.keys(r)))];
  for (const k of keys) {
    const col = def.columns.findIndex((c) => c.key === k) + 1;
    sh.getRange(startRow, col, records.length, 1).setValues(records.map((r) => [r[k] ?? '']));
  }
}

/** The version of the customer the edit bench saves, per runtime. */
const editVersions = new WeakMap<LocalRuntime, string | undefined>();

export function workbook(opts: { customers: number; followups?: number; objections?: number; deals?: number; user?: string }): LocalRuntime {
  const rt = createLocalRuntime({ user: opts.user ?? 'ana@example.com', locale: 'en', timeZone: 'Asia/Shanghai', now: NOW });
  rt.run('setupWorkbook');
  writeByKey(rt, 'settings', [
    { team_name: 'Ana Wu', team_email: 'ana@example.com', team_role: label('role', 'rep') },
    { team_name: 'Li Lei', team_email: 'li@example.com', team_role: label('role', 'rep') },
    { team_name: 'Sam Boss', team_email: 'boss@example.com', team_role: label('role', 'manager') },
  ]);
  const owners = ['Ana Wu', 'Li Lei'];
  writeByKey(
    rt,
    'customers',
    Array.from({ length: opts.customers }, (_, i) => ({
      customer_id: id('C', i + 1),
      name: `Company ${i + 1}`,
      phone: `+1 555 ${String(i).padStart(7, '0')}`,
      email: `c${i}@example.com`,
      owner: owners[i % 2],
    })),
  );
  const now = NOW.getTime();
  if (opts.followups)
    writeByKey(
      rt,
      'followups',
      Array.from({ length: opts.followups }, (_, i) => ({
        followup_id: id('F', i + 1),
        customer_id: id('C', 1 + (i % opts.customers)),
        customer_name: `Company ${1 + (i % opts.customers)}`,
        owner: owners[i % 2],
        planned_at: new Date(now - (opts.followups! - i) * 3600_000),
        done_at: i % 3 ? new Date(now - (opts.followups! - i) * 3600_000) : '',
      })),
    );
  if (opts.objections)
    writeByKey(
      rt,
      'objections',
      Array.from({ length: opts.objections }, (_, i) => ({
        objection_id: id('O', i + 1),
        customer_id: id('C', 1 + (i % opts.customers)),
        raised_at: new Date(now - (i % 90) * D - 1800_000),
        type: label('objection_type', 'price'),
        details: `words ${i}`,
        answered_at: new Date(now - (i % 90) * D),
        owner: owners[i % 2],
      })),
    );
  if (opts.deals)
    writeByKey(
      rt,
      'deals',
      Array.from({ length: opts.deals }, (_, i) => ({
        deal_id: id('D', i + 1),
        customer_id: id('C', 1 + (i % opts.customers)),
        amount: 1000 + i,
        won_on: new Date(now - (i % 700) * D),
      })),
    );
  return rt;
}

const inputs = new WeakMap<LocalRuntime, ReturnType<typeof searchInput>>();

/** The form a rep sends after picking the customer (the search runs once, in the unmeasured first run). */
function logInput(rt: LocalRuntime): ReturnType<typeof searchInput> {
  if (!inputs.has(rt)) inputs.set(rt, searchInput(rt));
  return inputs.get(rt)!;
}

function searchInput(rt: LocalRuntime) {
  const hit = (rt.run('searchFollowupCustomers', 'Company 7') as { id: string; row: number }[])[0];
  return {
    customerId: hit.id,
    customerRow: hit.row,
    channel: label('channel', 'phone'),
    purpose: label('purpose', 'needs_research'),
    summary: 'Bench call',
    doneAt: '',
    commitments: [],
    nextStep: 'Quote',
    stage: '',
    intention: '',
    nextDate: '',
    noNext: false,
  };
}

export const ACTIONS: Action[] = [
  {
    name: 'add a customer',
    // Issue 11's local-time budget compares 20,000 customers with 100.
    small: { label: '100 customers', setup: () => workbook({ customers: 100 }) },
    large: { label: '20,000 customers', setup: () => workbook({ customers: 20_000 }) },
    run: (rt, i) => rt.run('saveCustomer', { name: `Bench Trading ${i}`, email: `buyer${i}@bench.example`, need_confirmed: true }),
  },
  {
    name: 'edit a customer',
    small: { label: '10 customers', setup: () => workbook({ customers: 10 }) },
    large: { label: '20,000 customers', setup: () => workbook({ customers: 20_000 }) },
    // An edit sends the version the form opened with (issue 13); each save returns the next one.
    run: (rt, i) => {
      const version = editVersions.get(rt) ?? rt.run('getCustomerForm', { id: 'C-000005' }).version;
      const r = rt.run('saveCustomer', { name: 'Company 5', email: 'c4@example.com', phone: `+86 138 0013 ${8000 + i}` }, { ref: { id: 'C-000005' }, version });
      if (r.ok) editVersions.set(rt, r.version);
      return r;
    },
  },
  {
    name: 'log a follow-up',
    small: { label: '100 log rows', setup: () => workbook({ customers: 50, followups: 100 }) },
    large: { label: '100,000 log rows', setup: () => workbook({ customers: 50, followups: 100_000 }) },
    run: (rt) => rt.run('logFollowUp', logInput(rt)),
  },
  {
    name: 'save an objection',
    small: { label: '10 objections', setup: () => workbook({ customers: 50, objections: 10 }) },
    large: { label: '5,000 objections', setup: () => workbook({ customers: 50, objections: 5_000 }) },
    run: (rt) =>
      rt.run('saveObjection', {
        customerId: 'C-000007',
        raisedAt: new Date(rt.clock.nowMs() - 3600_000).toISOString(),
        type: label('objection_type', 'price'),
        details: 'Too expensive',
        cause: '',
        response: 'Phased payment',
        answeredAt: '',
        result: '',
        nextStep: 'Send the plan',
        nextStepOwner: 'Ana Wu',
        nextStepDue: new Date(rt.clock.nowMs() + 3 * D).toISOString().slice(0, 10),
      }),
  },
  {
    name: 'save a deal',
    small: { label: '10 deals', setup: () => workbook({ customers: 50, deals: 10 }) },
    large: { label: '5,000 deals', setup: () => workbook({ customers: 50, deals: 5_000 }) },
    run: (rt) =>
      rt.run('saveDeal', {
        customer_id: 'C-000009',
        amount: '1200',
        won_on: new Date(rt.clock.nowMs()).toISOString().slice(0, 10),
        product: 'Licence',
        kind: 'new',
        notes: '',
      }),
  },
  {
    name: 'open Today (rep)',
    small: { label: '50 customers, 100 log rows', setup: () => workbook({ customers: 50, followups: 100, objections: 10 }) },
    large: { label: '5,000 customers, 20,000 log rows', setup: () => workbook({ customers: 5_000, followups: 20_000, objections: 1_000 }) },
    run: (rt) => rt.run('getTodayView'),
  },
  {
    name: 'open Today (manager)',
    small: { label: '50 customers, 100 log rows', setup: () => workbook({ customers: 50, followups: 100, objections: 10, user: 'boss@example.com' }) },
    large: {
      label: '5,000 customers, 20,000 log rows',
      setup: () => workbook({ customers: 5_000, followups: 20_000, objections: 1_000, user: 'boss@example.com' }),
    },
    run: (rt) => rt.run('getTodayView'),
  },
  {
    name: 'hourly dispatch, nothing due',
    // The dispatcher runs as the manager who installed its trigger.
    small: { label: '100 log rows', setup: () => workbook({ customers: 50, followups: 100, user: 'boss@example.com' }) },
    large: { label: '20,000 log rows', setup: () => workbook({ customers: 5_000, followups: 20_000, user: 'boss@example.com' }) },
    run: (rt) => {
      rt.clock.advance(3600_000);
      return dispatchNow(rt);
    },
  },
  {
    // Issue 14: one batch of survey e-mails (25) after Send queued everyone due.
    name: 'send a survey batch',
    small: { label: '250 customers', setup: () => surveyQueue(250) },
    large: { label: '5,000 customers', setup: () => surveyQueue(5_000) },
    run: (rt) => rt.rpc('continueSurveySend', '[]'),
  },
  {
    name: 'set-up, blank workbook',
    small: { label: 'blank', setup: () => createLocalRuntime({ user: 'ana@example.com', locale: 'en', now: NOW }) },
    large: { label: 'blank', setup: () => createLocalRuntime({ user: 'ana@example.com', locale: 'en', now: NOW }) },
    run: (rt) => rt.run('setupWorkbook'),
    repeat: false,
  },
  {
    name: 'set-up, repair with nothing to repair',
    small: { label: '10 customers', setup: () => workbook({ customers: 10 }) },
    large: { label: '20,000 customers', setup: () => workbook({ customers: 20_000 }) },
    run: (rt) => rt.run('setupWorkbook'),
  },
];

/** A workbook whose Send survey queued `n` customers (and sent its first batch). */
function surveyQueue(n: number): LocalRuntime {
  const { rt } = surveyWorkbook({ customers: Array.from({ length: n }, () => ({ deliveredDaysAgo: 40 })), mailQuota: 100_000 });
  rt.run('createSurveyForms');
  rt.rpc('startSurveySend', '[]');
  return rt;
}
