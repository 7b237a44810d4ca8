/**
 * The Log complaint server API on the local runtime with the built bundle: the steps tab seeded
 * once and a manager's edits shown, saving and continuing a complaint, closing the loop.
 */
import { describe, expect, it } from 'vitest';
import { getTab } from '../../src/core/schema';
import { COMPLAINT_STEPS } from '../../src/core/complaints';
import { FORMULA_NAME, HTML_NAME, colOf, workbook } from './objections-fixture';

const CP = getTab('complaints');
const ST = getTab('complaint_steps');
const FU = getTab('followups');

type Saved = { ok: boolean; value?: { id: string; row: number; checkin: boolean; closed: boolean }; errors?: Record<string, string>; message?: string };
type FormData = {
  steps: { key: string; title: string; coaching: string; sampleReply: string; builtIn: boolean }[];
  severities: { value: string; meaning: string }[];
};

function input(over: Record<string, unknown> = {}) {
  return {
    complaintId: '',
    customerId: 'C-000002',
    receivedAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
    channel: 'Phone',
    category: 'Delivery',
    severity: 'High',
    words: '<b>Late</b> again <img src=x onerror=alert(1)>',
    owner: '',
    steps: [] as { key: string; doneAt: string; note: string }[],
    close: false,
    satisfied: '',
    rootCause: '',
    lesson: '',
    requestSurvey: false,
    ...over,
  };
}

const cell = (rt: ReturnType<typeof workbook>['rt'], row: number, key: string) => rt.workbook.values('Complaints')[row - 1][colOf(CP, key) - 1];

describe('the Complaint steps tab', () => {
  it('is seeded once in the workbook’s language; a manager’s edit, deletion and own step survive a re-run and show in the sidebar', () => {
    const { rt } = workbook();
    const sh = rt.spreadsheet.getSheetByName('Complaint steps')!;
    const titles = () =>
      sh
        .getRange(2, colOf(ST, 'title'), sh.getLastRow() - 1, 1)
        .getValues()
        .map((r) => r[0]);
    expect(titles()).toEqual(COMPLAINT_STEPS.map((s) => s.title.en));
    // The manager rewrites step 2's coaching, deletes the last step and adds the team's own.
    sh.getRange(3, colOf(ST, 'coaching')).setValue('Say sorry once, then move on to what we do.');
    sh.deleteRow(COMPLAINT_STEPS.length + 1);
    sh.getRange(COMPLAINT_STEPS.length + 1, colOf(ST, 'title'), 1, 2).setValues([['Call the boss', 'For anything over ¥10,000']]);
    rt.run('setupWorkbook');
    expect(titles()).toEqual([...COMPLAINT_STEPS.slice(0, -1).map((s) => s.title.en), 'Call the boss']);
    const data = rt.run('getComplaintFormData', '', '') as FormData;
    expect(data.steps.map((s) => s.title)).toEqual(titles());
    expect(data.steps[1].coaching).toBe('Say sorry once, then move on to what we do.');
    expect(data.steps[0]).toMatchObject({ builtIn: true, sampleReply: COMPLAINT_STEPS[0].sampleReply.en });
    expect(data.steps.at(-1)).toMatchObject({ title: 'Call the boss', builtIn: false, coaching: 'For anything over ¥10,000' });
    // Severities carry their meaning.
    expect(data.severities.map((s) => s.value)).toEqual(['Low', 'Medium', 'High']);
    expect(data.severities[2].meaning).toMatch(/cannot use/);
  });

  it('in a Chinese workbook the steps are written in Chinese', () => {
    const { rt } = workbook({ locale: 'zh' });
    const sh = rt.spreadsheet.getSheetByName('投诉处理步骤')!;
    expect(sh.getRange(2, colOf(ST, 'title')).getValue()).toBe(COMPLAINT_STEPS[0].title.zh);
    expect(sh.getRange(2, colOf(ST, 'sample_reply')).getValue()).toBe(COMPLAINT_STEPS[0].sampleReply.zh);
  });
});

