/**
 * The runtime's own promises, checked with a tiny script bundle written for the test (the real
 * add-in's bundle is exercised by every other integration test).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createLocalRuntime, type AnyScript } from '../../src/local';

function bundleOf(code: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sd-bundle-'));
  writeFileSync(join(dir, 'Code.js'), code);
  copyFileSync(join(__dirname, '../../dist/appsscript.json'), join(dir, 'appsscript.json'));
  return join(dir, 'Code.js');
}

const SCRIPT = `
function writeDate() {
  var sh = SpreadsheetApp.getActive().getSheets()[0];
  sh.getRange('A1').setValue(new Date('2026-03-05T01:00:00Z'));
  var v = sh.getRange('A1').getValue();
  return { isDate: v instanceof Date, iso: v.toISOString() };
}
function returnsDate() { return new Date(); }
function clockNow() { var d = new Date(); return [d.toISOString(), new Date(Date.now()).toISOString(), d instanceof Date, SpreadsheetApp.getActive().getSheets()[0].getRange('A1').setValue(new Date(2026, 0, 2)).getValue() instanceof Date]; }
function echo(x) { return x; }
function usesNode() { return typeof require + '/' + typeof process; }
function slowLoop() { var sh = SpreadsheetApp.getActive().getSheets()[0]; for (var i = 0; i < 100000; i++) sh.getRange(1, 1).getValue(); }
function today() { var r = SpreadsheetApp.getActive().getSheets()[0].getRange('C1'); r.setFormula('=TODAY()'); r.setNumberFormat('yyyy-mm-dd'); SpreadsheetApp.getActive().getSheets()[0].getRange('D1').setFormula('=NOW()-INT(NOW())'); return r.getDisplayValue(); }
function recalcHourly() { SpreadsheetApp.getActive().setRecalculationInterval(SpreadsheetApp.RecalculationInterval.HOUR); }
function onEdit(e) { PropertiesService.getDocumentProperties().setProperty('simple', e.range.getA1Notation() + '=' + e.value + ' was ' + e.oldValue); }
function installEdit() { ScriptApp.newTrigger('onEditInstalled').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create(); }
function onEditInstalled(e) { PropertiesService.getDocumentProperties().setProperty('installed', e.triggerUid ? 'yes' : 'no'); }
function editLog() { var p = PropertiesService.getDocumentProperties(); return [p.getProperty('simple'), p.getProperty('installed')]; }
function scriptWrite() { SpreadsheetApp.getActive().getSheets()[0].getRange('B2').setValue('by script'); }
function privateFn_() { return 'secret'; }
function whoAmI() { return Session.getActiveUser().getEmail() + '|' + PropertiesService.getUserProperties().getProperty('k'); }
function remember(v) { PropertiesService.getUserProperties().setProperty('k', v); }
function batched() { var sh = SpreadsheetApp.getActive().getSheets()[0]; sh.getRange(1, 1, 2, 2).setValues([[1, 2], [3, 4]]); return sh.getRange(1, 1, 2, 2).getValues(); }
`;

describe('local runtime', () => {
  it('gives the script real Dates for date cells (same realm, instanceof works)', () => {
    const rt = createLocalRuntime<AnyScript>({ bundle: bundleOf(SCRIPT) });
    expect(rt.run('writeDate')).toEqual({ isDate: true, iso: '2026-03-05T01:00:00.000Z' });
  });

  it('evaluates TODAY() and NOW() on the simulated clock in the spreadsheet time zone', () => {
    // 2026-03-04 17:30 UTC is already 2026-03-05 01:30 in Shanghai.
    const rt = createLocalRuntime<AnyScript>({ bundle: bundleOf(SCRIPT), timeZone: 'Asia/Shanghai', now: new Date('2026-03-04T17:30:00Z') });
    expect(rt.run('today')).toBe('2026-03-05');
    // Without edits, Sheets refreshes TODAY() only at its recalculation interval (ON_CHANGE by default).
    rt.run('recalcHourly');
    const sheet = rt.workbook.sheetNames()[0];
    expect(rt.workbook.values(sheet)[0][3]).toBeCloseTo(1.5 / 24, 6);
    rt.clock.advance(24 * 3600_000);
    expect(rt.workbook.displayValues(sheet)[0][2]).toBe('2026-03-06');
    expect(rt.workbook.formulas(sheet)[0][2]).toBe('=TODAY()');
  });

  it('gives new Date() and Date.now() the simulated time', () => {
    const rt = createLocalRuntime<AnyScript>({ bundle: bundleOf(SCRIPT), now: new Date('2026-03-04T17:30:00Z') });
    expect(rt.run('clockNow')).toEqual(['2026-03-04T17:30:00.000Z', '2026-03-04T17:30:00.000Z', true, true]);
    rt.clock.advance(60_000);
    expect((rt.run('clockNow') as unknown[])[0]).toBe('2026-03-04T17:31:00.000Z');
  });

  it('fires onEdit and installable edit triggers for a user edit, never for a script write', () => {
    const rt = createLocalRuntime<AnyScript>({ bundle: bundleOf(SCRIPT), user: 'ana@example.com' });
    rt.run('installEdit');
    rt.run('scriptWrite');
    expect(rt.run('editLog')).toEqual([null, null]);
    const sheet = rt.workbook.sheetNames()[0];
    expect(rt.editCell(sheet, 2, 2, '42')).toEqual({ ok: true });
    expect(rt.run('editLog')).toEqual(['B2=42 was by script', 'yes']);
  });

  it('hides Node globals the way Apps Script lacks them', () => {
    const rt = createLocalRuntime<AnyScript>({ bundle: bundleOf(SCRIPT) });
    expect(rt.run('usesNode')).toBe('undefined/undefined');
  });

  it('refuses Dates and private functions across google.script.run', () => {
    const rt = createLocalRuntime<AnyScript>({ bundle: bundleOf(SCRIPT) });
    const date = rt.rpc('returnsDate', '[]');
    expect(date.ok).toBe(false);
    expect(!date.ok && date.error.message).toMatch(/Date/);
    const priv = rt.rpc('privateFn_', '[]');
    expect(!priv.ok && priv.error.message).toMatch(/not found/);
    expect(rt.rpc('echo', JSON.stringify([{ a: [1, 'x', null] }]))).toEqual({ ok: true, value: { a: [1, 'x', null] } });
  });

  it('stops an execution that runs past six minutes on the simulated clock', () => {
    const rt = createLocalRuntime<AnyScript>({ bundle: bundleOf(SCRIPT) });
    rt.counter.costPerCallMs = 10; // 100,000 single-cell reads ≈ 16 minutes
    expect(() => rt.run('slowLoop')).toThrow('Exceeded maximum execution time');
  });

  it('counts Apps Script calls per method', () => {
    const rt = createLocalRuntime<AnyScript>({ bundle: bundleOf(SCRIPT) });
    rt.counter.reset();
    expect(rt.run('batched')).toEqual([
      [1, 2],
      [3, 4],
    ]);
    const counts = rt.counter.snapshot('SpreadsheetApp');
    expect(counts['SpreadsheetApp.Range.setValues']).toBe(1);
    expect(counts['SpreadsheetApp.Range.getValues']).toBe(1);
    expect(counts['SpreadsheetApp.getActive']).toBe(1);
  });

  it('keeps user properties per user and hands back a blank e-mail when Google hides it', () => {
    const rt = createLocalRuntime<AnyScript>({ bundle: bundleOf(SCRIPT), user: 'ana@example.com' });
    rt.run('remember', 'ana');
    rt.setUser({ email: '', key: 'hidden-li' });
    expect(rt.run('whoAmI')).toBe('|null');
    rt.run('remember', 'li');
    rt.setUser({ email: 'ana@example.com', key: undefined });
    expect(rt.run('whoAmI')).toBe('ana@example.com|ana');
  });

  it('saves and restores the workbook and the services', () => {
    const rt = createLocalRuntime<AnyScript>({ bundle: bundleOf(SCRIPT), user: 'ana@example.com' });
    rt.run('batched');
    rt.run('remember', 'kept');
    const again = createLocalRuntime<AnyScript>({ bundle: bundleOf(SCRIPT), user: 'ana@example.com', saved: JSON.parse(JSON.stringify(rt.save())) });
    expect(
      again.workbook
        .values(again.workbook.sheetNames()[0])
        .slice(0, 2)
        .map((r) => r.slice(0, 2)),
    ).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(again.run('whoAmI')).toBe('ana@example.com|kept');
  });
});
