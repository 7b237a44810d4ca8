/**
 * The Today sidebar's server side: my overdue, due-today and upcoming follow-ups ("my" is the
 * team member the user chose as "I am …", issue 5's identity), any rep's or the whole team's
 * for a manager; snoozing one with a reason. The model is built by src/core/followups/today.ts.
 *
 * Extension point: TODAY_SOURCES lists other things that are late and belong on Today. Issue 7's
 * overdue unanswered objections are the first; a later feature adds one line here.
 */
import { t, type Locale } from '../core/i18n';
import { fieldFailure, type SaveResult } from '../core/result';
import { buildToday, repCounts, type RepCounts, type TodayExtra, type TodayModel } from '../core/followups';
import { instantOfSerial, isoDay, serialAt, serialOfIsoDay, todaySerial } from '../core/cadence';
import type { TeamMember } from '../core/customers/team';
import { currentUser, openWorkbook, type Workbook } from './records';
import { withDocumentLock } from './lock';
import { currentLocale } from './locale';
import { showSidebar } from './host';
import { overdueObjectionsForToday } from './objections';
import { overdueComplaintsForToday } from './complaints/overdue';
import { rememberMyLanguage } from './reminders';

/** A source of late items for Today: `rep` is a team member's name, or null for everyone. */
export interface TodaySource {
  kind: string;
  load(rep: string | null, wb: Workbook): TodayExtra[];
}

/** Everything else Today lists besides follow-ups. Add a source here (one line). */
export const TODAY_SOURCES: readonly TodaySource[] = [
  { kind: 'objection', load: overdueObjectionsForToday },
  { kind: 'complaint', load: overdueComplaintsForToday },
];

/** The Follow-ups columns Today reads: one getValues over their span. */
export const TODAY_KEYS = [
  'followup_id',
  'customer_id',
  'customer_name',
  'owner',
  'channel',
  'purpose',
  'planned_at',
  'done_at',
  'next_step',
  'cancelled',
  'snooze_reason',
  'rule',
] as const;

/** Days ahead "upcoming" reaches, and the most items per list. */
export const UPCOMING_DAYS = 7;
export const TODAY_LIMIT = 100;

/** Where Today opens after "Done → save" (issue 12): at an item, with the save's message. */
export interface TodayRef {
  at?: string;
  message?: string;
}

/** Menu action: the Today sidebar (from the log form after a save: at the item after the done one, with its message). */
export function showToday(ref?: TodayRef): void {
  const locale = currentLocale();
  const page = HtmlService.createTemplateFromFile('Today');
  page.locale = locale;
  const r = (ref && typeof ref === 'object' ? ref : {}) as Record<string, unknown>;
  page.at = typeof r.at === 'string' ? r.at.slice(0, 40) : '';
  page.message = typeof r.message === 'string' ? r.message.slice(0, 500) : '';
  showSidebar(page.evaluate(), t(locale, 'today.title'));
}

export interface TodayView {
  locale: Locale;
  setUp: boolean;
  timeZone: string;
  /** Who the user is ('' when they have not said and Google's e-mail is not on the team list). */
  me: string;
  isManager: boolean;
  /** Names a manager can pick (empty for a rep). */
  team: string[];
  /** '' for the whole team. */
  shown: string;
  model: TodayModel;
  /** A manager viewing the whole team: each rep's counts, from the same rows (issue 12). */
  counts: RepCounts[];
}

function emptyModel(nowMs: number, timeZone: string, rep: string | null): TodayModel {
  return { rep, today: isoDay(nowMs, timeZone), overdue: [], dueToday: [], upcoming: [], extras: [], truncated: false };
}

/** Which rep to show: a manager picks anyone ('*' or '' for all), a rep always sees their own. */
function whomToShow(requested: unknown, me: TeamMember | null, team: readonly TeamMember[], manager: boolean): string | null | undefined {
  if (!manager) return me ? me.name : undefined;
  // A manager mostly reads: the whole team first, one rep (or themself) on request.
  if (requested === undefined || requested === null || requested === '*' || requested === '') return null;
  const m = team.find((x) => x.name.toLowerCase() === String(requested).trim().toLowerCase());
  return m ? m.name : (me?.name ?? null);
}

