import { call, closeSidebar } from '../shared/rpc';
import { clear, h, withBusy } from '../shared/dom';
import { tr, translateStatic } from '../shared/i18n';
import { $ } from '../shared/form';
import { checkDealInput, DEAL_FIELDS, type DealField, type DealFormValues } from '../../core/tiers/deal-input';
import type { CustomerChoice } from '../../server/deals';

let today = '';
let picked: CustomerChoice | null = null;
let searchSeq = 0;
let searchTimer: ReturnType<typeof setTimeout> | undefined;

const status = $('status');
const form = $<HTMLFormElement>('form');
const search = $<HTMLInputElement>('customer-search');
const results = $<HTMLUListElement>('customer-results');
const pickedBox = $('customer-picked');
const saveBtn = $<HTMLButtonElement>('save');
const anotherBtn = $<HTMLButtonElement>('another');

function fieldEl(name: DealField): HTMLElement | null {
  return form.querySelector<HTMLElement>(`.field[data-field="${name}"]`);
}

function setError(name: string, message: string | null): void {
  const f = fieldEl(name as DealField);
  if (!f) return;
  f.querySelector('.error')?.remove();
  f.classList.toggle('invalid', !!message);
  const input = f.querySelector('input, select, textarea');
  if (message) {
    const id = `err-${name}`;
    f.append(h('div', { class: 'error', id, role: 'alert' }, message));
    input?.setAttribute('aria-invalid', 'true');
    input?.setAttribute('aria-describedby', id);
  } else {
    input?.removeAttribute('aria-invalid');
    input?.removeAttribute('aria-describedby');
  }
}

function clearErrors(): void {
  for (const f of DEAL_FIELDS) setError(f, null);
}

function banner(kind: 'ok' | 'error', text: string): void {
  status.querySelectorAll('.banner').forEach((b) => b.remove());
  status.append(h('div', { class: `banner ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text));
}

function pick(c: CustomerChoice | null): void {
  picked = c;
  results.hidden = true;
  search.setAttribute('aria-expanded', 'false');
  if (c) {
    pickedBox.textContent = tr('deal.customerPicked', { name: c.name, id: c.id });
    pickedBox.hidden = false;
    search.value = c.name;
    setError('customer_id', null);
  } else {
    pickedBox.hidden = true;
  }
}

function showResults(list: CustomerChoice[], query: string): void {
  clear(results);
  if (!list.length) results.append(h('li', { class: 'none' }, tr('deal.customerNone', { query })));
  for (const c of list) {
    results.append(
      h('li', { role: 'option', 'data-id': c.id, onclick: () => pick(c) }, h('span', { class: 'name' }, c.name), h('span', { class: 'id' }, c.id)),
    );
  }
  results.hidden = false;
  search.setAttribute('aria-expanded', 'true');
}

async function runSearch(query: string): Promise<void> {
  const mine = ++searchSeq;
  try {
    const list = await call('searchCustomersForDeal', query);
    if (mine === searchSeq && search.value.trim() === query) showResults(list, query);
  } catch (err) {
    banner('error', tr('common.error', { message: (err as Error).message }));
  }
}

function values(): DealFormValues {
  const v = (id: string) => $<HTMLInputElement>(id).value;
  return { customer_id: picked?.id ?? '', amount: v('amount'), won_on: v('won_on'), product: v('product'), kind: v('kind'), notes: v('notes') };
}

function showProblems(errors: Record<string, string>): void {
  clearErrors();
  // The server no longer knows the customer (deleted or re-numbered meanwhile): pick again.
  if (errors.customer_id && picked) pick(null);
  for (const [k, msg] of Object.entries(errors)) setError(k, msg);
  const first = DEAL_FIELDS.find((f) => errors[f]);
  if (first) (fieldEl(first)?.querySelector('input, select, textarea') as HTMLElement | null)?.focus();
}

async function save(): Promise<void> {
  const input = values();
  const check = checkDealInput(input, today);
  if (!check.ok) {
    const errors: Record<string, string> = {};
    for (const [k, p] of Object.entries(check.problems)) if (p) errors[k] = tr(p.key, p.params);
    showProblems(errors);
    banner('error', tr('deal.fixFields'));
    return;
  }
  clearErrors();
  status.querySelectorAll('.banner').forEach((b) => b.remove());
  saveBtn.disabled = true;
  try {
    const res = await withBusy(status, tr('common.saving'), () => call('saveDeal', input));
    if (!res.ok) {
      showProblems(res.errors);
      banner('error', res.message);
      saveBtn.disabled = false;
      return;
    }
    banner('ok', tr('deal.saved', { id: res.value.dealId, customer: res.value.customerName, stage: res.value.stage }));
    form.querySelectorAll('input, select, textarea').forEach((el) => ((el as HTMLInputElement).disabled = true));
    saveBtn.hidden = true;
    anotherBtn.hidden = false;
    anotherBtn.focus();
  } catch (err) {
    banner('error', tr('common.error', { message: (err as Error).message }));
    saveBtn.disabled = false;
  }
}

function another(): void {
  for (const id of ['amount', 'product', 'notes']) $<HTMLInputElement>(id).value = '';
  $<HTMLInputElement>('won_on').value = today;
  form.querySelectorAll('input, select, textarea').forEach((el) => ((el as HTMLInputElement).disabled = false));
  status.querySelectorAll('.banner').forEach((b) => b.remove());
  anotherBtn.hidden = true;
  saveBtn.hidden = false;
  saveBtn.disabled = false;
  $<HTMLInputElement>('amount').focus();
}

async function main(): Promise<void> {
  translateStatic();
  $('close').addEventListener('click', () => closeSidebar());
  saveBtn.addEventListener('click', () => void save());
  anotherBtn.addEventListener('click', another);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void save();
  });
  // A field's error goes away as soon as the user changes that field.
  for (const f of DEAL_FIELDS) {
    if (f === 'customer_id') continue;
    const el = $(f);
    el.addEventListener('input', () => setError(f, null));
    el.addEventListener('change', () => setError(f, null));
  }
  search.addEventListener('input', () => {
    if (picked && search.value !== picked.name) pick(null);
    const q = search.value.trim();
    if (searchTimer) clearTimeout(searchTimer);
    if (!q) {
      results.hidden = true;
      return;
    }
    searchTimer = setTimeout(() => void runSearch(q), 200);
  });
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      const first = results.querySelector<HTMLElement>('li[role=option]');
      if (!results.hidden && first) first.click();
    }
  });
  try {
    const data = await withBusy(status, tr('common.loading'), () => call('getDealFormData'));
    today = data.today;
    const kind = $<HTMLSelectElement>('kind');
    for (const k of data.kinds) kind.append(h('option', { value: k.value }, k.label));
    const won = $<HTMLInputElement>('won_on');
    won.value = today;
    won.max = today;
    if (data.customer) pick(data.customer);
    form.hidden = false;
    saveBtn.disabled = false;
    (data.customer ? $<HTMLInputElement>('amount') : search).focus();
  } catch (err) {
    banner('error', tr('common.error', { message: (err as Error).message }));
  }
}

void main();
