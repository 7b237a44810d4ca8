/**
 * Reading setting values as the workbook gives them (the Settings tab's value cells, keyed by
 * setting key) against their declarations: a number or yes/no that is missing or unreadable
 * falls back to the declared default, so a manager who clears a cell never breaks a rule.
 *
 * Used by features whose settings are declared in their own module (survey, complaints) until
 * they are spliced into SETTINGS; cadenceSettings() in core/cadence does the same for its own.
 */
import type { SettingDef } from './settings';

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