/** Sidebar API: the Today view for the current user (a manager may ask for `rep`, or '*' for all). */
export function getTodayView(rep?: string | null): TodayView {
  const locale = currentLocale();
  if (rep !== undefined && rep !== null && (typeof rep !== 'string' || rep.length > 200)) throw new Error(t(locale, 'error.badArgument', { detail: 'rep' }));
  const wb = openWorkbook();
  const timeZone = wb.timeZone();
  const nowMs = Date.now();
  const log = wb.tab('followups');
  const { team, me, manager: isManager } = currentUser(wb);
  const view: TodayView = {
    locale,
    setUp: log !== null,
    timeZone,
    me: me ? me.name : '',
    isManager,
    team: isManager ? team.map((m) => m.name) : [],
    shown: me ? me.name : '',
    model: emptyModel(nowMs, timeZone, me ? me.name : null),
    counts: [],
  };
  rememberMyLanguage(me);
  const who = whomToShow(rep, me, team, isManager);
  if (!log || who === undefined) return view;
  view.shown = who ?? '';
  const rows = log.readAll(TODAY_KEYS).rows;
  view.model = buildToday(rows, { nowMs, timeZone, rep: who, upcomingDays: UPCOMING_DAYS, limit: TODAY_LIMIT });
  for (const source of TODAY_SOURCES) {
    try {
      view.model.extras.push(...source.load(who, wb));
    } catch (_e) {
      // A source that fails (its tab missing) must not hide the follow-ups.
    }
  }
  // The whole team: the extras already are everyone's, so the counts cost no further read.
  if (isManager && who === null)
    view.counts = repCounts(
      rows,
      view.model.extras,
      team.map((m) => m.name),
      { nowMs, timeZone, upcomingDays: UPCOMING_DAYS },
    );
  return view;
}

/** What the Today page sends to snooze: the follow-up (its row a hint), the new day (YYYY-MM-DD) and why. */
export interface SnoozeRequest {
  id: string;
  row?: number;
  day: string;
  reason: string;
}

/**
 * Sidebar API: moves an open follow-up to another day with a reason. The reason is kept on the
 * row ("snoozed"), and the planned time of day is kept. Reps snooze their own; a manager anyone's.
 */
export function snoozeFollowUp(raw: SnoozeRequest): SaveResult<{ id: string; day: string }> {
  const locale = currentLocale();
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const id = typeof r.id === 'string' ? r.id.trim().slice(0, 40) : '';
  const day = typeof r.day === 'string' ? r.day.trim() : '';
  const reason = typeof r.reason === 'string' ? r.reason.trim() : '';
  const row = typeof r.row === 'number' && Number.isInteger(r.row) ? r.row : undefined;
  const wb = openWorkbook();
  const timeZone = wb.timeZone();
  const nowMs = Date.now();
  const errors: Record<string, string> = {};
  const serial = serialOfIsoDay(day);
  if (serial === null || serial < todaySerial(nowMs, timeZone)) errors.day = t(locale, 'today.error.date');
  if (!reason) errors.reason = t(locale, 'today.error.reason');
  else if (reason.length > 300) errors.reason = t(locale, 'followup.error.tooLong', { max: 300 });
  if (!id) errors.id = t(locale, 'today.error.gone');
  if (Object.keys(errors).length) return fieldFailure(errors, t(locale, 'followup.fixErrors'));
  const tab = wb.tab('followups');
  if (!tab) return fieldFailure({}, t(locale, 'today.notSetUp'));
  const { me, manager } = currentUser(wb);
  if (!me && !manager) return fieldFailure({}, t(locale, 'identity.unknownUser'));
  return withDocumentLock(() => {
    const found = tab.findById(id, row);
    const v = found?.values;
    const open = v && (v.done_at === '' || v.done_at == null) && v.cancelled !== true;
    const mine =
      v &&
      (manager ||
        (me &&
          String(v.owner ?? '')
            .trim()
            .toLowerCase() === me.name.toLowerCase()));
    if (!found || !open || !mine) return fieldFailure<{ id: string; day: string }>({ id: t(locale, 'today.error.gone') }, t(locale, 'today.error.gone'));
    const old = v!.planned_at as Date;
    const fraction = old && typeof old.getTime === 'function' ? serialAt(old.getTime(), timeZone) % 1 : 0;
    const line = t(locale, 'today.snoozeLine', { day: isoDay(nowMs, timeZone), reason });
    const previous = String(v!.snooze_reason ?? '').trim();
    tab.write(found.row, [
      {
        planned_at: new Date(instantOfSerial(serial! + fraction, timeZone)),
        snooze_reason: (previous ? `${previous}\n${line}` : line).slice(-2000),
        updated_at: new Date(nowMs),
      },
    ]);
    return { ok: true as const, value: { id, day } };
  });
}
