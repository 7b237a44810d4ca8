/** The checklist as the team keeps it on the Complaint steps tab (a manager's edits show), in tab order. */
import { checklistFromTab, type ComplaintStepRow, type ShownStep } from '../../core/complaints';
import type { Locale } from '../../core/i18n';
import { getTab } from '../../core/schema';
import type { Workbook } from '../records';

export function readChecklist(wb: Workbook, locale: Locale): ShownStep[] {
  const tab = wb.tab('complaint_steps');
  const rows = tab ? tab.readAll(getTab('complaint_steps').columns.map((c) => c.key)).rows.map((r) => r.values as ComplaintStepRow) : [];
  return checklistFromTab(rows, locale);
}
