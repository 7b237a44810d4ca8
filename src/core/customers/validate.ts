/**
 * One customer record, checked the same way in the form (as the rep types), on the server (on
 * every save: anyone with edit access can call it) and by the import (each CSV row).
 * Returns the cleaned record by column key, ready for the workbook layer, and one problem per
 * field (a message key, never text) so each side reports it in the user's language.
 */
import { TEAM_LIST, type ColumnDef } from '../schema';
import { listItemKey } from '../lists';
import {
  checkEmail,
  checkLength,
  checkNumber,
  checkPhone,
  checkRequired,
  normalizeEmail,
  type Problem,
} from '../validation/rules';
import { CUSTOMER_FORM_KEYS, formColumns, type CustomerFieldKey, type CustomerInput } from './fields';
import { findMember, type TeamMember } from './team';

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
}

/** Short text fields: longer is almost certainly a paste gone wrong. */
const SHORT_TEXT_MAX = 500;

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'x', '✓', '✔', '是', '对', '有', '已确认', 'confirmed']);

/** A tick from a form (boolean) or from a CSV cell ("yes", "是", "TRUE", "1", "x"). */
export function parseTick(raw: unknown): boolean {
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') return raw !== 0;
  return TRUE_WORDS.has(String(raw ?? '').trim().toLowerCase());
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

function numberValue(raw: string): number {
  return Number(raw.replace(/[,，\s]/g, '').replace(/^[¥$€£]/, ''));
}

function checkColumn(col: ColumnDef, raw: unknown, ctx: ValidationContext): { value?: string | number | boolean; problem?: Problem } {
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
      return p ? { problem: p } : { value: v.replace(/\s+/g, ' ') };
    }
    case 'integer':
    case 'number':
    case 'currency': {
      if (!v) return { value: '' };
      const p = checkNumber(v, col.bounds);
      if (p) return { problem: p };
      const n = numberValue(v);
      if (col.type === 'integer' && !Number.isInteger(n)) return { problem: { key: 'customers.wholeNumber' } };
      return { value: n };
    }
    case 'list': {
      if (!v) return { value: '' };
      if (col.list === TEAM_LIST) {
        const m = findMember(ctx.team, v);
        if (m) return { value: m.name };
        return { problem: { key: 'customers.ownerNotInTeam', params: { allowed: ctx.team.map((t) => t.name).join(' / ') } } };
      }
      const allowed = ctx.lists[col.list!] ?? [];
      const value = canonicalListValue(col.list!, allowed, v);
      if (value === null) return { problem: { key: 'validation.list', params: { allowed: allowed.join(' / ') } } };
      return { value };
    }
    default:
      return { value: v };
  }
}

/** Checks every form field of one customer. */
export function validateCustomer(input: CustomerInput, ctx: ValidationContext): CustomerCheck {
  const record: CustomerRecord = {};
  const errors: CustomerCheck['errors'] = {};
  for (const col of formColumns()) {
    const key = col.key as CustomerFieldKey;
    const { value, problem } = checkColumn(col, input[key], ctx);
    if (problem) errors[key] = problem;
    else if (value !== undefined) record[key] = value;
  }
  return { record, errors };
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