describe('logging a complaint', () => {
  it('writes one row with the customer’s words as text, the customer’s owner, live due times, and no first response yet', () => {
    const { rt } = workbook();
    const res = rt.run('saveComplaint', input()) as Saved;
    expect(res).toMatchObject({ ok: true, value: { id: 'CP-000001', row: 2, checkin: false, closed: false } });
    expect(cell(rt, 2, 'customer_name')).toBe(HTML_NAME);
    expect(cell(rt, 2, 'words')).toBe('<b>Late</b> again <img src=x onerror=alert(1)>');
    expect(cell(rt, 2, 'owner')).toBe('李雷'); // customer 2's owner (fixture: TEAM[1])
    expect(cell(rt, 2, 'first_response_due')).toBeInstanceOf(Date);
    expect(cell(rt, 2, 'response_overdue')).toBe(false);
    expect(cell(rt, 2, 'repeat')).toBe(false);
    // A second complaint from the same customer, with words starting with "=": text, and a repeat.
    const res2 = rt.run('saveComplaint', input({ words: '=HYPERLINK("http://evil.example","x")', category: 'Billing', severity: 'Low' })) as Saved;
    expect(res2.ok).toBe(true);
    expect(rt.workbook.cellInfo('Complaints', 3, colOf(CP, 'words')).formula ?? '').toBe('');
    expect(cell(rt, 3, 'words')).toBe('=HYPERLINK("http://evil.example","x")');
    expect(cell(rt, 3, 'repeat')).toBe(true);
    // Two open complaints: a churn-risk signal on the customer's row.
    const CU = getTab('customers');
    const customer = () => rt.workbook.values('Customers')[2];
    expect(customer()[colOf(CU, 'open_complaints') - 1]).toBe(2);
    expect(customer()[colOf(CU, 'churn_risk') - 1]).toBe(true);
    // Customer 3's name starts with "=": stored as text.
    expect((rt.run('saveComplaint', input({ customerId: 'c-000003' })) as Saved).ok).toBe(true);
    expect(cell(rt, 4, 'customer_name')).toBe(FORMULA_NAME);
    expect(rt.workbook.formulaErrors()).toEqual([]);
  });

  it('answers bad input field by field in the user’s language, and writes nothing', () => {
    const { rt } = workbook({ locale: 'zh' });
    const res = rt.run(
      'saveComplaint',
      input({ customerId: '', category: 'Weather', severity: '', words: '', receivedAt: new Date(Date.now() + 86_400_000).toISOString() }),
    ) as Saved;
    expect(res.ok).toBe(false);
    expect(Object.keys(res.errors!).sort()).toEqual(['category', 'customerId', 'receivedAt', 'severity', 'words']);
    expect(res.errors!.customerId).toMatch(/[\u4e00-\u9fff]/);
    expect(res.message).toMatch(/[\u4e00-\u9fff]/);
    const closing = rt.run('saveComplaint', input({ category: '交付', severity: '高', close: true })) as Saved;
    expect(closing.ok).toBe(false);
    expect(Object.keys(closing.errors!).sort()).toEqual(['rootCause', 'satisfied']);
    expect(
      rt.workbook
        .values('客户投诉')
        .slice(1)
        .filter((r) => r[colOf(CP, 'complaint_id') - 1] !== '' || r[colOf(CP, 'words') - 1] !== ''),
    ).toEqual([]);
  });

  it('continues a complaint: ticked steps set the first response; closing unconfirmed plans one check-in and records cause and lesson', () => {
    const { rt } = workbook();
    const saved = (rt.run('saveComplaint', input()) as Saved).value!;
    const thanked = new Date(Date.now() - 3600_000);
    thanked.setSeconds(0, 0);
    const steps = [
      { key: 'thank_listen', doneAt: thanked.toISOString(), note: 'Listened, took notes' },
      { key: 'apologise', doneAt: new Date(thanked.getTime() + 60_000).toISOString(), note: '' },
      { key: 'fix_fast', doneAt: '', note: 'Courier booked for Monday' },
    ];
    const res = rt.run('saveComplaint', input({ complaintId: saved.id, row: saved.row, steps })) as Saved;
    expect(res).toMatchObject({ ok: true, value: { id: saved.id, row: 2 } });
    expect((cell(rt, 2, 'first_response_at') as Date).getTime()).toBe(thanked.getTime());
    const view = rt.run('getComplaint', saved.id) as { steps: { key: string; doneAt: string; note: string }[]; responseOverdue: boolean };
    expect(view.steps).toEqual(steps);
    // Closing without the customer's confirmation.
    const close = input({
      complaintId: saved.id,
      steps,
      close: true,
      satisfied: 'no',
      rootCause: 'Late or wrong delivery',
      lesson: 'Book the courier the day the order is confirmed.',
      requestSurvey: true,
    });
    const closed = rt.run('saveComplaint', close) as Saved;
    expect(closed).toMatchObject({ ok: true, value: { checkin: true, closed: true } });
    expect(cell(rt, 2, 'closed_at')).toBeInstanceOf(Date);
    expect(cell(rt, 2, 'confirmed_satisfied')).toBe(false);
    expect(cell(rt, 2, 'root_cause')).toBe('Late or wrong delivery');
    expect(cell(rt, 2, 'survey_requested_at')).toBeInstanceOf(Date);
    // Closed: no open complaint left on the customer's row.
    expect(rt.workbook.values('Customers')[2][colOf(getTab('customers'), 'open_complaints') - 1]).toBe(0);
    const fu = rt.workbook.values('Follow-ups');
    const planned = fu.slice(1).filter((r) => r[colOf(FU, 'rule') - 1] === 'complaint_checkin');
    expect(planned).toHaveLength(1);
    expect(planned[0][colOf(FU, 'owner') - 1]).toBe('李雷');
    // Saving the closed complaint again plans nothing more.
    expect((rt.run('saveComplaint', close) as Saved).value!.checkin).toBe(false);
    expect(rt.workbook.values('Follow-ups').filter((r) => r[colOf(FU, 'rule') - 1] === 'complaint_checkin')).toHaveLength(1);
    // The lesson shows in "what went wrong before" for the category.
    const lessons = rt.run('getComplaintLessons', 'Delivery') as { causes: { cause: string; count: number; lessons: string[] }[] };
    expect(lessons.causes).toEqual([{ cause: 'Late or wrong delivery', count: 1, lessons: ['Book the courier the day the order is confirmed.'] }]);
    expect((rt.run('getComplaintLessons', 'Billing') as { causes: unknown[] }).causes).toEqual([]);
    // A complaint closed with the customer's confirmation plans no check-in.
    const other = (rt.run('saveComplaint', input({ customerId: 'C-000004' })) as Saved).value!;
    const ok = rt.run(
      'saveComplaint',
      input({ customerId: 'C-000004', complaintId: other.id, close: true, satisfied: 'yes', rootCause: 'Our process' }),
    ) as Saved;
    expect(ok.value!.checkin).toBe(false);
    expect(cell(rt, 3, 'confirmed_satisfied')).toBe(true);
    // The customer's complaints, open first.
    const list = rt.run('customerComplaints', 'C-000002') as { id: string; closed: boolean }[];
    expect(list).toEqual([expect.objectContaining({ id: saved.id, closed: true })]);
  });
});
