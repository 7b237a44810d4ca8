/**
 * The survey's dropdown lists (issue 14), in the shape of src/core/lists.ts so the lead can
 * splice them into LISTS: the kind of survey round, the state of one send on the Survey sends
 * tab, and the flag a response gets when its reference code cannot be trusted.
 * The overall rating reuses the existing `satisfaction` list (seed 002 T4).
 */
import type { Localized } from '../i18n/locale';
import type { ListDef, ListItem } from '../lists';

const L = (en: string, zh: string): Localized => ({ en, zh });
const item = (key: string, en: string, zh: string): ListItem => ({ key, label: L(en, zh) });

export const SURVEY_KINDS = ['after_delivery', 'relationship'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

export const SEND_STATUSES = ['queued', 'sent', 'failed', 'answered', 'expired'] as const;
export type SendStatus = (typeof SEND_STATUSES)[number];

/** Why a response is not attached to a customer; blank = attached. */
export const CODE_FLAGS = ['missing', 'edited', 'unknown', 'reused', 'expired'] as const;
export type CodeFlag = (typeof CODE_FLAGS)[number];

export const SURVEY_LISTS: readonly ListDef[] = [
  {
    key: 'survey_kind',
    name: L('Survey round', '调查类型'),
    note: L('Why the customer was surveyed.', '向客户发送问卷的原因。'),
    source: 'seed 002 S6.2 (one month after delivery); seed 000 §3.3 (every quarter or half-year)',
    items: [item('after_delivery', 'After delivery', '交付后调查'), item('relationship', 'Regular check', '定期调查')],
  },
  {
    key: 'survey_send_status',
    name: L('Send status', '发送状态'),
    note: L('Where one personal survey link stands.', '单个个人问卷链接的当前状态。'),
    source: 'our design (issue 14)',
    items: [
      item('queued', 'Queued', '排队中'),
      item('sent', 'Sent', '已发送'),
      item('failed', 'Failed', '发送失败'),
      item('answered', 'Answered', '已作答'),
      item('expired', 'Expired', '已过期'),
    ],
  },
  {
    key: 'survey_code_flag',
    name: L('Response flag', '答卷标记'),
    note: L('Why an answer was not attached to a customer; the manager decides what to do with it.', '答卷未关联到客户的原因；由经理决定如何处理。'),
    source: 'our design (issue 14)',
    items: [
      item('missing', 'No reference code', '缺少参考编号'),
      item('edited', 'Reference code changed', '参考编号被修改'),
      item('unknown', 'Unknown reference code', '未知的参考编号'),
      item('reused', 'Code already answered', '该编号已作答过'),
      item('expired', 'Link had expired', '链接已过期'),
    ],
  },
];
