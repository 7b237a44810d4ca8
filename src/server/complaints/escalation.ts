/**
 * The escalation job on the hourly dispatcher (issue 17): a complaint past its first-response
 * time with nobody answering gets ONE e-mail to the managers (every team member with the
 * manager role and an e-mail). The complaint's escalated_at cell is the "already done" marker,
 * written right after each e-mail, so a double fire or a re-run sends nothing twice. The quota
 * (MailApp.getRemainingDailyQuota, shared with every script of the user: platform-facts C1) is
 * read before each e-mail: one e-mail to N managers uses N of it
 * (https://developers.google.com/apps-script/reference/mail/mail-app#getRemainingDailyQuota());
 * when it runs out the job stops and the next hourly run continues. The document lock is held
 * for the read and for each marker, never while sending (see src/server/dispatcher.ts).
 */
import { resolveLocale, t, type Locale } from '../../core/i18n';
import { listsLocale } from '../../core/lists';
import { complaintFacts, complaintSettings, escalationMail, needsEscalation, type ComplaintRow } from '../../core/complaints';
import { normalizeEmail } from '../../core/validation/rules';
import { readSettings, readTeam } from '../records';
import type { Job, JobContext } from '../dispatcher';
import { OVERDUE_KEYS } from './overdue';

function mailLocale(setting: unknown, categories: readonly unknown[]): Locale {
  if (setting === 'en' || setting === 'zh') return resolveLocale(setting);
  return listsLocale(categories, 'complaint_category');
}

export const complaintEscalationJob: Job = {
  key: 'complaint-escalation',
  // Whether any complaint waits needs the log: run reads it once (one call).
  due: () => true,
  run(ctx: JobContext): void {
    const { wb } = ctx;
    const read = ctx.locked(() => {
      const log = wb.tab('complaints');
      if (!log) return null;
      const values = readSettings(wb);
      const settings = complaintSettings(values);
      const rows = log.readAll([...OVERDUE_KEYS]).rows;
      // The longest waiting first: when the quota runs out, they are the ones that went.
      const due = rows
        .map((r) => ({ r, f: complaintFacts(r.values as ComplaintRow) }))
        .filter((x) => x.f !== null && needsEscalation(x.f, ctx.nowMs, settings, ctx.timeZone))
        .sort((a, b) => a.f!.receivedAt - b.f!.receivedAt)
        .map((x) => x.r);
      if (!due.length) return null;
      const managers = readTeam(wb).filter((m) => m.role === 'manager' && normalizeEmail(m.email));
      return {
        log,
        values,
        settings,
        due,
        managers,
        locale: mailLocale(
          values.language,
          rows.slice(-50).map((r) => r.values.category),
        ),
      };
    });
    if (!read || !read.managers.length) return;
    const to = read.managers.map((m) => m.email).join(',');
    for (const r of read.due) {
      if (Date.now() > ctx.deadlineMs) break; // the next hourly run continues
      if (MailApp.getRemainingDailyQuota() < read.managers.length) break;
      const v = r.values as ComplaintRow;
      const mail = escalationMail({
        to,
        locale: read.locale,
        complaint: complaintFacts(v)!,
        customer: String(v.customer_name ?? '') || String(v.customer_id ?? ''),
        owner: String(v.owner ?? ''),
        words: String(v.words ?? ''),
        settings: read.settings,
        timeZone: ctx.timeZone,
      });
      MailApp.sendEmail({ to: mail.to, subject: mail.subject, body: mail.body, htmlBody: mail.htmlBody, name: t(read.locale, 'app.name') });
      // The marker right after the e-mail: a run cut short here never sends it twice.
      ctx.locked(() => read.log.writeCells([{ row: r.row, values: { escalated_at: new Date(ctx.nowMs) } }]));
    }
  },
};
