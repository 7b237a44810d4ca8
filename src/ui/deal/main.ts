/**
 * The Deal sidebar (issue 15): add a deal (open, won or lost), open the deal selected on the
 * Deals tab (or the one just saved), edit it, mark it won, mark it lost (it asks why), reopen it.
 * An edit sends only the fields the user changed, with the version the deal was opened with; the
 * server refuses it with the other person's change when the row moved meanwhile, and the form then
 * shows the deal as it is now. Checks run here first with core's checkDeal and again on the server.
 */
import { call, closeSidebar } from '../shared/rpc';
import { clear, h, withBusy } from '../shared/dom';
import { tr, translateStatic } from '../shared/i18n';
import { $ } from '../shared/form';
import { checkDeal } from '../../core/pipeline';
import type { CustomerChoice, DealFields, DealFormData, DealSaveResult, DealView } from '../../server/deals';

let data: DealFormData | null = null;
let picked: CustomerChoice | null = null;
/** The deal open in the form (edit mode), or null (add mode). */
let opened: DealView | null = null;
let lastSaved: DealView | null = null;
let searchSeq = 0;
let searchTimer: ReturnType<typeof setTimeout> | undefined;

const status = $('status');
const form = $<HTMLFormElement>('form');
const search = $<HTMLInputElement>('customer-search');
const results = $<HTMLUListElement>('customer-results');
const pickedBox = $('customer-picked');
const saveBtn = $<HTMLButtonElement>('save');
const anotherBtn = $<HTMLButtonElement>('another');
const openSavedBtn = $<HTMLButtonElement>('open-saved');
const actions = $('deal-actions');
const lossField = $('loss-field');

/** Form field → the page's input and its error slot (data-field). */
const INPUT: Record<keyof DealFields, string> = {
  customerId: 'customer-search',
  scenario: 'scenario',
  amount: 'amount',
  currency: 'currency',
  status: 'deal-status',
  closedOn: 'won_on',
  expectedClose: 'expectedClose',
  probability: 'probability',
  lossReason: 'lossReason',
  owner: 'owner',
  expectedDelivery: 'expectedDelivery',
  deliveredOn: '',
  product: 'product',
  kind: 'kind',
  notes: 'notes',
};
const SLOT: Partial<Record<string, string>> = { customerId: 'customer_id', closedOn: 'won_on' };
const slotOf = (field: string) => SLOT[field] ?? field;
const EDITABLE = (Object.keys(INPUT) as (keyof DealFields)[]).filter((f) => INPUT[f] && f !== 'customerId');

function fieldEl(name: string): HTMLElement | null {
  return form.querySelector<HTMLElement>(`.field[data-field="${slotOf(name)}"]`);
}

function setError(name: string, message: string | null): void {
  const f = fieldEl(name);
  if (!f) return;
  f.querySelector('.error')?.remove();
  f.classList.toggle('invalid', !!message);
  const input = f.querySelector('input, select, textarea');
  if (message) {
    const id = `err-${slotOf(name)}`;
    f.append(h('div', { class: 'error', id, role: 'alert' }, message));
    input?.setAttribute('aria-invalid', 'true');
    input?.setAttribute('aria-describedby', id);
  } else {
    input?.removeAttribute('aria-invalid');
    input?.removeAttribute('aria-describedby');
  }
}

