/**
 * Answers matched back (issue 14): the handler of the spreadsheet's one installable form-submit
 * trigger. Google has already appended the raw row to the form's response tab — that tab is the
 * archive and is never written to. From the event alone (e.namedValues: question title →
 * [answer], https://developers.google.com/apps-script/guides/triggers/events#form-submit) it
 * works out which form (the titles of our English or Chinese items) and each item's answer, lets
 * core/survey/answers decide, and writes:
 * - one clean Survey responses row: customer, owner, round, scores, texts (text starting with
 *   = + - @ stays text: the records writer), or, for an unknown, reused, expired, edited or
 *   missing code, the row with its flag and no customer;
 * - the send: answered, with the time;
 * - for a low score, a service-recovery follow-up due within Settings' hours and an e-mail to
 *   the owner at once; for a satisfied promoter, a referral-ask follow-up;
 * - the customer's last score (it feeds churn risk, core/tiers).
 * The answer's time is when the trigger runs (seconds after the submit): the event's timestamp
 * is display text in the spreadsheet's locale, which is not worth parsing.
 */
import { t, type Locale } from '../../core/i18n';
import { readResponse, followUpText, type CleanResponse } from '../../core/survey/answers';
import { recoveryAlertMail } from '../../core/survey/email';
import { surveySettings } from '../../core/survey/read-settings';
import { sendsByCode } from '../../core/survey/sends';
import { SURVEY_ITEMS, SCORE_KEYS, NPS_ITEM } from '../../core/survey/template';
import { resolveLocale } from '../../core/i18n';
import { LANG_PREFIX } from '../reminders';
import { customersTab, listColumns, openWorkbook, readSettings, readTeam, type Workbook } from '../records';
import { listsLocale } from '../../core/lists';
import { withDocumentLock } from '../lock';
import { scheduleFollowUp } from '../followups';
import { replanCustomers } from '../plans';
import { labels, readSends } from './sends-tab';

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

/** Item key → answer, from the event's titles (both languages' titles are tried; the better match wins). */
export function answersOf(namedValues: Record<string, unknown>): { locale: Locale; answers: Record<string, string> } {
  const heads = new Map<string, string>();
  for (const [k, v] of Object.entries(namedValues ?? {})) heads.set(k.trim(), Array.isArray(v) ? text(v[0]) : text(v));
  let best: { locale: Locale; answers: Record<string, string>; hits: number } = { locale: 'en', answers: {}, hits: -1 };
  for (const locale of ['en', 'zh'] as const) {
    const answers: Record<string, string> = {};
    let hits = 0;
    for (const it of SURVEY_ITEMS) {
      const v = heads.get(it.title[locale]);
      if (v === undefined) continue;
      hits++;
      answers[it.key] = v;
    }
    if (hits > best.hits) best = { locale, answers, hits };
  }
  return { locale: best.locale, answers: best.answers };
}

/** The Survey responses record of a clean answer (labels in the workbook's lists' language). */
function responseRecord(r: CleanResponse, wb: Workbook, customerName: string, owner: string, round: string): Record<string, unknown> {
  const L = labels(wb);
  const rec: Record<string, unknown> = {
    customer_id: r.customerId ?? '',
    customer_name: r.customerId ? customerName : '',
    answered_at: new Date(r.answeredAt),
    overall: r.overall ? L.overall(r.overall) : '',
    [NPS_ITEM]: r.nps ?? '',
    suggestions: r.texts.suggestions,
    why_chose: r.texts.why_chose,
    why_us: r.texts.why_us,
    improve: r.texts.improve,
    token: r.codeAsTyped,
    flag: r.flag ? L.flag(r.flag) : '',
    round,
    owner: r.customerId ? owner : '',
    created_at: new Date(r.answeredAt),
    created_by: 'Sales Desk',
    updated_at: new Date(r.answeredAt),
  };
  for (const k of SCORE_KEYS) rec[k] = r.scores[k] ?? '';
  return rec;
}

/** Form-submit trigger handler (installed once by createSurveyForms). Private: ends in `_`. */
export function onSurveySubmit_(e: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  const wb = openWorkbook();
  const { answers } = answersOf((e?.namedValues ?? {}) as Record<string, unknown>);
  const submittedAt = Date.now();
  const alert = withDocumentLock(() => {
    const sendsTab = wb.tab('survey_sends');
    const responses = wb.tab('survey_responses');
    if (!sendsTab || !responses) return null;
    const settings = surveySettings(readSettings(wb));
    const sends = readSends(sendsTab);
    const L = labels(wb);
    // Codes already answered through a link (attached rows only).
    const answered = new Set<string>();
    for (const row of responses.readAll(['token', 'flag', 'customer_id']).rows) {
      if (text(row.values.customer_id) && !text(row.values.flag) && text(row.values.token)) answered.add(text(row.values.token).toUpperCase());
    }
    const r = readResponse(
      { answers, submittedAt },
      { sendsByCode: sendsByCode(sends.map((s) => s.send)), answeredCodes: answered, settings, timeZone: wb.timeZone() },
    );
    const send = r.send ? sends.find((s) => s.send.code === r.send!.code) : undefined;
    const owner = text(send?.values.owner);
    const customers = customersTab(wb);
    const c = r.customerId ? (customers?.findById(r.customerId) ?? null) : null;
    const name = c ? text(c.values.name) : '';
    responses.append([responseRecord(r, wb, name, owner, send?.send.round ?? '')]);
    if (!r.customerId || !send) return null;
    sendsTab.writeCells([{ row: send.row, values: { status: L.status('answered'), answered_at: new Date(submittedAt) } }]);
    // The customer's last score (feeds churn risk).
    if (customers && c && r.average !== null) customers.writeCells([{ row: c.row, values: { last_score: r.average } }]);
    const team = readTeam(wb);
    const member = team.find((m) => m.name.toLowerCase() === owner.toLowerCase());
    // The owner's language: the one they use the add-in in (reminders keep it), else the workbook's.
    const mine = wb.property(LANG_PREFIX + (member?.email || owner.toLowerCase()));
    const ownerLocale: Locale = mine ? resolveLocale(mine) : listsLocale(listColumns(wb).satisfaction ?? [], 'satisfaction');
    for (const f of r.followUps) {
      scheduleFollowUp(
        {
          customerId: r.customerId,
          customerName: name,
          owner: owner || member?.name || 'Sales Desk',
          plannedAt: new Date(f.dueAt),
          purpose: 'survey',
          rule: f.kind,
          summary: followUpText(f, name, ownerLocale),
        },
        wb,
      );
    }
    replanCustomers(wb, [r.customerId]);
    const recovery = r.followUps.find((f) => f.kind === 'service_recovery');
    return recovery && member?.email
      ? { to: member.email, customer: name, reasons: recovery.reasons, dueAt: recovery.dueAt, suggestions: r.texts.suggestions, locale: ownerLocale }
      : null;
  });
  // The owner hears at once (outside the lock); the follow-up is in Today either way.
  if (alert && MailApp.getRemainingDailyQuota() > 0) {
    const mail = recoveryAlertMail({ ...alert, timeZone: wb.timeZone() });
    MailApp.sendEmail({ to: mail.to, subject: mail.subject, body: mail.body, htmlBody: mail.htmlBody, name: t(alert.locale, 'app.name') });
  }
}
