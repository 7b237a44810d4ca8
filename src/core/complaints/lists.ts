/**
 * The complaint log's dropdown lists (issue 17), in the shape of src/core/lists.ts so the lead
 * can splice them into LISTS. A team can append its own values on the Lists tab.
 *
 * Severity is our choice (seed 000 §8.2 says to judge "nature and severity" but names no
 * levels); each level carries its meaning, shown next to the field, and sets the resolution
 * target in Settings. Seed 001's three complaint levels (to us, to others, to a third party such
 * as a lawyer or the media) inform "high".
 */
import type { Localized } from '../i18n/locale';
import type { ListDef, ListItem } from '../lists';

const L = (en: string, zh: string): Localized => ({ en, zh });
const item = (key: string, en: string, zh: string): ListItem => ({ key, label: L(en, zh) });

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A severity level with what it means, for the sidebar's hint. */
export interface SeverityItem extends ListItem {
  key: Severity;
  meaning: Localized;
}

export const SEVERITY_ITEMS: SeverityItem[] = [
  {
    key: 'low',
    label: L('Low', '低'),
    meaning: L(
      'An annoyance: the customer can carry on as normal (a slow reply, a small mistake on paper).',
      '小麻烦：客户的工作不受影响（回复慢、单据上的小错误等）。',
    ),
  },
  {
    key: 'medium',
    label: L('Medium', '中'),
    meaning: L(
      'Something is not as agreed and it affects the customer, but there is a way to keep going meanwhile.',
      '有地方没有按约定做到，影响到客户，但暂时还有变通办法。',
    ),
  },
  {
    key: 'high',
    label: L('High', '高'),
    meaning: L(
      'The customer cannot use what they bought, money or safety is at stake, or they speak of leaving or of going to a third party.',
      '客户无法使用所购产品或服务，涉及金钱或安全，或客户提出要离开、要向第三方投诉。',
    ),
  },
];

export const COMPLAINT_LISTS: readonly ListDef[] = [
  {
    key: 'complaint_category',
    name: L('Complaint category', '投诉类别'),
    note: L('What the complaint is about; add your own values below.', '投诉涉及的方面；可在下方添加自己的选项。'),
    source: 'our choice (seed 000 §8.2: judge the nature of the problem; seed 004 §6.7 cases)',
    items: [
      item('product', 'Product', '产品'),
      item('service', 'Service', '服务'),
      item('delivery', 'Delivery', '交付'),
      item('billing', 'Billing', '账单与收费'),
      item('staff', 'Staff', '人员态度'),
      item('other', 'Other', '其他'),
    ],
  },
  {
    key: 'complaint_severity',
    name: L('Severity', '严重程度'),
    note: L('How badly the customer is affected; sets the resolution target (Settings).', '客户受影响的程度；决定解决时限（见设置）。'),
    source: 'our choice (seed 000 §8.2 names severity, no levels)',
    items: SEVERITY_ITEMS,
  },
  {
    key: 'complaint_channel',
    name: L('Complaint channel', '投诉渠道'),
    note: L('How the complaint reached us.', '投诉是通过什么方式收到的。'),
    source: 'seed 000 §8.3 (phone, e-mail, online chat); in person, survey and other are our additions',
    items: [
      item('phone', 'Phone', '电话'),
      item('email', 'E-mail', '邮件'),
      item('chat', 'Online chat / message', '在线聊天/消息'),
      item('in_person', 'In person', '当面'),
      item('survey', 'Survey answer', '满意度问卷'),
      item('other', 'Other', '其他'),
    ],
  },
  {
    key: 'complaint_root_cause',
    name: L('Root cause', '根本原因'),
    note: L('What really caused the complaint, recorded when it is closed.', '投诉的真正原因，结案时填写。'),
    source: 'seed 004 §2.6 (salesperson, customer and product causes); delivery, billing and process are our additions',
    items: [
      item('explanation', 'We did not explain enough', '我方说明不够'),
      item('promise', 'We did not keep an agreement', '我方未履行约定'),
      item('attitude', 'Our attitude', '我方态度问题'),
      item('customer_misunderstanding', 'Misunderstanding or oversight on the customer’s side', '客户误解或疏忽'),
      item('product_defect', 'Product defect', '产品缺陷'),
      item('equipment_fault', 'Equipment fault', '设备故障'),
      item('delivery_delay', 'Late or wrong delivery', '交付延误或出错'),
      item('billing_error', 'Billing error', '账单错误'),
      item('process', 'Our process', '内部流程问题'),
      item('other', 'Other', '其他'),
    ],
  },
];

export type ComplaintListKey = 'complaint_category' | 'complaint_severity' | 'complaint_channel' | 'complaint_root_cause';

export function getComplaintList(key: ComplaintListKey): ListDef {
  return COMPLAINT_LISTS.find((l) => l.key === key)!;
}

/**
 * The key of a value found in a cell: a built-in item's key when the value is its label in
 * either language or its key (trimmed, no case), else `custom:<the text>` for a value the team added, ''
 * for blank. (Once the lists are in LISTS this is listItemKey with the custom fallback.)
 */
export function complaintItemKey(list: ComplaintListKey, value: unknown): string {
  const v = String(value ?? '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
  if (!v) return '';
  for (const it of getComplaintList(list).items) {
    if (it.key === v || it.label.en.toLowerCase() === v || it.label.zh.toLowerCase() === v) return it.key;
  }
  return `custom:${v}`;
}
