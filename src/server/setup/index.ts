/**
 * "Set up workbook": creates every Sales Desk tab in the user's language and, on every later
 * run, checks and repairs what is missing — headers, notes, header look, validation, number
 * formats, array formulas, named ranges, protections, highlights, the rows of Settings, Lists
 * and the Playbook, the recalculation interval — without moving, overwriting or deleting
 * anything of the user's. What cannot be repaired safely is reported, not forced; cells typed
 * into a computed column are listed and cleared only when the user says yes.
 *
 * Each part lives in its own module and works on the same SetupTab (tab.ts). Cost: every call
 * is per tab, per column or per setting/list — never per data row — so set-up costs the same
 * with 0 or 20,000 rows; a run with nothing to repair reads each attribute once per tab, finds
 * the columns through the one column map (records/column-map.ts) and writes nothing.
 */
import { t } from '../../core/i18n';
import { withDocumentLock } from '../lock';
import { currentLocale } from '../locale';
import { Workbook } from '../records/workbook';
import { ensureDashboard, ensureTeam, ensureTrends } from './dashboard';
import { ensureFormats, formatRangesA1 } from './formats';
import { anchorRangesA1, ensureFormulas } from './formulas';
import { ensureHeaderRow, ensureShell, keyColumns, keyRangesA1, placeColumns } from './headers';
import { ensureHighlights, highlightRangesA1 } from './highlights';
import { ensureNamedRanges } from './named-ranges';
import { seedPlaybook } from './playbook';
import { seedComplaintSteps } from './complaint-steps';
import { ensureProtections, protectionRangesA1 } from './protections';
import { ensureRecalculationInterval } from './recalculation';
import { newReport, setupMessage, typedCount, type SetupReport } from './report';
import { ensureListValues, ensureSettingRows } from './settings-rows';
import { openSetupTabs, rememberColumnMap, type SetupTabs } from './tabs';
import type { Locale } from '../../core/i18n';
import { clearTypedCells } from './typed-cells';
import { ensureValidation, RuleBook } from './validation';
import type { SetupTab } from './tab';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Every range the parts will write through on a tab this run created (its layout is known once
 * the columns are placed), so they come in one RangeList instead of one getRange each.
 */
function plannedRanges(tab: SetupTab): string[] {
  return [
    ...keyRangesA1(tab),
    tab.headerRowA1(),
    ...(tab.def.kind === 'table' || tab.def.kind === 'settings' ? [tab.dataBlockA1()] : []),
    ...formatRangesA1(tab),
    ...anchorRangesA1(tab),
    ...protectionRangesA1(tab),
    ...highlightRangesA1(tab),
  ];
}

/** The summary tabs: written from core/dashboard, not from column declarations. */
const SUMMARY_TABS = new Set(['dashboard', 'team', 'trends']);

/** The Dashboard, Team and Trends tabs (also "Rebuild summaries"). */
export function ensureSummaries(tabs: SetupTabs, locale: Locale, report: SetupReport): void {
  const dashboard = tabs.get('dashboard');
  if (dashboard) ensureDashboard(dashboard, tabs, locale, report);
  const team = tabs.get('team');
  if (team) ensureTeam(team, tabs, locale, report);
  const trends = tabs.get('trends');
  if (trends) ensureTrends(trends, tabs, locale, report);
}

/** Runs set-up on a spreadsheet and returns what it did (no UI). */
export function runSetup(ss: Spreadsheet): SetupReport {
  const wb = new Workbook(ss);
  const report = newReport(currentLocale());
  const { tabs, locale } = openSetupTabs(wb, report);
  report.locale = locale;

  for (const tab of tabs.values()) {
    if (tab.def.kind === 'shell') {
      if (!SUMMARY_TABS.has(tab.def.key)) ensureShell(tab, locale);
      continue;
    }
    const added = placeColumns(tab, locale, report);
    if (tab.created) tab.prefetch(plannedRanges(tab));
    keyColumns(tab, added, report);
    ensureHeaderRow(tab, locale, added, report);
  }
  const settings = tabs.get('settings');
  const settingRows = settings ? ensureSettingRows(settings, locale, report) : null;
  const lists = tabs.get('lists');
  if (lists) ensureListValues(lists, locale, report);
  ensureNamedRanges(wb, tabs, settingRows, locale, report);

  const rules = new RuleBook(tabs);
  for (const tab of tabs.values()) {
    if (ensureValidation(tab, rules, settingRows)) report.repairs.push(`${tab.def.key}: validation`);
    if (ensureFormats(tab, settingRows)) report.repairs.push(`${tab.def.key}: number formats`);
  }
  for (const tab of tabs.values()) ensureFormulas(tabs, tab, locale, report);
  ensureSummaries(tabs, locale, report);
  for (const key of ensureProtections(ss, tabs)) report.repairs.push(`${key}: protections`);
  const playbook = tabs.get('playbook');
  if (playbook) seedPlaybook(playbook, locale, report);
  const complaintSteps = tabs.get('complaint_steps');
  if (complaintSteps) seedComplaintSteps(complaintSteps, locale, report);
  for (const tab of tabs.values()) if (ensureHighlights(tab) && !tab.created) report.repairs.push(`${tab.def.key}: highlights`);
  if (ensureRecalculationInterval(ss) && !report.createdTabs.length) report.repairs.push('recalculation interval');

  rememberColumnMap(wb, tabs);

  // The first time, open the register where the user starts; a repair leaves them where they are.
  const customers = tabs.get('customers');
  if (customers?.created) ss.setActiveSheet(customers.sheet);
  return report;
}

/** Menu action "Set up workbook". */
export function setupWorkbook(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  // A first set-up makes many Apps Script calls: say so while it runs (-1 keeps the toast up
  // until the closing dialog replaces it; https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#toast(String,String,Number)).
  const locale = currentLocale();
  ss.toast(t(locale, 'setup.working'), t(locale, 'app.name'), -1);
  const report = withDocumentLock(() => runSetup(ss));
  ss.toast(t(locale, 'setup.finished'), t(locale, 'app.name'), 5);
  const ui = SpreadsheetApp.getUi();
  const L = report.locale;
  const count = typedCount(report);
  if (!count) {
    ui.alert(t(L, 'setup.title'), setupMessage(report), ui.ButtonSet.OK);
    return;
  }
  // Typed cells block a computed column: offer to clear exactly those (not under the lock —
  // the question waits for the user; the cells are checked again before clearing).
  const question = `${setupMessage(report)}\n\n${t(L, 'setup.clearTyped.question', { count: String(count) })}`;
  if (ui.alert(t(L, 'setup.title'), question, ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
  const cleared = withDocumentLock(() => clearTypedCells(ss, report.typed));
  const done =
    cleared === count
      ? t(L, 'setup.clearTyped.done', { count: String(cleared) })
      : t(L, 'setup.clearTyped.partly', { count: String(cleared), total: String(count) });
  ss.toast(done, t(L, 'app.name'), 10);
}
