/**
 * Edits that merge (issue 13), for any tab: the one records-level helper every edit form uses.
 * A form is opened with its row's version (core/row-merge rowVersion over the columns it shows)
 * and sends back only the fields the user changed, with that version. Under the caller's
 * document lock this reads the row as it is now, lets core/row-merge decide (same version →
 * the changed fields; another version → refused with the other person's change), lets the
 * feature check the merged row, and writes ONLY the fields that changed (one setValues per run
 * of adjacent columns), never a blank for a field the page left out.
 *
 * A field to write whose column is gone refuses the whole edit (nothing written) naming the
 * column, so a save never says "Saved" while the value went nowhere.
 */
import { mergeEdit, rowVersion, conflictMessage, type FieldKind, type MergeError } from '../../core/row-merge';
import { t, type Locale } from '../../core/i18n';
import type { Tab } from './tab';
import type { RowRecord } from './write';

/** Which row an edit is for: a row the caller already located under the lock, or an ID to find (its row a hint). */
export type EditTarget = { row: number } | { id: string; hintRow?: number; idKey?: string };

export interface EditRequest {
  /** The columns the form shows (the version's columns), in the order its version was made. */
  keys: readonly string[];
  /** What each column takes from a page. */
  kinds: Readonly<Record<string, FieldKind>>;
  /** Untrusted, from the page: the version the form was opened with, and the changed fields. */
  version: unknown;
  changes: unknown;
}

export interface EditHooks<R> {
  /**
   * The feature's own check of the merged row (the row now with the changes laid over it):
   * returns the values to write for the changed fields (normalised), or a refusal of its own.
   */
  check?(merged: RowRecord, changed: Readonly<Record<string, string | number | boolean>>, current: RowRecord): { write: RowRecord } | { refuse: R };
  /** Written along with any change (e.g. updated_at); not when nothing changed. */
  stamp?: RowRecord;
}

export type EditOutcome<R = never> =
  | {
      ok: true;
      row: number;
      /** The fields written (changed ones only; empty when the form changed nothing). */
      written: RowRecord;
      /** The row's version now, for a form that stays open. */
      version: string;
      /** The row's values over the form's columns now (as read, with the fields written). */
      values: RowRecord;
    }
  | { ok: false; reason: 'notFound' }
  | { ok: false; reason: 'invalid'; errors: Record<string, MergeError> }
  | { ok: false; reason: 'conflict'; theirs: { field: string; value: unknown }[] }
  | { ok: false; reason: 'missingColumn'; column: string }
  | { ok: false; reason: 'refused'; detail: R };

/** The version a form opens with: of the row's values over `keys` (read them with tab.readRow(row, keys)). */
export function versionOf(values: RowRecord, keys: readonly string[]): string {
  return rowVersion(values, keys);
}

/** Finds, merges, checks and writes one edit. Call under the document lock. */
export function editRow<R = never>(tab: Tab, target: EditTarget, req: EditRequest, hooks: EditHooks<R> = {}): EditOutcome<R> {
  let row: number;
  let current: RowRecord;
  if ('row' in target) {
    row = target.row;
    current = tab.readRow(row, req.keys);
  } else {
    const hit = tab.findById(target.id, target.hintRow, { idKey: target.idKey, keys: req.keys });
    if (!hit) return { ok: false, reason: 'notFound' };
    row = hit.row;
    current = hit.values;
  }
  // A change to a column that is gone: named as such (before any comparison, which would call it someone else's blank).
  const sent = req.changes && typeof req.changes === 'object' && !Array.isArray(req.changes) ? (req.changes as Record<string, unknown>) : {};
  const lost = req.keys.find((k) => Object.prototype.hasOwnProperty.call(sent, k) && sent[k] != null && !tab.has(k));
  if (lost) return { ok: false, reason: 'missingColumn', column: lost };
  const decided = mergeEdit({ keys: req.keys, kinds: req.kinds, current, version: req.version, changes: req.changes });
  if (!decided.ok)
    return decided.reason === 'conflict' ? { ok: false, reason: 'conflict', theirs: decided.theirs } : { ok: false, reason: 'invalid', errors: decided.errors };

  let write: RowRecord = decided.write;
  if (hooks.check) {
    const merged: RowRecord = { ...current, ...decided.write };
    const checked = hooks.check(merged, decided.write, current);
    if ('refuse' in checked) return { ok: false, reason: 'refused', detail: checked.refuse };
    write = checked.write;
  }
  if (!Object.keys(write).length) return { ok: true, row, written: {}, version: rowVersion(current, req.keys), values: current };
  const missing = Object.keys(write).find((k) => !tab.has(k));
  if (missing) return { ok: false, reason: 'missingColumn', column: missing };
  const stamp = Object.fromEntries(Object.entries(hooks.stamp ?? {}).filter(([k]) => tab.has(k)));
  tab.write(row, [{ ...write, ...stamp }]);
  // The version from the cells as they now read (the sheet may store typed text differently).
  const after = tab.readRow(row, req.keys);
  return { ok: true, row, written: write, version: rowVersion(after, req.keys), values: after };
}

/** A column's header in the user's language (its key when the tab does not declare it). */
export function columnLabel(tab: Tab, key: string, locale: Locale): string {
  return tab.def.columns.find((c) => c.key === key)?.header[locale] ?? key;
}

/** The message of a refused edit, in the user's language: the other person's change, the missing column, or an unusable request. */
export function editRefusal(
  tab: Tab,
  outcome: Exclude<EditOutcome<unknown>, { ok: true } | { reason: 'refused' }>,
  locale: Locale,
  show?: (v: unknown) => string,
): string {
  const label = (k: string) => columnLabel(tab, k, locale);
  switch (outcome.reason) {
    case 'conflict':
      return conflictMessage(outcome.theirs, label, locale, show);
    case 'missingColumn':
      return t(locale, 'records.columnMissing', { column: label(outcome.column) });
    case 'notFound':
      return t(locale, 'edit.invalid', { fields: '—' });
    case 'invalid':
      return t(locale, 'edit.invalid', { fields: Object.keys(outcome.errors).map(label).join(', ') });
  }
}
