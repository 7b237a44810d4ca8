/**
 * The Add / edit customer sidebar's server side: open the form (new, by ID, or the row selected
 * on the Customers tab), and save a customer. Every function a page can call checks its
 * arguments as untrusted input and checks the record again (the page already did).
 *
 * Cost of one save, whatever the number of customers (test/integration/budgets.test.ts): Lists,
 * Settings and the Customers tab's identifying columns read once each, the header row of
 * Customers once, the row written in one setValues per run of adjacent input columns.
 */
import { t, type Locale, type MessageKey } from '../core/i18n';
import { LISTS, listItemKey } from '../core/lists';
import { CUSTOMER_FORM_KEYS, customerFieldKinds, type CustomerFieldKey, type CustomerInput } from '../core/customers/fields';
import { pickCustomerInput, validateCustomer, type CustomerRecord, type ListValues } from '../core/customers/validate';
import { canSaveAnyway, findDuplicates, type DuplicateMatch } from '../core/customers/duplicates';
import type { TeamMember } from '../core/customers/team';
import { FIRST_DATA_ROW } from '../core/schema';
import { currentUser, customersTab, editRefusal, editRow, openWorkbook, readCustomerIndex, readLists, versionOf, type RowRecord, type Tab } from './records';
import { withDocumentLock } from './lock';
import { recordStageChanges, stageChangesFor, stageFields, STAGE_READ_KEYS } from './stage-history';
import { replanCustomers } from './plans';
import { currentLocale } from './locale';
import { alert, showSidebar } from './host';

/** Which customer a form edits: by ID, or by row for a row someone typed without an ID. */
export interface CustomerRef {
  id?: string;
  row?: number;
}

export interface FormOption {
  value: string;
  label: string;
}

/** Everything the form needs, as it crosses google.script.run (no Dates). */
export interface CustomerFormData {
  locale: Locale;
  mode: 'add' | 'edit';
  ref: CustomerRef | null;
  values: CustomerInput;
  /** List values per list key, as stored on the Lists tab, with labels in the user's language. */
  options: Record<string, FormOption[]>;
  team: TeamMember[];
  me: TeamMember | null;
  /** Who Google says the user is ('' when hidden). */
  email: string;
  /** The row's version when the form opened (edit mode): sent back with the changed fields (records/edit.ts). */
  version?: string;
}

export type SaveCustomerResult =
  | { ok: true; id: string; row: number; created: boolean; name: string; message: string; version?: string }
  | { ok: false; kind: 'invalid'; errors: Record<string, string>; message: string }
  | { ok: false; kind: 'duplicate'; duplicates: DuplicateMatch[]; canSaveAnyway: boolean; message: string }
  | { ok: false; kind: 'notFound'; message: string }
  /** Someone changed the row since the form opened: nothing written; what they changed, by field. */
  | { ok: false; kind: 'conflict'; theirs: { field: string; value: string }[]; message: string };

function badArgument(locale: Locale, detail: string): Error {
  return new Error(t(locale, 'error.badArgument', { detail }));
}

/** An untrusted ref from a page: `{ id: 'C-000123' }` or `{ row: 12 }`. */
export function parseRef(raw: unknown, locale: Locale): CustomerRef | null {
  if (raw === null || raw === undefined || raw === '') return null;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw badArgument(locale, 'customer');
  const r = raw as Record<string, unknown>;
  const out: CustomerRef = {};
  if (r.id !== undefined && r.id !== '') {
    if (typeof r.id !== 'string' || r.id.length > 40) throw badArgument(locale, 'customer id');
    out.id = r.id.trim();
  }
  if (r.row !== undefined && r.row !== null) {
    if (typeof r.row !== 'number' || !Number.isInteger(r.row) || r.row < FIRST_DATA_ROW || r.row > 10_000_000) throw badArgument(locale, 'row');
    out.row = r.row;
  }
  return out.id || out.row ? out : null;
}

/** Lists tab values with the label a user of `locale` reads (built-in items translated). */
function listOptions(lists: ListValues, locale: Locale): Record<string, FormOption[]> {
  const out: Record<string, FormOption[]> = {};
  for (const l of LISTS) {
    out[l.key] = (lists[l.key] ?? []).map((value) => {
      const key = listItemKey(l.key, value);
      const item = key ? l.items.find((i) => i.key === key) : undefined;
      return { value, label: item ? item.label[locale] : value };
    });
  }
  return out;
}

