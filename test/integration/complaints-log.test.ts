/**
 * On a generated log of 2,000 complaints, the live columns (due times, overdue flags, repeats),
 * the escalation e-mails (once each) and every measure formula, evaluated by the local runtime
 * (HyperFormula), equal the reference computations in src/core/complaints.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../src/local';
import { getTab } from '../../src/core/schema';
import { getList } from '../../src/core/lists';
import { resolveFormula } from '../../src/core/formulas';
import {
  complaintCount,
  complaintFacts,
  complaintSettings,
  complaintTimes,
  complaintsPer100Customers,
  confirmedSatisfiedShare,
  escalationsDue,
  firstResponseOnTimeShare,
  medianResolutionDays,
  previousComplaintAt,
  repeatComplaintCount,
  repeatComplaintIds,
  type ComplaintFacts,
  type ComplaintRow,
} from '../../src/core/complaints';
import { COMPLAINT_MEASURES, complaintMeasureFormula, getComplaintMeasure, type ComplaintMeasureDef } from '../../src/core/kpis/complaints';
import { TEAM, colOf, rng, workbook, writeByKey } from './objections-fixture';

const N = 2000;
const CUSTOMERS = 120;
const TZ = 'Asia/Shanghai';
const HOUR = 3600_000;
const CP = getTab('complaints');
const labels = (list: string) => getList(list).items.map((i) => i.label.en);
const CATEGORIES = labels('complaint_category');
const SEVERITIES = labels('complaint_severity');
const settings = complaintSettings();

let rt: LocalRuntime;
let now: number;
let log: Record<string, unknown>[];
let facts: ComplaintFacts[];
let stages: string[];

/** 2,000 complaints in the order received (as they would be logged), over 120 days before now. */
function generate(base: number): Record<string, unknown>[] {
  const r = rng(17);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const start = base - 120 * 24 * HOUR;
  const step = (120 * 24 * HOUR) / N;
  const out: Record<string, unknown>[] = [];
  const seen: { complaintId: string; customerId: string; receivedAt: number }[] = [];
  for (let i = 0; i < N; i++) {
    // Minutes off the hour: no due time falls on "now" or on a response time.
    const received = Math.floor(start + i * step) + 7 * 60_000;
    const id = `CP-${String(i + 1).padStart(6, '0')}`;
    const customerId = `C-${String(1 + Math.floor(r() * CUSTOMERS)).padStart(6, '0')}`;
    let first: number | '' = r() < 0.9 ? received + Math.floor(r() * 40) * HOUR + 13 * 60_000 : '';
    if (first !== '' && first > base) first = '';
    let closed: number | '' = first !== '' && r() < 0.6 ? first + Math.floor(1 + r() * 20 * 24) * HOUR + 11 * 60_000 : '';
    if (closed !== '' && closed > base) closed = '';
    const prev = previousComplaintAt(seen, { complaintId: id, customerId, receivedAt: received });
    seen.push({ complaintId: id, customerId, receivedAt: received });
    out.push({
      complaint_id: id,
      customer_id: customerId,
      received_at: new Date(received),
      category: pick(CATEGORIES),
      severity: r() < 0.1 ? '' : pick(SEVERITIES),
      words: `words ${i}`,
      owner: pick(TEAM).name,
      first_response_at: first === '' ? '' : new Date(first),
      closed_at: closed === '' ? '' : new Date(closed),
      confirmed_satisfied: closed === '' ? '' : r() < 0.6,
      previous_received_at: prev === null ? '' : new Date(prev),
    });
  }
  return out;
}

/** The measure formula in a scratch sheet, once per parameter row; the results. */
function evaluate(def: ComplaintMeasureDef, params: [string, string][] = [['', '']]): unknown[] {
  const sh = rt.spreadsheet.getSheetByName('M') ?? rt.spreadsheet.insertSheet('M');
  sh.clear();
  sh.getRange(2, 1, params.length, 2).setValues(params);
  const formulas = params.map((_p, i) => [
    resolveFormula(complaintMeasureFormula(def, { category: `$A${i + 2}`, severity: `$B${i + 2}` }), {
      tabKey: 'dashboard',
      firstDataRow: 2,
      column: (t, c) => colOf(getTab(t), c),
      sheetName: (t) => getTab(t).name.en,
    }),
  ]);
  sh.getRange(2, 3, params.length, 1).setFormulas(formulas);
  return sh
    .getRange(2, 3, params.length, 1)
    .getValues()
    .map((x) => x[0]);
}

beforeAll(() => {
  rt = workbook({ customers: CUSTOMERS, mailQuota: 5000 }).rt;
  // Sam Boss is the manager (the escalation's recipient).
  const role = (k: string) => getList('role').items.find((i) => i.key === k)!.label.en;
  writeByKey(
    rt,
    'settings',
    2,
    TEAM.map((m) => ({ team_role: role(m.name === 'Sam Boss' ? 'manager' : 'rep') })),
  );
  const r = rng(5);
  const stageLabels = labels('stage');
  stages = Array.from({ length: CUSTOMERS }, () => stageLabels[Math.floor(r() * stageLabels.length)]);
  writeByKey(
    rt,
    'customers',
    2,
    stages.map((stage) => ({ stage })),
  );
  now = rt.clock.now().getTime();
  log = generate(now);
  writeByKey(rt, 'complaints', 2, log);
  facts = log.map((row) => complaintFacts(row as ComplaintRow)!);
  expect(rt.workbook.formulaErrors()).toEqual([]);
}, 600_000);

