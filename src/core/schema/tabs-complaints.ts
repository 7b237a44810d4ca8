/**
 * The two tabs of the complaint log (issue 17): Complaints, one row per complaint, and
 * Complaint steps, the team's editable checklist (seeded once like the Playbook; see
 * core/complaints/steps-tab.ts and server/setup/complaint-steps.ts).
 *
 * Declared apart from tabs.ts (which lists them in TABS), so this file cannot use tabs.ts's
 * helpers without an import cycle; `col` below is the same shape, with widths already on the
 * steps of WIDTH_STEPS (100/160/280/420) so neighbouring columns share one width call.
 */
import type { Localized } from '../i18n/locale';
import {
  FIRST_RESPONSE_DUE_FORMULA,
  REPEAT_FORMULA,
  RESOLUTION_DUE_FORMULA,
  RESOLUTION_OVERDUE_FORMULA,
  RESPONSE_OVERDUE_FORMULA,
} from '../complaints/formulas';
import type { ColumnDef, ColumnType, TabDef } from './types';
import { ADMIN_HEADER, COMPUTED_HEADER, LOG_HEADER } from './header-styles';

const L = (en: string, zh: string): Localized => ({ en, zh });

type Extra = Partial<Omit<ColumnDef, 'key' | 'header' | 'note' | 'type' | 'width'>>;

function col(key: string, type: ColumnType, width: 100 | 160 | 280 | 420, header: Localized, note: Localized, extra: Extra = {}): ColumnDef {
  return { key, type, header, note, width, ...extra };
}

/** tabs.ts TEAM_LIST (not imported: tabs.ts imports this file). */
const TEAM = 'team';

export const COMPLAINTS: TabDef = {
  key: 'complaints',
  name: L('Complaints', '客户投诉'),
  kind: 'table',
  description: L(
    'One row per complaint: what the customer said, how it was handled step by step, when it was answered and closed, and what we learnt.',
    '每条投诉一行：客户说了什么、逐步如何处理、何时回复和结案，以及从中得到的教训。',
  ),
  frozenRows: 1,
  frozenColumns: 1,
  headerStyle: LOG_HEADER,
  computedHeaderStyle: COMPUTED_HEADER,
  color: '#c5221f',
  highlights: [
    { key: 'response_overdue', formula: '{response_overdue}=TRUE', columns: 'row', background: '#fce8e6' },
    {
      key: 'resolution_overdue',
      formula: '{resolution_overdue}=TRUE',
      columns: ['complaint_id', 'customer_name', 'resolution_due'],
      fontColor: '#c5221f',
      bold: true,
    },
  ],
  columns: [
    col('complaint_id', 'id', 100, L('Complaint ID', '投诉编号'), L('Unique ID given by Sales Desk.', '销售台分配的唯一编号。'), { protected: true }),
    col('customer_id', 'id', 100, L('Customer ID', '客户编号'), L('ID of the customer on the Customers tab.', '客户表中的客户编号。'), { required: true }),
    col('customer_name', 'text', 160, L('Customer', '客户名称'), L('Customer name, copied when the row is saved.', '客户名称，保存时自动填入。')),
    col(
      'received_at',
      'datetime',
      160,
      L('Received', '收到时间'),
      L('When the complaint reached us; the response times count from here.', '收到投诉的时间；回复和解决时限从此计算。'),
      {
        required: true,
      },
    ),
    col('channel', 'list', 160, L('Channel', '渠道'), L('How the complaint reached us.', '通过什么方式收到投诉。'), { list: 'complaint_channel' }),
    col(
      'category',
      'list',
      160,
      L('Category', '类别'),
      L('What the complaint is about (Lists tab: add your own).', '投诉涉及的方面（可在下拉选项表中添加）。'),
      {
        list: 'complaint_category',
      },
    ),
    col(
      'severity',
      'list',
      100,
      L('Severity', '严重程度'),
      L('Low, medium or high; sets the resolution target in Settings.', '低、中、高；决定设置中的解决时限。'),
      {
        list: 'complaint_severity',
      },
    ),
    col(
      'words',
      'longtext',
      280,
      L('Customer’s words', '客户原话'),
      L('What the customer said, as close to their words as possible.', '客户的原话，尽量照实记录。'),
    ),
    col('owner', 'list', 160, L('Owner', '负责人'), L('Who handles the complaint until it is closed.', '负责处理该投诉直至结案的人。'), { list: TEAM }),
    col(
      'steps_log',
      'longtext',
      420,
      L('Steps done', '已完成步骤'),
      L(
        'One line per step of the checklist: [step] done at — note. Kept by the Log complaint sidebar; edit with care.',
        '每个处理步骤一行：[步骤] 完成时间 — 备注。由“登记投诉”侧边栏维护，手动修改请谨慎。',
      ),
    ),
    col(
      'first_response_at',
      'datetime',
      160,
      L('First response', '首次回复'),
      L('When the customer first heard back from us (the first of the opening steps ticked).', '客户第一次得到我们回复的时间（最先完成的开头步骤）。'),
    ),
    col('closed_at', 'datetime', 160, L('Closed', '结案时间'), L('When the complaint was closed.', '投诉结案的时间。')),
    col(
      'confirmed_satisfied',
      'boolean',
      100,
      L('Customer satisfied', '客户确认满意'),
      L('Ticked when the customer confirmed they are satisfied with the outcome.', '客户确认对处理结果满意时勾选。'),
    ),
    col('root_cause', 'list', 160, L('Root cause', '根本原因'), L('What really caused the complaint, from the list.', '投诉的真正原因，从列表中选择。'), {
      list: 'complaint_root_cause',
    }),
    col(
      'lesson',
      'longtext',
      280,
      L('Lesson', '教训'),
      L('What we learnt, in a sentence or two, for the next similar complaint.', '一两句话写下教训，供下次处理类似投诉时参考。'),
    ),
    col(
      'escalated_at',
      'datetime',
      160,
      L('Escalated', '已上报'),
      L(
        'When the managers were e-mailed about a late first response (once per complaint; set by Sales Desk).',
        '首次回复超时后通知经理的时间（每条投诉一次，由销售台填写）。',
      ),
      { protected: true },
    ),
    col(
      'survey_requested_at',
      'datetime',
      160,
      L('Satisfaction check asked', '满意度回访申请'),
      L('When a one-question satisfaction check was asked for; the survey round sends it.', '申请发送一题满意度回访的时间；由问卷轮次发送。'),
      { protected: true },
    ),
    col(
      'previous_received_at',
      'datetime',
      160,
      L('Previous complaint', '上次投诉'),
      L(
        'When the same customer complained before this (set by Sales Desk when the complaint is logged).',
        '同一客户上一次投诉的时间（登记投诉时由销售台填写）。',
      ),
      { protected: true },
    ),
    col('created_at', 'datetime', 160, L('Created', '创建时间'), L('When the row was added (set by Sales Desk).', '该行的添加时间（由销售台填写）。'), {
      protected: true,
    }),
    col('created_by', 'text', 160, L('Created by', '创建人'), L('Who added the row (set by Sales Desk).', '添加该行的人（由销售台填写）。'), {
      protected: true,
    }),
    col('updated_at', 'datetime', 160, L('Updated', '更新时间'), L('When the row was last changed through Sales Desk.', '最近一次通过销售台修改的时间。'), {
      protected: true,
    }),
    col(
      'first_response_due',
      'datetime',
      160,
      L('First response due', '首次回复期限'),
      L('Computed: received time plus the first-response time in Settings.', '自动计算：收到时间加上设置中的首次回复时限。'),
      { formula: FIRST_RESPONSE_DUE_FORMULA },
    ),
    col(
      'resolution_due',
      'datetime',
      160,
      L('Resolution due', '解决期限'),
      L('Computed: received time plus the resolution target for its severity (Settings).', '自动计算：收到时间加上该严重程度的解决时限（见设置）。'),
      { formula: RESOLUTION_DUE_FORMULA },
    ),
    col(
      'response_overdue',
      'boolean',
      100,
      L('Response overdue', '回复已逾期'),
      L(
        'Computed: open, nobody has answered the customer yet, and the first-response time has passed.',
        '自动计算：尚未结案、还没有回复客户，且已超过首次回复期限。',
      ),
      { formula: RESPONSE_OVERDUE_FORMULA },
    ),
    col(
      'resolution_overdue',
      'boolean',
      100,
      L('Resolution overdue', '解决已逾期'),
      L('Computed: still open after the resolution target.', '自动计算：超过解决期限仍未结案。'),
      { formula: RESOLUTION_OVERDUE_FORMULA },
    ),
    col(
      'repeat',
      'boolean',
      100,
      L('Repeat', '重复投诉'),
      L('Computed: the same customer complained before within the repeat window in Settings.', '自动计算：同一客户在设置的重复投诉期内曾经投诉过。'),
      { formula: REPEAT_FORMULA },
    ),
  ],
};

