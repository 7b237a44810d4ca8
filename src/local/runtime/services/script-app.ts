/**
 * ScriptApp: installable triggers, enums and authorization info.
 *
 * Rules enforced (https://developers.google.com/apps-script/guides/services/quotas: "Triggers:
 * 20 / user / script"; https://developers.google.com/workspace/add-ons/concepts/editor-triggers):
 *  - at most 20 triggers per user per script: "This script has too many triggers. Triggers must
 *    be deleted from the script before more can be added.";
 *  - with `addonRules` (default on, so the add-in stays Marketplace-ready, DESIGN principle 9):
 *    "Time-driven triggers cannot run more frequently than once per hour" (everyMinutes is
 *    refused), "Each add-on can only have one trigger of each type, per user, per document", and
 *    "Add-ons can only create triggers for the file in which the add-on is used" (forSpreadsheet
 *    of another file and forForm are refused).
 * Each trigger stores its owner (e-mail, identity key, locale) and the document it was made in.
 * getProjectTriggers() "Gets all installable triggers associated with the current project and
 * current user" — in an editor add-on that is the user's triggers in EVERY document that uses the
 * add-on (https://developers.google.com/workspace/add-ons/concepts/editor-triggers); the
 * triggers of one document are getUserTriggers(document): "Gets all installable triggers owned
 * by this user in the given spreadsheet, for this script or add-on only"
 * (https://developers.google.com/apps-script/reference/script/script-app#getusertriggersspreadsheet).
 * A time-driven trigger made by an add-on belongs to the document it was made in (the add-on
 * rules count "one trigger of each type, per user, per document"); that getUserTriggers(ss)
 * lists it is our reading of those two pages — Check this spreadsheet probes it.
 *
 * Scheduling on the simulated clock: everyHours(n) fires n hours after creation and every n hours;
 * everyDays(n).atHour(h).nearMinute(m) fires at h:m (exactly; Google picks a moment within ±15
 * minutes) in the trigger's time zone (inTimezone, else the script's); everyWeeks(n).onWeekDay(d)
 * likewise; after(ms)/at(date) fire once and then stay listed but inactive. Missed runs are not
 * replayed: when the clock jumps, a trigger fires once and is rescheduled after the new time.
 *
 * Runtime-only API (TriggerControl): dueTimeTriggers(nowMs) returns the time-driven triggers due and
 * their event objects (and reschedules them); triggersOfType(eventType, sourceId) lists the
 * installable triggers the runtime must fire for onOpen/onEdit/onChange/onFormSubmit;
 * spreadsheetFormSubmitEvent() builds the form-submit event of a spreadsheet trigger.
 */
import type { RuntimeContext } from '../context';
import { COUNTED } from '../context';
import { asEnum, gasError, makeEnum, userKeyOf } from './common';
import { zonedParts, zonedToUtc } from './utilities';

