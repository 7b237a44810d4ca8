/**
 * Menu action "Rebuild summaries": the Dashboard part of set-up on its own — after the team list
 * changed (one row per rep), or to put back a summary someone typed over. It finds the tabs the
 * way set-up does (one read of each tab's header block, never of its rows), so it costs the same
 * number of Apps Script calls at any size; a test holds that.
 */
import { t } from '../../core/i18n';
import { withDocumentLock } from '../lock';
import { currentLocale } from '../locale';
import { Workbook } from '../records/workbook';
import { ensureSummaries } from './index';
import { newReport } from './report';
import { openSetupTabs } from './tabs';

export function rebuildSummaries(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const outcome = withDocumentLock(() => {
    const wb = new Workbook(ss);
    const report = newReport(currentLocale());
    const { tabs, locale } = openSetupTabs(wb, report, false);
    const dashboard = tabs.get('dashboard');
    if (!dashboard) return { locale, key: 'summaries.missing' as const };
    ensureSummaries(tabs, locale, report);
    return {
      locale,
      key: report.repairs.some((r) => ['dashboard', 'team', 'trends'].includes(r)) ? ('summaries.rebuilt' as const) : ('summaries.current' as const),
    };
  });
  ss.toast(t(outcome.locale, outcome.key), t(outcome.locale, 'app.name'), 5);
}
