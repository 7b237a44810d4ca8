/**
 * Log objection sidebar. Everything shown comes from the server as data and goes into the DOM
 * through textContent (h()), so a customer called <img src=x onerror=…> is just a name.
 */
import { zonedInput, zonedIso } from '../shared/zoned-time';
import { call, closeSidebar } from '../shared/rpc';
import { clear, h, withBusy } from '../shared/dom';
import { tr, translateStatic } from '../shared/i18n';
import { $, errorBanner, option, showFieldErrors } from '../shared/form';
import { customerPicker } from '../shared/customer-picker';
import type { CustomerHit, ObjectionFormData, PlaybookView } from '../../server/objections';
import type { ObjectionInput } from '../../core/objections';

let chosen: CustomerHit | null = null;
let data: ObjectionFormData;
let playbookRequest = 0;

/** A datetime-local value (browser's local time) for an instant. */
/** The spreadsheet's time zone once the form data arrived; the browser's before. */
function timeZone(): string {
  return data?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function showChosen(c: CustomerHit | null): void {
  chosen = c;
  const box = $('chosen');
  clear(box);
  box.hidden = !c;
  if (c) box.append(tr('objection.customerChosen', { name: c.name, id: c.id }));
  $<HTMLUListElement>('hits').hidden = true;
}

/** "Use" on a response that has worked: it becomes this objection's answer, to edit. */
function useResponse(text: string): void {
  $<HTMLTextAreaElement>('response').value = text;
}

async function showPlaybook(): Promise<void> {
  const host = $('playbook');
  const type = $<HTMLSelectElement>('type').value;
  const seq = ++playbookRequest;
  clear(host);
  if (!type) {
    host.append(h('p', { class: 'empty' }, tr('playbook.pickType')));
    return;
  }
  let view: PlaybookView;
  try {
    view = await withBusy(host, tr('playbook.loading'), () => call('getObjectionPlaybook', type));
  } catch (err) {
    if (seq === playbookRequest) host.append(h('div', { class: 'banner error', role: 'alert' }, tr('common.error', { message: (err as Error).message })));
    return;
  }
  if (seq !== playbookRequest) return;
  clear(host);
  host.append(h('h3', {}, tr('playbook.headingFor', { type })));
  if (!view.lines.length) host.append(h('p', { class: 'empty' }, tr('playbook.empty')));
  else {
    // One line per technique; the detail opens on demand so the form stays in reach.
    const ol = h('ol', { class: 'lines' });
    for (const l of view.lines) {
      const meta = [l.source ? tr('playbook.source', { source: l.source }) : '', l.team && l.addedBy ? tr('playbook.addedBy', { name: l.addedBy }) : '']
        .filter(Boolean)
        .join(' · ');
      ol.append(
        h(
          'li',
          {},
          h(
            'details',
            {},
            h('summary', {}, h('span', { class: 'tech' }, l.technique), l.team ? h('span', { class: 'badge' }, tr('playbook.team')) : null),
            l.detail ? h('span', { class: 'detail' }, l.detail) : null,
            meta ? h('span', { class: 'meta' }, meta) : null,
          ),
        ),
      );
    }
    host.append(ol);
  }
  host.append(h('h3', { class: 'worked' }, tr('playbook.worked')));
  if (!view.worked.length) host.append(h('p', { class: 'empty' }, tr('playbook.workedEmpty')));
  else {
    const ul = h('ul', { class: 'worked' });
    for (const w of view.worked) {
      ul.append(
        h(
          'li',
          {},
          h('span', { class: 'detail' }, w.response),
          h(
            'span',
            { class: 'count' },
            tr('playbook.workedCount', { resolved: w.resolved, used: w.used }),
            ' ',
            h('button', { type: 'button', class: 'use', onclick: () => useResponse(w.response) }, tr('playbook.use')),
          ),
        ),
      );
    }
    host.append(ul);
  }
}

const showErrors = (errors: Record<string, string>) => showFieldErrors(errors, { scroll: true });

function collect(): ObjectionInput {
  const v = (id: string) => ($<HTMLInputElement>(id).value ?? '').trim();
  return {
    customerId: chosen ? chosen.id : '',
    raisedAt: zonedIso(v('raisedAt'), timeZone()),
    type: v('type'),
    details: v('details'),
    cause: v('cause'),
    response: v('response'),
    answeredAt: zonedIso(v('answeredAt'), timeZone()),
    result: v('result'),
    nextStep: v('nextStep'),
    nextStepOwner: v('nextStepOwner'),
    nextStepDue: v('nextStepDue'),
  };
}

async function save(): Promise<void> {
  const status = $('status');
  clear(status);
  const input = collect();
  if (!input.customerId) {
    showErrors({ customerId: tr('objection.customerPick') });
    return;
  }
  const btn = $<HTMLButtonElement>('save');
  btn.disabled = true;
  try {
    const res = await withBusy(status, tr('common.saving'), () => call('saveObjection', input));
    if (!res.ok) {
      showErrors(res.errors);
      errorBanner(status, res.message);
      return;
    }
    showErrors({});
    const msg = [tr('objection.saved', { id: res.value.id }), res.value.followup ? tr('objection.savedFollowup') : ''].filter(Boolean).join(' ');
    status.append(
      h(
        'div',
        { class: 'banner ok', role: 'status' },
        msg,
        ' ',
        h('button', { type: 'button', id: 'another', onclick: () => reset() }, tr('objection.another')),
      ),
    );
    window.scrollTo(0, 0);
  } catch (err) {
    errorBanner(status, tr('common.error', { message: (err as Error).message }));
  } finally {
    btn.disabled = false;
  }
}

function reset(): void {
  for (const id of ['details', 'cause', 'response', 'answeredAt', 'nextStep', 'nextStepDue']) $<HTMLInputElement>(id).value = '';
  $<HTMLSelectElement>('type').value = '';
  $<HTMLSelectElement>('result').value = '';
  $<HTMLInputElement>('raisedAt').value = zonedInput(Date.now(), timeZone());
  clear($('status'));
  void showPlaybook();
}

async function main(): Promise<void> {
  translateStatic();
  $('close').addEventListener('click', () => closeSidebar());
  const status = $('status');
  try {
    data = await withBusy(status, tr('common.loading'), () => call('getObjectionFormData', document.body.getAttribute('data-customer') || ''));
  } catch (err) {
    errorBanner(status, tr('common.error', { message: (err as Error).message }));
    return;
  }
  if (!data.setUp) {
    status.append(h('div', { class: 'banner warn', role: 'alert' }, tr('objection.error.notSetUp')));
    return;
  }
  $('intro').textContent = tr('objection.intro', { hours: data.answerHours });
  $<HTMLInputElement>('customerSearch').placeholder = tr('objection.customerSearch');
  const type = $<HTMLSelectElement>('type');
  type.append(option('', tr('objection.typePick')), ...data.types.map((o) => option(o.value, o.label)));
  const result = $<HTMLSelectElement>('result');
  result.append(option('', tr('objection.resultNone')), ...data.results.map((o) => option(o.value, o.label)));
  const owner = $<HTMLSelectElement>('nextStepOwner');
  owner.append(option('', '—'), ...data.team.map((n) => option(n, n)));
  if (data.me && data.team.includes(data.me)) owner.value = data.me;
  $<HTMLInputElement>('raisedAt').value = zonedInput(Date.parse(data.now), timeZone());
  if (data.customer) showChosen(data.customer);
  customerPicker({
    search: (q) => call('searchObjectionCustomers', q),
    none: () => tr('objection.customerNone'),
    sub: (c) => [c.id, c.contact].filter(Boolean).join(' · '),
    pick: (c) => showChosen(c),
  });
  type.addEventListener('change', () => void showPlaybook());
  $('save').addEventListener('click', () => void save());
  $('form').addEventListener('submit', (e) => e.preventDefault());
  $('form').hidden = false;
  ($('save') as HTMLButtonElement).disabled = false;
  void showPlaybook();
}

void main();