function formValue(v: unknown): string | boolean {
  if (typeof v === 'boolean') return v;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/** Sidebar API: the form for a new customer (ref empty) or an existing one. */
export function getCustomerForm(rawRef?: CustomerRef | null): CustomerFormData {
  const locale = currentLocale();
  const ref = parseRef(rawRef, locale);
  const wb = openWorkbook();
  const customers = requireCustomers(customersTab(wb), locale);
  const lists = readLists(wb, locale);
  const { team, me, email } = currentUser(wb);
  const options = listOptions(lists, locale);
  const base = { locale, options, team, me, email };
  if (!ref) {
    const values: CustomerInput = {
      stage: options.stage?.[0]?.value ?? '',
      owner: me?.name ?? '',
      need_confirmed: false,
      budget_confirmed: false,
    };
    return { ...base, mode: 'add', ref: null, values };
  }
  const row = locateRow(customers, ref, locale);
  const full = customers.readRow(row);
  const values: CustomerInput = {};
  for (const k of CUSTOMER_FORM_KEYS) values[k] = formValue(full[k]);
  values.need_confirmed = full.need_confirmed === true;
  values.budget_confirmed = full.budget_confirmed === true;
  const id = String(full.customer_id ?? '').trim();
  return { ...base, mode: 'edit', ref: id ? { id } : { row }, values, version: versionOf(full, CUSTOMER_FORM_KEYS) };
}

/** The Customers tab, or an error the user can act on. */
function requireCustomers(tab: Tab | null, locale: Locale): Tab {
  if (!tab) throw new Error(t(locale, 'customers.missingTab'));
  return tab;
}

/** The sheet row of a ref (ID looked up in the ID column only). */
function locateRow(customers: Tab, ref: CustomerRef, locale: Locale): number {
  const index = readCustomerIndex(customers);
  const hit = ref.id ? index.existing.find((c) => c.id === ref.id) : index.existing.find((c) => c.row === ref.row && !c.id);
  if (!hit) throw new Error(t(locale, 'customers.notFound', { id: ref.id ?? `#${ref.row}` }));
  return hit.row;
}

function translateErrors(locale: Locale, errors: ReturnType<typeof validateCustomer>['errors']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, p] of Object.entries(errors)) if (p) out[k] = t(locale, p.key as MessageKey, p.params);
  return out;
}

/** Identifies a matched row for "save anyway": its ID, or its row for a row without one. */
export function matchToken(m: { id: string; row: number }): string {
  return m.id || `row:${m.row}`;
}

/** What the form sends with a save: the customer it edits (none: a new one) and the duplicates the rep chose to keep. */
export interface SaveCustomerOptions {
  ref?: CustomerRef | null;
  /** Editing: the version getCustomerForm gave; the input then holds only the fields the rep changed. */
  version?: string;
  /** matchToken() of each duplicate shown that the rep saves anyway. */
  confirmDuplicates?: string[];
}

/** SaveCustomerOptions once checked. */
interface SaveOptions {
  ref: CustomerRef | null;
  /** Untrusted: checked by core/row-merge. */
  version: unknown;
  /** The duplicates the rep saw and chose to keep as separate customers. */
  confirmed: Set<string>;
}

function parseSaveOptions(raw: unknown, locale: Locale): SaveOptions {
  if (raw === undefined || raw === null) return { ref: null, version: undefined, confirmed: new Set() };
  if (typeof raw !== 'object' || Array.isArray(raw)) throw badArgument(locale, 'options');
  const o = raw as Record<string, unknown>;
  const confirmed = new Set<string>();
  if (o.confirmDuplicates !== undefined) {
    if (!Array.isArray(o.confirmDuplicates) || o.confirmDuplicates.length > 100) throw badArgument(locale, 'confirmDuplicates');
    for (const c of o.confirmDuplicates) {
      if (typeof c !== 'string' || c.length > 40) throw badArgument(locale, 'confirmDuplicates');
      confirmed.add(c);
    }
  }
  return { ref: parseRef(o.ref, locale), version: o.version, confirmed };
}

/**
 * Sidebar API: adds a customer (no ref) or saves an existing one. Field problems, duplicates
 * and a vanished customer come back as results (the form shows them and keeps what was
 * typed); only unexpected failures and a busy lock throw.
 */
