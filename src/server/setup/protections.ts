/**
 * Warning-only protections on the computed and script-owned columns, header cell and data
 * cells, one protection per run of adjacent such columns: Sheets then asks before a hand edit
 * there ("warning only" never blocks a script:
 * https://developers.google.com/apps-script/reference/spreadsheet/protection#setwarningonlywarningonly).
 * Headers of input columns stay free: renaming one is the user's choice (set-up keeps it).
 *
 * Each protection is described `salesdesk:<tab>:<key>,<key>,…`; earlier versions wrote one per
 * column (`salesdesk:<tab>:<key>`, which reads the same way) and one for the header row
 * (`salesdesk:<tab>:header`, kept as it is). A run reads the spreadsheet's range protections
 * once (one call, and one per protection for its description) and protects again only the
 * columns no description names.
 */
import { HEADER_ROW } from '../../core/schema';
import { blockA1, runsOf, type SetupTab } from './tab';
import type { SetupTabs } from './tabs';

const PREFIX = 'salesdesk:';

type Protection = GoogleAppsScript.Spreadsheet.Protection;

/** Tab key → column key → how many of our protections name it. */
type Named = Map<string, Map<string, number>>;

/** Adds what one protection's description names (`salesdesk:<tab>:<key>,<key>,…`) to `into`. */
function addNamed(into: Named, description: string): void {
  if (!description.startsWith(PREFIX)) return;
  const rest = description.slice(PREFIX.length);
  const colon = rest.indexOf(':');
  if (colon < 0) return;
  const keys = into.get(rest.slice(0, colon)) ?? new Map<string, number>();
  into.set(rest.slice(0, colon), keys);
  for (const k of rest.slice(colon + 1).split(',')) if (k) keys.set(k, (keys.get(k) ?? 0) + 1);
}

function namedBy(protections: Protection[]): Named {
  const out: Named = new Map();
  for (const p of protections) addNamed(out, p.getDescription());
  return out;
}

/**
 * The keys our protections name now, per tab, from ONE read of every range protection of the
 * spreadsheet (Spreadsheet.getProtections: "all protected ranges or sheets in the spreadsheet",
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getprotections(ProtectionType))
 * and one description each. A description says which tab it protects, not which sheet: a key
 * named twice (a copy of the tab carrying copies of its protections) makes that tab's answer
 * doubtful, and its own sheet's protections are read instead. Left untold: a copy whose original
 * lost exactly the protections the copy has (telling sheets apart costs three calls per
 * protection: its range, that range's sheet, the sheet's ID).
 */
function coveredKeys(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): (tab: SetupTab) => Set<string> {
  let all: Named | null = null;
  return (tab) => {
    if (tab.created) return new Set();
    all ??= namedBy(ss.getProtections(SpreadsheetApp.ProtectionType.RANGE));
    let keys = all.get(tab.def.key) ?? new Map<string, number>();
    if ([...keys.values()].some((n) => n > 1)) keys = namedBy(tab.sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)).get(tab.def.key) ?? new Map();
    return new Set(keys.keys());
  };
}

/** The computed and script-owned columns of the tab. */
function owned(tab: SetupTab): { key: string; at: number }[] {
  return tab
    .placed()
    .filter(({ col }) => col.formula || col.protected)
    .map(({ col, at }) => ({ key: col.key, at }));
}

/** One protection per run of adjacent columns, header to last row. */
function protectionsFor(tab: SetupTab, columns: { key: string; at: number }[]): { a1: string; description: string }[] {
  const keyAt = new Map(columns.map((c) => [c.at, c.key]));
  return runsOf(columns.map((c) => c.at)).map(([from, n]) => ({
    a1: blockA1(HEADER_ROW, tab.lastRow(), from, n),
    description: `${PREFIX}${tab.def.key}:${Array.from({ length: n }, (_, i) => keyAt.get(from + i)!).join(',')}`,
  }));
}

/** The protected ranges on a tab created by this run (see SetupTab.prefetch). */
export function protectionRangesA1(tab: SetupTab): string[] {
  return protectionsFor(tab, owned(tab)).map((p) => p.a1);
}

/** Returns the keys of the tabs that existed before this run on which it protected something. */
export function ensureProtections(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, tabs: SetupTabs): string[] {
  const repaired: string[] = [];
  const covered = coveredKeys(ss);
  for (const tab of tabs.values()) {
    const all = owned(tab);
    if (!all.length) continue;
    const done = covered(tab);
    const wanted = protectionsFor(
      tab,
      all.filter((c) => !done.has(c.key)),
    );
    if (!wanted.length) continue;
    const ranges = tab.ranges(wanted.map((w) => w.a1));
    wanted.forEach((w, i) => ranges[i].protect().setDescription(w.description).setWarningOnly(true));
    if (!tab.created) repaired.push(tab.def.key);
  }
  return repaired;
}
