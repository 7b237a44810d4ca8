/**
 * The Add / edit customer sidebar. It checks each field as the rep leaves it (the same core
 * rules the server runs again on save), shows the intention level live from the two ticks,
 * keeps everything typed when something is wrong, and shows each problem next to its field.
 * The DOM is built with textContent only (h()).
 */
import { call } from '../shared/rpc';
import { clear, h, withBusy } from '../shared/dom';
import { pageLocale, tr } from '../shared/i18n';
import { CUSTOMERS, getColumn, type ColumnDef } from '../../core/schema';
import { listLabel } from '../../core/lists';
import { intentionOf } from '../../core/customers/intention';
import type { CustomerFieldKey, CustomerInput } from '../../core/customers/fields';
import { validateCustomer, type ValidationContext } from '../../core/customers/validate';
import type { MessageKey } from '../../core/i18n';
import type { CustomerFormData, CustomerRef, SaveCustomerResult } from '../../server/customers';
import type { DuplicateMatch } from '../../core/customers/duplicates';

type Layout = { section: MessageKey; rows: (CustomerFieldKey | [CustomerFieldKey, CustomerFieldKey])[] };

/** Form order and grouping; two short fields may share a row. */
const LAYOUT: Layout[] = [
  { section: 'customers.section.company', rows: ['name', 'industry', ['employees', 'annual_revenue']] },
  { section: 'customers.section.contact', rows: ['contact_name', 'contact_title', 'phone', 'email'] },
  {
    section: 'customers.section.sale',
    rows: ['source', 'source_detail', 'scenario', 'needs', 'need_confirmed', 'budget_confirmed', 'stage', 'owner', 'notes'],
  },
];

const locale = pageLocale();
let data: CustomerFormData | null = null;
let ref: CustomerRef | null = null;
/** The stage the customer had when the form loaded: a change to Lost asks why (issue 7's loss dialog). */
let loadedStage = '';
/**
 * Editing (issue 13): the values the form was filled with and the row's version then. A save
 * sends only the fields that differ from these, with the version, so the server can refuse
 * when someone else changed the row meanwhile, and never blanks a field the rep did not touch.
 */
let loaded: CustomerInput = {};
let version: string | undefined;
/** Fields the rep has left at least once: only those are checked while typing. */
const touched = new Set<string>();
let saving = false;

const $ = (id: string) => document.getElementById(id)!;
const form = $('form') as HTMLFormElement;
const status = $('status');
const dup = $('dup');
const saveBtn = $('save') as HTMLButtonElement;
const anotherBtn = $('another') as HTMLButtonElement;

function col(key: CustomerFieldKey): ColumnDef {
  return getColumn(CUSTOMERS, key);
}

function inputOf(key: string): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null {
  return document.getElementById(`f-${key}`) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null;
}

function fieldEl(key: CustomerFieldKey): HTMLElement {
  const c = col(key);
  const id = `f-${key}`;
  const label = c.header[locale];
  if (c.type === 'boolean') {
    return h(
      'div',
      { class: 'field check', id: `field-${key}` },
      h('input', { type: 'checkbox', id, name: key }),
      h('label', { for: id, title: c.note[locale] }, label),
      h('div', { class: 'error', id: `err-${key}`, hidden: true }),
    );
  }
  let control: HTMLElement;
  if (c.type === 'list') {
    const options = c.list === 'team' ? (data?.team ?? []).map((m) => ({ value: m.name, label: m.name })) : (data?.options[c.list!] ?? []);
    control = h(
      'select',
      { id, name: key },
      h('option', { value: '' }, tr('customers.choose')),
      ...options.map((o) => h('option', { value: o.value }, o.label)),
    );
  } else if (c.type === 'longtext') {
    control = h('textarea', { id, name: key, rows: '3' });
  } else {
    const type = c.type === 'email' ? 'email' : c.type === 'phone' ? 'tel' : 'text';
    const mode = c.type === 'integer' ? 'numeric' : c.type === 'currency' || c.type === 'number' ? 'decimal' : undefined;
    control = h('input', { id, name: key, type, inputmode: mode, autocomplete: 'off', maxlength: '500' });
  }
  return h(
    'div',
    { class: 'field', id: `field-${key}` },
    h('label', { for: id, title: c.note[locale] }, label, c.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, '*') : null),
    control,
    h('div', { class: 'error', id: `err-${key}`, role: 'alert', hidden: true }),
  );
}

function intentionEl(): HTMLElement {
  return h(
    'div',
    {},
    h('div', { class: 'intention' }, h('span', {}, tr('customers.intention')), h('span', { class: 'chip', id: 'intention' })),
    h('p', { class: 'help' }, tr('customers.intentionHelp')),
  );
}

function buildForm(): void {
  clear(form);
  for (const group of LAYOUT) {
    form.append(h('h2', {}, tr(group.section)));
    for (const row of group.rows) {
      if (Array.isArray(row)) form.append(h('div', { class: 'row2' }, fieldEl(row[0]), fieldEl(row[1])));
      else {
        form.append(fieldEl(row));
        if (row === 'budget_confirmed') form.append(intentionEl());
      }
    }
  }
  if (data && !data.team.length) {
    $('field-owner').append(h('p', { class: 'help' }, tr('customers.noTeam')));
  }
}