export function saveCustomer(rawInput: CustomerInput, rawOptions?: SaveCustomerOptions): SaveCustomerResult {
  const locale = currentLocale();
  if (!rawInput || typeof rawInput !== 'object' || Array.isArray(rawInput)) throw badArgument(locale, 'customer');
  const opts = parseSaveOptions(rawOptions, locale);
  if (opts.ref) return editCustomer(rawInput, opts, locale);
  const input = pickCustomerInput(rawInput);

  const wb = openWorkbook();
  const customers = requireCustomers(customersTab(wb), locale);
  const lists = readLists(wb, locale);
  const user = currentUser(wb);
  const { team, me } = user;
  const check = validateCustomer(input, { lists, team });
  if (Object.keys(check.errors).length) {
    return { ok: false, kind: 'invalid', errors: translateErrors(locale, check.errors), message: t(locale, 'customers.fixErrors') };
  }
  const record: CustomerRecord = { ...check.record };

  // Everything from reading the register to writing the row happens under the document lock,
  // so a second rep's save reads this one's row (and its ID) before it picks its own.
  return withDocumentLock(() => {
    const index = readCustomerIndex(customers);
    const refused = duplicateRefusal(record, index.existing, opts.confirmed, locale);
    if (refused) return refused;

    const now = new Date();
    if (!record.stage) record.stage = (lists.stage ?? [])[0] ?? '';
    if (!record.owner && me) record.owner = me.name;
    // A column the rep filled that is gone (deleted by hand): refused, naming it, nothing written.
    const missing = customers.missingColumn([record]);
    if (missing)
      return { ok: false, kind: 'invalid', errors: {}, message: editRefusal(customers, { ok: false, reason: 'missingColumn', column: missing }, locale) };
    // Stage history (issue 15): a new customer's first stage is a row too; "since" and the stage recorded go in the same write.
    const first = stageChangesFor({ customer_id: '-' }, record.stage, 'form', now.getTime(), user.by);
    const stage = customers.has('stage_recorded') ? stageFields(wb, first, record.stage, now.getTime()) : {};
    const row = { notes: '', ...record, created_at: now, created_by: user.by, updated_at: now, ...stage };
    const added = customers.append([row], index.extent);
    const id = added.ids[0];
    // A new customer has no deals: its first Stage history row needs no copy onto Deals.
    recordStageChanges(
      wb,
      first.map((c) => ({ ...c, customerId: id })),
      new Map([[id, String(record.name)]]),
      [],
    );
    replanCustomers(wb, [id], { rows: new Map([[id, added.row]]), added: new Map([[id, { ...row, customer_id: id }]]) });
    return { ok: true, id, row: added.row, created: true, name: String(record.name), message: t(locale, 'customers.saved', { id, name: String(record.name) }) };
  });
}

/** The duplicates that stop a save (none confirmed, or an e-mail match), as the form's answer; null when it may go ahead. */
function duplicateRefusal(
  record: CustomerRecord,
  existing: ReturnType<typeof readCustomerIndex>['existing'],
  confirmed: Set<string>,
  locale: Locale,
  self?: { id: string; row: number },
): SaveCustomerResult | null {
  const duplicates = findDuplicates(record, existing, self?.id || undefined, self?.row);
  const unconfirmed = duplicates.filter((d) => !confirmed.has(matchToken(d)));
  if (!unconfirmed.length && (!duplicates.length || canSaveAnyway(duplicates))) return null;
  const allowed = canSaveAnyway(duplicates);
  return {
    ok: false,
    kind: 'duplicate',
    duplicates,
    canSaveAnyway: allowed,
    message: t(locale, allowed ? 'customers.duplicate.intro' : 'customers.duplicate.emailTaken'),
  };
}

/** A form value of a cell (what getCustomerForm shows), as the checks read it. */
function inputOfRow(values: RowRecord): CustomerInput {
  const out: CustomerInput = {};
  for (const k of CUSTOMER_FORM_KEYS) out[k] = formValue(values[k]);
  out.need_confirmed = values.need_confirmed === true;
  out.budget_confirmed = values.budget_confirmed === true;
  return out;
}

/**
 * Saves an edit (issue 13, records/edit.ts): the page sends only the fields the rep changed and
 * the version the form opened with; the row as it is now decides. Someone else's change since
 * → refused, showing theirs; a field left out → unchanged; a wrong type → refused; only the
 * changed fields (normalised by the same checks as a new customer) and Updated are written.
 */
