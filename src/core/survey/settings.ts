/**
 * The survey's Settings rows (issue 14), spliced into SETTINGS (src/core/settings.ts; this file
 * imports only its types, so there is no import cycle; surveySettings() is in read-settings.ts). The two survey timings that already exist there —
 * survey_after_delivery_months (seed 002 S6.2, 1 month) and survey_interval_months (seed 000
 * §3.3, a quarter) — are read from SETTINGS, not declared twice.
 *
 * No seed gives a throttle, reminder, expiry, score threshold or NPS: every default below is
 * marked "our choice" or "our addition" in its source and says so in its explanation.
 */
import type { Localized } from '../i18n/locale';
import type { SettingDef } from '../settings';

const L = (en: string, zh: string): Localized => ({ en, zh });

export const SURVEY_SETTINGS: readonly SettingDef[] = [
  {
    key: 'survey_nps',
    name: 'SD_SURVEY_NPS',
    label: L('Survey: ask “would you recommend us” (0–10)', '问卷：询问“是否愿意推荐我们”（0–10）'),
    explanation: L(
      'Adds the Net Promoter question to the survey forms. Our addition: the seeds do not have it, but it is the measure managers expect.',
      '在问卷中加入净推荐值（NPS）问题。这是本产品的补充：资料中没有，但管理者普遍使用这一指标。',
    ),
    unit: 'boolean',
    default: true,
    source: 'our addition (NPS is not in the seeds)',
  },
  {
    key: 'survey_dimensions_section',
    name: 'SD_SURVEY_DIMENSIONS_SECTION',
    label: L('Survey: ten service aspects', '问卷：十项服务细项'),
    explanation: L(
      'Adds an optional section rating ten aspects of service (reliability, responsiveness, competence, access, courtesy, communication, credibility, security, understanding, tangibles) from 1 to 5.',
      '在问卷中加入可选部分，按 1–5 分评价十项服务细项（可靠、响应、专业、便利、礼貌、沟通、信誉、安全、理解、有形环境）。',
    ),
    unit: 'boolean',
    default: false,
    source: 'seed 001 (ten service-quality dimensions); off by default: our choice',
  },
  {
    key: 'survey_questions_section',
    name: 'SD_SURVEY_QUESTIONS_SECTION',
    label: L('Survey: three open questions', '问卷：三个开放问题'),
    explanation: L(
      'Adds an optional section asking why the customer chose us, why us rather than another supplier, and what we should improve.',
      '在问卷中加入可选部分，询问客户为什么选择我们、为什么选我们而不是其他供应商、我们还应改进什么。',
    ),
    unit: 'boolean',
    default: false,
    source: 'seed 004 §1.9 (three survey questions); off by default: our choice',
  },
  {
    key: 'survey_throttle_days',
    name: 'SD_SURVEY_THROTTLE_DAYS',
    label: L('Survey: rest between two surveys', '问卷：两次调查的最短间隔'),
    explanation: L(
      'Nobody gets a survey if they were sent one in the last this many days, whatever else is due. Our choice.',
      '如果客户在此天数内已收到过问卷，无论是否到期都不再发送。此数值为本产品的选择。',
    ),
    unit: 'days',
    default: 30,
    source: 'our choice',
    min: 0,
  },
  {
    key: 'survey_reminder_days',
    name: 'SD_SURVEY_REMINDER_DAYS',
    label: L('Survey: reminder after', '问卷：提醒时间'),
    explanation: L(
      'A customer who has not answered gets one reminder this many days after the survey was sent. Our choice.',
      '客户未作答时，在问卷发出此天数后发送一次提醒。此数值为本产品的选择。',
    ),
    unit: 'days',
    default: 5,
    source: 'our choice',
    min: 1,
  },
  {
    key: 'survey_expiry_days',
    name: 'SD_SURVEY_EXPIRY_DAYS',
    label: L('Survey: link expires after', '问卷：链接有效期'),
    explanation: L(
      'A personal survey link stops counting this many days after it was sent; a later answer is kept and flagged for the manager. Our choice.',
      '个人问卷链接在发出此天数后失效；之后提交的回答会保留并标记给经理查看。此数值为本产品的选择。',
    ),
    unit: 'days',
    default: 14,
    source: 'our choice',
    min: 1,
  },
  {
    key: 'survey_low_score',
    name: 'SD_SURVEY_LOW_SCORE',
    label: L('Survey: low score (1–5)', '问卷：低分线（1–5）'),
    explanation: L(
      'Any 1–5 answer at or below this starts a service-recovery follow-up for the customer’s owner. Our choice.',
      '任何一项 1–5 分的回答不高于此分数时，为客户负责人创建服务补救跟进。此数值为本产品的选择。',
    ),
    unit: 'score',
    default: 2,
    source: 'our choice (low scores as a signal: seed 003 §6.3)',
    min: 1,
    max: 5,
  },
  {
    key: 'nps_promoter_min',
    name: 'SD_NPS_PROMOTER_MIN',
    label: L('NPS: promoters from', 'NPS：推荐者起始分'),
    explanation: L(
      'An answer of this or more to “would you recommend us” (0–10) counts as a promoter; a satisfied promoter gets a referral-ask follow-up. The usual NPS definition; our addition.',
      '“是否愿意推荐我们”（0–10）回答不低于此分数的算作推荐者；满意的推荐者会生成请求转介绍的跟进。采用通行的 NPS 定义，是本产品的补充。',
    ),
    unit: 'score',
    default: 9,
    source: 'our addition (standard NPS bands)',
    min: 0,
    max: 10,
  },
  {
    key: 'nps_detractor_max',
    name: 'SD_NPS_DETRACTOR_MAX',
    label: L('NPS: detractors up to', 'NPS：贬损者最高分'),
    explanation: L(
      'An answer of this or less counts as a detractor and starts a service-recovery follow-up. The usual NPS definition; our addition.',
      '回答不高于此分数的算作贬损者，并创建服务补救跟进。采用通行的 NPS 定义，是本产品的补充。',
    ),
    unit: 'score',
    default: 6,
    source: 'our addition (standard NPS bands)',
    min: 0,
    max: 10,
  },
  {
    key: 'survey_recovery_hours',
    name: 'SD_SURVEY_RECOVERY_HOURS',
    label: L('Survey: service recovery within', '问卷：服务补救时限'),
    explanation: L(
      'After a low score the owner contacts the customer within this time. The seeds say to act at once; the number is our choice, in line with the 24-hour written answer of seed 002.',
      '收到低分后，负责人须在此时间内联系客户。资料要求立即处理；具体数值为本产品的选择，与资料 002 的 24 小时书面答复一致。',
    ),
    unit: 'hours',
    default: 24,
    source: 'our choice (seed 000 §8.3 and seed 001: act at once; 24 h as seed 002 S3.3)',
    min: 1,
  },
  {
    key: 'survey_referral_days',
    name: 'SD_SURVEY_REFERRAL_DAYS',
    label: L('Survey: referral ask within', '问卷：请求转介绍时限'),
    explanation: L(
      'A satisfied promoter is asked for a referral within this many days of answering. Asking satisfied customers is from seed 002; the number is our choice.',
      '满意的推荐者在作答后此天数内请其转介绍。向满意客户请求转介绍来自资料 002；具体天数为本产品的选择。',
    ),
    unit: 'days',
    default: 7,
    source: 'seed 002 S6.3 (ask satisfied customers for referrals); days: our choice',
    min: 0,
  },
];
