/**
 * Rows of the Survey sends tab as core's SurveySend, and the labels written back. The tab is
 * read whole in one read of its columns (a constant number of calls at any size).
 */
import { listItemKey, workbookLabel } from '../../core/lists';
import type { Locale } from '../../core/i18n';
import type { SendStatus, SurveyKind } from '../../core/survey/lists';
import type { SurveySend } from '../../core/survey/sends';
import { listColumns, type ReadRow, type Tab, type Workbook } from '../records';

export const SEND_KEYS = [
  'send_id',
  'round',
  'kind',
  'customer_id',
  'addressee',
  'email',
  'language',
  'code',
  'delivered_on',
  'status',
  'error',
  'attempt',
  'sent_at',
  'sent_by',
  'reminder_at',
  'answered_at',
  'owner',
] as const;

export interface SendRow {
  row: number;
  send: SurveySend;
  values: ReadRow['values'];
}

function ms(v: unknown): number | null {
  if (v && typeof v === 'object' && typeof (v as Date).getTime === 'function') {
    const n = (v as Date).getTime();
    return Number.isNaN(n) ? null : n;
  }
  return null;
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

export function toSend(r: ReadRow): SurveySend {
  const v = r.values;
  const locale: Locale = text(v.language) === 'zh' ? 'zh' : 'en';
  return {
    round: text(v.round),
    kind: (listItemKey('survey_kind', v.kind) ?? 'relationship') as SurveyKind,
    customerId: text(v.customer_id),
    code: text(v.code),
    locale,
    status: (listItemKey('survey_send_status', v.status) ?? 'queued') as SendStatus,
    deliveredAt: ms(v.delivered_on),
    sentAt: ms(v.sent_at),
    reminderAt: ms(v.reminder_at),
    answeredAt: ms(v.answered_at),
  };
}

export function readSends(tab: Tab): SendRow[] {
  return tab
    .readAll(SEND_KEYS)
    .rows.filter((r) => text(r.values.customer_id) !== '')
    .map((r) => ({ row: r.row, send: toSend(r), values: r.values }));
}

/** The workbook's spelling of list items (its Lists tab's language). */
export function labels(wb: Workbook): { status(s: SendStatus): string; kind(k: SurveyKind): string; flag(f: string): string; overall(k: string): string } {
  const lists = listColumns(wb);
  return {
    status: (s) => workbookLabel(lists.survey_send_status ?? [], 'survey_send_status', s),
    kind: (k) => workbookLabel(lists.survey_kind ?? [], 'survey_kind', k),
    flag: (f) => workbookLabel(lists.survey_code_flag ?? [], 'survey_code_flag', f),
    overall: (k) => workbookLabel(lists.satisfaction ?? [], 'satisfaction', k),
  };
}
