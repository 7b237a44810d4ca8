/**
 * Log follow-up sidebar. Everything shown comes from the server as data and goes into the DOM
 * through textContent (h()). Times are shown and typed in the SPREADSHEET's time zone (the one
 * the sheet shows), converted with src/core/cadence/time — not the browser's.
 * The date the save will plan is previewed with the same core rule the server applies.
 */
import { call, closeSidebar } from '../shared/rpc';
import { clear, h, withBusy } from '../shared/dom';
import { tr, translateStatic, pageLocale } from '../shared/i18n';
import { $, errorBanner, option, showFieldErrors } from '../shared/form';
import { customerPicker } from '../shared/customer-picker';
import { zonedInput, zonedIso } from '../shared/zoned-time';
import type { FollowupCustomer, FollowupFormData } from '../../server/followups';
import type { FollowupInput } from '../../core/followups';
import { cadenceSettings, isoDayOfSerial, planAfterContact, serialAt, type ScenarioKey } from '../../core/cadence';
import { listItemKey } from '../../core/lists';
import type { IntentionKey, StageKey } from '../../core/tiers/rules';

let data: FollowupFormData;
let chosen: FollowupCustomer | null = null;
/** True once the rep typed a date: the server then plans exactly that day. */
let dateTouched = false;

function showChosen(c: FollowupCustomer | null): void {
  chosen = c;
  const box = $('chosen');
  clear(box);
  box.hidden = !c;
  $<HTMLInputElement>('customerSearch').hidden = !!c;
  $<HTMLUListElement>('hits').hidden = true;
  if (c) {
    const state = tr('followup.customerState', { stage: c.stage || '—', intention: c.intention || '—' });
    box.append(h('span', { class: 'who' }, tr('followup.customerChosen', { n: c.name || c.id, id: c.id }), h('span', { class: 'sub' }, state)));
    const change = () => {
      showChosen(null);
      $<HTMLInputElement>('customerSearch').focus();
    };
    if (!data.planned) box.append(h('button', { type: 'button', onclick: change }, tr('followup.customerChange')));
  }
  preview();
}

/** Shows the date the cadence gives (unless the rep already typed one). */
function preview(): void {
  const hint = $('nextHint');
  const input = $<HTMLInputElement>('nextDate');
  const none = $<HTMLInputElement>('noNext').checked;
  input.disabled = none;
  if (!chosen || none) {
    hint.textContent = '';
    return;
  }
  const stageVal = $<HTMLSelectElement>('stage').value || chosen.stage;
  const intentionVal = $<HTMLSelectElement>('intention').value || chosen.intention;
  const stage = listItemKey('stage', stageVal) as StageKey | null;
  const intention = (listItemKey('intention', intentionVal) ?? 'low') as IntentionKey;
  const scenario = listItemKey('scenario', chosen.scenario) as ScenarioKey | null;
  const doneIso = zonedIso($<HTMLInputElement>('doneAt').value, data.timeZone);
  const ms = Date.parse(doneIso);
  const at = serialAt(Number.isNaN(ms) ? Date.now() : ms, data.timeZone);
  const before = listItemKey('stage', chosen.stage);
  const plans = planAfterContact(
    { stage, intention, scenario, at, enteredDelivery: stage === 'delivery' && before !== 'delivery' },
    cadenceSettings(data.settings),
  );
  const first = plans[0];
  if (!first) {
    hint.textContent = tr('followup.nextHintNone');
    if (!dateTouched) input.value = '';
    return;
  }
  hint.textContent = tr('followup.nextHint', { rule: tr(`followup.rule.${first.rule}` as 'followup.rule.high') });
  if (!dateTouched) input.value = isoDayOfSerial(first.due);
}

function addCommitment(what = '', due = ''): void {
  const row = h(
    'div',
    { class: 'commitment' },
    h('input', { type: 'text', class: 'what', 'aria-label': tr('followup.commitmentWhat'), placeholder: tr('followup.commitmentWhat') }),
    h('input', { type: 'date', class: 'due', 'aria-label': tr('followup.commitmentDue') }),
    h('button', { type: 'button', title: tr('followup.removeCommitment'), 'aria-label': tr('followup.removeCommitment'), onclick: () => row.remove() }, '×'),
  );
  (row.querySelector('.what') as HTMLInputElement).value = what;
  (row.querySelector('.due') as HTMLInputElement).value = due;
  $('commitments').append(row);
}

const showErrors = (errors: Record<string, string>) => showFieldErrors(errors, { alert: true, scroll: true });

function collect(): FollowupInput {
  const v = (id: string) => ($<HTMLInputElement>(id).value ?? '').trim();
  const commitments = [...document.querySelectorAll<HTMLElement>('.commitment')].map((row) => ({
    what: (row.querySelector('.what') as HTMLInputElement).value.trim(),
    due: (row.querySelector('.due') as HTMLInputElement).value,
  }));
  return {
    customerId: chosen ? chosen.id : '',
    customerRow: chosen ? chosen.row : undefined,
    followupId: data.planned ? data.planned.id : '',
    followupRow: data.planned ? data.planned.row : undefined,
    channel: v('channel'),
    purpose: v('purpose'),
    doneAt: zonedIso(v('doneAt'), data.timeZone),
    summary: v('summary'),
    commitments,
    nextStep: v('nextStep'),
    stage: v('stage'),
    intention: v('intention'),
    nextDate: dateTouched ? v('nextDate') : '',
    noNext: $<HTMLInputElement>('noNext').checked,
  };
}

