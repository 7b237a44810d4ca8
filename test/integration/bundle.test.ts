/**
 * The built bundle is what Apps Script runs: these tests read dist/Code.js as Google would.
 * `npm test` builds first.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import * as entry from '../../src/server/entry';
import { menuFunctions } from '../../src/server/menu';

const dist = join(__dirname, '../../dist');
const code = readFileSync(join(dist, 'Code.js'), 'utf8');
const manifest = JSON.parse(readFileSync(join(dist, 'appsscript.json'), 'utf8')) as {
  runtimeVersion: string;
  timeZone: string;
  oauthScopes: string[];
};

/** Names declared as top-level `function` statements, found by evaluating the file in an empty context. */
function topLevelFunctions(): string[] {
  const ctx: Record<string, unknown> = {};
  runInNewContext(code, ctx);
  return Object.keys(ctx).filter((k) => typeof ctx[k] === 'function');
}

describe('dist/Code.js', () => {
  it('exposes every entry point as a top-level function', () => {
    const fns = topLevelFunctions();
    const exported = Object.keys(entry).filter((k) => typeof (entry as Record<string, unknown>)[k] === 'function');
    expect(exported.length).toBeGreaterThan(0);
    for (const name of exported) expect(fns, name).toContain(name);
    // and the source declares them as `function name(` statements, the form Apps Script lists.
    for (const name of exported) expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
  });

  it('binds every menu item to a top-level function', () => {
    const fns = topLevelFunctions();
    for (const run of menuFunctions()) expect(fns, run).toContain(run);
  });

  it('ships a V8 manifest with a time zone and explicit scopes', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toMatch(/\//);
    expect(manifest.oauthScopes.length).toBeGreaterThan(0);
  });

  it('asks for exactly the scopes the code needs', () => {
    // What each service needs (https://developers.google.com/workspace/add-ons/concepts/editor-scopes).
    const uses: [RegExp, string][] = [
      [/\bSpreadsheetApp\./, 'https://www.googleapis.com/auth/spreadsheets.currentonly'],
      [/\bSpreadsheetApp\.getUi\(|\bHtmlService\./, 'https://www.googleapis.com/auth/script.container.ui'],
      [/\bFormApp\./, 'https://www.googleapis.com/auth/forms'],
      [/\bMailApp\./, 'https://www.googleapis.com/auth/script.send_mail'],
      [/\bScriptApp\.(newTrigger|getProjectTriggers|getUserTriggers|deleteTrigger)/, 'https://www.googleapis.com/auth/script.scriptapp'],
      [/\bSession\.(getActiveUser|getEffectiveUser)\(/, 'https://www.googleapis.com/auth/userinfo.email'],
    ];
    const needed = uses
      .filter(([re]) => re.test(code))
      .map(([, scope]) => scope)
      .sort();
    expect([...manifest.oauthScopes].sort()).toEqual(needed);
  });

  it('uses no service that would need a broad scope', () => {
    for (const svc of ['GmailApp', 'DriveApp', 'UrlFetchApp', 'DocumentApp', 'CalendarApp']) {
      expect(code, svc).not.toMatch(new RegExp(`\\b${svc}\\.`));
    }
  });
});
