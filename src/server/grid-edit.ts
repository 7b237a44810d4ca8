/**
 * Edits typed into the Customers grid (issue 12), through the simple onEdit trigger: a change of
 * what the plan depends on (stage, the two confirmation boxes, scenario, owner) re-plans the
 * customers of the edited rows, and a stage typed as Lost gets a "reason missing" item on
 * Follow-ups (rule loss_reason) that Today shows its owner, where "Give the reason" opens the
 * loss dialog.
 *
 * Why not ask at once: a simple onEdit runs in AuthMode.LIMITED without asking the user for
 * authorization, and Google documents that simple triggers "cannot access services that require
 * authorization" and that editor add-ons' simple triggers run with those restrictions
 * (https://developers.google.com/apps-script/guides/triggers#restrictions,
 * https://developers.google.com/workspace/add-ons/concepts/editor-triggers). The loss dialog needs
 * HtmlService shown through Ui.showModalDialog, which the auth-mode table lists under FULL only
 * (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#authorization_modes);
 * and any trigger runs for the user who edited, so no dialog can open for the customer's owner.
 * Not confirmed in Google's pages: whether an editor add-on's onEdit fires for edits by a user
 * who has never opened the add-on in this document (then the item comes with the next re-plan).
 */
import { listItemKey } from '../core/lists';
import { HEADER_ROW } from '../core/schema';
import { t } from '../core/i18n';
import { customersTab, openWorkbook, type Workbook } from './records';
import { withDocumentLock } from './lock';
import { currentLocale } from './locale';
import { replanCustomers } from './plans';
import { scheduleFollowUp } from './followups';

/** The Customers columns whose change re-plans a customer. */
const PLAN_INPUTS = ['stage', 'need_confirmed', 'budget_confirmed', 'scenario', 'owner'] as const;
/** At most this many rows of a paste are re-planned here; a bigger paste is the menu's "Re-plan follow-ups". */
const MAX_ROWS = 200;

export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e?.range;
  if (!range) return;
  try {
    handle(openWorkbook(), range);
  } catch (_err) {
    // An edit elsewhere, or a tab that is not set up: the grid edit itself stands.
  }
}

function handle(wb: Workbook, range: GoogleAppsScript.Events.SheetsOnEdit['range']): void {
  const customers = customersTab(wb);
  const block = customers ? wb.editedBlock('customers', range) : null;
  if (!customers || !block) return;
  const first = Math.max(block.first, HEADER_ROW + 1);
  const last = block.last;
  if (last < first || last - first + 1 > MAX_ROWS) return;
  const { from, to } = block;
  const touched = PLAN_INPUTS.some((k) => {
    const c = customers.columns.get(k);
    return c !== undefined && c >= from && c <= to;
  });
  if (!touched) return;
  const locale = currentLocale();
  withDocumentLock(() => {
    const rows: { id: string; name: string; owner: string; lost: boolean }[] = [];
    for (let r = first; r <= last; r++) {
      const v = customers.readRow(r, ['customer_id', 'name', 'stage', 'owner']);
      const id = String(v.customer_id ?? '').trim();
      if (id) rows.push({ id, name: String(v.name ?? ''), owner: String(v.owner ?? ''), lost: listItemKey('stage', v.stage) === 'lost' });
    }
    replanCustomers(
      wb,
      rows.map((r) => r.id),
    );
    const stageCol = customers.columns.get('stage');
    if (stageCol === undefined || stageCol < from || stageCol > to) return;
    for (const r of rows.filter((x) => x.lost && x.owner)) {
      scheduleFollowUp(
        {
          customerId: r.id,
          customerName: r.name,
          owner: r.owner,
          plannedAt: new Date(),
          purpose: 'return_visit',
          rule: 'loss_reason',
          nextStep: t(locale, 'loss.reasonMissing'),
        },
        wb,
      );
    }
  });
}
