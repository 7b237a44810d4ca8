/**
 * The Log objection server API on the local runtime with the built bundle.
 */
import { describe, expect, it } from 'vitest';
import { getTab } from '../../src/core/schema';
import { PLAYBOOK_LINES } from '../../src/core/playbook';
import { objectionTypeKey, responseKey, type ObjectionRow } from '../../src/core/objections';
import { listItemKey } from '../../src/core/lists';
import { FORMULA_NAME, HTML_NAME, colOf, generatedLog, workbook, writeByKey } from './objections-fixture';

const OB = getTab('objections');
const FU = getTab('followups');
/** A due date two months ahead in the spreadsheet's zone (dates more than two years out are refused). */
const DUE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short' }).format(Date.now() + 60 * 86_400_000);

function input(over: Record<string, unknown> = {}) {
  return {
    customerId: 'C-000002',
    raisedAt: new Date(Date.now() - 3600_000).toISOString(),
    type: 'Price',
    details: 'Your quote is 20 % above our budget',
    cause: 'Budget fixed before they saw the scope',
    response: 'Offered phased payment',
    answeredAt: '',
    result: 'Partly resolved',
    nextStep: 'Send the phased payment plan',
    nextStepOwner: 'Ana Wu',
    nextStepDue: DUE,
    ...over,
  };
}

type Saved = { ok: boolean; value?: { id: string; followup: boolean }; errors?: Record<string, string>; message?: string };

describe('saving an objection', () => {
  it('writes one row, keeps HTML and formula-like names as text, and plans the next step', () => {
    const { rt } = workbook();
    const res = rt.run('saveObjection', input()) as Saved;
    expect(res).toMatchObject({ ok: true, value: { id: 'O-000001', followup: true } });
    const sh = rt.spreadsheet.getSheetByName('Objections')!;
    const row = sh.getRange(2, 1, 1, OB.columns.length).getValues()[0];
    const v = (k: string) => row[colOf(OB, k) - 1];
    expect(v('customer_name')).toBe(HTML_NAME);
    expect(v('type')).toBe('Price');
    expect(v('owner')).toBe('Ana Wu');
    expect(v('raised_at')).toBeInstanceOf(Date);
    expect(v('answer_due')).toBeInstanceOf(Date);
    expect(v('next_step_due')).toBeInstanceOf(Date);
    // Midnight in the spreadsheet's zone (Asia/Shanghai): 16:00Z the day before.
    expect((v('next_step_due') as Date).toISOString()).toBe(new Date(`${DUE}T00:00:00+08:00`).toISOString());
    // The follow-up row that Today reads.
    const fu = rt.spreadsheet.getSheetByName('Follow-ups')!.getRange(2, 1, 1, FU.columns.length).getValues()[0];
    expect(fu[colOf(FU, 'customer_id') - 1]).toBe('C-000002');
    expect(fu[colOf(FU, 'owner') - 1]).toBe('Ana Wu');
    expect(fu[colOf(FU, 'purpose') - 1]).toBe('Objection follow-up');
    expect(String(fu[colOf(FU, 'summary') - 1])).toContain('O-000001');

    // A customer whose name starts with "=": stored as text, not run as a formula.
    const res2 = rt.run('saveObjection', input({ customerId: 'c-000003', details: '=1+1', response: '+cmd', nextStep: '', nextStepDue: '' })) as Saved;
    expect(res2).toMatchObject({ ok: true, value: { id: 'O-000002', followup: false } });
    const info = rt.workbook.cellInfo('Objections', 3, colOf(OB, 'customer_name'));
    expect(info.formula ?? '').toBe('');
    expect(rt.workbook.values('Objections')[2][colOf(OB, 'customer_name') - 1]).toBe(FORMULA_NAME);
    expect(rt.workbook.values('Objections')[2][colOf(OB, 'details') - 1]).toBe('=1+1');
    expect(rt.workbook.values('Objections')[2][colOf(OB, 'customer_id') - 1]).toBe('C-000003');
    expect(rt.workbook.formulaErrors()).toEqual([]);
  });

  it('answers bad input field by field, in the user’s language, and writes nothing', () => {
    const { rt } = workbook({ locale: 'zh' });
    const res = rt.run(
      'saveObjection',
      input({ customerId: 'C-999999', type: 'Nonsense', details: '', raisedAt: 'yesterday', nextStepDue: '2030-02-30', nextStepOwner: 'Mallory' }),
    ) as Saved;
    expect(res.ok).toBe(false);
    expect(Object.keys(res.errors!).sort()).toEqual(['details', 'nextStepDue', 'nextStepOwner', 'raisedAt', 'type']);
    expect(res.errors!.details).toBe('此项为必填。');
    const unknown = rt.run('saveObjection', input({ type: '价格', result: '部分解决' })) as Saved;
    expect(unknown.ok).toBe(true);
    const missing = rt.run('saveObjection', input({ customerId: 'C-999999' })) as Saved;
    expect(missing.errors).toEqual({ customerId: '客户表中没有这个编号的客户。' });
    expect(rt.run('saveObjection', 'not an object')).toMatchObject({ ok: false });
    expect(rt.run('saveObjection', null)).toMatchObject({ ok: false });
    const rows = rt.workbook
      .values('异议跟踪')
      .slice(1)
      .filter((r) => r[0] !== '');
    expect(rows).toHaveLength(1);
  });

  it('costs the same SpreadsheetApp calls with 10 or 5,000 objections in the log', () => {
    const counts: Record<string, number>[] = [];
    for (const n of [10, 5000]) {
      const { rt } = workbook({ customers: 50 });
      writeByKey(rt, 'objections', 2, generatedLog(n, 50));
      rt.run('saveObjection', input()); // warm-up: the first save may insert rows
      rt.counter.reset();
      rt.run('saveObjection', input());
      counts.push(rt.counter.snapshot('SpreadsheetApp'));
    }
    expect(counts[1]).toEqual(counts[0]);
  });
});

