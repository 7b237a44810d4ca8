/**
 * The e-mails of the survey (issue 14): the invitation with the customer's personal link, the
 * one reminder (same link, same language), and the alert to the owner after a low score.
 * Texts come from the catalogue (catalog/survey.ts) in the recipient's language; every value
 * from the sheet is escaped by core/mail/layout.
 */
import { wallTime } from '../cadence/wall-time';
import { t, type Locale } from '../i18n';
import { buildMail, type Mail, type MailBlock } from '../mail/layout';
import type { LowScoreReason } from './answers';
import type { SurveyKind } from './lists';
import { getSurveyItem } from './template';

export interface SurveyMailInput {
  to: string;
  locale: Locale;
  kind: SurveyKind;
  /** Whom to greet: the contact's name, else the customer's; blank greets without a name. */
  name: string;
  /** Who the survey is from, as it signs: the team or company name. */
  team: string;
  /** The rep who sends it. */
  sender: string;
  /** The prefilled form link (https). */
  link: string;
  code: string;
  /** Last day the link counts (YYYY-MM-DD). */
  expiresDay: string;
}

function surveyBlocks(m: SurveyMailInput, reminder: boolean): MailBlock[] {
  const tr = (k: Parameters<typeof t>[1], p = {}) => t(m.locale, k, p);
  const name = m.name.trim();
  return [
    { text: name ? tr('survey.mail.greeting', { name }) : tr('survey.mail.hello') },
    { text: reminder ? tr('survey.reminder.intro') : tr(m.kind === 'after_delivery' ? 'survey.mail.intro.after_delivery' : 'survey.mail.intro.relationship') },
    { text: tr('survey.mail.ask') },
    { button: tr('survey.mail.button'), href: m.link, plain: tr('survey.mail.linkText', { link: m.link }) },
    { lines: [tr('survey.mail.code', { code: m.code }), tr('survey.mail.expires', { day: m.expiresDay })], muted: true },
    { lines: [tr('survey.mail.thanks'), m.sender, m.team].filter((x) => x.trim() !== '') },
    { text: tr('survey.mail.optOut'), muted: true },
  ];
}

/** The invitation to answer the survey. */
export function surveyInvitationMail(m: SurveyMailInput): Mail {
  const subject = t(m.locale, m.kind === 'after_delivery' ? 'survey.mail.subject.after_delivery' : 'survey.mail.subject.relationship', { team: m.team });
  return buildMail(m.to, subject, surveyBlocks(m, false));
}

/** The one reminder: the same link, for a customer who has not answered. */
export function surveyReminderMail(m: SurveyMailInput): Mail {
  return buildMail(m.to, t(m.locale, 'survey.reminder.subject', { team: m.team }), surveyBlocks(m, true));
}

/** One low-score reason as a line: "Response speed: 2 of 5". */
export function lowScoreText(r: LowScoreReason, locale: Locale): string {
  if (r.kind === 'score') return t(locale, 'survey.low.score', { item: getSurveyItem(r.item).label[locale], score: r.score });
  if (r.kind === 'unsatisfied') return t(locale, 'survey.low.unsatisfied');
  return t(locale, 'survey.low.detractor', { score: r.score });
}

export interface RecoveryAlertInput {
  to: string;
  locale: Locale;
  customer: string;
  reasons: readonly LowScoreReason[];
  /** What the customer wrote under suggestions (may be blank). */
  suggestions: string;
  /** When the recovery follow-up is due (ms), shown in the sheet's zone. */
  dueAt: number;
  timeZone: string;
}

/** The e-mail to the owner at once after a low score. */
export function recoveryAlertMail(m: RecoveryAlertInput): Mail {
  const due = wallTime(m.dueAt, m.timeZone);
  const blocks: MailBlock[] = [
    { text: t(m.locale, 'survey.alert.intro', { customer: m.customer }) },
    { lines: m.reasons.map((r) => `- ${lowScoreText(r, m.locale)}`) },
  ];
  if (m.suggestions.trim()) blocks.push({ text: t(m.locale, 'survey.alert.suggestions', { text: m.suggestions.trim() }) });
  blocks.push({ text: t(m.locale, 'survey.alert.action', { due }) });
  return buildMail(m.to, t(m.locale, 'survey.alert.subject', { customer: m.customer, due }), blocks);
}
