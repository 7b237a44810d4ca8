/**
 * Named ranges: every setting's value cell (SD_FOLLOWUP_HIGH_HOURS …), the team columns and the
 * list columns. A missing one is created; an existing one is kept where it is (Sheets moves a
 * named range with its cells). Cost: one read of the name checks (name-checks.ts) when every
 * name resolves; otherwise one read of the names (one call each), and when some are missing one
 * RangeList per tab for their ranges and one setNamedRange each, and the checks written again.
 */
import type { Locale } from '../../core/i18n';
import { FIRST_DATA_ROW, namedRanges, type NamedRangeDef } from '../../core/schema';
import type { Workbook } from '../records/workbook';
import { NameChecks } from './name-checks';
import { blockA1 } from './tab';
import type { SetupReport } from './report';
import type { SettingRows } from './settings-rows';
import type { SetupTabs } from './tabs';

export function ensureNamedRanges(wb: Workbook, tabs: SetupTabs, settingRows: SettingRows | null, locale: Locale, report: SetupReport): void {
  const declared = namedRanges();
  const checks = new NameChecks(wb, declared);
  if (checks.allResolve()) {
    checks.remember();
    return;
  }
  const ss = wb.ss;
  const existing = new Set(ss.getNamedRanges().map((n) => n.getName()));
  const missing = declared.filter((d) => !existing.has(d.name));
  // Where each missing name goes, grouped by tab so that each tab's ranges come in one call.
  const byTab = new Map<string, { def: NamedRangeDef; a1: string }[]>();
  for (const def of missing) {
    const tabKey = def.target.kind === 'setting' ? 'settings' : def.target.tabKey;
    const tab = tabs.get(tabKey);
    let a1: string | null = null;
    if (tab && def.target.kind === 'setting') {
      const row = settingRows?.get(def.target.settingKey);
      if (row) a1 = blockA1(row, row, tab.columns.get('setting_value')!, 1);
    } else if (tab && def.target.kind === 'column') {
      a1 = blockA1(FIRST_DATA_ROW, tab.lastRow(), tab.columns.get(def.target.columnKey)!, 1);
    }
    if (!a1) {
      report.problems.push({ code: 'settingMissing', params: { setting: def.name } });
      continue;
    }
    byTab.set(tabKey, [...(byTab.get(tabKey) ?? []), { def, a1 }]);
  }
  for (const [tabKey, wanted] of byTab) {
    const tab = tabs.get(tabKey)!;
    const ranges = tab.ranges(wanted.map((w) => w.a1));
    wanted.forEach((w, i) => {
      ss.setNamedRange(w.def.name, ranges[i]);
      if (!tab.created) report.repairs.push(`named range ${w.def.name}`);
    });
  }
  checks.write(locale, missing.length > 0);
  checks.remember();
}
