/**
 * The runtime runs the API patterns of Google's own samples — the Sheets add-on template
 * (add-on menu, onInstall → onOpen, a sidebar whose template pulls its CSS and JS in with
 * <?!= include('…'); ?>) and the mail-merge sample (a custom menu, rows read once, a status
 * column written once, rows already sent skipped) — plus Spreadsheet.addMenu, Sheet.copyTo and
 * a monthly trigger. The script below is written for this test in those patterns, not copied.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createLocalRuntime, type AnyScript } from '../../src/local';

const SCRIPT = `
function onOpen(e) {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Open panel', 'openPanel').addToUi();
  SpreadsheetApp.getUi().createMenu('Merge').addItem('Send pending', 'sendPending').addToUi();
}
function onInstall(e) { onOpen(e); }
function include(name) { return HtmlService.createHtmlOutputFromFile(name).getContent(); }
function openPanel() {
  var page = HtmlService.createTemplateFromFile('Panel');
  page.greeting = '<Hello & welcome>';
  SpreadsheetApp.getUi().showSidebar(page.evaluate().setTitle('Panel'));
}
function sendPending() {
  var sheet = SpreadsheetApp.getActive().getSheetByName('Recipients');
  var rows = sheet.getDataRange().getDisplayValues();
  var head = rows.shift();
  var to = head.indexOf('Email'), name = head.indexOf('Name'), status = head.indexOf('Status');
  var out = rows.map(function (r) {
    if (r[status] !== '') return [r[status]];
    try {
      MailApp.sendEmail(r[to], 'Hello ' + r[name], 'Dear ' + r[name]);
      return ['Sent ' + Utilities.formatDate(new Date(), 'Etc/UTC', 'yyyy-MM-dd')];
    } catch (err) {
      return ['Failed: ' + err.message];
    }
  });
  sheet.getRange(2, status + 1, out.length, 1).setValues(out);
}
function legacyMenu() { SpreadsheetApp.getActive().addMenu('Legacy', [{ name: 'Send pending', functionName: 'sendPending' }, null, { name: 'Panel', functionName: 'openPanel' }]); }
function duplicateTemplate() { var s = SpreadsheetApp.getActive().getSheetByName('Template').copyTo(SpreadsheetApp.getActive()); return s.getName(); }
function monthly() { ScriptApp.newTrigger('monthlyReport').timeBased().onMonthDay(1).atHour(7).inTimezone('Etc/UTC').create(); }
function monthlyReport() { PropertiesService.getDocumentProperties().setProperty('report', new Date().toISOString()); }
function reportAt() { return PropertiesService.getDocumentProperties().getProperty('report'); }
function unmodelled() { var r = []; [function () { SpreadsheetApp.getActive().getOwner(); }, function () { SpreadsheetApp.getActiveSheet().getRange('A1:B1').merge(); }, function () { SpreadsheetApp.openById(SpreadsheetApp.getActive().getId()); }].forEach(function (f) { try { f(); r.push('ok'); } catch (e) { r.push(e.message); } }); return r; }
`;

const PANEL = `<!DOCTYPE html><html><head><?!= include('PanelStyle'); ?></head><body><p><?= greeting ?></p><?!= include('PanelScript'); ?></body></html>`;

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sd-samples-'));
  writeFileSync(join(dir, 'Code.js'), SCRIPT);
  writeFileSync(join(dir, 'Panel.html'), PANEL);
  writeFileSync(join(dir, 'PanelStyle.html'), '<style>p { color: #1a73e8; }</style>');
  writeFileSync(join(dir, 'PanelScript.html'), '<script>window.ready = 1 < 2;</script>');
  copyFileSync(join(__dirname, '../../dist/appsscript.json'), join(dir, 'appsscript.json'));
  return join(dir, 'Code.js');
}

function world() {
  const rt = createLocalRuntime<AnyScript>({ bundle: project(), user: 'owner@example.com', now: new Date('2026-03-10T09:00:00Z') });
  const sheet = rt.spreadsheet.insertSheet('Recipients');
  sheet.getRange(1, 1, 4, 3).setValues([
    ['Name', 'Email', 'Status'],
    ['Ana', 'ana@example.com', ''],
    ['Bo', 'bo@example.com', 'Sent 2026-03-01'],
    ['Cy', 'cy@example.com', ''],
  ]);
  return rt;
}

describe("Google's sample patterns on the local runtime", () => {
  it('add-on template: menu on install, a sidebar built from included templates', () => {
    const rt = world();
    rt.run('onInstall', { authMode: 'FULL' });
    expect(rt.menus().map((m) => [m.caption, m.addon, m.items.map((i) => (i.type === 'item' ? i.functionName : i.type))])).toEqual([
      ['Sales Desk', true, ['openPanel']],
      ['Merge', false, ['sendPending']],
    ]);
    rt.run('openPanel');
    const html = rt.ui.current()!.html;
    expect(html).toContain('<style>p { color: #1a73e8; }</style>'); // force-printed: not escaped
    expect(html).toContain('<script>window.ready = 1 < 2;</script>');
    expect(html).toContain('<p>&lt;Hello &amp; welcome&gt;</p>'); // printed: escaped
  });

  it('mail merge: sends the pending rows, writes the status column once, skips them next time', () => {
    const rt = world();
    rt.counter.reset();
    rt.run('sendPending');
    expect(rt.mail.outbox.map((m) => [m.to.join(), m.subject])).toEqual([
      ['ana@example.com', 'Hello Ana'],
      ['cy@example.com', 'Hello Cy'],
    ]);
    expect(rt.counter.snapshot('SpreadsheetApp')['SpreadsheetApp.Range.setValues']).toBe(1);
    expect(rt.workbook.values('Recipients').map((r) => r[2])).toEqual(['Status', 'Sent 2026-03-10', 'Sent 2026-03-01', 'Sent 2026-03-10']);
    rt.run('sendPending');
    expect(rt.mail.outbox).toHaveLength(2);
  });

  it('Spreadsheet.addMenu with a separator, Sheet.copyTo and a monthly trigger', () => {
    const rt = world();
    rt.run('legacyMenu');
    expect(
      rt
        .menus()
        .find((m) => m.caption === 'Legacy')!
        .items.map((i) => (i.type === 'item' ? i.caption : i.type)),
    ).toEqual(['Send pending', 'separator', 'Panel']);

    const tpl = rt.spreadsheet.insertSheet('Template');
    tpl.getRange('A1:B2').setValues([
      ['Item', 'Twice'],
      [21, '=A2*2'],
    ]);
    tpl.getRange('A2').setNumberFormat('0.00');
    expect(rt.run('duplicateTemplate')).toBe('Copy of Template');
    expect(rt.run('duplicateTemplate')).toBe('Copy of Template 2');
    const copy = rt.spreadsheet.getSheetByName('Copy of Template')!;
    expect(copy.getRange('A2:B2').getValues()).toEqual([[21, 42]]);
    expect(copy.getRange('B2').getFormula()).toBe('=A2*2');
    expect(copy.getRange('A2').getDisplayValue()).toBe('21.00');

    rt.run('monthly');
    rt.clock.set(new Date('2026-04-01T06:59:00Z'));
    expect(rt.fireDueTriggers()).toEqual([]);
    rt.clock.set(new Date('2026-04-01T07:00:00Z'));
    expect(rt.fireDueTriggers()).toEqual([{ handler: 'monthlyReport', ok: true }]);
    expect(rt.run('reportAt')).toBe('2026-04-01T07:00:00.000Z');
  });

  it('throws "not available in the local runtime" for what it does not model, and refuses openById as currentonly does', () => {
    const rt = world();
    expect(rt.run('unmodelled')).toEqual([
      'not available in the local runtime: Spreadsheet.getOwner',
      'not available in the local runtime: Range.merge',
      'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    ]);
  });
});
