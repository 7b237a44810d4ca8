/**
 * Reading setting values as the workbook gives them (the Settings tab's value cells, keyed by
 * setting key) against their declarations: a number or yes/no that is missing or unreadable
 * falls back to the declared default, so a manager who clears a cell never breaks a rule.
 *
 * Used by features whose settings are declared in their own module (survey, complaints) until
 * they are spliced into SETTINGS; cadenceSettings() in core/cadence does the same for its own.
 */
import { SETTINGS, type SettingDef } from './settings';
import { listItemKey } from './lists';
import { parseDecimal } from './validation/rules';
import { t, type Locale } from './i18n';

export type SettingValues = Readonly<Record<string, unknown>>;

function find(defs: readonly SettingDef[], key: string): SettingDef {
  const d = defs.find((x) => x.key === key);
  if (!d) throw new Error(`Unknown setting: ${key}`);
  return d;
}

/** A numeric setting: the cell's number when it is one within the declared range, else the default. */
export function numberSetting(defs: readonly SettingDef[], key: string, values: SettingValues): number {
  const d = find(defs, key);
  const v = values[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) return d.default as number;
  if ((d.min != null && v < d.min) || (d.max != null && v > d.max)) return d.default as number;
  return v;
}

/** A yes/no setting: a checkbox gives a boolean; anything else is the default. */
export function booleanSetting(defs: readonly SettingDef[], key: string, values: SettingValues): boolean {
  const d = find(defs, key);
  const v = values[key];
  return typeof v === 'boolean' ? v : (d.default as boolean);
}

export type SettingValue = number | boolean | string;

/** Why a setting's cell was not used as it stands. */
export type SettingNoteReason = 'aboveMax' | 'belowMin' | 'notWhole' | 'unreadable';

/** One correction of a setting, for the Reminder log (the digests' run) and the Settings check. */
export interface SettingNote {
  key: string;
  /** The cell as it was, as text. */
  given: string;
  used: SettingValue;
  reason: SettingNoteReason;
}

/** Units counted in whole steps: an hour of the day, working days. */
const WHOLE_UNITS = new Set(['hour_of_day', 'working_days']);

const TRUE_WORDS = new Set(['true', 'yes', '是']);
const FALSE_WORDS = new Set(['false', 'no', '否']);

/**
 * One setting cell read against its declaration (issue 13): blank is the default; a number goes
 * through parseDecimal (the one number parser: "0x10" or "1e3" is not a setting), a share also
 * as "70%"; a value outside the declared bounds is clamped to the nearest bound (reminder hour
 * 25 → 23), an hour of the day or a count of working days rounded down to a whole number; what
 * cannot be read is the default. Every change comes with a note saying what was used instead.
 */
export function readSetting(def: SettingDef, raw: unknown): { value: SettingValue; note: SettingNote | null } {
  if (raw === '' || raw === null || raw === undefined) return { value: def.default, note: null };
  const given = raw instanceof Date ? raw.toISOString() : String(raw);
  const note = (used: SettingValue, reason: SettingNoteReason) => ({ value: used, note: { key: def.key, given, used, reason } });
  if (def.unit === 'boolean') {
    if (typeof raw === 'boolean') return { value: raw, note: null };
    const w = given.trim().toLowerCase();
    if (TRUE_WORDS.has(w)) return { value: true, note: null };
    if (FALSE_WORDS.has(w)) return { value: false, note: null };
    return note(def.default, 'unreadable');
  }
  if (def.unit === 'choice') {
    const key = def.list ? listItemKey(def.list, raw) : null;
    return key ? { value: key, note: null } : note(def.default, 'unreadable');
  }
  let n: number | null;
  if (typeof raw === 'string' && def.unit === 'share' && raw.trim().endsWith('%')) {
    const p = parseDecimal(raw.trim().slice(0, -1));
    n = p === null ? null : p / 100;
  } else n = typeof raw === 'boolean' ? null : parseDecimal(raw);
  if (n === null) return note(def.default, 'unreadable');
  if (def.max != null && n > def.max) return note(def.max, 'aboveMax');
  if (def.min != null && n < def.min) return note(def.min, 'belowMin');
  if (WHOLE_UNITS.has(def.unit) && !Number.isInteger(n)) return note(Math.floor(n), 'notWhole');
  return { value: n, note: null };
}

/**
 * Every setting of `defs` from the raw cells by key: the values to run with, clamped and
 * defaulted as readSetting says, and the notes of what was changed (empty when every cell is fine).
 */
export function clampSettings(cells: SettingValues, defs: readonly SettingDef[] = SETTINGS): { values: Record<string, SettingValue>; notes: SettingNote[] } {
  const values: Record<string, SettingValue> = {};
  const notes: SettingNote[] = [];
  for (const def of defs) {
    const r = readSetting(def, Object.prototype.hasOwnProperty.call(cells, def.key) ? cells[def.key] : undefined);
    values[def.key] = r.value;
    if (r.note) notes.push(r.note);
  }
  return { values, notes };
}

/** A note as the Reminder log shows it, in the user's language. */
export function settingNoteText(note: SettingNote, locale: Locale, defs: readonly SettingDef[] = SETTINGS): string {
  const def = find(defs, note.key);
  return t(locale, `settings.note.${note.reason}`, {
    label: def.label[locale],
    given: note.given,
    used: String(note.used),
    min: def.min ?? '',
    max: def.max ?? '',
  });
}