function editCustomer(rawChanges: unknown, opts: SaveOptions, locale: Locale): SaveCustomerResult {
  const ref = opts.ref!;
  const wb = openWorkbook();
  const customers = requireCustomers(customersTab(wb), locale);
  const lists = readLists(wb, locale);
  const user = currentUser(wb);
  const { team } = user;
  return withDocumentLock((): SaveCustomerResult => {
    const index = readCustomerIndex(customers);
    const hit = ref.id ? index.existing.find((c) => c.id === ref.id) : index.existing.find((c) => c.row === ref.row && !c.id);
    if (!hit) return { ok: false, kind: 'notFound', message: t(locale, 'customers.notFound', { id: ref.id ?? `#${ref.row}` }) };
    const now = new Date();
    // Stage history (issue 15): the stage as recorded before this edit, to tell a change typed in the grid from the form's own.
    const before = customers.readRow(hit.row, STAGE_READ_KEYS);
    let stageChanges: ReturnType<typeof stageChangesFor> = [];
    const outcome = editRow<SaveCustomerResult>(
      customers,
      { row: hit.row },
      { keys: CUSTOMER_FORM_KEYS, kinds: customerFieldKinds(), version: opts.version, changes: rawChanges },
      {
        stamp: { updated_at: now },
        check: (merged, changed) => {
          const fields = Object.keys(changed) as CustomerFieldKey[];
          const input = { ...inputOfRow(merged), ...pickCustomerInput(changed) };
          const check = validateCustomer(input, { lists, team }, { fields });
          if (Object.keys(check.errors).length) {
            return { refuse: { ok: false, kind: 'invalid', errors: translateErrors(locale, check.errors), message: t(locale, 'customers.fixErrors') } };
          }
          const write: RowRecord = {};
          for (const k of fields) write[k] = check.record[k] ?? '';
          const stage = fields.includes('stage') ? check.record.stage : merged.stage;
          stageChanges = stageChangesFor({ ...before, customer_id: hit.id || '-' }, stage, 'form', now.getTime(), user.by);
          Object.assign(write, stageFields(wb, stageChanges, stage, now.getTime()));
          const all = validateCustomer(input, { lists, team }, { fields: ['name', 'phone', 'email'] }).record;
          const refused = duplicateRefusal({ ...all, ...check.record }, index.existing, opts.confirmed, locale, hit);
          return refused ? { refuse: refused } : { write };
        },
      },
    );
    if (!outcome.ok) {
      if (outcome.reason === 'refused') return outcome.detail;
      if (outcome.reason === 'notFound') return { ok: false, kind: 'notFound', message: t(locale, 'customers.notFound', { id: ref.id ?? `#${ref.row}` }) };
      const message = editRefusal(customers, outcome, locale, (v) => String(formValue(v)));
      if (outcome.reason === 'conflict') {
        return { ok: false, kind: 'conflict', theirs: outcome.theirs.map((c) => ({ field: c.field, value: String(formValue(c.value)) })), message };
      }
      return { ok: false, kind: 'invalid', errors: {}, message };
    }
    let id = hit.id;
    if (!id) {
      // A row typed by hand gets its ID with its first save.
      id = customers.claimIds(1, index.extent)[0];
      customers.write(hit.row, [{ customer_id: id }]);
    }
    const name = String(outcome.values.name ?? '');
    recordStageChanges(
      wb,
      stageChanges.map((c) => ({ ...c, customerId: id })),
      new Map([[id, name]]),
    );
    replanCustomers(wb, [id], { rows: new Map([[id, hit.row]]) });
    return { ok: true, id, row: hit.row, created: false, name, version: outcome.version, message: t(locale, 'customers.updated', { id, name }) };
  });
}

function showForm(locale: Locale, ref: CustomerRef | null): void {
  const page = HtmlService.createTemplateFromFile('Customer');
  page.locale = locale;
  page.ref = ref ? JSON.stringify(ref) : '';
  showSidebar(page.evaluate(), t(locale, ref ? 'customers.titleEdit' : 'customers.titleAdd'));
}

/** Menu action: the Add customer sidebar. */
export function showCustomerForm(): void {
  showForm(currentLocale(), null);
}

/**
 * Menu action: the same sidebar, filled with the customer on the active row of the Customers
 * tab. A selection elsewhere gets a short explanation instead.
 */
export function showEditSelectedCustomer(): void {
  const locale = currentLocale();
  const wb = openWorkbook();
  const row = wb.selectedRow('customers');
  const customers = customersTab(wb);
  const full = customers && row >= FIRST_DATA_ROW ? customers.readRow(row) : null;
  const id = String(full?.customer_id ?? '').trim();
  if (!full || (!id && !String(full.name ?? '').trim())) {
    alert(t(locale, 'customers.selectRow'));
    return;
  }
  showForm(locale, id ? { id } : { row });
}
