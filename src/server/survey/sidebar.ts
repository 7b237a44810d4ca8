/**
 * The Send survey sidebar's server side: who would get a survey now and why the others are
 * skipped (counts before anything is sent), the e-mail as each language's customers would see
 * it, and the progress of the queue. Sending itself is send.ts.
 */
import { t, type Locale } from '../../core/i18n';
import { planCounts, skipText, type PlanCounts } from '../../core/survey/selection';
import { surveyInvitationMail } from '../../core/survey/email';
import { isoDayOfSerial, todaySerial } from '../../core/cadence';
import { currentUser, openWorkbook } from '../records';
import { withDocumentLock } from '../lock';
import { currentLocale } from '../locale';
import { showSidebar } from '../host';
import { readPlan } from './recipients';
import { formProblem, openStoredForm, problemText, storedForms, SURVEY_LOCALES } from './forms';
import type { SendProgress } from './send';

export interface SurveyRecipient {
  customerId: string;
  name: string;
  kind: 'after_delivery' | 'relationship';
  language: Locale;
}

export interface SurveyView {
  locale: Locale;
  setUp: boolean;
  counts: PlanCounts | null;
  recipients: SurveyRecipient[];
  skipped: { customerId: string; name: string; reason: string }[];
  /** The invitation as a customer sees it, per language with a recipient (sample name and code). */
  previews: { language: Locale; subject: string; html: string }[];
  /** Problems of the forms the recipients need, in the user's language. */
  problems: string[];
  progress: Pick<SendProgress, 'sent' | 'queued' | 'failed'>;
  quotaLeft: number;
}

/** Menu action: the Send survey sidebar. */
export function showSendSurvey(): void {
  const locale = currentLocale();
  const page = HtmlService.createTemplateFromFile('Survey');
  page.locale = locale;
  showSidebar(page.evaluate(), t(locale, 'survey.send.title'));
}

const LIST_LIMIT = 200;

/** What the sidebar shows before sending (one read of each tab it needs). */
export function getSendSurveyView(): SurveyView {
  const locale = currentLocale();
  const wb = openWorkbook();
  const now = Date.now();
  const snap = withDocumentLock(() => readPlan(wb, now, locale));
  const quotaLeft = MailApp.getRemainingDailyQuota();
  if (!snap)
    return {
      locale,
      setUp: false,
      counts: null,
      recipients: [],
      skipped: [],
      previews: [],
      problems: [],
      progress: { sent: 0, queued: 0, failed: 0 },
      quotaLeft,
    };
  const name = (id: string) => snap.customers.get(id)?.name || id;
  const recipients = snap.plan.due.map((d) => ({ customerId: d.customerId, name: name(d.customerId), kind: d.kind, language: d.locale }));
  const skipped = snap.plan.skipped.map((x) => ({ customerId: x.customerId, name: name(x.customerId), reason: skipText(x, locale) }));
  const tz = wb.timeZone();
  const user = currentUser(wb);
  const stored = storedForms(wb);
  const languages = SURVEY_LOCALES.filter((l) => recipients.some((r) => r.language === l));
  const problems: string[] = [];
  for (const l of languages) {
    const p = formProblem(openStoredForm(stored[l]), stored[l], wb.ss.getId());
    if (p) problems.push(problemText(p, l, locale));
  }
  const previews = languages.map((language) => {
    const first = recipients.find((r) => r.language === language)!;
    const c = snap.customers.get(first.customerId);
    const mail = surveyInvitationMail({
      to: '',
      locale: language,
      kind: first.kind,
      name: c?.contact || c?.name || '',
      team: wb.name(),
      sender: c?.owner || user.by,
      link: 'https://docs.google.com/forms/',
      code: 'K7QM-3XZT-9PAH',
      expiresDay: isoDayOfSerial(todaySerial(now, tz) + snap.settings.expiryDays - 1),
    });
    return { language, subject: mail.subject, html: mail.htmlBody };
  });
  const progress = { sent: 0, queued: 0, failed: 0 };
  for (const s of snap.sends) {
    if (s.send.status === 'queued') progress.queued++;
    else if (s.send.status === 'failed') progress.failed++;
    else if (s.send.sentAt !== null) progress.sent++;
  }
  return {
    locale,
    setUp: true,
    counts: planCounts(snap.plan),
    recipients: recipients.slice(0, LIST_LIMIT),
    skipped: skipped.slice(0, LIST_LIMIT),
    previews,
    problems,
    progress,
    quotaLeft,
  };
}
