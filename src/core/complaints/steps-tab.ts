/**
 * The Complaint steps tab, the team's editable copy of the checklist (like the Playbook tab):
 * set-up writes the built-in steps once in the workbook's language; a manager may edit them,
 * reorder them, delete them or add the team's own. The Log complaint sidebar shows the tab's
 * rows in tab order — a built-in step nobody changed in the reader's language, anything a
 * manager wrote exactly as written.
 *
 * Proposed columns (keys): entry_key · title · coaching · sample_reply · source · added_by.
 */
import type { Locale } from '../i18n/locale';
import { BUILT_IN_AUTHOR, sourceText } from '../playbook';
import { COMPLAINT_STEPS, type ComplaintStep } from './steps';

/** One row of the tab, as read (cells are untyped). */
export interface ComplaintStepRow {
  entry_key?: unknown;
  title?: unknown;
  coaching?: unknown;
  sample_reply?: unknown;
  source?: unknown;
  added_by?: unknown;
}

/** One step of the checklist as the sidebar shows it (plain strings: it crosses google.script.run). */
export interface ShownStep {
  /**
   * What a complaint's done-at and note for this step are stored under: the built-in key, or
   * `team:<title>` for a step the team added (stable while its title is).
   */
  key: string;
  title: string;
  coaching: string;
  sampleReply: string;
  source: string;
  addedBy: string;
  /** A built-in step as shipped. */
  builtIn: boolean;
  /** Counts towards the first response (built-in steps only; see ComplaintStep). */
  firstResponse: boolean;
}

/** The sheet's developer-metadata key that remembers which built-in steps set-up wrote. */
export const COMPLAINT_STEPS_SEEDED_META = 'salesdesk.complaint_steps.seeded';

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v)).trim();
const norm = (v: unknown): string => str(v).replace(/\s+/g, ' ').toLowerCase();

const BY_KEY = new Map<string, ComplaintStep>(COMPLAINT_STEPS.map((s) => [s.key, s]));

function unchanged(row: ComplaintStepRow, s: ComplaintStep): boolean {
  const same = (l: Locale) =>
    norm(row.title) === norm(s.title[l]) && norm(row.coaching) === norm(s.coaching[l]) && norm(row.sample_reply) === norm(s.sampleReply[l]);
  return same('en') || same('zh');
}

function shownBuiltIn(s: ComplaintStep, locale: Locale): ShownStep {
  return {
    key: s.key,
    title: s.title[locale],
    coaching: s.coaching[locale],
    sampleReply: s.sampleReply[locale],
    source: sourceText(s.source, locale),
    addedBy: BUILT_IN_AUTHOR[locale],
    builtIn: true,
    firstResponse: s.firstResponse,
  };
}

/**
 * The checklist from the tab's rows, in tab order. Rows without a title are skipped; a key
 * seen twice keeps its first row. A tab left with no usable row gives the built-in steps, so
 * a complaint is never logged without a method.
 */
export function checklistFromTab(rows: readonly ComplaintStepRow[], locale: Locale): ShownStep[] {
  const out: ShownStep[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const title = str(row.title);
    if (!title) continue;
    const builtIn = BY_KEY.get(str(row.entry_key));
    const key = builtIn ? builtIn.key : `team:${norm(title)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (builtIn && unchanged(row, builtIn)) out.push(shownBuiltIn(builtIn, locale));
    else
      out.push({
        key,
        title,
        coaching: str(row.coaching),
        sampleReply: str(row.sample_reply),
        source: str(row.source),
        addedBy: str(row.added_by),
        builtIn: false,
        firstResponse: builtIn ? builtIn.firstResponse : false,
      });
  }
  return out.length ? out : COMPLAINT_STEPS.map((s) => shownBuiltIn(s, locale));
}

/** The row set-up writes for a built-in step, in the workbook's language. */
export function builtInStepRow(s: ComplaintStep, locale: Locale): Record<keyof ComplaintStepRow, string> {
  const shown = shownBuiltIn(s, locale);
  return { entry_key: s.key, title: shown.title, coaching: shown.coaching, sample_reply: shown.sampleReply, source: shown.source, added_by: shown.addedBy };
}

/**
 * The built-in steps set-up still has to write: neither in the tab nor written before (a step a
 * manager deleted stays deleted). The written-before keys are kept as the playbook keeps its own
 * (encodeSeeded / decodeSeeded in core/playbook).
 */
export function stepsToSeed(keysInTab: Iterable<unknown>, seededBefore: Iterable<string>): ComplaintStep[] {
  const have = new Set<string>();
  for (const k of keysInTab) have.add(str(k));
  for (const k of seededBefore) have.add(str(k));
  return COMPLAINT_STEPS.filter((s) => !have.has(s.key));
}
