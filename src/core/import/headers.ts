/**
 * Guessing which customer field a CSV column holds from its header, in English or Chinese:
 * the register's own headers in both languages, plus the words other tools and people use.
 */
import { CUSTOMERS } from '../schema';
import { CUSTOMER_FORM_KEYS, type CustomerFieldKey } from '../customers/fields';

const SYNONYMS: Record<CustomerFieldKey, string[]> = {
  name: [
    'name',
    'customer',
    'customer name',
    'company',
    'company name',
    'account',
    'account name',
    'organization',
    'organisation',
    'client',
    '客户',
    '客户名称',
    '客户名',
    '公司',
    '公司名称',
    '企业',
    '企业名称',
    '单位',
    '单位名称',
    '名称',
  ],
  industry: ['industry', 'sector', 'vertical', '行业', '所属行业', '行业类别'],
  employees: ['employees', 'staff', 'headcount', 'employee count', 'company size', 'size', '员工数', '员工人数', '人数', '规模', '公司规模'],
  annual_revenue: ['revenue', 'annual revenue', 'turnover', 'sales volume', '年营收', '营收', '年收入', '营业收入', '年营业额', '年销售额'],
  contact_name: ['contact', 'contact name', 'contact person', 'person', 'full name', '联系人', '联系人姓名', '姓名', '对接人'],
  contact_title: ['title', 'job title', 'position', 'role', 'contact title', '职务', '职位', '头衔', '岗位'],
  phone: [
    'phone',
    'telephone',
    'tel',
    'mobile',
    'cell',
    'phone number',
    'mobile phone',
    '电话',
    '手机',
    '联系电话',
    '手机号',
    '手机号码',
    '电话号码',
    '联系方式',
  ],
  email: ['email', 'e-mail', 'mail', 'email address', 'e-mail address', '邮箱', '电子邮件', '邮件', '电子邮箱', '邮箱地址'],
  source: ['source', 'channel', 'lead source', 'source channel', '来源', '来源渠道', '渠道', '线索来源'],
  source_detail: ['source detail', 'campaign', 'event', '来源明细', '活动', '具体来源'],
  scenario: ['scenario', 'business type', '业务场景', '场景', '业务类型'],
  needs: ['needs', 'need', 'requirements', 'requirement', '需求', '需求描述', '客户需求'],
  need_confirmed: ['need confirmed', 'has need', '需求已确认', '需求确认', '有需求'],
  budget_confirmed: ['budget confirmed', 'has budget', 'budget', '预算已确认', '预算确认', '预算', '有预算'],
  stage: ['stage', 'sales stage', 'pipeline stage', 'deal stage', '阶段', '销售阶段', '跟进阶段'],
  owner: ['owner', 'rep', 'sales rep', 'salesperson', 'account owner', 'assigned to', '负责人', '销售', '负责销售', '跟进人', '销售代表', '归属销售'],
  notes: ['notes', 'note', 'remarks', 'remark', 'comment', 'comments', 'memo', '备注', '说明', '附注'],
};

/** Header text reduced for comparison: width, case, spaces, punctuation, a unit in brackets ("(元)") and a required-mark (*) ignored. */
export function headerToken(raw: string): string {
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, '')
    .replace(/[\s_\-*:：.,，。()（）/\\'"“”‘’]+/g, '');
}

const LOOKUP: Map<string, CustomerFieldKey> = (() => {
  const m = new Map<string, CustomerFieldKey>();
  for (const key of CUSTOMER_FORM_KEYS) {
    const col = CUSTOMERS.columns.find((c) => c.key === key)!;
    for (const h of [col.header.en, col.header.zh, ...SYNONYMS[key]]) {
      const tok = headerToken(h);
      if (!m.has(tok)) m.set(tok, key);
    }
  }
  return m;
})();

/** The field a header names, or null. */
export function guessField(header: string): CustomerFieldKey | null {
  return LOOKUP.get(headerToken(header)) ?? null;
}

/** One field (or '' for "do not import") per CSV column; a field is given to its first column only. */
export function guessMapping(headers: readonly string[]): (CustomerFieldKey | '')[] {
  const taken = new Set<CustomerFieldKey>();
  return headers.map((h) => {
    const f = guessField(h);
    if (!f || taken.has(f)) return '';
    taken.add(f);
    return f;
  });
}
