/**
 * The survey's settings as the rules use them, read from the workbook's Settings values (the
 * rows are declared in ./settings.ts and spliced into SETTINGS).
 */
import { SETTINGS } from '../settings';
import { booleanSetting, numberSetting, type SettingValues } from '../setting-values';

/** The survey's settings as the rules use them. */
export interface SurveySettings {
  /** Optional parts of the form. */
  nps: boolean;
  dimensionsSection: boolean;
  questionsSection: boolean;
  afterDeliveryMonths: number;
  intervalMonths: number;
  throttleDays: number;
  reminderDays: number;
  expiryDays: number;
  lowScore: number;
  promoterMin: number;
  detractorMax: number;
  recoveryHours: number;
  referralDays: number;
}

/** Settings as read from the workbook; missing or unreadable values are the defaults. */
export function surveySettings(values: SettingValues = {}): SurveySettings {
  const num = (k: string) => numberSetting(SETTINGS, k, values);
  const yes = (k: string) => booleanSetting(SETTINGS, k, values);
  return {
    nps: yes('survey_nps'),
    dimensionsSection: yes('survey_dimensions_section'),
    questionsSection: yes('survey_questions_section'),
    afterDeliveryMonths: numberSetting(SETTINGS, 'survey_after_delivery_months', values),
    intervalMonths: numberSetting(SETTINGS, 'survey_interval_months', values),
    throttleDays: num('survey_throttle_days'),
    reminderDays: num('survey_reminder_days'),
    expiryDays: num('survey_expiry_days'),
    lowScore: num('survey_low_score'),
    promoterMin: num('nps_promoter_min'),
    detractorMax: num('nps_detractor_max'),
    recoveryHours: num('survey_recovery_hours'),
    referralDays: num('survey_referral_days'),
  };
}
