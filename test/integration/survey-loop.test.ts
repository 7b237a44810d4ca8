/**
 * The survey loop end to end on the built dist/Code.js (issue 14's must-show): 250 customers, a
 * daily quota of 100, three simulated days with a kill in the middle of a batch; then answers
 * (valid, unknown code, reused code, edited code, formula-like text), the reminder round and
 * expiry. Checked: Survey sends, Survey responses and their flags, the recovery and referral
 * follow-ups, the owner's e-mail, and that no customer gets the same e-mail twice.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { surveyWorkbook, rowsOf, SURVEY_TEAM, type CustomerSpec, type SurveyFixture } from './survey-fixture';
import { referenceCodeFromBytes, CODE_ALPHABET } from '../../src/core/survey/codes';
import { SURVEY_ITEMS } from '../../src/core/survey/template';
import type { Locale } from '../../src/core/i18n';

const N = 250;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function customers(): CustomerSpec[] {
  return Array.from({ length: N }, (_, i) => ({
    deliveredDaysAgo: 40,
    language: i % 3 === 2 ? 'zh' : 'en',
    ...(i === 0 ? { email: '' } : {}),
    ...(i === 1 ? { email: 'not-an-address' } : {}),
    ...(i === 2 ? { doNotSurvey: true } : {}),
  }));
}

/** What a customer's link opens: the form and its prefilled code (a customer clicking the link in their e-mail). */
function openLink(fx: SurveyFixture, email: string): { formId: string; code: string; locale: Locale } {
  const mail = fx.rt.mail.outbox.find((m) => m.to.includes(email));
  if (!mail) throw new Error(`no e-mail to ${email}`);
  const url = /https:\/\/docs\.google\.com\/forms\/d\/e\/[^"\s<]+/.exec(mail.htmlBody ?? mail.body)![0].replace(/&amp;/g, '&');
  const form = fx.rt.forms.formOfUrl(url);
  const prefilled = fx.rt.forms.prefilledAnswers(url);
  const code = Object.values(prefilled)[0]!;
  return { formId: form.id, code, locale: /[\u4e00-\u9fff]/.test(form.title) ? 'zh' : 'en' };
}

const title = (key: string, locale: Locale) => SURVEY_ITEMS.find((i) => i.key === key)!.title[locale];

function answer(
  fx: SurveyFixture,
  link: { formId: string; locale: Locale },
  code: string,
  a: { score: number; overall: string; nps: number; suggestions?: string },
) {
  const l = link.locale;
  const overall = {
    satisfied: l === 'zh' ? '满意' : 'Satisfied',
    neutral: l === 'zh' ? '一般' : 'Neutral',
    unsatisfied: l === 'zh' ? '不满意' : 'Unsatisfied',
  }[a.overall]!;
  fx.rt.forms.submitResponse(link.formId, {
    [title('service_quality', l)]: a.score,
    [title('solution_effect', l)]: a.score,
    [title('response_speed', l)]: a.score,
    [title('teamwork', l)]: a.score,
    [title('overall', l)]: overall,
    [title('nps', l)]: a.nps,
    ...(a.suggestions ? { [title('suggestions', l)]: a.suggestions } : {}),
    [title('reference_code', l)]: code,
  });
}

function invitationsPerAddress(fx: SurveyFixture): Map<string, number> {
  const m = new Map<string, number>();
  for (const mail of fx.rt.mail.outbox) {
    if (!/reference code|参考编号/i.test(mail.body) || /reminder|提醒/i.test(mail.subject)) continue;
    for (const to of mail.to) m.set(to, (m.get(to) ?? 0) + 1);
  }
  return m;
}

describe('the survey loop: 250 customers, quota 100, three days, a kill, answers, reminder, expiry', () => {
  let fx: SurveyFixture;
  const status = (s: Record<string, unknown>) => String(s.status);

  beforeAll(() => {
    fx = surveyWorkbook({ customers: customers(), mailQuota: 100 });
    fx.rt.run('createSurveyForms');
  });

  it('day 1: the sidebar sends in batches until the quota is used; a kill mid-batch sends nobody twice', () => {
    const first = fx.rt.rpc('startSurveySend', '[]');
    expect(first.ok && first.value.state).toBe('running');
    const sends = rowsOf(fx, 'survey_sends');
    expect(sends).toHaveLength(N - 3); // no e-mail, invalid e-mail, do not survey: skipped
    expect(sends.every((s) => /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/.test(String(s.code)))).toBe(true);
    expect(new Set(sends.map((s) => s.code)).size).toBe(N - 3);
    // The next batch is killed after 10 e-mails (the 11th does not happen).
    fx.rt.counter.killAfter('MailApp.sendEmail', 10);
    const killed = fx.rt.rpc('continueSurveySend', '[]');
    expect(killed.ok).toBe(false);
    expect(fx.rt.mail.outbox).toHaveLength(35);
    const claimed = rowsOf(fx, 'survey_sends').filter((s) => String(s.attempt) !== '');
    expect(claimed).toHaveLength(25); // the killed batch's claim stays on the sheet
    // A second window clicks on at once: the claimed rows are left alone.
    let p = fx.rt.rpc('continueSurveySend', '[]');
    expect(p.ok).toBe(true);
    // Later (the claim is stale): the stopped batch is put right, and sending goes on to the quota.
    fx.rt.clock.advance(8 * 60_000);
    for (let i = 0; i < 20 && p.ok && p.value.state === 'running'; i++) p = fx.rt.rpc('continueSurveySend', '[]');
    expect(p.ok && p.value.state).toBe('quota');
    expect(p.ok && p.value.message).toMatch(/quota is used up/);
    expect(fx.rt.mail.outbox).toHaveLength(100);
    const after = rowsOf(fx, 'survey_sends');
    // The one e-mail in doubt (the run stopped as it went) is marked sent, with a note, never resent.
    const doubt = after.filter((s) => /stopped/.test(String(s.error)));
    expect(doubt).toHaveLength(1);
    expect(status(doubt[0]!)).toBe('Sent');
    expect(after.filter((s) => status(s) === 'Queued').length).toBe(N - 3 - 100 - 1);
    expect(after.every((s) => String(s.attempt) === '')).toBe(true);
    expect([...invitationsPerAddress(fx).values()].every((n) => n === 1)).toBe(true);
  });

  it('days 2 and 3: the hourly dispatcher sends the rest as the quota allows, still once each', () => {
    fx.rt.clock.advance(DAY);
    fx.rt.fireDueTriggers();
    expect(fx.rt.mail.outbox).toHaveLength(200);
    fx.rt.clock.advance(DAY);
    fx.rt.fireDueTriggers();
    fx.rt.clock.advance(HOUR);
    fx.rt.fireDueTriggers();
    const sends = rowsOf(fx, 'survey_sends');
    expect(sends.filter((s) => status(s) === 'Queued')).toHaveLength(0);
    expect(sends.filter((s) => status(s) === 'Sent')).toHaveLength(N - 3);
    const per = invitationsPerAddress(fx);
    expect(per.size).toBe(N - 3 - 1); // everyone but the one in doubt got exactly one
    expect([...per.values()].every((n) => n === 1)).toBe(true);
    // A re-run of Send now queues nobody twice.
    const again = fx.rt.rpc('startSurveySend', '[]');
    expect(again.ok && again.value.state).toBe('done');
    expect(rowsOf(fx, 'survey_sends')).toHaveLength(N - 3);
  });

  it('answers: valid ones attached, unknown / reused / edited / expired codes kept and flagged, formula-like text stays text', () => {
    const low = openLink(fx, 'c4@example.org'); // owner: Ana Wu
    answer(fx, low, low.code, { score: 1, overall: 'unsatisfied', nps: 3, suggestions: '=HYPERLINK("http://evil.example","x")' });
    const fan = openLink(fx, 'c5@example.org'); // owner: 李雷
    answer(fx, fan, fan.code, { score: 5, overall: 'satisfied', nps: 10 });
    answer(fx, fan, fan.code, { score: 1, overall: 'unsatisfied', nps: 0 }); // the link again: reused
    const unknown = referenceCodeFromBytes(Array.from({ length: 11 }, (_, i) => i * 7));
    answer(fx, fan, unknown, { score: 2, overall: 'neutral', nps: 5 });
    const other = openLink(fx, 'c6@example.org');
    const edited = other.code.slice(0, -1) + (other.code.endsWith('2') ? '3' : '2');
    expect(CODE_ALPHABET.includes(edited.slice(-1))).toBe(true);
    answer(fx, other, edited, { score: 4, overall: 'satisfied', nps: 8 });

    const rows = rowsOf(fx, 'survey_responses');
    expect(rows).toHaveLength(5);
    const [r1, r2, r3, r4, r5] = rows;
    expect(r1).toMatchObject({ customer_id: 'C-000004', owner: SURVEY_TEAM[1]!.name, service_quality: 1, nps: 3, flag: '', token: low.code });
    expect(r1!.suggestions).toBe('=HYPERLINK("http://evil.example","x")');
    const sheet = fx.rt.spreadsheet.getSheetByName('Survey responses')!;
    expect(
      sheet
        .getRange(2, 1, 1, 30)
        .getFormulas()[0]!
        .every((f) => f === '' || !/HYPERLINK/.test(f)),
    ).toBe(true);
    expect(r2).toMatchObject({ customer_id: 'C-000005', flag: '', overall: 'Satisfied', nps: 10 });
    expect(r3).toMatchObject({ customer_id: '', flag: 'Code already answered' });
    expect(r4).toMatchObject({ customer_id: '', flag: 'Unknown reference code' });
    expect(r5).toMatchObject({ customer_id: '', flag: 'Reference code changed' });
    // The raw answers are on the response tabs, untouched: five rows over the two forms' tabs.
    const raw = fx.rt.spreadsheet.getSheets().filter((s) => /^Form Responses \d+$/.test(s.getName()));
    expect(raw).toHaveLength(2);
    expect(raw.reduce((n, s) => n + s.getLastRow() - 1, 0)).toBe(5);

    const sends = rowsOf(fx, 'survey_sends');
    expect(status(sends.find((s) => s.customer_id === 'C-000004')!)).toBe('Answered');
    expect(status(sends.find((s) => s.customer_id === 'C-000006')!)).toBe('Sent');

    const fus = rowsOf(fx, 'followups').filter((f) => f.rule === 'service_recovery' || f.rule === 'referral_ask');
    expect(fus.map((f) => [f.customer_id, f.rule])).toEqual([
      ['C-000004', 'service_recovery'],
      ['C-000005', 'referral_ask'],
    ]);
    const due = (fus[0]!.planned_at as Date).getTime() - fx.rt.clock.nowMs();
    expect(due).toBeGreaterThan(23 * HOUR);
    expect(due).toBeLessThanOrEqual(24 * HOUR);
    const alert = fx.rt.mail.outbox.filter((m) => m.to.includes(SURVEY_TEAM[1]!.email) && /Low survey score|偏低/.test(m.subject));
    expect(alert).toHaveLength(1);
    expect(alert[0]!.body).toMatch(/=HYPERLINK/); // the customer's words, as text
    // The last score feeds churn risk.
    const c4 = rowsOf(fx, 'customers').find((c) => c.customer_id === 'C-000004')!;
    expect(c4.last_score).toBe(1);
  });

  it('one reminder after the Settings days, never two; then the links expire and a late answer is flagged', () => {
    const before = fx.rt.mail.outbox.length;
    fx.rt.clock.advance(3 * DAY); // day 6 after the first sends
    fx.rt.fireDueTriggers();
    fx.rt.clock.advance(HOUR);
    fx.rt.fireDueTriggers();
    const reminders = fx.rt.mail.outbox.slice(before).filter((m) => /reminder|提醒/i.test(m.subject));
    const reminded = rowsOf(fx, 'survey_sends').filter((s) => s.reminder_at instanceof Date);
    expect(reminded.length).toBe(reminders.length);
    expect(reminders.length).toBeGreaterThan(0);
    expect(new Set(reminders.flatMap((m) => m.to)).size).toBe(reminders.length);
    // The answered ones get none.
    expect(reminders.some((m) => m.to.includes('c4@example.org') || m.to.includes('c5@example.org'))).toBe(false);
    fx.rt.clock.advance(DAY);
    fx.rt.fireDueTriggers();
    const reminders2 = fx.rt.mail.outbox.filter((m) => /reminder|提醒/i.test(m.subject));
    expect(new Set(reminders2.flatMap((m) => m.to)).size).toBe(reminders2.length);

    fx.rt.clock.advance(14 * DAY);
    fx.rt.fireDueTriggers();
    const sends = rowsOf(fx, 'survey_sends');
    expect(sends.filter((s) => status(s) === 'Expired').length).toBe(N - 3 - 2);
    const late = openLink(fx, 'c7@example.org');
    answer(fx, late, late.code, { score: 3, overall: 'neutral', nps: 7 });
    const last = rowsOf(fx, 'survey_responses').at(-1)!;
    expect(last).toMatchObject({ customer_id: '', flag: 'Link had expired' });
  });
});