export const AuthMode = makeEnum(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const);
export const AuthorizationStatus = makeEnum(['REQUIRED', 'NOT_REQUIRED'] as const);
export const EventType = makeEnum(['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED'] as const);
export const TriggerSource = makeEnum(['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR'] as const);
export const InstallationSource = makeEnum(['APPS_MARKETPLACE_DOMAIN_ADD_ON', 'NONE', 'WEB_STORE_ADD_ON'] as const);
export const WeekDay = makeEnum(['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const);
export type EventTypeName = keyof typeof EventType;
export type TriggerSourceName = keyof typeof TriggerSource;

export const MAX_TRIGGERS_PER_USER = 20;
export const TOO_MANY_TRIGGERS = 'This script has too many triggers. Triggers must be deleted from the script before more can be added.';

export type Schedule =
  | { kind: 'hours'; everyHours: number }
  | { kind: 'days'; everyDays: number; atHour: number | null; nearMinute: number; timeZone: string }
  | { kind: 'weeks'; everyWeeks: number; weekDay: number; atHour: number; nearMinute: number; timeZone: string }
  | { kind: 'months'; monthDay: number; atHour: number; nearMinute: number; timeZone: string }
  | { kind: 'once'; atMs: number };

export interface TriggerRecord {
  uid: string;
  handler: string;
  eventType: EventTypeName;
  source: TriggerSourceName;
  sourceId: string | null;
  ownerEmail: string;
  ownerKey: string;
  ownerLocale: string;
  /** The spreadsheet the trigger was made in (for a time-driven trigger too); absent in old saves. */
  documentId?: string;
  createdMs: number;
  schedule: Schedule | null;
  nextDueMs: number | null;
  lastFiredMs: number | null;
}

export interface TriggerState {
  triggers: TriggerRecord[];
  nextUid: number;
}

export function emptyTriggerState(): TriggerState {
  return { triggers: [], nextUid: 1000000001 };
}

export class Trigger
  implements Pick<GoogleAppsScript.Script.Trigger, 'getHandlerFunction' | 'getUniqueId' | 'getEventType' | 'getTriggerSource' | 'getTriggerSourceId'>
{
  readonly [COUNTED] = 'Trigger';
  constructor(/** @internal */ readonly record: TriggerRecord) {}
  getHandlerFunction(): string {
    return this.record.handler;
  }
  getUniqueId(): string {
    return this.record.uid;
  }
  getEventType(): GoogleAppsScript.Script.EventType {
    return asEnum(this.record.eventType);
  }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return asEnum(this.record.source);
  }
  getTriggerSourceId(): string {
    return this.record.sourceId ?? (null as unknown as string);
  }
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** The next time a recurring schedule fires strictly after `afterMs`. */
export function nextOccurrence(s: Schedule, createdMs: number, afterMs: number): number | null {
  switch (s.kind) {
    case 'once':
      return s.atMs > afterMs ? s.atMs : null;
    case 'hours': {
      const step = s.everyHours * HOUR;
      const k = Math.max(1, Math.floor((afterMs - createdMs) / step) + 1);
      return createdMs + k * step;
    }
    case 'months': {
      // The next local day `monthDay` at hour:minute after afterMs; months without that day
      // (a 31st in April) are skipped — what Google does then is not documented.
      const z = zonedParts(Math.max(afterMs, createdMs), s.timeZone);
      for (let i = 0; i < 14; i++) {
        const y = z.year + Math.floor((z.month - 1 + i) / 12);
        const m = ((z.month - 1 + i) % 12) + 1;
        if (new Date(Date.UTC(y, m, 0)).getUTCDate() < s.monthDay) continue;
        const at = zonedToUtc(y, m, s.monthDay, s.atHour, s.nearMinute, 0, s.timeZone);
        if (at > afterMs && at > createdMs) return at;
      }
      return null;
    }
    case 'days':
    case 'weeks': {
      if (s.kind === 'days' && s.atHour === null) {
        const step = s.everyDays * DAY;
        const k = Math.max(1, Math.floor((afterMs - createdMs) / step) + 1);
        return createdMs + k * step;
      }
      const hour = s.atHour ?? 0;
      const stepDays = s.kind === 'days' ? s.everyDays : 7 * s.everyWeeks;
      // first local day at or after creation whose hour:minute is after creation (and weekday matches)
      const z = zonedParts(createdMs, s.timeZone);
      let day = Date.UTC(z.year, z.month - 1, z.day);
      const at = (d: number) => {
        const dd = new Date(d);
        return zonedToUtc(dd.getUTCFullYear(), dd.getUTCMonth() + 1, dd.getUTCDate(), hour, s.nearMinute, 0, s.timeZone);
      };
      for (let i = 0; i < 8; i++) {
        const weekdayOk = s.kind === 'days' || new Date(day).getUTCDay() === s.weekDay;
        if (weekdayOk && at(day) > createdMs) break;
        day += DAY;
      }
      while (at(day) <= afterMs) day += stepDays * DAY;
      return at(day);
    }
  }
}

class ClockTriggerBuilder {
  readonly [COUNTED] = 'ClockTriggerBuilder';
  private everyHoursN: number | null = null;
  private everyDaysN: number | null = null;
  private everyWeeksN: number | null = null;
  private everyMinutesN: number | null = null;
  private hour: number | null = null;
  private minute = 0;
  private weekDay: number | null = null;
  private monthDay: number | null = null;
  private tz: string | null = null;
  private onceAtMs: number | null = null;
  constructor(
    private readonly app: ScriptAppImpl,
    private readonly handler: string,
  ) {}

  everyMinutes(n: number): this {
    if (![1, 5, 10, 15, 30].includes(n)) throw gasError('Invalid argument: minutes');
    this.everyMinutesN = n;
    return this;
  }
  everyHours(n: number): this {
    if (![1, 2, 4, 6, 8, 12].includes(n)) throw gasError('Invalid argument: hours');
    this.everyHoursN = n;
    return this;
  }
  everyDays(n: number): this {
    if (!(Number.isInteger(n) && n >= 1)) throw gasError('Invalid argument: days');
    this.everyDaysN = n;
    return this;
  }
  everyWeeks(n: number): this {
    if (!(Number.isInteger(n) && n >= 1)) throw gasError('Invalid argument: weeks');
    this.everyWeeksN = n;
    return this;
  }
  atHour(h: number): this {
    if (!(Number.isInteger(h) && h >= 0 && h <= 23)) throw gasError('Invalid argument: hour');
    this.hour = h;
    return this;
  }
  nearMinute(m: number): this {
    if (!(Number.isInteger(m) && m >= 0 && m <= 59)) throw gasError('Invalid argument: minute');
    this.minute = m;
    return this;
  }
  onWeekDay(day: GoogleAppsScript.Base.Weekday): this {
    const i = (Object.keys(WeekDay) as string[]).indexOf(String(day));
    if (i < 0) throw gasError('Invalid argument: day');
    this.weekDay = i;
    return this;
  }
  /**
   * "Specifies the date in the month that the trigger runs" — with atHour/nearMinute, a monthly
   * trigger (https://developers.google.com/apps-script/reference/script/clock-trigger-builder#onmonthdayday).
   */
  onMonthDay(day: number): this {
    if (!(Number.isInteger(day) && day >= 1 && day <= 31)) throw gasError('Invalid argument: day');
    this.monthDay = day;
    return this;
  }
  inTimezone(tz: string): this {
    this.tz = String(tz);
    return this;
  }
  after(ms: number): this {
    this.onceAtMs = this.app.ctx.clock.nowMs() + Number(ms);
    return this;
  }
  at(date: Date): this {
    this.onceAtMs = date.getTime();
    return this;
  }
  create(): GoogleAppsScript.Script.Trigger {
    const tz = this.tz ?? this.app.ctx.scriptTimeZone;
    let schedule: Schedule;
    if (this.onceAtMs !== null) schedule = { kind: 'once', atMs: this.onceAtMs };
    else if (this.everyMinutesN !== null) {
      if (this.app.addonRules) throw gasError('Add-ons cannot create time-based triggers that run more frequently than once per hour.');
      schedule = { kind: 'hours', everyHours: this.everyMinutesN / 60 };
    } else if (this.everyHoursN !== null) schedule = { kind: 'hours', everyHours: this.everyHoursN };
    else if (this.monthDay !== null) schedule = { kind: 'months', monthDay: this.monthDay, atHour: this.hour ?? 0, nearMinute: this.minute, timeZone: tz };
    else if (this.everyWeeksN !== null)
      schedule = { kind: 'weeks', everyWeeks: this.everyWeeksN, weekDay: this.weekDay ?? 1, atHour: this.hour ?? 0, nearMinute: this.minute, timeZone: tz };
    else if (this.everyDaysN !== null) schedule = { kind: 'days', everyDays: this.everyDaysN, atHour: this.hour, nearMinute: this.minute, timeZone: tz };
    else throw gasError('The trigger has no schedule: call everyHours, everyDays, everyWeeks, onMonthDay, after or at before create().');
    return this.app.install('CLOCK', 'CLOCK', null, this.handler, schedule);
  }
}

class SourceTriggerBuilder {
  readonly [COUNTED] = 'SourceTriggerBuilder';
  constructor(
    private readonly app: ScriptAppImpl,
    private readonly handler: string,
    private readonly source: TriggerSourceName,
    private readonly sourceId: string,
    private readonly allowed: EventTypeName[],
  ) {}
  private make(type: EventTypeName) {
    if (!this.allowed.includes(type)) throw gasError(`Invalid trigger type for this source: ${type}`);
    return { create: () => this.app.install(type, this.source, this.sourceId, this.handler, null) };
  }
  onOpen() {
    return this.make('ON_OPEN');
  }
  onEdit() {
    return this.make('ON_EDIT');
  }
  onChange() {
    return this.make('ON_CHANGE');
  }
  onFormSubmit() {
    return this.make('ON_FORM_SUBMIT');
  }
}

class TriggerBuilder {
  readonly [COUNTED] = 'TriggerBuilder';
  constructor(
    private readonly app: ScriptAppImpl,
    private readonly handler: string,
  ) {}
  timeBased() {
    return new ClockTriggerBuilder(this.app, this.handler);
  }
  forSpreadsheet(sheet: string | { getId(): string }) {
    const id = typeof sheet === 'string' ? sheet : sheet.getId();
    const current = this.app.options.spreadsheetId?.();
    if (this.app.addonRules && current !== undefined && id !== current) {
      throw gasError('Add-ons can only create triggers for the file in which the add-on is used.');
    }
    return new SourceTriggerBuilder(this.app, this.handler, 'SPREADSHEETS', id, ['ON_OPEN', 'ON_EDIT', 'ON_CHANGE', 'ON_FORM_SUBMIT']);
  }
  forForm(form: string | { getId(): string }) {
    if (this.app.addonRules) {
      throw gasError('Add-ons can only create triggers for the file in which the add-on is used.');
    }
    const id = typeof form === 'string' ? form : form.getId();
    return new SourceTriggerBuilder(this.app, this.handler, 'FORMS', id, ['ON_OPEN', 'ON_FORM_SUBMIT']);
  }
}

export interface ScriptAppOptions {
  /** Editor add-on rules (hourly, one per type, own file only). Default true. */
  addonRules?: boolean;
  /** The id of the spreadsheet the script is bound to / used in. */
  spreadsheetId?: () => string;
  /** How the script runs: bound to the spreadsheet (default) or installed as an add-on. */
  installedAs?: 'bound' | 'addon';
  scriptId?: string;
}

export class ScriptAppImpl {
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = WeekDay;
  readonly InstallationSource = InstallationSource;
  readonly addonRules: boolean;
  private readonly wrappers = new Map<string, Trigger>();

  constructor(
    readonly ctx: RuntimeContext,
    readonly state: TriggerState,
    readonly options: ScriptAppOptions,
  ) {
    this.addonRules = options.addonRules !== false;
  }

  newTrigger(functionName: string) {
    if (typeof functionName !== 'string' || !functionName) throw gasError('Invalid argument: functionName');
    return new TriggerBuilder(this, functionName);
  }

  getProjectTriggers(): GoogleAppsScript.Script.Trigger[] {
    const me = userKeyOf(this.ctx.currentUser());
    return this.state.triggers.filter((t) => t.ownerKey === me).map((t) => this.wrap(t));
  }

  getUserTriggers(source: { getId(): string }): GoogleAppsScript.Script.Trigger[] {
    const id = source.getId();
    const me = userKeyOf(this.ctx.currentUser());
    return this.state.triggers.filter((t) => t.ownerKey === me && documentOf(t) === id).map((t) => this.wrap(t));
  }

  deleteTrigger(trigger: GoogleAppsScript.Script.Trigger): void {
    const uid = trigger.getUniqueId();
    const me = userKeyOf(this.ctx.currentUser());
    const i = this.state.triggers.findIndex((t) => t.uid === uid);
    if (i < 0) return;
    if (this.state.triggers[i]!.ownerKey !== me) throw gasError('Cannot delete a trigger owned by another user.');
    this.state.triggers.splice(i, 1);
    this.wrappers.delete(uid);
  }

  /** Authorization is always granted locally. */
  getAuthorizationInfo(_authMode?: GoogleAppsScript.Script.AuthMode) {
    return {
      getAuthorizationStatus: () => asEnum<GoogleAppsScript.Script.AuthorizationStatus>(AuthorizationStatus.NOT_REQUIRED),
      getAuthorizationUrl: () => null as unknown as string,
      getAuthorizedScopes: () => [] as string[],
    };
  }

  /**
   * "NONE: Script is not running as an add-on" (https://developers.google.com/apps-script/reference/script/installation-source);
   * an installed add-on reports how it was installed (the runtime says WEB_STORE_ADD_ON).
   */
  getInstallationSource(): GoogleAppsScript.Script.InstallationSource {
    return asEnum(this.options.installedAs === 'addon' ? InstallationSource.WEB_STORE_ADD_ON : InstallationSource.NONE);
  }

  getScriptId(): string {
    return this.options.scriptId ?? 'sales-desk-local-script';
  }

  /** @internal */
  install(
    eventType: EventTypeName,
    source: TriggerSourceName,
    sourceId: string | null,
    handler: string,
    schedule: Schedule | null,
  ): GoogleAppsScript.Script.Trigger {
    const user = this.ctx.currentUser();
    const key = userKeyOf(user);
    const mine = this.state.triggers.filter((t) => t.ownerKey === key);
    if (mine.length >= MAX_TRIGGERS_PER_USER) throw gasError(TOO_MANY_TRIGGERS);
    const documentId = this.options.spreadsheetId?.();
    if (this.addonRules && mine.some((t) => t.eventType === eventType && documentOf(t) === (documentId ?? sourceId) && !isSpentOnce(t))) {
      throw gasError(`An add-on can only have one trigger of each type, per user, per document (${eventType}).`);
    }
    const now = this.ctx.clock.nowMs();
    const record: TriggerRecord = {
      uid: String(this.state.nextUid++),
      handler,
      eventType,
      source,
      sourceId,
      ownerEmail: user.email,
      ownerKey: key,
      ownerLocale: user.locale,
      ...(documentId !== undefined ? { documentId } : {}),
      createdMs: now,
      schedule,
      nextDueMs: schedule ? nextOccurrence(schedule, now, now) : null,
      lastFiredMs: null,
    };
    this.state.triggers.push(record);
    return this.wrap(record);
  }

  private wrap(t: TriggerRecord): GoogleAppsScript.Script.Trigger {
    let w = this.wrappers.get(t.uid);
    if (!w || w.record !== t) {
      w = new Trigger(t);
      this.wrappers.set(t.uid, w);
    }
    return w as unknown as GoogleAppsScript.Script.Trigger;
  }
}

/** The document a trigger belongs to: where it was made, else (old saves) its source. */
export function documentOf(t: TriggerRecord): string | null {
  return t.documentId ?? t.sourceId;
}

function isSpentOnce(t: TriggerRecord): boolean {
  return t.schedule?.kind === 'once' && t.nextDueMs === null;
}

/** The event object of a time-driven trigger (values in UTC, as Apps Script sends them). */
export interface ClockEvent {
  authMode: string;
  triggerUid: string;
  year: number;
  month: number;
  'day-of-month': number;
  'day-of-week': number;
  'week-of-year': number;
  hour: number;
  minute: number;
  second: number;
  timezone: string;
}

export interface DueTrigger {
  uid: string;
  handler: string;
  ownerEmail: string;
  ownerKey: string;
  ownerLocale: string;
  event: ClockEvent;
}

/**
 * https://developers.google.com/apps-script/guides/triggers/events#time-driven_events: authMode,
 * day-of-month, day-of-week (1 = Monday), hour, minute, month (1-12), second, timezone ('UTC'),
 * triggerUid, week-of-year, year.
 */
export function clockEvent(uid: string, atMs: number): ClockEvent {
  const d = new Date(atMs);
  const dow = d.getUTCDay() === 0 ? 7 : d.getUTCDay();
  // ISO week number
  const thursday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 4 - dow));
  const week = Math.ceil(((thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / DAY + 1) / 7);
  return {
    authMode: AuthMode.FULL,
    triggerUid: uid,
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    'day-of-month': d.getUTCDate(),
    'day-of-week': dow,
    'week-of-year': week,
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    timezone: 'UTC',
  };
}

/**
 * https://developers.google.com/apps-script/guides/triggers/events#form-submit (Google Sheets):
 * authMode, namedValues ({question: [answer]}), range, source (the Spreadsheet), triggerUid,
 * values (the row's values, timestamp first, as strings).
 */
export interface SpreadsheetFormSubmitEvent {
  authMode: string;
  namedValues: Record<string, string[]>;
  range: unknown;
  source: unknown;
  triggerUid: string;
  values: string[];
}

export interface TriggerControl {
  readonly state: TriggerState;
  /** Time-driven triggers due at nowMs (each once), rescheduled past nowMs. */
  dueTimeTriggers(nowMs: number): DueTrigger[];
  /** Installable triggers of a type, optionally for one source id (spreadsheet or form). */
  triggersOfType(eventType: EventTypeName, sourceId?: string): TriggerRecord[];
  spreadsheetFormSubmitEvent(trigger: TriggerRecord, row: { headers: string[]; values: string[]; range: unknown; source: unknown }): SpreadsheetFormSubmitEvent;
}

export function createScriptApp(
  ctx: RuntimeContext,
  state: TriggerState = emptyTriggerState(),
  options: ScriptAppOptions = {},
): { ScriptApp: ScriptAppImpl; control: TriggerControl } {
  const app = new ScriptAppImpl(ctx, state, options);
  const control: TriggerControl = {
    state,
    dueTimeTriggers(nowMs) {
      const due: DueTrigger[] = [];
      for (const t of state.triggers) {
        if (t.eventType !== 'CLOCK' || t.nextDueMs === null || t.nextDueMs > nowMs || !t.schedule) continue;
        due.push({
          uid: t.uid,
          handler: t.handler,
          ownerEmail: t.ownerEmail,
          ownerKey: t.ownerKey,
          ownerLocale: t.ownerLocale,
          event: clockEvent(t.uid, t.nextDueMs),
        });
        t.lastFiredMs = t.nextDueMs;
        t.nextDueMs = nextOccurrence(t.schedule, t.createdMs, nowMs);
      }
      return due;
    },
    triggersOfType(eventType, sourceId) {
      return state.triggers.filter((t) => t.eventType === eventType && (sourceId === undefined || t.sourceId === sourceId));
    },
    spreadsheetFormSubmitEvent(trigger, row) {
      const namedValues: Record<string, string[]> = {};
      row.headers.forEach((h, i) => (namedValues[h] = [row.values[i] ?? '']));
      return { authMode: AuthMode.FULL, namedValues, range: row.range, source: row.source, triggerUid: trigger.uid, values: [...row.values] };
    },
  };
  return { ScriptApp: app, control };
}
