/**
 * The Today view and the daily digest, from Follow-ups rows already read: which open
 * follow-ups are overdue, due today or coming up, for one rep or for everyone. Days are
 * calendar days in the spreadsheet's time zone. Results carry ISO strings only, so they can
 * cross google.script.run as they are.
 */
import { isoDay, isoDayOfSerial, serialAt } from '../cadence/time';

export interface FollowupRowValues {
  followup_id?: unknown;
  customer_id?: unknown;
  customer_name?: unknown;
  owner?: unknown;
  channel?: unknown;
  purpose?: unknown;
  planned_at?: unknown;
  done_at?: unknown;
  cancelled?: unknown;
  next_step?: unknown;
  summary?: unknown;
  snooze_reason?: unknown;
  rule?: unknown;
}

export interface TodayItem {
  id: string;
  /** Sheet row when read (a hint for "done" and "snooze"; the server checks the ID). */
  row: number;
  customerId: string;
  customerName: string;
  owner: string;
  purpose: string;
  channel: string;
  /** ISO instant of the planned time. */
  plannedAt: string;
  /** 'YYYY-MM-DD' in the spreadsheet's zone. */
  plannedDay: string;
  /** Whole days overdue (0 for today and later). */
  daysLate: number;
  nextStep: string;
  snoozed: string;
  /** Why it was planned (the Follow-ups rule key; '' when typed by hand). */
  rule: string;
}

/**
 * Something else that is late and belongs on Today: issue 7's overdue unanswered objections
 * come in through this shape (src/server/today.ts `TODAY_SOURCES`), and later sources can too.
 */
export interface TodayExtra {
  kind: string;
  id: string;
  customerId: string;
  customerName: string;
  owner: string;
  /** One line saying what is late. */
  text: string;
  /** ISO instant it was due. */
  dueAt: string;
}

export interface TodayModel {
  /** The rep shown, or null for the whole team. */
  rep: string | null;
  today: string;
  overdue: TodayItem[];
  dueToday: TodayItem[];
  upcoming: TodayItem[];
  extras: TodayExtra[];
  /** True when lists were cut at `limit`. */
  truncated: boolean;
}

export interface TodayOptions {
  nowMs: number;
  timeZone: string;
  /** A team member's name (matched without case), or null for everyone. */
  rep: string | null;
  /** How many days ahead "upcoming" reaches (1 = tomorrow only). */
  upcomingDays: number;
  /** Most items per list (the sidebar stays light on a big team). */
  limit: number;
}

function text(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

function instant(v: unknown): number | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.getTime();
  if (v && typeof v === 'object' && typeof (v as Date).getTime === 'function') return (v as Date).getTime(); // a Date from another realm
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)) {
    const ms = Date.parse(v);
    return Number.isNaN(ms) ? null : ms;
  }
  return null;
}

export function isOpen(r: FollowupRowValues): boolean {
  return text(r.followup_id) !== '' && r.cancelled !== true && text(r.done_at) === '' && instant(r.planned_at) !== null;
}

export function sameRep(owner: string, rep: string): boolean {
  return owner.trim().toLowerCase() === rep.trim().toLowerCase();
}

