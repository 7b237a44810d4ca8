/**
 * Daily reminders (issue 6): a manager turns them on or off from the menu; the dispatcher's
 * reminder job e-mails each rep ONE digest of their overdue and due-today follow-ups, in their
 * language, at SD_REMINDER_HOUR in the spreadsheet's time zone, and nothing to reps with nothing
 * due. It reads MailApp.getRemainingDailyQuota() before each e-mail (the quota is shared with
 * every script of the user: platform-facts C1), never sends the same day's digest twice (a marker
 * per day in document properties, written right after each e-mail), and writes what it did to
 * the Reminder log tab. When the quota runs out it stops; the next day starts afresh with that
 * day's digests, so nobody gets yesterday's twice. The document lock is held only while the job
 * reads the sheet and while it writes the log, never while it sends (see src/server/dispatcher.ts).
 */
import { t, resolveLocale, type Locale } from '../core/i18n';
import { listsLocale } from '../core/lists';
import { buildDigests, digestMail } from '../core/followups';
import { instantOfSerial, isoDay, serialOfIsoDay, zonedHour } from '../core/cadence';
import type { TeamMember } from '../core/customers/team';
import { normalizeEmail } from '../core/validation/rules';
import { currentUser, googleEmail, openWorkbook, readSettingNotes, readSettings, readTeam, type CurrentUser } from './records';
import { settingNoteText } from '../core/setting-values';
import { fnv } from '../core/row-merge';
import { currentLocale } from './locale';
import { alert } from './host';
import { TODAY_KEYS } from './today';
import { ensureDispatcher, type Job, type JobContext } from './dispatcher';
import { overdueComplaintsFor } from './complaints/overdue';

/** Document property: 'true' while daily reminders are on. */
export const ENABLED_PROPERTY = 'salesdesk.reminders.enabled';
/** Document property per day: which reps that day's digest is done for. */
export const DAY_PREFIX = 'salesdesk.reminders.day.';
/** Document property per team member: the language they use the add-in in (mirrored from their user property). */
export const LANG_PREFIX = 'salesdesk.lang.';
/** Day markers older than this are deleted. */
const KEEP_DAYS = 14;

interface DayState {
  /** Reps (their mark: repMark) whose digest for the day is done: sent, or nothing to send to. */
  done: string[];
  /** Reps (their mark) already logged as "quota used up" today (logged once). */
  quota: string[];
  /** True once today's run logged the Settings values it could not use as they stand. */
  settingsNoted?: boolean;
}

/**
 * A rep's mark in the day's marker: a short hash of the name (issue 13: a marker listing whole
 * names outgrew the 9 KB a property value may hold with a large team, and the job then failed
 * every hour; https://developers.google.com/apps-script/guides/services/quotas — "Properties
 * value size 9 KB / val"). Seven characters at most, so 1,000 reps stay under the limit.
 */
function repMark(name: string): string {
  return fnv(name.trim().toLowerCase());
}

/** Whether a rep's digest is done today: by mark, or by the lower-case name an earlier version wrote. */
function isDone(state: DayState, name: string): boolean {
  return state.done.includes(repMark(name)) || state.done.includes(name.trim().toLowerCase());
}

/** Document property: the mark of the first rep today's quota did not reach, who goes first the next day (a short quota is shared). */
export const RESUME_PROPERTY = 'salesdesk.reminders.resume';

/** `list` starting at the rep whose mark is `first` (the order otherwise kept), or as it is. */
function startingAt<T extends { rep: string }>(list: readonly T[], first: string | null): T[] {
  const i = first ? list.findIndex((x) => repMark(x.rep) === first) : -1;
  return i > 0 ? [...list.slice(i), ...list.slice(0, i)] : [...list];
}

function readDay(props: GoogleAppsScript.Properties.Properties, day: string): DayState {
  try {
    const s = JSON.parse(props.getProperty(DAY_PREFIX + day) ?? 'null') as Partial<DayState> | null;
    return { done: Array.isArray(s?.done) ? s!.done : [], quota: Array.isArray(s?.quota) ? s!.quota : [], settingsNoted: s?.settingsNoted === true };
  } catch (_e) {
    return { done: [], quota: [] };
  }
}

function writeDay(props: GoogleAppsScript.Properties.Properties, day: string, s: DayState): void {
  props.setProperty(DAY_PREFIX + day, JSON.stringify(s));
}

function forgetOldDays(props: GoogleAppsScript.Properties.Properties, today: string): void {
  const limit = serialOfIsoDay(today)! - KEEP_DAYS;
  for (const key of props.getKeys()) {
    if (!key.startsWith(DAY_PREFIX)) continue;
    const s = serialOfIsoDay(key.slice(DAY_PREFIX.length));
    if (s === null || s < limit) props.deleteProperty(key);
  }
}

