/**
 * Help → Check this spreadsheet on the local runtime, in both languages: every probe passes (the
 * runtime models what the probes expect of Google Sheets), the scratch tab is gone afterwards,
 * nothing else changed, and the dialog lists the probes in the user's language.
 */
import { describe, expect, it } from 'vitest';
import { createLocalRuntime } from '../../src/local';
import { LocalRange } from '../../src/local/runtime/spreadsheet';
import { t } from '../../src/core/i18n';
import type { CheckReport } from '../../src/server/check';

/** Range.getNextDataCell comes with the records layer; until the runtime has it the idEnd probe reports the missing method. */
const hasNextDataCell = typeof (LocalRange.prototype as unknown as Record<string, unknown>).getNextDataCell === 'function';

function checked(locale: 'en' | 'zh_CN') {
  const rt = createLocalRuntime({ user: 'boss@example.com', locale });
  rt.run('setupWorkbook');
  rt.run('turnOnReminders');
  const before = { names: rt.workbook.sheetNames(), active: rt.spreadsheet.getActiveSheet().getName(), snapshot: JSON.stringify(rt.workbook.toJSON().sheets) };
  const report = rt.run('runSpreadsheetCheck') as CheckReport;
  return { rt, before, report };
}

describe('Check this spreadsheet', () => {
  for (const locale of ['en', 'zh_CN'] as const) {
    it(`passes every probe on the local runtime and leaves the workbook as it was (${locale})`, () => {
      const { rt, before, report } = checked(locale);
      const failed = report.results.filter((r) => !r.ok).map((r) => ({ key: r.key, error: r.error, cases: r.cases.filter((c) => !c.ok) }));
      if (hasNextDataCell) expect(failed).toEqual([]);
      else expect(failed).toEqual([{ key: 'idEnd', error: expect.stringMatching(/getNextDataCell/), cases: [] }]);
      expect(report.results.map((r) => r.key)).toEqual([
        'recalculation',
        'arrayEnd',
        'idEnd',
        'phoneText',
        'formulaText',
        'apostrophe',
        'dateZone',
        'columnKey',
        'appendedRows',
        'blockedArray',
        'triggers',
        'openRange',
        'deletedName',
        'arrayNextData',
      ]);
      expect(report.locale).toBe(locale === 'en' ? 'en' : 'zh');
      expect(rt.workbook.sheetNames()).toEqual(before.names);
      expect(rt.spreadsheet.getActiveSheet().getName()).toBe(before.active);
      expect(JSON.stringify(rt.workbook.toJSON().sheets)).toBe(before.snapshot);
      // The reminders' dispatcher is still the only trigger.
      expect(rt.triggers.state.triggers.map((tr) => tr.handler)).toEqual(['dispatch_']);
    });
  }

  it('fails the probes whose behaviour the spreadsheet lacks (no hourly recalculation, no trigger probe left behind)', () => {
    const rt = createLocalRuntime({ user: 'boss@example.com', locale: 'en' });
    const report = rt.run('runSpreadsheetCheck') as CheckReport; // never set up: recalculates ON_CHANGE
    const recalc = report.results.find((r) => r.key === 'recalculation')!;
    expect(recalc.ok).toBe(false);
    expect(recalc.cases).toEqual([{ what: 'Spreadsheet.getRecalculationInterval()', expected: 'HOUR or MINUTE', actual: 'ON_CHANGE', ok: false }]);
    expect(report.results.find((r) => r.key === 'triggers')!.ok).toBe(true);
    expect(rt.triggers.state.triggers).toEqual([]); // the probe's own trigger was deleted
  });

  it('is in the Help submenu and opens a dialog in the user’s language', () => {
    const rt = createLocalRuntime({ user: 'boss@example.com', locale: 'zh_CN' });
    rt.openDocument();
    const item = rt.ui.menuItems().find((i) => i.functionName === 'showSpreadsheetCheck')!;
    expect(item.path).toEqual(['销售台', '帮助', '检查此表格']);
    rt.run('showSpreadsheetCheck');
    const shown = rt.ui.current()!;
    expect([shown.kind, shown.title]).toEqual(['modal', t('zh', 'check.title')]);
    expect(shown.html).toContain('data-locale="zh"');
  });
});
