/**
 * The menu in every authorization mode an add-on's onOpen meets: built in each, under Extensions
 * as an add-on, and in AuthMode.NONE without touching anything that needs authorization
 * (properties, cache, locks, the sheet) — the language then comes from Google's locale alone.
 */
import { describe, expect, it } from 'vitest';
import { createLocalRuntime, type LocalRuntime } from '../../src/local';

const FORBIDDEN_IN_NONE = ['PropertiesService', 'CacheService', 'LockService', 'ScriptApp', 'MailApp', 'FormApp'];

function addon() {
  // A user whose Google locale is Chinese but who chose English in Sales Desk (a user property).
  const rt = createLocalRuntime({ user: 'li@example.com', locale: 'zh_CN', installedAs: 'addon' });
  rt.run('setMyLanguage', 'en');
  rt.counter.reset();
  return rt;
}

const items = (rt: LocalRuntime) => rt.ui.menuItems().map((i) => i.path.slice(1).join(' › '));

describe('the add-on menu in each authorization mode', () => {
  it('NONE: builds the add-on menu from Google’s locale, touching nothing that needs authorization', () => {
    const rt = addon();
    rt.openDocument({ authMode: 'NONE' });
    expect(rt.menus().map((m) => [m.caption, m.addon])).toEqual([['Sales Desk', true]]);
    expect(items(rt)).toContain('帮助 › 检查此表格');
    expect(items(rt)[0]).toBe('今日跟进');
    const touched = Object.keys(rt.counter.snapshot()).filter((k) => FORBIDDEN_IN_NONE.some((s) => k.startsWith(`${s}.`)));
    expect(touched).toEqual([]);
    expect(Object.keys(rt.counter.snapshot('SpreadsheetApp')).sort()).toEqual([
      'SpreadsheetApp.Menu.addItem',
      'SpreadsheetApp.Menu.addSeparator',
      'SpreadsheetApp.Menu.addSubMenu',
      'SpreadsheetApp.Menu.addToUi',
      'SpreadsheetApp.Ui.createAddonMenu',
      'SpreadsheetApp.Ui.createMenu',
      'SpreadsheetApp.getUi',
    ]);
  });

  it('LIMITED: the same menu, in the language the user chose', () => {
    const rt = addon();
    rt.openDocument({ authMode: 'LIMITED' });
    expect(rt.menus().map((m) => [m.caption, m.addon])).toEqual([['Sales Desk', true]]);
    expect(items(rt)).toContain('Help › Check this spreadsheet');
  });

  it('FULL: installing calls what onOpen does, so the menu is there at once', () => {
    const rt = addon();
    rt.run('onInstall', { authMode: 'FULL' });
    expect(rt.menus().map((m) => [m.caption, m.addon])).toEqual([['Sales Desk', true]]);
    expect(items(rt)).toContain('Help › Check this spreadsheet');
  });

  it('bound to the spreadsheet, keeps its own top-level menu', () => {
    const rt = createLocalRuntime({ user: 'li@example.com', locale: 'en' });
    rt.openDocument();
    expect(rt.menus().map((m) => [m.caption, m.addon])).toEqual([['Sales Desk', false]]);
  });
});