function readForm(): CustomerInput {
  const out: CustomerInput = {};
  for (const group of LAYOUT) {
    for (const row of group.rows) {
      for (const key of Array.isArray(row) ? row : [row]) {
        const el = inputOf(key);
        if (!el) continue;
        out[key] = el instanceof HTMLInputElement && el.type === 'checkbox' ? el.checked : el.value;
      }
    }
  }
  return out;
}

function fillForm(values: CustomerInput): void {
  for (const [key, v] of Object.entries(values)) {
    const el = inputOf(key);
    if (!el) continue;
    if (el instanceof HTMLInputElement && el.type === 'checkbox') el.checked = v === true;
    else if (el instanceof HTMLSelectElement) {
      const value = String(v ?? '');
      // A value typed in the sheet that is not (or no longer) in the list: keep it selectable.
      if (value && ![...el.options].some((o) => o.value === value)) el.append(h('option', { value }, value));
      el.value = value;
    } else el.value = String(v ?? '');
  }
  updateIntention();
}

function updateIntention(): void {
  const need = (inputOf('need_confirmed') as HTMLInputElement | null)?.checked ?? false;
  const budget = (inputOf('budget_confirmed') as HTMLInputElement | null)?.checked ?? false;
  const level = intentionOf(need, budget);
  const chip = document.getElementById('intention');
  if (!chip) return;
  chip.textContent = listLabel('intention', level, locale);
  chip.className = `chip ${level}`;
}

function setError(key: string, message: string | null): void {
  const box = document.getElementById(`err-${key}`);
  const field = document.getElementById(`field-${key}`);
  const el = inputOf(key);
  if (!box || !field) return;
  box.textContent = message ?? '';
  box.hidden = !message;
  field.classList.toggle('invalid', !!message);
  if (el) {
    if (message) el.setAttribute('aria-invalid', 'true');
    else el.removeAttribute('aria-invalid');
  }
}

function validationContext(): ValidationContext {
  const lists: Record<string, string[]> = {};
  for (const [k, opts] of Object.entries(data?.options ?? {})) lists[k] = opts.map((o) => o.value);
  return { lists, team: data?.team ?? [] };
}

/** Runs the core checks in the page; returns the problems by field (translated). */
function localErrors(): Record<string, string> {
  const check = validateCustomer(readForm(), validationContext());
  const out: Record<string, string> = {};
  for (const [k, p] of Object.entries(check.errors)) if (p) out[k] = tr(p.key as MessageKey, p.params);
  return out;
}

function checkTouched(): void {
  const errs = localErrors();
  for (const key of touched) setError(key, errs[key] ?? null);
}

function showErrors(errs: Record<string, string>): void {
  const keys = new Set<string>([...Object.keys(errs)]);
  form.querySelectorAll('.field').forEach((f) => {
    const key = f.id.replace(/^field-/, '');
    if (!keys.has(key)) setError(key, null);
  });
  for (const [k, m] of Object.entries(errs)) setError(k, m);
  const first = Object.keys(errs)[0];
  if (first) inputOf(first)?.focus();
}