/**
 * Remembers the language the current user works in, so the nightly job (which runs as the
 * manager who turned reminders on, and cannot read other users' properties) can write to them
 * in it. Called when a user opens Today or the log form.
 */
export function rememberMyLanguage(member: TeamMember | null): void {
  // Only for the member Google's e-mail names: a user who merely claimed a member with "I am …"
  // must not change the language that member's digest comes in (issue 13).
  if (!member || !member.email || member.email !== googleEmail()) return;
  try {
    const props = PropertiesService.getDocumentProperties();
    const key = LANG_PREFIX + (member.email || member.name.toLowerCase());
    const locale = currentLocale();
    if (props.getProperty(key) !== locale) props.setProperty(key, locale);
  } catch (_e) {
    // Not authorised yet: the digest falls back to the workbook's language.
  }
}

/** The language of a rep's digest: the workbook setting, else what they use, else the workbook's lists' language. */
function repLocale(props: GoogleAppsScript.Properties.Properties, member: TeamMember, setting: unknown, fallback: Locale): Locale {
  if (setting === 'en' || setting === 'zh') return setting;
  const mine = props.getProperty(LANG_PREFIX + (member.email || member.name.toLowerCase()));
  return mine ? resolveLocale(mine) : fallback;
}

export const reminderJob: Job = {
  key: 'daily-reminder',
  due(ctx: JobContext): boolean {
    if (ctx.props.getProperty(ENABLED_PROPERTY) !== 'true') return false;
    return true; // the hour needs Settings: checked in run (one read)
  },
  run(ctx: JobContext): void {
    const { wb } = ctx;
    const day = isoDay(ctx.nowMs, ctx.timeZone);
    // Reads, under the lock: Settings, the team, the Follow-ups log.
    const read = ctx.locked(() => {
      const settings = readSettings(wb);
      // Clamped to its bounds (core/setting-values): hour 25 runs at 23, never "never".
      const hour = typeof settings.reminder_hour === 'number' ? settings.reminder_hour : 8;
      if (zonedHour(ctx.nowMs, ctx.timeZone) < hour) return null;
      forgetOldDays(ctx.props, day);
      const state = readDay(ctx.props, day);
      const notes = state.settingsNoted ? [] : readSettingNotes(wb);
      const team = readTeam(wb).filter((m) => !isDone(state, m.name));
      const log = wb.tab('followups');
      if (!team.length || !log) return null;
      const rows = log.readAll(TODAY_KEYS).rows;
      const complaints = overdueComplaintsFor(wb, null, ctx.nowMs).map((c) => ({
        owner: c.owner,
        customer: c.customerName || c.customerId,
        late: c.late,
        words: c.words,
      }));
      return { settings, state, team, rows, notes, complaints };
    });
    if (!read) return;
    const { settings, state, team, rows, notes, complaints } = read;
    const digests = buildDigests(rows, team, ctx.nowMs, ctx.timeZone, undefined, complaints);
    const fallback = listsLocale(
      rows.slice(-50).map((r) => r.values.purpose),
      'purpose',
    );
    const sheet = { name: wb.name(), url: wb.url() };
    const log: Record<string, unknown>[] = [];
    const logLine = (m: { rep: string; email: string }, count: number, status: string) =>
      log.push({ sent_on: dayDate(day, ctx.timeZone), rep: m.rep, email: m.email, count, status, logged_at: new Date(ctx.nowMs) });
    const logLocale = fallback;
    // Settings values used otherwise than typed (out of bounds, unreadable): said once a day in the log.
    for (const note of notes)
      log.push({
        sent_on: dayDate(day, ctx.timeZone),
        rep: '',
        email: '',
        count: '',
        status: settingNoteText(note, logLocale),
        logged_at: new Date(ctx.nowMs),
      });
    if (notes.length) state.settingsNoted = true;
    try {
      // Nothing due: done for today, nothing sent, nothing logged.
      const due = new Set(digests.map((d) => d.rep.toLowerCase()));
      for (const m of team) if (!due.has(m.name.toLowerCase())) state.done.push(repMark(m.name));
      writeDay(ctx.props, day, state);
      // Reps without an e-mail: logged once, not retried.
      for (const d of digests.filter((x) => !normalizeEmail(x.email))) {
        state.done.push(repMark(d.rep));
        logLine(d, d.overdue.length + d.dueToday.length, t(logLocale, 'reminders.status.noEmail'));
      }
      writeDay(ctx.props, day, state);
      // Sending, without the lock: each e-mail, then its marker.
      // Those yesterday's quota did not reach go first (the order rotates, so a short quota is shared).
      const sendable = startingAt(
        digests.filter((x) => normalizeEmail(x.email)),
        ctx.props.getProperty(RESUME_PROPERTY),
      );
      for (const d of sendable) {
        const key = d.rep.toLowerCase();
        const count = d.overdue.length + d.dueToday.length;
        if (Date.now() > ctx.deadlineMs) break; // the next hourly run continues
        if (MailApp.getRemainingDailyQuota() < 1) {
          // Stop cleanly: log each rep left once today; tomorrow's run sends tomorrow's digest.
          ctx.props.setProperty(RESUME_PROPERTY, repMark(d.rep));
          for (const rest of sendable.slice(sendable.indexOf(d))) {
            const k = repMark(rest.rep);
            if (state.quota.includes(k) || isDone(state, rest.rep)) continue;
            state.quota.push(k);
            logLine(rest, rest.overdue.length + rest.dueToday.length, t(logLocale, 'reminders.status.quota'));
          }
          writeDay(ctx.props, day, state);
          break;
        }
        const member = team.find((m) => m.name.toLowerCase() === key)!;
        const mail = digestMail(d, repLocale(ctx.props, member, settings.language, fallback), sheet);
        try {
          MailApp.sendEmail({
            to: mail.to,
            subject: mail.subject,
            body: mail.body,
            htmlBody: mail.htmlBody,
            name: t(repLocale(ctx.props, member, settings.language, fallback), 'app.name'),
          });
        } catch (err) {
          logLine(d, count, t(logLocale, 'reminders.status.error', { message: (err as Error).message.slice(0, 200) }));
          continue; // tried again next hour
        }
        // The marker goes down right after the e-mail: a run cut short here never sends it twice.
        state.done.push(repMark(d.rep));
        writeDay(ctx.props, day, state);
        logLine(d, count, t(logLocale, 'reminders.status.sent'));
      }
    } finally {
      // Writing the log: under the lock again.
      if (log.length) ctx.locked(() => wb.tab('reminder_log')?.append(log));
    }
  },
};