describe('the Complaints tab’s live columns on 2,000 complaints', () => {
  it('due times, overdue flags and repeats equal the reference, row by row', () => {
    const values = rt.workbook.values('Complaints').slice(1, N + 1);
    const at = (row: unknown[], k: string) => row[colOf(CP, k) - 1];
    const repeats = repeatComplaintIds(facts, settings, TZ);
    const t = rt.clock.now().getTime();
    let overdue = 0;
    values.forEach((row, i) => {
      const want = complaintTimes(facts[i], t, settings, TZ);
      expect(Math.abs((at(row, 'first_response_due') as Date).getTime() - want.firstResponseDue), `row ${i + 2} first response due`).toBeLessThan(1000);
      expect(Math.abs((at(row, 'resolution_due') as Date).getTime() - want.resolutionDue), `row ${i + 2} resolution due`).toBeLessThan(1000);
      expect(at(row, 'response_overdue'), `row ${i + 2} response overdue`).toBe(want.firstResponseOverdue);
      expect(at(row, 'resolution_overdue'), `row ${i + 2} resolution overdue`).toBe(want.resolutionOverdue);
      expect(at(row, 'repeat'), `row ${i + 2} repeat`).toBe(repeats.has(facts[i].complaintId));
      if (want.firstResponseOverdue) overdue++;
    });
    // The log is not trivial: some of each.
    expect(overdue).toBeGreaterThan(20);
    expect(repeats.size).toBeGreaterThan(500);
    expect(values.filter((row) => at(row, 'resolution_overdue') === true).length).toBeGreaterThan(50);
  });

  it('every measure equals its reference computation', () => {
    const cats = CATEGORIES.map((c) => [c, ''] as [string, string]);
    expect(evaluate(getComplaintMeasure('complaints_by_category'), cats)).toEqual(
      getList('complaint_category').items.map((c) => complaintCount(facts, { category: c.key })),
    );
    const sevs = SEVERITIES.map((s) => ['', s] as [string, string]);
    expect(evaluate(getComplaintMeasure('complaints_by_severity'), sevs)).toEqual(
      getList('complaint_severity').items.map((s) => complaintCount(facts, { severity: s.key as 'low' | 'medium' | 'high' })),
    );
    const both = CATEGORIES.flatMap((c) => SEVERITIES.map((s) => [c, s] as [string, string]));
    const wantBoth = getList('complaint_category').items.flatMap((c) =>
      getList('complaint_severity').items.map((s) => complaintCount(facts, { category: c.key, severity: s.key as 'low' | 'medium' | 'high' })),
    );
    expect(evaluate(getComplaintMeasure('complaints_by_category_severity'), both)).toEqual(wantBoth);
    const t = rt.clock.now().getTime();
    expect(evaluate(getComplaintMeasure('first_response_on_time'))[0] as number).toBeCloseTo(firstResponseOnTimeShare(facts, t, settings, TZ)!, 10);
    expect(evaluate(getComplaintMeasure('median_resolution_days'))[0] as number).toBeCloseTo(medianResolutionDays(facts, TZ)!, 6);
    expect(evaluate(getComplaintMeasure('confirmed_satisfied_share'))[0] as number).toBeCloseTo(confirmedSatisfiedShare(facts)!, 10);
    expect(evaluate(getComplaintMeasure('repeat_complaints'))[0]).toBe(repeatComplaintCount(facts, settings, TZ));
    const lost = getList('stage').items.find((i) => i.key === 'lost')!.label.en;
    const active = stages.filter((s) => s !== lost).length;
    expect(evaluate(getComplaintMeasure('complaints_per_100_customers'))[0] as number).toBeCloseTo(complaintsPer100Customers(facts, active)!, 10);
    // Every declared measure was checked above.
    expect(COMPLAINT_MEASURES.length).toBe(8);
  });
});

describe('escalation of a late first response', () => {
  it('e-mails the managers once per complaint past its first-response time, and a re-fire sends nothing', () => {
    const t = rt.clock.now().getTime();
    const want = escalationsDue(facts, t, settings, TZ).map((f) => f.complaintId);
    expect(want.length).toBeGreaterThan(20);
    const subjects = () => rt.mail.outbox.map((m) => m.subject).filter((s) => /CP-\d{6}/.test(s));
    // The hourly dispatcher runs only as its own trigger's execution (issue 13): a manager turns it on.
    rt.setUser({ email: 'boss@example.com' });
    rt.run('turnOnReminders');
    // The job stops at its run budget; the next hourly run continues where it stopped.
    for (let i = 0; i < 10 && subjects().length < want.length; i++) rt.fireTrigger('dispatch_');
    const sent = subjects().map((s) => /CP-\d{6}/.exec(s)![0]);
    expect(sent.sort()).toEqual([...want].sort());
    expect([...new Set(rt.mail.outbox.filter((m) => /CP-\d{6}/.test(m.subject)).map((m) => String(m.to)))]).toEqual(['boss@example.com']);
    // Marked on the row: a re-fire and a later run send nothing more.
    rt.fireTrigger('dispatch_');
    rt.clock.advance(HOUR);
    rt.fireTrigger('dispatch_');
    expect(subjects().length).toBe(want.length);
    const values = rt.workbook.values('Complaints').slice(1, N + 1);
    const marked = values.filter((row) => row[colOf(CP, 'escalated_at') - 1] instanceof Date).map((row) => row[colOf(CP, 'complaint_id') - 1]);
    expect(marked.sort()).toEqual([...want].sort());
  }, 600_000);
});