function banner(kind: 'ok' | 'error' | 'warn', text: string): void {
  clear(status);
  status.append(h('div', { class: `banner ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text));
}

function setHeader(): void {
  $('title').textContent = tr(ref ? 'customers.titleEdit' : 'customers.titleAdd');
  const sub = $('subtitle');
  sub.hidden = !ref;
  sub.textContent = ref ? (ref.id ? tr('customers.editing', { id: ref.id }) : tr('customers.editingNoId', { row: ref.row ?? '' })) : '';
  saveBtn.textContent = tr(ref ? 'customers.saveChanges' : 'customers.save');
  anotherBtn.textContent = tr('customers.addAnother');
  anotherBtn.hidden = !ref;
  const me = $('me');
  me.hidden = false;
  clear(me);
  if (data?.me) me.append(tr('customers.youAre', { name: data.me.name }));
  else me.append(tr('customers.whoAreYou'));
}

function dupWhy(m: DuplicateMatch): string {
  return m.on.map((f) => tr(`customers.duplicate.on.${f}` as MessageKey)).join(' · ');
}

function showDuplicates(result: Extract<SaveCustomerResult, { kind: 'duplicate' }>, input: CustomerInput): void {
  clear(dup);
  dup.hidden = false;
  const list = h(
    'ul',
    { class: 'dup-list' },
    ...result.duplicates.map((m) =>
      h(
        'li',
        {},
        h('div', { class: 'name' }, m.id ? `${m.id} · ${m.name}` : m.name),
        h('div', { class: 'why' }, dupWhy(m)),
        h(
          'button',
          { type: 'button', class: 'open-existing', onclick: () => void load(m.id ? { id: m.id } : { row: m.row }) },
          m.id ? tr('customers.duplicate.open', { id: m.id }) : tr('customers.duplicate.openRow', { row: m.row }),
        ),
      ),
    ),
  );
  const box = h('div', { class: 'banner warn', role: 'alert' }, h('div', {}, result.message), list);
  if (result.canSaveAnyway) {
    const tokens = result.duplicates.map((m) => m.id || `row:${m.row}`);
    box.append(
      h(
        'div',
        { class: 'dup-actions' },
        h('button', { type: 'button', id: 'save-anyway', onclick: () => void save(input, tokens) }, tr('customers.duplicate.saveAnyway')),
        h('p', { class: 'help small' }, tr('customers.duplicate.saveAnywayHelp')),
      ),
    );
  }
  dup.append(box);
  dup.scrollIntoView({ block: 'nearest' });
}

/** The fields of `input` that differ from what the form was opened with. */
function changedFields(input: CustomerInput): CustomerInput {
  const out: CustomerInput = {};
  for (const [k, v] of Object.entries(input) as [CustomerFieldKey, string | boolean][]) if (v !== loaded[k]) out[k] = v;
  return out;
}

/** Someone else saved the row since the form opened: say what they changed, next to each field, and offer their version. */
function showConflict(result: Extract<SaveCustomerResult, { kind: 'conflict' }>): void {
  showErrors({});
  for (const c of result.theirs) {
    const key = c.field as CustomerFieldKey;
    if (inputOf(key)) setError(key, tr('edit.conflictField', { field: col(key).header[locale], value: c.value || tr('edit.blank') }));
  }
  clear(status);
  status.append(
    h(
      'div',
      { class: 'banner error', role: 'alert' },
      h('div', {}, result.message),
      h('button', { type: 'button', id: 'reload', onclick: () => void load(ref) }, tr('edit.reload')),
    ),
  );
}

function setSaving(on: boolean): void {
  saving = on;
  saveBtn.disabled = on;
  anotherBtn.disabled = on;
  form.querySelectorAll('input, select, textarea').forEach((el) => ((el as HTMLInputElement).readOnly = on));
}

async function save(input: CustomerInput, confirmDuplicates: string[] = []): Promise<void> {
  if (saving) return;
  clear(status);
  const local = localErrors();
  if (Object.keys(local).length) {
    for (const k of Object.keys(local)) touched.add(k);
    showErrors(local);
    banner('error', tr('customers.fixErrors'));
    return;
  }
  dup.hidden = true;
  clear(dup);
  setSaving(true);
  try {
    const editing = ref !== null;
    const sent = editing ? changedFields(input) : input;
    const result = await withBusy(status, tr('common.saving'), () => call('saveCustomer', sent, { ref, version, confirmDuplicates }));
    if (result.ok) {
      showErrors({});
      ref = { id: result.id };
      setHeader();
      loaded = { ...input };
      version = result.version;
      if (!editing) {
        // A new customer stays open for editing: its version, as the sheet now holds it.
        const opened = await call('getCustomerForm', ref);
        loaded = { ...opened.values };
        version = opened.version;
      }
      banner('ok', result.message);
      const stage = String(input.stage ?? '');
      if (stage !== loadedStage) {
        loadedStage = stage;
        // The server opens the "why did we lose them?" dialog only when the new stage is Lost.
        await call('askLossReasonIfLost', result.id, stage);
      }
    } else if (result.kind === 'invalid') {
      for (const k of Object.keys(result.errors)) touched.add(k);
      showErrors(result.errors);
      banner('error', result.message);
    } else if (result.kind === 'duplicate') {
      showDuplicates(result, input);
    } else if (result.kind === 'conflict') {
      showConflict(result);
    } else {
      banner('error', result.message);
    }
  } catch (err) {
    banner('error', tr('common.error', { message: (err as Error).message }));
  } finally {
    setSaving(false);
  }
}

async function load(next: CustomerRef | null): Promise<void> {
  clear(status);
  dup.hidden = true;
  clear(dup);
  touched.clear();
  try {
    data = await withBusy(status, tr('common.loading'), () => call('getCustomerForm', next));
    ref = data.ref;
    loaded = { ...data.values };
    version = data.version;
    buildForm();
    fillForm(data.values);
    loadedStage = String((data.values as Record<string, unknown>).stage ?? '');
    form.hidden = false;
    setHeader();
    (inputOf('name') as HTMLInputElement | null)?.focus();
  } catch (err) {
    banner('error', tr('common.error', { message: (err as Error).message }));
  }
}

function initialRef(): CustomerRef | null {
  const raw = document.body.getAttribute('data-ref') ?? '';
  if (!raw) return null;
  try {
    return JSON.parse(raw) as CustomerRef;
  } catch {
    return null;
  }
}

function main(): void {
  document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
  $('title').textContent = tr('customers.titleAdd');
  saveBtn.textContent = tr('customers.save');
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void save(readForm());
  });
  anotherBtn.addEventListener('click', () => void load(null));
  form.addEventListener('input', () => updateIntention());
  const leave = (ev: Event) => {
    const t = ev.target as HTMLElement;
    if (t.id && t.id.startsWith('f-')) {
      touched.add(t.id.slice(2));
      checkTouched();
    }
  };
  form.addEventListener('change', leave);
  form.addEventListener('focusout', leave);
  void load(initialRef());
}

main();