/** Midnight of the day in the spreadsheet's zone (the sheet shows that date). */
function dayDate(day: string, timeZone: string): Date {
  return new Date(instantOfSerial(serialOfIsoDay(day)!, timeZone));
}

// ------------------------------------------------------------------ menu

/**
 * Reminders are the manager's switch (core's rule, hasManagerRights): anyone else is told so, and
 * false comes back. A user whose e-mail Google hides is told how to get recognised.
 */
function managerOnly(user: CurrentUser, locale: Locale): boolean {
  if (user.manager) return true;
  alert(t(locale, user.email ? 'reminders.managerOnly' : 'identity.managerNeedsEmail'));
  return false;
}

/** Menu action (manager): turns daily reminders on; installs the single dispatcher trigger once. */
export function turnOnReminders(): string {
  const locale = currentLocale();
  const wb = openWorkbook();
  const user = currentUser(wb);
  if (!managerOnly(user, locale)) return 'denied';
  const props = PropertiesService.getDocumentProperties();
  const wasOn = props.getProperty(ENABLED_PROPERTY) === 'true';
  const created = ensureDispatcher();
  props.setProperty(ENABLED_PROPERTY, 'true');
  const settings = readSettings(wb);
  const params = { hour: String(settings.reminder_hour), tz: wb.timeZone() };
  const msg = wasOn && !created ? t(locale, 'reminders.alreadyOn', params) : t(locale, 'reminders.on', params);
  alert(msg, t(locale, 'reminders.title'));
  rememberMyLanguage(user.me);
  return wasOn && !created ? 'already' : 'on';
}

/** Menu action (manager): turns daily reminders off (the dispatcher trigger stays for the other jobs). */
export function turnOffReminders(): string {
  const locale = currentLocale();
  if (!managerOnly(currentUser(openWorkbook()), locale)) return 'denied';
  const props = PropertiesService.getDocumentProperties();
  const wasOn = props.getProperty(ENABLED_PROPERTY) === 'true';
  props.setProperty(ENABLED_PROPERTY, 'false');
  // The dispatcher stays: other jobs (the daily customer-value refresh, later the weekly
  // summary) run on it. Only the reminder job stops. removeDispatcher() is there for an
  // uninstall path that stops everything.
  alert(t(locale, wasOn ? 'reminders.off' : 'reminders.alreadyOff'), t(locale, 'reminders.title'));
  return wasOn ? 'off' : 'already';
}
