/**
 * The daily reminder e-mail of one rep (issue 6): their overdue and due-today follow-ups, in
 * their language. Plain text plus an HTML body in which every value from the sheet is escaped
 * (a customer called <img src=x onerror=…> is a name in the e-mail too).
 */
import { t, type Locale } from '../i18n';
import type { RepDigest, TodayItem } from './today';

export interface DigestMail {
  to: string;
  subject: string;
  body: string;
  htmlBody: string;
}

/** Most lines per section; the rest are counted ("… and 12 more"). */
export const DIGEST_MAX_LINES = 50;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function line(i: TodayItem, locale: Locale): string {
  const p = { customer: i.customerName || i.customerId, id: i.customerId, purpose: i.purpose || '—', day: i.plannedDay, n: i.daysLate };
  return i.daysLate > 0 ? t(locale, 'reminders.lineLate', p) : t(locale, 'reminders.line', p);
}

export function digestMail(d: RepDigest, locale: Locale, sheet: { name: string; url: string }): DigestMail {
  const subject = t(locale, 'reminders.subject', { overdue: d.overdue.length, today: d.dueToday.length });
  const sections: { heading: string; lines: string[]; more: number }[] = [];
  if (d.overdue.length)
    sections.push({
      heading: t(locale, 'reminders.overdueHeading'),
      lines: d.overdue.slice(0, DIGEST_MAX_LINES).map((i) => line(i, locale)),
      more: Math.max(0, d.overdue.length - DIGEST_MAX_LINES),
    });
  if (d.dueToday.length)
    sections.push({
      heading: t(locale, 'reminders.todayHeading'),
      lines: d.dueToday.slice(0, DIGEST_MAX_LINES).map((i) => line(i, locale)),
      more: Math.max(0, d.dueToday.length - DIGEST_MAX_LINES),
    });
  const late = d.complaints ?? [];
  if (late.length)
    sections.push({
      heading: t(locale, 'complaint.digestHeading'),
      lines: late
        .slice(0, DIGEST_MAX_LINES)
        .map(
          (c) =>
            `${c.customer}: ${t(locale, c.late === 'first_response' ? 'complaint.today.firstResponse' : 'complaint.today.resolution', { words: c.words.length > 80 ? `${c.words.slice(0, 79)}…` : c.words })}`,
        ),
      more: Math.max(0, late.length - DIGEST_MAX_LINES),
    });
  const greeting = t(locale, 'reminders.greeting', { name: d.rep });
  const intro = t(locale, 'reminders.intro', { sheet: sheet.name });
  const footer = t(locale, 'reminders.footer', { url: sheet.url });
  const text = [
    greeting,
    '',
    intro,
    ...sections.flatMap((s) => [
      '',
      `${s.heading} (${s.lines.length + s.more})`,
      ...s.lines.map((l) => `- ${l}`),
      ...(s.more ? [t(locale, 'reminders.more', { n: s.more })] : []),
    ]),
    '',
    footer,
  ].join('\n');
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(intro)}</p>`,
    ...sections.map(
      (s) =>
        `<h3>${escapeHtml(s.heading)} (${s.lines.length + s.more})</h3><ul>${s.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>` +
        (s.more ? `<p>${escapeHtml(t(locale, 'reminders.more', { n: s.more }))}</p>` : ''),
    ),
    `<p>${escapeHtml(footer)}</p>`,
  ].join('');
  return { to: d.email, subject, body: text, htmlBody: html };
}
