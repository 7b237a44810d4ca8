/**
 * One customer record, checked the same way in the form (as the rep types), on the server (on
 * every save: anyone with edit access can call it) and by the import (each CSV row).
 * Returns the cleaned record by column key, ready for the workbook layer, and one problem per
 * field (a message key, never text) so each side reports it in the user's language.
 */
import { TEAM_LIST, type ColumnDef } from '../schema';
import { listItemKey } from '../lists';
import { checkEmail, checkLength, checkNumber, checkPhone, checkRequired, cleanPhone, normalizeEmail, parseMoney, type Problem } from '../validation/rules';
import { CUSTOMER_FORM_KEYS, formColumns, type CustomerFieldKey, type CustomerInput } from './fields';
import { matchOwner, type TeamMember } from './team';

/** Values the lists allow, as they stand on the Lists tab (built-in ones in the workbook's language, plus the team's own). */
export type ListValues = Record<string, readonly string[]>;

export interface ValidationContext {
  lists: ListValues;
  team: readonly TeamMember[];
}

export type CustomerRecord = Partial<Record<CustomerFieldKey, string | number | boolean>>;

export interface CustomerCheck {
  record: CustomerRecord;
  errors: Partial<Record<CustomerFieldKey, Problem>>;
  /** Fields taken blank instead of refused (lenient mode): the import lists them with the row. */
  warnings: Partial<Record<CustomerFieldKey, Problem>>;
}

export interface ValidateOptions {
  /**
   * The import's leniency (issue 12): a value that is not in an optional dropdown's list is taken
   * blank with a warning instead of refusing the whole row; so is an owner who is nobody on the
   * team. A required list field, and an owner that names two members, still refuse.
   */
  lenient?: boolean;
  /** Check only these fields (an edit that sends the changed fields only); default: every form field. */
  fields?: readonly CustomerFieldKey[];
}

/** Short text fields: longer is almost certainly a paste gone wrong. */
const SHORT_TEXT_MAX = 500;

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'x', '✓', '✔', '是', '对', '有', '已确认', 'confirmed']);

/** A tick from a form (boolean) or from a CSV cell ("yes", "是", "TRUE", "1", "x"). */
export function parseTick(raw: unknown): boolean {
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') return raw !== 0;
  return TRUE_WORDS.has(
    String(raw ?? '')
      .trim()
      .toLowerCase(),
  );
}

/**
 * The value to store for a list field: the value as the Lists tab holds it. A built-in item
 * typed in the other language (or different case) maps to the Lists tab's own spelling.
 * Returns null when the value is not allowed.
 */
export function canonicalListValue(listKey: string, allowed: readonly string[], raw: string): string | null {
  const v = raw.trim();
  if (!v) return '';
  if (allowed.includes(v)) return v;
  const lower = v.toLowerCase();
  const same = allowed.find((a) => a.toLowerCase() === lower);
  if (same !== undefined) return same;
  const key = listItemKey(listKey, v);
  if (key) {
    const match = allowed.find((a) => listItemKey(listKey, a) === key);
    if (match !== undefined) return match;
  }
  return null;
}

function text(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'boolean') return '';
  return String(raw).trim();
}

type ColumnResult = { value?: string | number | boolean; problem?: Problem; warning?: Problem };

function checkColumn(col: ColumnDef, raw: unknown, ctx: ValidationContext, lenient: boolean): ColumnResult {
  if (col.type === 'boolean') return { value: parseTick(raw) };
  const v = text(raw);
  if (col.required) {
    const p = checkRequired(v);
    if (p) return { problem: p };
  }
  const tooLong = checkLength(v, col.type === 'longtext' ? undefined : SHORT_TEXT_MAX);
  if (tooLong) return { problem: tooLong };
  switch (col.type) {
    case 'email': {
      const p = checkEmail(v);
      return p ? { problem: p } : { value: normalizeEmail(v) };
    }
    case 'phone': {
      const p = checkPhone(v);
      return p ? { problem: p } : { value: cleanPhone(v) };
    }
    case 'integer':
    case 'number':
    case 'currency': {
      if (!v) return { value: '' };
      const p = checkNumber(v, col.bounds);
      if (p) return { problem: p };
      const n = parseMoney(v)!.amount;
      if (col.type === 'integer' && !Number.isInteger(n)) return { problem: { key: 'customers.wholeNumber' } };
      return { value: n };
    }
    case 'list': {
      if (!v) return { value: '' };
      if (col.list === TEAM_LIST) {
        const m = matchOwner(ctx.team, v);
        if (m && 'member' in m) return { value: m.member.name };
        if (m) return { problem: { key: 'validation.ownerAmbiguous', params: { value: v, matches: m.ambiguous.map((x) => x.name).join(', ') } } };
        const allowed = ctx.team.map((t) => t.name).join(' / ');
        if (lenient && !col.required) return { value: '', warning: { key: 'validation.listBlanked', params: { value: v, allowed } } };
        return { problem: { key: 'customers.ownerNotInTeam', params: { allowed } } };
      }
      const allowed = ctx.lists[col.list!] ?? [];
      const value = canonicalListValue(col.list!, allowed, v);
      if (value !== null) return { value };
      if (lenient && !col.required) return { value: '', warning: { key: 'validation.listBlanked', params: { value: v, allowed: allowed.join(' / ') } } };
      return { problem: { key: 'validation.list', params: { allowed: allowed.join(' / ') } } };
    }
    default:
      return { value: v };
  }
}

/** Checks every form field of one customer (or only `opts.fields`). */
export function validateCustomer(input: CustomerInput, ctx: ValidationContext, opts: ValidateOptions = {}): CustomerCheck {
  const record: CustomerRecord = {};
  const errors: CustomerCheck['errors'] = {};
  const warnings: CustomerCheck['warnings'] = {};
  for (const col of formColumns()) {
    const key = col.key as CustomerFieldKey;
    if (opts.fields && !opts.fields.includes(key)) continue;
    const { value, problem, warning } = checkColumn(col, input[key], ctx, opts.lenient === true);
    if (problem) errors[key] = problem;
    else if (value !== undefined) record[key] = value;
    if (warning) warnings[key] = warning;
  }
  return { record, errors, warnings };
}

/** Only the known fields of an untrusted object (a page or the browser console may send anything). */
export function pickCustomerInput(raw: unknown): CustomerInput {
  const out: CustomerInput = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  const obj = raw as Record<string, unknown>;
  for (const k of CUSTOMER_FORM_KEYS) {
    const v = obj[k];
    if (typeof v === 'string' || typeof v === 'boolean') out[k] = v;
    else if (typeof v === 'number' && Number.isFinite(v)) out[k] = String(v);
  }
  return out;
}

export function hasErrors(check: CustomerCheck): boolean {
  return Object.keys(check.errors).length > 0;
}