export const COMPLAINT_STEPS_TAB: TabDef = {
  key: 'complaint_steps',
  name: L('Complaint steps', '投诉处理步骤'),
  kind: 'table',
  description: L(
    'The checklist the Log complaint sidebar shows, one step per row in order: coaching and a sample reply. Set-up writes the built-in steps once; edit, reorder or delete them, or add your team’s own.',
    '“登记投诉”侧边栏显示的处理清单，每行一个步骤，按顺序排列：要点指导和回复示例。初始化只写入一次内置步骤；可以修改、调整顺序、删除，或添加团队自己的步骤。',
  ),
  frozenRows: 1,
  headerStyle: ADMIN_HEADER,
  color: '#c5221f',
  columns: [
    col(
      'entry_key',
      'id',
      160,
      L('Key', '键'),
      L('Key of a built-in step (set by Sales Desk); leave it blank on steps you add.', '内置步骤的键（由销售台填写）；自己添加的步骤请留空。'),
      { protected: true },
    ),
    col('title', 'text', 280, L('Step', '步骤'), L('The step, in a few words.', '步骤的简要名称。'), { required: true }),
    col('coaching', 'longtext', 420, L('How to do it', '要点指导'), L('What to pay attention to in this step.', '这一步需要注意什么。')),
    col('sample_reply', 'longtext', 420, L('Sample reply', '回复示例'), L('Something you could say to the customer.', '可以对客户说的话。')),
    col('source', 'text', 160, L('Source', '来源'), L('Where the advice comes from: a handbook section, or your team.', '出处：资料章节，或团队经验。')),
    col('added_by', 'text', 160, L('Added by', '添加人'), L('Who wrote the step.', '该步骤的撰写人。')),
  ],
};
