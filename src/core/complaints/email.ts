/**
 * The e-mail to the managers when a complaint passes its first-response time unanswered
 * (issue 17: once per complaint; the server records escalatedAt so a re-run sends nothing).
 * Every value from the sheet is escaped by core/mail/layout.
 */
import { wallTime } from '../cadence/wall-time';
import { t, type Locale } from '../i18n';
import { buildMail, type Mail } from '../mail/layout';
import { getComplaintList } from './lists';
import { firstResponseDue, type ComplaintFacts } from './rules';
import type { ComplaintSettings } from './settings';

export interface EscalationInput {
  to: string;
  locale: Locale;
  complaint: ComplaintFacts;
  customer: string;
  owner: string;
  /** The customer's words as logged. */
  words: string;
  settings: ComplaintSettings;
  timeZone: string;
}

/** A list value in a language: a built-in item's label, a team's own value as written (after `custom:`). */
function shown(list: 'complaint_category' | 'complaint_severity', key: string, locale: Locale): string {
  const it = getComplaintList(list).items.find((i) => i.key === key);
  if (it) return it.label[locale];
  return key.startsWith('custom:') ? key.slice('custom:'.length) : key || '—';
}

export function escalationMail(m: EscalationInput): Mail {
  const c = m.complaint;
  const tr = (k: Parameters<typeof t>[1], p = {}) => t(m.locale, k, p);
  const lines = [
    tr('complaints.escalation.received', { at: wallTime(c.receivedAt, m.timeZone) }),
    tr('complaints.escalation.due', { at: wallTime(firstResponseDue(c, m.settings, m.timeZone), m.timeZone) }),
    tr('complaints.escalation.kind', {
      category: shown('complaint_category', c.category, m.locale),
      severity: shown('complaint_severity', c.severity ?? '', m.locale),
    }),
    tr('complaints.escalation.owner', { owner: m.owner || '—' }),
  ];
  return buildMail(m.to, tr('complaints.escalation.subject', { customer: m.customer, id: c.complaintId }), [
    { text: tr('complaints.escalation.intro') },
    { lines },
    ...(m.words.trim() ? [{ text: tr('complaints.escalation.words', { text: m.words.trim() }) }] : []),
    { text: tr('complaints.escalation.action') },
  ]);
}