describe('the playbook the sidebar shows', () => {
  type View = {
    lines: { technique: string; detail: string; team: boolean; addedBy: string }[];
    worked: { response: string; resolved: number; used: number }[];
  };

  it('comes from the Playbook tab: a manager’s edit and added line show up', () => {
    const { rt } = workbook();
    const before = rt.run('getObjectionPlaybook', 'Price') as View;
    expect(before.lines.map((l) => l.technique)).toEqual(PLAYBOOK_LINES.filter((l) => l.type === 'price').map((l) => l.technique.en));
    const PB = getTab('playbook');
    const sh = rt.spreadsheet.getSheetByName('Playbook')!;
    expect(rt.workbook.setCellFromUser('Playbook', 2, colOf(PB, 'detail'), 'Use the ROI sheet in the shared drive.')).toEqual({ ok: true });
    const last = sh.getLastRow();
    sh.getRange(last + 1, colOf(PB, 'type'), 1, 5).setValues([['Price', 'Ask what the budget was based on', 'Often last year’s tool', 'our team', 'Sam Boss']]);
    const after = rt.run('getObjectionPlaybook', 'Price') as View;
    expect(after.lines[0]).toMatchObject({ detail: 'Use the ROI sheet in the shared drive.', team: true });
    expect(after.lines[after.lines.length - 1]).toMatchObject({ technique: 'Ask what the budget was based on', addedBy: 'Sam Boss', team: true });
    // A Chinese reader sees the untouched built-in lines in Chinese, the team's lines as written.
    rt.setUser({ email: 'li@example.com', locale: 'zh_CN' });
    const zh = rt.run('getObjectionPlaybook', '价格') as View;
    expect(zh.lines[1].technique).toBe('分阶段付款，降低首笔投入');
    expect(zh.lines[0].detail).toBe('Use the ROI sheet in the shared drive.');
  });

  it('"what has worked" counts on a generated log equal a reference computation', () => {
    const { rt } = workbook({ customers: 40 });
    const log = generatedLog(3000, 40, 11);
    writeByKey(rt, 'objections', 2, log);
    for (const type of ['Price', 'Trust', '决策（需内部审批）']) {
      const key = objectionTypeKey(type);
      // Reference: count by normalised response, straight from the generated records.
      const ref = new Map<string, { resolved: number; used: number }>();
      for (const r of log as ObjectionRow[]) {
        if (objectionTypeKey(r.type) !== key || !responseKey(r.response)) continue;
        const k = responseKey(r.response);
        const e = ref.get(k) ?? { resolved: 0, used: 0 };
        e.used++;
        if (listItemKey('objection_result', r.result) === 'resolved') e.resolved++;
        ref.set(k, e);
      }
      const expected = [...ref.entries()]
        .filter(([, e]) => e.resolved > 0)
        .sort((a, b) => b[1].resolved - a[1].resolved || a[1].used - b[1].used)
        .slice(0, 5)
        .map(([k, e]) => ({ key: k, ...e }));
      const got = (rt.run('getObjectionPlaybook', type) as View).worked;
      expect(got.map((w) => ({ key: responseKey(w.response), resolved: w.resolved, used: w.used }))).toEqual(expected);
      // The two spellings of the same answer were counted together.
      expect(got.filter((w) => /quote against/i.test(w.response)).length).toBeLessThanOrEqual(1);
    }
  });
});

describe('overdue written answers (for the Today view)', () => {
  it('lists a rep’s unanswered objections past the answer time, oldest first', () => {
    const { rt } = workbook();
    const now = Date.now();
    writeByKey(rt, 'objections', 2, [
      {
        objection_id: 'O-000001',
        customer_id: 'C-000001',
        customer_name: 'Acme Trading',
        raised_at: new Date(now - 30 * 3600_000),
        type: 'Price',
        owner: 'Ana Wu',
      },
      {
        objection_id: 'O-000002',
        customer_id: 'C-000001',
        customer_name: 'Acme Trading',
        raised_at: new Date(now - 50 * 3600_000),
        type: 'Trust',
        owner: 'ana wu',
      },
      { objection_id: 'O-000003', customer_id: 'C-000002', customer_name: HTML_NAME, raised_at: new Date(now - 2 * 3600_000), type: 'Price', owner: 'Ana Wu' },
      {
        objection_id: 'O-000004',
        customer_id: 'C-000002',
        raised_at: new Date(now - 40 * 3600_000),
        answered_at: new Date(now - 39 * 3600_000),
        type: 'Price',
        owner: 'Ana Wu',
      },
      { objection_id: 'O-000005', customer_id: 'C-000004', raised_at: new Date(now - 40 * 3600_000), type: 'Need mismatch', owner: '李雷' },
    ]);
    const mine = rt.run('overdueObjectionsFor', 'Ana Wu') as { objectionId: string; answerDue: string }[];
    expect(mine.map((o) => o.objectionId)).toEqual(['O-000002', 'O-000001']);
    expect(typeof mine[0].answerDue).toBe('string');
    const all = rt.run('overdueObjectionsFor', null) as { objectionId: string }[];
    expect(all.map((o) => o.objectionId)).toEqual(['O-000002', 'O-000005', 'O-000001']);
    const flags = rt.workbook
      .values('Objections')
      .slice(1, 6)
      .map((r) => r[colOf(OB, 'answer_overdue') - 1]);
    expect(flags).toEqual([true, true, false, false, true]);
    expect(() => rt.run('overdueObjectionsFor', { evil: true })).toThrow();
  });
});
