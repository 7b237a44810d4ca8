/**
 * Edits that merge (issue 13): two reps editing the same row must not silently revert each
 * other, and an edit that leaves a field out (or sends it with the wrong type) must never blank
 * it. A form is opened with the row's version — a stable hash of the values it shows, over the
 * columns it shows — and saves only the fields the user changed, with that version. The server
 * reads the row as it is now and asks mergeEdit: the same version → write exactly the changed
 * fields (those that differ from the row); another version → refuse, listing what the other
 * person changed (field, their value), and write nothing.
 *
 * The version carries one short hash per column, so a refusal can name the columns that moved
 * without the form sending the whole row back. Pure: the records layer reads and writes.
 */

import { t, type Locale } from './i18n';

/** 32-bit FNV-1a of a string, in base 36 (stable across runs and engines; not a secret). Also the reminders' short per-rep marks. */
export function fnv(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/**
 * A cell as the version sees it: every blank alike ('' , null, undefined), a date by its instant,
 * a number by its shortest decimal text, a tick as 1/0, text exactly (a space typed is a change).
 */
function canonical(v: unknown): string {
  if (v === '' || v === null || v === undefined) return '';
  if (v instanceof Date) return `d${v.getTime()}`;
  if (typeof v === 'number') return `n${Object.is(v, -0) ? 0 : v}`;
  if (typeof v === 'boolean') return v ? 'b1' : 'b0';
  return `s${String(v)}`;
}

const VERSION_PREFIX = 'v1';

function fieldHash(key: string, value: unknown): string {
  return fnv(`${key}\u0000${canonical(value)}`);
}

/** The version of a row over `keys`, the columns the form shows (in that order). */
export function rowVersion(values: Readonly<Record<string, unknown>>, keys: readonly string[]): string {
  return [VERSION_PREFIX, fnv(keys.join('\u0001')), ...keys.map((k) => fieldHash(k, own(values, k)))].join('.');
}

function own(o: Readonly<Record<string, unknown>>, k: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
}

/** What a column takes from a page: text (a number is read as its text), a tick, or a number (a finite number, or text for the field check to parse). */
export type FieldKind = 'text' | 'boolean' | 'number';

export type MergeError = 'notAnObject' | 'badVersion' | 'unknownField' | 'wrongType';

export type MergeResult =
  | {
      ok: true;
      /** The fields to write: only those the form changed whose value differs from the row now. */
      write: Record<string, string | number | boolean>;
      /** Fields the form sent with the value the row already holds (nothing to write). */
      unchanged: string[];
    }
  | {
      ok: false;
      reason: 'conflict';
      /** What the other person changed since the form was opened: each column and its value now. */
      theirs: { field: string; value: unknown }[];
    }
  | { ok: false; reason: 'invalid'; errors: Record<string, MergeError> };

export interface MergeInput {
  /** The columns the form shows (the version's columns), in the order the version was made. */
  keys: readonly string[];
  /** What each column takes. */
  kinds: Readonly<Record<string, FieldKind>>;
  /** The row as it is now. */
  current: Readonly<Record<string, unknown>>;
  /** Untrusted: what the page sent. */
  version: unknown;
  changes: unknown;
}

function typed(kind: FieldKind, v: unknown): string | number | boolean | null {
  if (kind === 'boolean') return typeof v === 'boolean' ? v : null;
  if (kind === 'number') return (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'string' ? (v as number | string) : null;
  if (typeof v === 'string') return v;
  return typeof v === 'number' && Number.isFinite(v) ? String(v) : null;
}

/**
 * Decides an edit. A field the page left out, or sent as null or undefined, is unchanged; a field
 * the form does not show, or sent with the wrong type (a tick as text, an object, NaN), refuses
 * the edit — never a blank written. Prototype keys (`__proto__`) are ordinary unknown fields.
 */
export function mergeEdit(input: MergeInput): MergeResult {
  const { keys, kinds, current } = input;
  if (!input.changes || typeof input.changes !== 'object' || Array.isArray(input.changes))
    return { ok: false, reason: 'invalid', errors: { changes: 'notAnObject' } };
  const changes = input.changes as Record<string, unknown>;
  const errors: Record<string, MergeError> = Object.create(null);
  const wanted: Record<string, string | number | boolean> = Object.create(null);
  for (const field of Object.keys(changes)) {
    const v = changes[field];
    if (!keys.includes(field) || !Object.prototype.hasOwnProperty.call(kinds, field)) {
      errors[field] = 'unknownField';
      continue;
    }
    if (v === null || v === undefined) continue;
    const t = typed(kinds[field], v);
    if (t === null) errors[field] = 'wrongType';
    else wanted[field] = t;
  }
  const sent = typeof input.version === 'string' ? input.version.split('.') : [];
  if (sent.length !== keys.length + 2 || sent[0] !== VERSION_PREFIX || sent[1] !== fnv(keys.join('\u0001'))) errors.version = 'badVersion';
  if (Object.keys(errors).length) return { ok: false, reason: 'invalid', errors: { ...errors } };

  const theirs = keys.filter((k, i) => fieldHash(k, own(current, k)) !== sent[i + 2]).map((field) => ({ field, value: own(current, field) }));
  if (theirs.length) return { ok: false, reason: 'conflict', theirs };

  const write: Record<string, string | number | boolean> = {};
  const unchanged: string[] = [];
  for (const field of Object.keys(wanted)) {
    if (canonical(wanted[field]) === canonical(own(current, field))) unchanged.push(field);
    else write[field] = wanted[field];
  }
  return { ok: true, write, unchanged };
}

/**
 * The refusal as the user reads it: each column the other person changed, by its label, with its
 * value now (dates as the sheet's day, a tick as ✓/✗), in the user's language.
 */
export function conflictMessage(
  theirs: readonly { field: string; value: unknown }[],
  label: (field: string) => string,
  locale: Locale,
  show: (v: unknown) => string = String,
): string {
  const changes = theirs
    .map(({ field, value }) =>
      t(locale, 'edit.conflictField', { field: label(field), value: value === '' || value == null ? t(locale, 'edit.blank') : show(value) }),
    )
    .join(locale === 'zh' ? '；' : '; ');
  return t(locale, 'edit.conflict', { changes });
}
