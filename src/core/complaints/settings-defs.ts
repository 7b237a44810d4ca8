/**
 * The complaint log's Settings rows (issue 17), spliced into SETTINGS (core/settings.ts). The
 * seeds time nothing in hours: seed 000 §8.3 says respond immediately, seed 001 "act fast",
 * seed 004 "at once" — so every number is our choice, the first response in line with seed
 * 002's 24-hour written answer (S3.3). Types only in the imports: core/settings.ts imports this
 * file, and ./settings.ts (which reads the values) imports core/setting-values, which imports
 * core/settings.
 */
import type { Localized } from '../i18n/locale';
import type { SettingDef } from '../settings';
import type { Severity } from './lists';

const L = (en: string, zh: string): Localized => ({ en, zh });

function resolveDays(sev: Severity, days: number, en: string, zh: string): SettingDef {
  return {
    key: `complaint_resolve_${sev}_days`,
    name: `SD_COMPLAINT_RESOLVE_${sev.toUpperCase()}_DAYS`,
    label: L(`Complaint resolved within: ${en}`, `投诉解决时限：${zh}`),
    explanation: L(
      `A complaint of ${en.toLowerCase()} severity should be resolved within this many days of receiving it. Our choice; the seeds only say to act fast.`,
      `严重程度为“${zh}”的投诉，应在收到后此天数内解决。此数值为本产品的选择，资料只要求尽快处理。`,
    ),
    unit: 'days',
    default: days,
    source: 'our choice (seed 001 step 6 and seed 004 step 5: act fast)',
    min: 0,
  };
}

export const COMPLAINT_SETTINGS: readonly SettingDef[] = [
  {
    key: 'complaint_first_response_hours',
    name: 'SD_COMPLAINT_FIRST_RESPONSE_HOURS',
    label: L('Complaint: first response within', '投诉：首次回复时限'),
    explanation: L(
      'The customer hears back from us (thanks, apology, who handles it and by when) within this time of the complaint. Past it, the managers get one e-mail. Our choice, in line with the 24-hour written answer of seed 002; the seeds say to respond at once.',
      '收到投诉后须在此时间内回复客户（致谢、致歉、说明由谁处理以及何时答复）。超过时限，经理会收到一封提醒邮件。此数值为本产品的选择，与资料 002 的 24 小时书面答复一致；资料要求立即响应。',
    ),
    unit: 'hours',
    default: 24,
    source: 'our choice (seed 002 S3.3: 24 h written answer; seed 000 §8.3: respond at once)',
    min: 1,
  },
  resolveDays('high', 2, 'High', '高'),
  resolveDays('medium', 7, 'Medium', '中'),
  resolveDays('low', 14, 'Low', '低'),
  {
    key: 'complaint_repeat_days',
    name: 'SD_COMPLAINT_REPEAT_DAYS',
    label: L('Complaint: repeat within', '投诉：重复投诉期'),
    explanation: L(
      'A complaint from a customer who already complained within this many days counts as a repeat complaint. Our choice.',
      '客户在此天数内再次投诉，计为重复投诉。此数值为本产品的选择。',
    ),
    unit: 'days',
    default: 90,
    source: 'our choice (seed 001: big customers with repeated complaints)',
    min: 1,
  },
  {
    key: 'complaint_checkin_days',
    name: 'SD_COMPLAINT_CHECKIN_DAYS',
    label: L('Complaint: check-in after closing', '投诉：结案后回访'),
    explanation: L(
      'When a complaint is closed without the customer confirming they are satisfied, a check-in follow-up is planned this many days later. Our choice.',
      '投诉结案时如果客户没有确认满意，在此天数后安排一次回访跟进。此数值为本产品的选择。',
    ),
    unit: 'days',
    default: 7,
    source: 'our choice (seed 001 step 7: confirm the customer is satisfied)',
    min: 0,
  },
];