/** The same checks the server makes, for a quick answer (the server checks again). */
function quickCheck(input: FollowupInput): Record<string, string> {
  const e: Record<string, string> = {};
  if (!input.customerId) e.customerId = tr('followup.customerPick');
  if (!input.channel) e.channel = tr('followup.error.required');
  if (!input.purpose) e.purpose = tr('followup.error.required');
  if (!String(input.summary)) e.summary = tr('followup.error.summary');
  return e;
}

async function save(): Promise<void> {
  const status = $('status');
  clear(status);
  const input = collect();
  const quick = quickCheck(input);
  if (Object.keys(quick).length) {
    showErrors(quick);
    errorBanner(status, tr('followup.fixErrors'));
    return;
  }
  const btn = $<HTMLButtonElement>('save');
  btn.disabled = true;
  try {
    const res = await withBusy(status, tr('common.saving'), () => call('logFollowUp', input));
    if (!res.ok) {
      showErrors(res.errors);
      errorBanner(status, res.message);
      return;
    }
    showErrors({});
    const v = res.value;
    const msg = v.next ? tr('followup.saved', { id: v.id, day: v.next.day, rule: v.next.ruleLabel }) : tr('followup.savedNoNext', { id: v.id });
    // Lost from this form too asks why (issue 12; the server opens the loss dialog only for Lost).
    if (input.stage && chosen) await call('askLossReasonIfLost', chosen.id, String(input.stage));
    // Opened with "Done" from Today: straight back to Today, at the item after the done one.
    if (document.body.getAttribute('data-back-today') === '1') {
      await call('showToday', { at: document.body.getAttribute('data-back-at') || '', message: msg });
      return;
    }
    status.append(
      h(
        'div',
        { class: 'banner ok', role: 'status' },
        msg,
        ' ',
        h('button', { type: 'button', id: 'another', class: 'link', onclick: () => reset() }, tr('followup.another')),
      ),
    );
    $('form').hidden = true;
    btn.hidden = true;
    window.scrollTo(0, 0);
  } catch (err) {
    errorBanner(status, tr('common.error', { message: (err as Error).message }));
  } finally {
    btn.disabled = false;
  }
}

function reset(): void {
  for (const id of ['summary', 'nextStep', 'nextDate']) $<HTMLInputElement>(id).value = '';
  for (const id of ['channel', 'purpose', 'stage', 'intention']) $<HTMLSelectElement>(id).value = '';
  $<HTMLInputElement>('noNext').checked = false;
  clear($('commitments'));
  data.planned = null;
  $('completing').hidden = true;
  dateTouched = false;
  $<HTMLInputElement>('doneAt').value = zonedInput(Date.now(), data.timeZone);
  showChosen(null);
  clear($('status'));
  $('form').hidden = false;
  $('save').hidden = false;
}

async function main(): Promise<void> {
  translateStatic();
  $('close').addEventListener('click', () => closeSidebar());
  const status = $('status');
  const ref = {
    followupId: document.body.getAttribute('data-followup') || '',
    followupRow: parseInt(document.body.getAttribute('data-followup-row') || '', 10) || undefined,
    customerId: document.body.getAttribute('data-customer') || '',
  };
  try {
    data = await withBusy(status, tr('common.loading'), () => call('getFollowupFormData', ref));
  } catch (err) {
    errorBanner(status, tr('common.error', { message: (err as Error).message }));
    return;
  }
  if (!data.setUp) {
    status.append(h('div', { class: 'banner warn', role: 'alert' }, tr('followup.error.notSetUp')));
    return;
  }
  void pageLocale;
  $<HTMLInputElement>('customerSearch').placeholder = tr('followup.customerSearch');
  $<HTMLSelectElement>('channel').append(option('', tr('followup.choose')), ...data.channels.map((v) => option(v, v)));
  $<HTMLSelectElement>('purpose').append(option('', tr('followup.choose')), ...data.purposes.map((v) => option(v, v)));
  $<HTMLSelectElement>('stage').append(option('', tr('followup.unchanged')), ...data.stages.map((v) => option(v, v)));
  $<HTMLSelectElement>('intention').append(option('', tr('followup.unchanged')), ...data.intentions.map((v) => option(v, v)));
  $<HTMLInputElement>('doneAt').value = zonedInput(Date.parse(data.now), data.timeZone);
  if (data.planned) {
    const box = $('completing');
    box.textContent = tr('followup.completing', { id: data.planned.id, day: data.planned.day });
    box.hidden = false;
    if (data.planned.purpose) $<HTMLSelectElement>('purpose').value = data.planned.purpose;
    if (data.planned.channel) $<HTMLSelectElement>('channel').value = data.planned.channel;
  }
  showChosen(data.customer);
  customerPicker({
    search: (q) => call('searchFollowupCustomers', q),
    none: () => tr('followup.customerNone'),
    sub: (c) => [c.id, c.contact, c.phone].filter(Boolean).join(' · '),
    pick: (c) => showChosen(c),
  });
  for (const id of ['stage', 'intention', 'doneAt', 'noNext']) $(id).addEventListener('change', preview);
  $('nextDate').addEventListener('input', () => (dateTouched = true));
  $('addCommitment').addEventListener('click', () => addCommitment());
  $('save').addEventListener('click', () => void save());
  $('form').addEventListener('submit', (e) => e.preventDefault());
  $('form').hidden = false;
  $<HTMLButtonElement>('save').disabled = false;
}

void main();
