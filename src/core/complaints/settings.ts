/**
 * The complaint log's Settings rows (issue 17), declared here so the lead can splice them
 * into SETTINGS. The seeds time nothing in hours: seed 000 §8.3 says respond immediately, seed
 * 001 "act fast", seed 004 "at once" — so every number is our choice, the first response in
 * line with seed 002's 24-hour written answer (S3.3).
 */
import { numberSetting, type SettingValues } from '../setting-values';
import type { Severity } from './lists';
import { COMPLAINT_SETTINGS } from './settings-defs';

export { COMPLAINT_SETTINGS };

export interface ComplaintSettings {
  firstResponseHours: number;
  resolveDays: Record<Severity, number>;
  repeatDays: number;
  checkinDays: number;
}

/** Settings as read from the workbook; missing or unreadable values are the defaults. */
export function complaintSettings(values: SettingValues = {}): ComplaintSettings {
  const num = (k: string) => numberSetting(COMPLAINT_SETTINGS, k, values);
  return {
    firstResponseHours: num('complaint_first_response_hours'),
    resolveDays: { high: num('complaint_resolve_high_days'), medium: num('complaint_resolve_medium_days'), low: num('complaint_resolve_low_days') },
    repeatDays: num('complaint_repeat_days'),
    checkinDays: num('complaint_checkin_days'),
  };
}
