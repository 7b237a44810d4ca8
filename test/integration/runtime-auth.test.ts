/**
 * The runtime refuses, in each authorization mode, what Google refuses (services/auth.ts has the
 * table), with Apps Script's message — checked with a small bundle written for the test.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createLocalRuntime, type AnyScript } from '../../src/local';

const SCRIPT = `
var seen = [];
function attempt(name, fn) { try { fn(); seen.push(name + ': ok'); } catch (e) { seen.push(name + ': ' + e.message); } }
function onOpen(e) {
  seen = ['mode ' + e.authMode];
  attempt('menu', function () { SpreadsheetApp.getUi().createAddonMenu().addItem('Go', 'go').addToUi(); });
  attempt('locale', function () { Session.getActiveUserLocale(); });
  attempt('properties', function () { PropertiesService.getUserProperties(); });
  attempt('cache', function () { CacheService.getDocumentCache(); });
  attempt('lock', function () { LockService.getDocumentLock(); });
  attempt('sheet', function () { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').getValue(); });
  attempt('triggers', function () { ScriptApp.getProjectTriggers(); });
  attempt('sidebar', function () { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('x')); });
}
function report() { return seen; }
function lockIsNull() { return LockService.getDocumentLock() === null; }
`;

function bundle(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sd-auth-'));
  writeFileSync(join(dir, 'Code.js'), SCRIPT);
  copyFileSync(join(__dirname, '../../dist/appsscript.json'), join(dir, 'appsscript.json'));
  return join(dir, 'Code.js');
}

const opened = (mode: 'NONE' | 'LIMITED' | 'FULL') => {
  const rt = createLocalRuntime<AnyScript>({ bundle: bundle() });
  rt.openDocument({ authMode: mode });
  return rt.run('report');
};

describe('authorization modes', () => {
  it('NONE: menus and the locale only', () => {
    expect(opened('NONE')).toEqual([
      'mode NONE',
      'menu: ok',
      'locale: ok',
      'properties: You do not have permission to call PropertiesService.getUserProperties.',
      'cache: You do not have permission to call CacheService.getDocumentCache.',
      'lock: You do not have permission to call LockService.getDocumentLock.',
      'sheet: You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly',
      'triggers: You do not have permission to call ScriptApp.getProjectTriggers. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
      'sidebar: You do not have permission to call Ui.showSidebar. Required permissions: https://www.googleapis.com/auth/script.container.ui',
    ]);
  });

  it('LIMITED: the document, properties, cache and locks; not triggers nor sidebars', () => {
    expect(opened('LIMITED')).toEqual([
      'mode LIMITED',
      'menu: ok',
      'locale: ok',
      'properties: ok',
      'cache: ok',
      'lock: ok',
      'sheet: ok',
      'triggers: You do not have permission to call ScriptApp.getProjectTriggers. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
      'sidebar: You do not have permission to call Ui.showSidebar. Required permissions: https://www.googleapis.com/auth/script.container.ui',
    ]);
  });

  it('FULL: everything', () => {
    expect((opened('FULL') as string[]).every((l) => l.startsWith('mode') || l.endsWith(': ok'))).toBe(true);
  });

  it('gives getDocumentLock() null when the runtime simulates a standalone script', () => {
    const rt = createLocalRuntime<AnyScript>({ bundle: bundle(), documentLock: 'null' });
    expect(rt.run('lockIsNull')).toBe(true);
    rt.setDocumentLock('available');
    expect(rt.run('lockIsNull')).toBe(false);
  });
});
