/**
 * One records layer (issue 11): only the modules that know how the spreadsheet is laid out may
 * touch SpreadsheetApp or hold a Sheet or Range. The rule, checked on the source of src/server:
 *
 * - src/server/records/ — the one place that finds, reads and writes tabs;
 * - set-up (src/server/setup*, highlights.ts, playbook-setup.ts, src/server/setup/) — it builds
 *   the layout the records layer reads;
 * - src/server/check/ — "Check this spreadsheet" probes the platform itself;
 * - src/server/host.ts and src/server/menu.ts — the user interface (SpreadsheetApp.getUi());
 * - src/server/workbook/ — gone (set-up imports records directly); still allowed here.
 *
 * Every other module (customers, follow-ups, objections, deals, loss, Today, reminders,
 * dispatcher, import, identity, …) orchestrates: it reads through records, lets core decide and
 * writes through records. It may not name SpreadsheetApp, the Spreadsheet types, or call
 * getRange / getValues / setValues / getSheetValues on anything.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../../src/server');
const ALLOWED = [/^records\//, /^setup(\.ts|\/)/, /^highlights\.ts$/, /^playbook-setup\.ts$/, /^check\//, /^host\.ts$/, /^menu\.ts$/, /^workbook\//];
const FORBIDDEN = [
  /\bSpreadsheetApp\b/,
  /GoogleAppsScript\.Spreadsheet\b/,
  /\.(getRange|getValues|setValues|getSheetValues|getSheetByName|getActiveSheet)\s*\(/,
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The code without comments and string contents (a comment may name SpreadsheetApp). */
function code(src: string): string {
  return src
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1')
    .replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|`(?:\\.|[^`\\])*`/g, "''");
}

describe('the records layer is the only way to the sheet', () => {
  const all = files(ROOT).map((p) => relative(ROOT, p).split('\\').join('/'));
  const features = all.filter((f) => !ALLOWED.some((a) => a.test(f)));

  it('covers the feature modules', () => {
    for (const f of [
      'customers.ts',
      'followups.ts',
      'objections.ts',
      'deals.ts',
      'loss.ts',
      'today.ts',
      'reminders.ts',
      'dispatcher.ts',
      'import.ts',
      'identity.ts',
    ])
      expect(features).toContain(f);
  });

  it('finds no SpreadsheetApp, Spreadsheet type or range call in a feature module', () => {
    const found: string[] = [];
    for (const f of features) {
      const src = code(readFileSync(join(ROOT, f), 'utf8'));
      src.split('\n').forEach((line, i) => {
        if (FORBIDDEN.some((re) => re.test(line))) found.push(`${f}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(found).toEqual([]);
  });

  it('would catch one (the check itself works)', () => {
    const src = code("const ss = SpreadsheetApp.getActiveSpreadsheet(); // SpreadsheetApp in a comment is fine\nconst s = 'SpreadsheetApp';");
    expect(src.split('\n').filter((l) => FORBIDDEN.some((re) => re.test(l)))).toHaveLength(1);
    expect(FORBIDDEN.some((re) => re.test(code('tab.sheet.getRange(2, 1).setValues(x)')))).toBe(true);
  });
});