function clearErrors(): void {
  for (const f of Object.keys(INPUT)) setError(f, null);
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
    setError('customerId', null);
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

const input = (id: string) => $<HTMLInputElement>(id);

/** What the form holds now, as the server's fields. */
function values(): DealFields {
  const out = { customerId: picked?.id ?? '', deliveredOn: opened?.fields.deliveredOn ?? '' } as DealFields;
  for (const f of EDITABLE) out[f] = input(INPUT[f]).value.trim();
  if (out.status !== 'lost' && lossField.hidden) out.lossReason = '';
  return out;
}

function fill(fields: DealFields): void {
  for (const f of EDITABLE) input(INPUT[f]).value = fields[f];
  syncStatus();
}

function syncStatus(): void {
  const s = input('deal-status').value;
  lossField.hidden = s !== 'lost';
}

function showProblems(errors: Record<string, string>): void {
  clearErrors();
  // The server no longer knows the customer (deleted or re-numbered meanwhile): pick again.
  if (errors.customerId && picked) pick(null);
  for (const [k, msg] of Object.entries(errors)) setError(k, msg);
  const first = Object.keys(INPUT).find((f) => errors[f]);
  if (first) (fieldEl(first)?.querySelector('input, select, textarea') as HTMLElement | null)?.focus();
}

function localCheck(fields: DealFields): boolean {
  if (!data) return false;
  const check = checkDeal(fields, {
    locale: data.locale,
    today: data.today,
    currency: data.currency,
    team: data.options.owner.map((o) => ({ name: o.value, email: '', role: 'rep' as const })),
    lossReasons: data.options.lossReason.map((o) => o.value),
  });
  if (check.ok) return true;
  showProblems(check.errors);
  banner('error', tr('deal.fixFields'));
  return false;
}

/** Switches the form to the deal as saved (edit mode). */
function openView(view: DealView): void {
  opened = view;
  picked = { id: view.fields.customerId, name: view.customerName };
  pick(picked);
  fill(view.fields);
  $('title').textContent = tr('pipeline.titleEdit', { id: view.dealId });
  $('intro').textContent = tr('pipeline.introEdit');
  $<HTMLElement>('probability-hint').textContent = tr('pipeline.probabilityHint', { percent: Math.round(view.stageProbability * 1000) / 10 });
  saveBtn.textContent = tr('pipeline.saveChanges');
  saveBtn.hidden = false;
  saveBtn.disabled = false;
  anotherBtn.hidden = true;
  openSavedBtn.hidden = true;
  // The status moves with the buttons below; the select stays for what it shows.
  input('deal-status').disabled = true;
  form.querySelectorAll('input, select, textarea').forEach((el) => {
    if (el.id !== 'deal-status') (el as HTMLInputElement).disabled = false;
  });
  actions.hidden = false;
  const st = view.fields.status;
  $<HTMLButtonElement>('mark-won').hidden = st === 'won';
  $<HTMLButtonElement>('mark-lost').hidden = st === 'lost';
  $<HTMLButtonElement>('reopen').hidden = st === 'open';
  $<HTMLButtonElement>('mark-lost').textContent = tr('pipeline.markLost');
}

function answer(res: DealSaveResult, added: boolean): void {
  if (res.ok) {
    const v = res.value;
    if (added) {
      banner('ok', tr('deal.saved', { id: v.dealId, customer: v.customerName, stage: v.stage }));
      lastSaved = v.deal;
      form.querySelectorAll('input, select, textarea').forEach((el) => ((el as HTMLInputElement).disabled = true));
      saveBtn.hidden = true;
      anotherBtn.hidden = false;
      openSavedBtn.hidden = false;
      anotherBtn.focus();
      return;
    }
    openView(v.deal);
    banner('ok', v.changed ? tr('pipeline.updated', { id: v.dealId, customer: v.customerName, stage: v.stage }) : tr('pipeline.nothingChanged'));
    return;
  }
  if (res.kind === 'conflict') {
    if (res.deal) openView(res.deal);
    banner('error', res.message);
    return;
  }
  showProblems(res.errors);
  banner('error', res.message);
}

/** Sends an edit of the open deal: only what differs from the deal as opened. */
async function sendEdit(changes: Partial<DealFields>): Promise<void> {
  if (!opened) return;
  const deal = opened;
  const res = await withBusy(status, tr('common.saving'), () => call('editDeal', deal.dealId, deal.version, changes));
  answer(res, false);
}

function changedFields(): Partial<DealFields> | null {
  if (!opened) return null;
  const now = values();
  const out: Partial<DealFields> = {};
  for (const f of EDITABLE) if (f !== 'status' && now[f] !== opened.fields[f]) out[f] = now[f];
  return out;
}

async function save(): Promise<void> {
  const fields = values();
  if (!localCheck(fields)) return;
  clearErrors();
  status.querySelectorAll('.banner').forEach((b) => b.remove());
  saveBtn.disabled = true;
  try {
    if (opened) await sendEdit(changedFields() ?? {});
    else answer(await withBusy(status, tr('common.saving'), () => call('addDeal', fields)), true);
  } catch (err) {
    banner('error', tr('common.error', { message: (err as Error).message }));
  } finally {
    saveBtn.disabled = false;
  }
}

async function statusEdit(changes: Partial<DealFields>): Promise<void> {
  const fields = { ...values(), ...changes };
  if (!localCheck(fields)) return;
  clearErrors();
  try {
    await sendEdit({ ...(changedFields() ?? {}), ...changes });
  } catch (err) {
    banner('error', tr('common.error', { message: (err as Error).message }));
  }
}

function markLost(): void {
  // First press: ask why (the reason list); second press: confirm with the reason picked.
  if (lossField.hidden) {
    lossField.hidden = false;
    $<HTMLButtonElement>('mark-lost').textContent = tr('pipeline.confirmLost');
    banner('ok', tr('pipeline.askWhyLost'));
    input('lossReason').focus();
    return;
  }
  void statusEdit({ status: 'lost', closedOn: input('won_on').value || (data?.today ?? ''), lossReason: input('lossReason').value });
}

function another(): void {
  for (const id of ['amount', 'product', 'notes', 'probability', 'expectedClose', 'expectedDelivery']) input(id).value = '';
  input('won_on').value = data?.today ?? '';
  form.querySelectorAll('input, select, textarea').forEach((el) => ((el as HTMLInputElement).disabled = false));
  status.querySelectorAll('.banner').forEach((b) => b.remove());
  anotherBtn.hidden = true;
  openSavedBtn.hidden = true;
  saveBtn.hidden = false;
  saveBtn.disabled = false;
  input('amount').focus();
}

function options(id: string, list: { value: string; label: string }[], blank: boolean): void {
  const sel = $<HTMLSelectElement>(id);
  if (blank) sel.append(h('option', { value: '' }, tr('pipeline.noneChosen')));
  for (const o of list) sel.append(h('option', { value: o.value }, o.label));
}

async function main(): Promise<void> {
  translateStatic();
  $('close').addEventListener('click', () => closeSidebar());
  saveBtn.addEventListener('click', () => void save());
  anotherBtn.addEventListener('click', another);
  openSavedBtn.addEventListener('click', () => lastSaved && openView(lastSaved));
  $('mark-won').addEventListener('click', () => void statusEdit({ status: 'won', closedOn: input('won_on').value || (data?.today ?? ''), lossReason: '' }));
  $('mark-lost').addEventListener('click', markLost);
  $('reopen').addEventListener('click', () => void statusEdit({ status: 'open', closedOn: '', lossReason: '' }));
  input('deal-status').addEventListener('change', syncStatus);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void save();
  });
  // A field's error goes away as soon as the user changes that field.
  for (const f of EDITABLE) {
    const el = $(INPUT[f]);
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
    data = await withBusy(status, tr('common.loading'), () => call('getDealFormData'));
    options('kind', data.kinds, false);
    options('currency', data.options.currency, false);
    options('deal-status', data.options.status, false);
    options('scenario', data.options.scenario, true);
    options('lossReason', data.options.lossReason, true);
    options('owner', data.options.owner, true);
    input('currency').value = data.currency;
    // A new deal records what was signed unless the rep says it is still open or was lost.
    input('deal-status').value = 'won';
    const won = input('won_on');
    won.value = data.today;
    won.max = data.today;
    form.hidden = false;
    saveBtn.disabled = false;
    if (data.deal) openView(data.deal);
    else if (data.customer) pick(data.customer);
    (data.deal || data.customer ? input('amount') : search).focus();
  } catch (err) {
    banner('error', tr('common.error', { message: (err as Error).message }));
  }
}

void main();
