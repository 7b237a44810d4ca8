/**
 * The Survey sends tab (issue 14): one row per personal survey link — queued when Send survey
 * is clicked, then sent, failed, answered or expired. The sending loop writes each row's state
 * before and after the e-mail (src/server/survey/send.ts), so a second click, a re-run or a
 * killed execution never sends the same survey twice. Declared here and added to TABS.
 */
import type { Localized } from '../i18n/locale';
import type { ColumnDef, ColumnType, TabDef } from './types';

const L = (en: string, zh: string): Localized => ({ en, zh });

/** Widths are on tabs.ts's steps (100, 160, 280), so set-up batches neighbouring columns. */
const WIDTH: Partial<Record<ColumnType, number>> = { longtext: 280, email: 160, text: 160, list: 160 };

function col(key: string, type: ColumnType, header: Localized, note: Localized, extra: Partial<ColumnDef> = {}): ColumnDef {
  return { key, type, header, note, width: WIDTH[type] ?? 100, protected: true, ...extra };
}

export const SURVEY_SENDS: TabDef = {
  key: 'survey_sends',
  name: L('Survey sends', '问卷发送'),
  kind: 'table',
  description: L(
    'One row per personal survey link: queued, sent, failed, answered or expired (written by Sales Desk; do not edit).',
    '每个个人问卷链接一行：排队中、已发送、发送失败、已作答或已过期（由销售台写入，请勿修改）。',
  ),
  frozenRows: 1,
  frozenColumns: 1,
  headerStyle: { background: '#9334e6', fontColor: '#ffffff', bold: true },
  color: '#9334e6',
  columns: [
    col('send_id', 'id', L('Send ID', '发送编号'), L('Unique ID given by Sales Desk.', '销售台分配的唯一编号。')),
    col(
      'round',
      'text',
      L('Round', '批次'),
      L('The send run this link belongs to (response rates count by it).', '该链接所属的发送批次（回复率按批次统计）。'),
    ),
    col('kind', 'list', L('Survey round', '调查类型'), L('After delivery or regular check.', '交付后调查或定期调查。'), { list: 'survey_kind' }),
    col('customer_id', 'id', L('Customer ID', '客户编号'), L('ID of the customer on the Customers tab.', '客户表中的客户编号。'), { required: true }),
    col(
      'addressee',
      'text',
      L('Addressed to', '称呼'),
      L('Whom the e-mail greets: the contact, else the customer’s name.', '邮件称呼的对象：联系人，没有时为客户名称。'),
    ),
    col('email', 'email', L('E-mail', '邮箱'), L('Where the link went.', '链接发送到的邮箱。')),
    col('language', 'text', L('Language', '语言'), L('The language of the form the link opens (en or zh).', '链接所打开问卷的语言（en 或 zh）。')),
    col(
      'code',
      'text',
      L('Reference code', '参考编号'),
      L('The unguessable code in the personal link; the answer is matched back by it.', '个人链接中不可猜测的编号；答卷据此关联回客户。'),
    ),
    col('delivered_on', 'date', L('Delivered', '交付日期'), L('For an after-delivery survey: the delivery it asks about.', '交付后调查：所询问的那次交付。')),
    col('status', 'list', L('Status', '状态'), L('Queued, sent, failed, answered or expired.', '排队中、已发送、发送失败、已作答或已过期。'), {
      list: 'survey_send_status',
    }),
    col('error', 'text', L('Error', '错误'), L('Why a send failed or waits (quota, address, stopped run).', '发送失败或等待的原因（配额、地址、运行中断）。')),
    col(
      'attempt',
      'text',
      L('Attempt', '发送尝试'),
      L('Set just before the e-mail goes (run and time); Sales Desk uses it after a stopped run.', '发信前写入（运行编号和时间）；运行中断后销售台据此处理。'),
    ),
    col('sent_at', 'datetime', L('Sent', '发送时间'), L('When the e-mail went.', '邮件发出的时间。')),
    col('sent_by', 'text', L('Sent by', '发送人'), L('Who clicked Send.', '点击发送的人。')),
    col('reminder_at', 'datetime', L('Reminder', '提醒时间'), L('When the one reminder went.', '唯一一次提醒的发送时间。')),
    col('answered_at', 'datetime', L('Answered', '作答时间'), L('When the customer answered through this link.', '客户通过此链接作答的时间。')),
    col('owner', 'list', L('Owner', '负责人'), L('The customer’s owner when the link was queued.', '排队时该客户的负责人。'), { list: 'team' }),
  ],
};
