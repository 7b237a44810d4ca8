/**
 * The fields a rep edits on the Add / edit customer form, in form order. They are columns of
 * the CUSTOMERS schema (header, note, type and list come from there); this file only says
 * which of them the form shows and how they group.
 */
import { CUSTOMERS, getColumn, type ColumnDef } from '../schema';
import type { FieldKind } from '../row-merge';

export const CUSTOMER_FORM_KEYS = [
  'name',
  'industry',
  'employees',
  'annual_revenue',
  'contact_name',
  'contact_title',
  'phone',
  'email',
  'source',
  'source_detail',
  'scenario',
  'needs',
  'need_confirmed',
  'budget_confirmed',
  'stage',
  'owner',
  'notes',
] as const;

export type CustomerFieldKey = (typeof CUSTOMER_FORM_KEYS)[number];

/** What the form sends: text fields as typed, the two ticks as booleans. */
export type CustomerInput = { [K in CustomerFieldKey]?: string | boolean };

export function formColumns(): ColumnDef[] {
  return CUSTOMER_FORM_KEYS.map((k) => getColumn(CUSTOMERS, k));
}

/** Columns whose value is a list item: list key per field. */
export function listFieldsOf(): { key: CustomerFieldKey; list: string }[] {
  return formColumns()
    .filter((c) => c.type === 'list' && c.list)
    .map((c) => ({ key: c.key as CustomerFieldKey, list: c.list! }));
}

/** What each form field takes from a page, for core/row-merge's mergeEdit: ticks as booleans, numbers as numbers or text, the rest as text. */
export function customerFieldKinds(): Record<CustomerFieldKey, FieldKind> {
  const out = {} as Record<CustomerFieldKey, FieldKind>;
  for (const c of formColumns()) {
    out[c.key as CustomerFieldKey] =
      c.type === 'boolean' ? 'boolean' : c.type === 'integer' || c.type === 'number' || c.type === 'currency' ? 'number' : 'text';
  }
  return out;
}
