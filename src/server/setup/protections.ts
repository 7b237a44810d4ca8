/**
 * Warning-only protections on the computed and script-owned columns, header cell and data
 * cells, one protection per run of adjacent such columns: Sheets then asks before a hand edit
 * there ("warning only" never blocks a script:
 * https://developers.google.com/apps-script/reference/spreadsheet/protection#setwarningonlywarningonly).
 * Headers of input columns stay free: renaming one is the user's choice (set-up keeps it).
 *
 * Each protection is described `salesdesk:<tab>:<key>,<key>,…`; earlier versions wrote one per
 * column (`salesdesk:<tab>:<key>`, which reads the same way) and one for the header row
 * (`salesdesk:<tab>:header`, kept as it is). A run reads each tab's range protections once
 * (one call, and one per protection for its description) and protects again only the columns
 * no description names.
 */
import { HEADER_ROW } from '../../core/schema';
import { blockA1, runsOf, type SetupTab } from './tab';
import type { SetupTabs } from './tabs';

const PREFIX = 'salesdesk:';

/** The keys our protections on the tab's own sheet name now. */
function covered(tab: SetupTab): Set<string> {
  const out = new Set<string>();
  if (tab.created) return out;
  const prefix = `${PREFIX}${tab.def.key}:`;
  for (const p of tab.sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    const d = p.getDescription();
    if (d.startsWith(prefix)) for (const k of d.slice(prefix.length).split(',')) if (k) out.add(k);
  }
  return out;
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
export function ensureProtections(tabs: SetupTabs): string[] {
  const repaired: string[] = [];
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