/** Sorts and splits open follow-ups into overdue / due today / upcoming. */
export function buildToday(rows: readonly { row: number; values: FollowupRowValues }[], o: TodayOptions): TodayModel {
  const today = Math.floor(serialAt(o.nowMs, o.timeZone));
  const model: TodayModel = { rep: o.rep, today: isoDay(o.nowMs, o.timeZone), overdue: [], dueToday: [], upcoming: [], extras: [], truncated: false };
  const all: { item: TodayItem; day: number; ms: number }[] = [];
  for (const { row, values: r } of rows) {
    if (!isOpen(r)) continue;
    const owner = text(r.owner);
    if (o.rep !== null && !sameRep(owner, o.rep)) continue;
    const ms = instant(r.planned_at)!;
    const day = Math.floor(serialAt(ms, o.timeZone));
    if (day > today + o.upcomingDays) continue;
    all.push({
      day,
      ms,
      item: {
        id: text(r.followup_id),
        row,
        customerId: text(r.customer_id),
        customerName: text(r.customer_name),
        owner,
        purpose: text(r.purpose),
        channel: text(r.channel),
        plannedAt: new Date(ms).toISOString(),
        plannedDay: isoDayOfSerial(day),
        daysLate: day < today ? today - day : 0,
        nextStep: text(r.next_step),
        snoozed: text(r.snooze_reason),
        rule: text(r.rule),
      },
    });
  }
  all.sort((a, b) => a.ms - b.ms || a.item.row - b.item.row);
  for (const a of all) {
    const list = a.day < today ? model.overdue : a.day === today ? model.dueToday : model.upcoming;
    if (list.length >= o.limit) {
      model.truncated = true;
      continue;
    }
    list.push(a.item);
  }
  return model;
}

/** One rep's digest: their overdue and due-today follow-ups (nothing upcoming). */
export interface RepDigest {
  rep: string;
  email: string;
  overdue: TodayItem[];
  dueToday: TodayItem[];
  /** Issue 17: the rep's complaints past their first-response or resolution time. */
  complaints?: DigestComplaint[];
}

/** A late complaint in a digest (issue 17; src/server/complaints/overdue.ts finds them). */
export interface DigestComplaint {
  owner: string;
  customer: string;
  late: 'first_response' | 'resolution';
  words: string;
}

/**
 * The digests to send today: one per team member with something overdue or due today, in
 * team-list order; members with nothing due get none.
 */
export function buildDigests(
  rows: readonly { row: number; values: FollowupRowValues }[],
  team: readonly { name: string; email: string }[],
  nowMs: number,
  timeZone: string,
  limit = 200,
  complaints: readonly DigestComplaint[] = [],
): RepDigest[] {
  const all = buildToday(rows, { nowMs, timeZone, rep: null, upcomingDays: 0, limit: Number.MAX_SAFE_INTEGER });
  const out: RepDigest[] = [];
  for (const m of team) {
    const overdue = all.overdue.filter((i) => sameRep(i.owner, m.name));
    const dueToday = all.dueToday.filter((i) => sameRep(i.owner, m.name));
    const late = complaints.filter((c) => sameRep(c.owner, m.name));
    if (!overdue.length && !dueToday.length && !late.length) continue;
    out.push({
      rep: m.name,
      email: m.email,
      overdue: overdue.slice(0, limit),
      dueToday: dueToday.slice(0, limit),
      ...(late.length ? { complaints: late.slice(0, limit) } : {}),
    });
  }
  return out;
}

/** A manager's line per rep at the top of Today (issue 12): what each has waiting. */
export interface RepCounts {
  rep: string;
  overdue: number;
  dueToday: number;
  /** Planned after today, within the upcoming window. */
  upcoming: number;
  /** Objections waiting for a written answer (Today's extras of kind 'objection'). */
  objections: number;
}

/** Counts per team member (team-list order), from the same rows and rules as the lists themselves. */
export function repCounts(
  rows: readonly { row: number; values: FollowupRowValues }[],
  extras: readonly TodayExtra[],
  team: readonly string[],
  o: Omit<TodayOptions, 'rep' | 'limit'>,
): RepCounts[] {
  const all = buildToday(rows, { ...o, rep: null, limit: Number.MAX_SAFE_INTEGER });
  const count = (list: readonly { owner: string }[], rep: string) => list.filter((i) => sameRep(i.owner, rep)).length;
  return team.map((rep) => ({
    rep,
    overdue: count(all.overdue, rep),
    dueToday: count(all.dueToday, rep),
    upcoming: count(all.upcoming, rep),
    objections: count(
      extras.filter((x) => x.kind === 'objection'),
      rep,
    ),
  }));
}
