/**
 * The playbook as the sidebar shows it: the rows of the Playbook tab (so a manager's edits and
 * added lines show up), matched to an objection type in either language. Pure functions; the
 * server reads the tab in one call and hands the rows here.
 */
import type { Locale } from '../i18n/locale';
import { listItemKey } from '../lists';
import { PLAYBOOK_LINES, sourceText, type PlaybookLine } from './content';

export { PLAYBOOK_LINES, playbookFor, sourceText, type PlaybookLine } from './content';

/** Developer-metadata key on the Playbook sheet listing the built-in keys set-up has written. */
export const PLAYBOOK_SEEDED_META = 'salesdesk.playbook.seeded';

/** Who the built-in lines are "added by". */
export const BUILT_IN_AUTHOR = { en: 'Sales Desk', zh: '销售台' } as const;

/** One row of the Playbook tab, as read (cells are untyped). */
export interface PlaybookRow {
  entry_key?: unknown;
  type?: unknown;
  technique?: unknown;
  detail?: unknown;
  source?: unknown;
  added_by?: unknown;
}

/** One line as the sidebar shows it (plain strings: it crosses google.script.run). */
export interface ShownPlaybookLine {
  technique: string;
  detail: string;
  source: string;
  addedBy: string;
  /** A built-in line as shipped (shown in the reader's language). */
  builtIn: boolean;
  /** A built-in line a manager changed, or a line the team added. */
  team: boolean;
}

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v)).trim();
const norm = (v: unknown): string => str(v).replace(/\s+/g, ' ').toLowerCase();

/**
 * The key that identifies an objection type in a cell: the built-in item key when the value is
 * a built-in label in either language, else `custom:<the text>` for a type the team added.
 */
export function objectionTypeKey(value: unknown): string {
  const k = listItemKey('objection_type', value);
  if (k) return k;
  const n = norm(value);
  return n ? `custom:${n}` : '';
}

const BY_KEY = new Map<string, PlaybookLine>(PLAYBOOK_LINES.map((l) => [l.key, l]));

function unchanged(row: PlaybookRow, line: PlaybookLine): boolean {
  const t = norm(row.technique);
  const d = norm(row.detail);
  return (t === norm(line.technique.en) && d === norm(line.detail.en)) || (t === norm(line.technique.zh) && d === norm(line.detail.zh));
}

/**
 * The lines of the tab for one type, in tab order. A built-in line nobody changed is shown in
 * the reader's language (the tab holds it in the workbook's language); anything a manager
 * wrote or edited is shown exactly as written.
 */
export function playbookLinesFor(rows: readonly PlaybookRow[], typeKey: string, locale: Locale): ShownPlaybookLine[] {
  const out: ShownPlaybookLine[] = [];
  if (!typeKey) return out;
  for (const row of rows) {
    if (objectionTypeKey(row.type) !== typeKey) continue;
    const technique = str(row.technique);
    const detail = str(row.detail);
    if (!technique && !detail) continue;
    const line = BY_KEY.get(str(row.entry_key));
    if (line && line.type === typeKey && unchanged(row, line)) {
      out.push({
        technique: line.technique[locale],
        detail: line.detail[locale],
        source: sourceText(line.source, locale),
        addedBy: BUILT_IN_AUTHOR[locale],
        builtIn: true,
        team: false,
      });
    } else {
      out.push({ technique, detail, source: str(row.source), addedBy: str(row.added_by), builtIn: false, team: true });
    }
  }
  return out;
}

/** A row set-up writes for a built-in line, in the workbook's language. */
export function builtInRow(line: PlaybookLine, locale: Locale, typeLabel: string): Record<string, string> {
  return {
    entry_key: line.key,
    type: typeLabel,
    technique: line.technique[locale],
    detail: line.detail[locale],
    source: sourceText(line.source, locale),
    added_by: BUILT_IN_AUTHOR[locale],
  };
}

/**
 * Which built-in lines set-up still has to write: those whose key is neither in the tab nor
 * among the keys written before (a line a manager deleted stays deleted).
 */
export function linesToSeed(keysInTab: Iterable<string>, seededBefore: Iterable<string>): PlaybookLine[] {
  const have = new Set<string>();
  for (const k of keysInTab) have.add(str(k));
  for (const k of seededBefore) have.add(str(k));
  return PLAYBOOK_LINES.filter((l) => !have.has(l.key));
}

/** The seeded-keys marker: a compact, order-stable list. */
export function encodeSeeded(keys: Iterable<string>): string {
  return [...new Set([...keys].map(str).filter(Boolean))].sort().join(',');
}

export function decodeSeeded(value: string | null | undefined): string[] {
  return str(value)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
