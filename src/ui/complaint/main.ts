/**
 * Log complaint sidebar (issue 17). Everything shown comes from the server as data and goes into
 * the DOM through textContent (h()), so a customer's words like <img src=x onerror=…> are words.
 */
import { zonedInput, zonedIso } from '../shared/zoned-time';
import { call, closeSidebar } from '../shared/rpc';
import { clear, h, withBusy } from '../shared/dom';
import { tr, translateStatic } from '../shared/i18n';
import { $, errorBanner, option, showFieldErrors } from '../shared/form';
import { customerPicker } from '../shared/customer-picker';
import { wallTime } from '../../core/cadence/wall-time';
import type { ComplaintCustomerHit, ComplaintFormData, ComplaintView, LessonsView } from '../../server/complaints';
import type { ComplaintInput } from '../../core/complaints/check';

let data: ComplaintFormData;
let chosen: ComplaintCustomerHit | null = null;
/** The complaint being continued (null: a new one). */
let current: ComplaintView | null = null;
let lessonsRequest = 0;

const timeZone = () => data?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
const shownAt = (iso: string) => (iso ? wallTime(Date.parse(iso), timeZone()) : '');

function showChosen(c: ComplaintCustomerHit | null): void {
  chosen = c;
  const box = $('chosen');
  clear(box);
  box.hidden = !c;
  if (c) box.append(tr('complaint.customerChosen', { name: c.name, id: c.id }));
  $<HTMLUListElement>('hits').hidden = true;
  const owner = $<HTMLSelectElement>('owner');
  if (c && !current) owner.value = data.team.includes(c.owner) ? c.owner : '';
  void showExisting();
}

/** The customer's complaints, to continue one. */
async function showExisting(): Promise<void> {
  const host = $('existing');
  clear(host);
  host.hidden = true;
  if (!chosen || current) return;
  const list = await call('customerComplaints', chosen.id).catch(() => []);
  if (!list.length || current) return;
  host.hidden = false;
  host.append(h('h3', {}, tr('complaint.existing')));
  const ul = h('ul', {});
  for (const c of list) {
    const meta = [c.id, shownAt(c.receivedAt), c.category, tr(c.closed ? 'complaint.existingClosed' : 'complaint.existingOpen')].filter(Boolean).join(' · ');
    ul.append(
      h(
        'li',
        {},
        h('span', { class: 'meta' }, meta),
        ' ',
        h('button', { type: 'button', class: 'open', onclick: () => void openComplaint(c.id, c.row) }, tr('complaint.continue')),
        h('div', {}, c.words),
      ),
    );
  }
  host.append(ul);
}

async function openComplaint(id: string, row?: number): Promise<void> {
  const status = $('status');
  clear(status);
  try {
    const view = await withBusy(status, tr('common.loading'), () => call('getComplaint', id, row));
    if (view) fill(view);
  } catch (err) {
    errorBanner(status, tr('common.error', { message: (err as Error).message }));
  }
}

function showSeverityMeaning(): void {
  const v = $<HTMLSelectElement>('severity').value;
  $('severityMeaning').textContent = data.severities.find((s) => s.value === v)?.meaning ?? '';
}

async function showLessons(): Promise<void> {
  const host = $('lessons');
  const category = $<HTMLSelectElement>('category').value;
  const seq = ++lessonsRequest;
  clear(host);
  if (!category) return;
  let view: LessonsView;
  try {
    view = await withBusy(host, tr('common.loading'), () => call('getComplaintLessons', category));
  } catch (err) {
    if (seq === lessonsRequest) errorBanner(host, tr('common.error', { message: (err as Error).message }));
    return;
  }
  if (seq !== lessonsRequest) return;
  clear(host);
  host.append(h('h3', {}, tr('complaints.lessons.heading', { category })));
  if (!view.causes.length) {
    host.append(h('p', { class: 'empty' }, tr('complaints.lessons.empty')));
    return;
  }
  const ul = h('ul', {});
  for (const c of view.causes) {
    ul.append(
      h(
        'li',
        {},
        h('strong', {}, c.cause),
        ' ',
        h('span', { class: 'count' }, tr('complaints.lessons.count', { n: c.count })),
        ...c.lessons.map((l) => h('div', {}, l)),
      ),
    );
  }
  host.append(ul);
}

/** One step of the checklist: title, coaching, sample reply, done + done-at, note. */
function stepItem(s: ComplaintFormData['steps'][number], saved: { doneAt: string; note: string } | undefined): HTMLLIElement {
  const done = h('input', { type: 'checkbox', class: 'done' });
  const at = h('input', { type: 'datetime-local', class: 'at', 'aria-label': tr('complaint.stepDoneAt') });
  const note = h('input', { type: 'text', class: 'note', placeholder: tr('complaint.stepNote'), 'aria-label': tr('complaint.stepNote') });
  const li = h(
    'li',
    { 'data-step': s.key, class: 'field', 'data-field': `step:${s.key}` },
    h('span', { class: 'title' }, s.title),
    s.firstResponse ? h('span', { class: 'badge' }, tr('complaint.firstResponseStep')) : null,
    !s.builtIn ? h('span', { class: 'badge' }, tr('complaint.teamStep')) : null,
    s.coaching ? h('span', { class: 'coaching' }, s.coaching) : null,
    s.sampleReply ? h('span', { class: 'reply' }, tr('complaint.sampleReply', { text: s.sampleReply })) : null,
    h('div', { class: 'row' }, h('label', {}, done, ' ', tr('complaint.stepDone')), at),
    note,
  );
  if (saved?.doneAt) {
    done.checked = true;
    at.value = zonedInput(Date.parse(saved.doneAt), timeZone());
    li.classList.add('done');
  }
  note.value = saved?.note ?? '';
  done.addEventListener('change', () => {
    if (done.checked && !at.value) at.value = zonedInput(Date.now(), timeZone());
    if (!done.checked) at.value = '';
    li.classList.toggle('done', done.checked);
  });
  at.addEventListener('change', () => {
    done.checked = !!at.value;
    li.classList.toggle('done', done.checked);
  });
  return li;
}

function showSteps(saved: ComplaintView['steps']): void {
  const ol = $('steps');
  clear(ol);
  for (const s of data.steps)
    ol.append(
      stepItem(
        s,
        saved.find((x) => x.key === s.key),
      ),
    );
}

function showClosing(): void {
  $('closing').hidden = !$<HTMLInputElement>('close').checked;
}

function fill(view: ComplaintView | null): void {
  current = view;
  const set = (id: string, v: string) => ($<HTMLInputElement>(id).value = v);
  set('receivedAt', zonedInput(view ? Date.parse(view.receivedAt) : Date.now(), timeZone()));
  set('channel', view?.channel ?? '');
  set('category', view?.category ?? '');
  set('severity', view?.severity ?? '');
  set('words', view?.words ?? '');
  set('owner', view ? (data.team.includes(view.owner) ? view.owner : '') : chosen && data.team.includes(chosen.owner) ? chosen.owner : '');
  set('rootCause', view?.rootCause ?? '');
  set('lesson', view?.lesson ?? '');
  $<HTMLInputElement>('close').checked = !!view?.closedAt;
  document.querySelectorAll<HTMLInputElement>('input[name=satisfied]').forEach((r) => (r.checked = r.value === view?.satisfied));
  $<HTMLInputElement>('requestSurvey').checked = !!view?.surveyRequestedAt;
  $('surveyRequested').textContent = view?.surveyRequestedAt ? tr('complaint.surveyRequested', { day: shownAt(view.surveyRequestedAt) }) : '';
  const due = $('due');
  due.textContent = view ? tr('complaint.due', { first: shownAt(view.firstResponseDue), resolution: shownAt(view.resolutionDue) }) : '';
  due.classList.toggle('late', !!view && (view.responseOverdue || view.resolutionOverdue));
  const editing = $('editing');
  clear(editing);
  editing.hidden = !view;
  if (view) {
    showChosen(view.customer);
    editing.append(tr('complaint.editing', { id: view.id }), ' ', h('button', { type: 'button', onclick: () => reset() }, tr('complaint.new')));
  }
  showSteps(view?.steps ?? []);
  showClosing();
  showSeverityMeaning();
  void showLessons();
  void showExisting();
}

function collect(): ComplaintInput {
  const v = (id: string) => ($<HTMLInputElement>(id).value ?? '').trim();
  const steps = [...document.querySelectorAll<HTMLLIElement>('#steps > li')].map((li) => ({
    key: li.getAttribute('data-step') ?? '',
    doneAt: zonedIso((li.querySelector('input.at') as HTMLInputElement).value, timeZone()),
    note: (li.querySelector('input.note') as HTMLInputElement).value.trim(),
  }));
  return {
    complaintId: current?.id ?? '',
    row: current?.row,
    customerId: chosen?.id ?? '',
    receivedAt: zonedIso(v('receivedAt'), timeZone()),
    channel: v('channel'),
    category: v('category'),
    severity: v('severity'),
    words: $<HTMLTextAreaElement>('words').value,
    owner: v('owner'),
    steps,
    close: $<HTMLInputElement>('close').checked,
    satisfied: document.querySelector<HTMLInputElement>('input[name=satisfied]:checked')?.value ?? '',
    rootCause: v('rootCause'),
    lesson: v('lesson'),
    requestSurvey: $<HTMLInputElement>('requestSurvey').checked,
  };
}

async function save(): Promise<void> {
  const status = $('status');
  clear(status);
  const input = collect();
  if (!input.customerId) {
    showFieldErrors({ customerId: tr('complaint.error.customer') }, { scroll: true });
    return;
  }
  const btn = $<HTMLButtonElement>('save');
  btn.disabled = true;
  try {
    const res = await withBusy(status, tr('common.saving'), () => call('saveComplaint', input));
    if (!res.ok) {
      showFieldErrors(res.errors, { scroll: true });
      errorBanner(status, res.message);
      return;
    }
    showFieldErrors({});
    const msg = [
      tr('complaint.saved', { id: res.value.id }),
      res.value.closed ? tr('complaint.savedClosed') : '',
      res.value.checkin ? tr('complaint.savedCheckin') : '',
    ]
      .filter(Boolean)
      .join(' ');
    status.append(
      h(
        'div',
        { class: 'banner ok', role: 'status' },
        msg,
        ' ',
        h('button', { type: 'button', id: 'another', onclick: () => reset() }, tr('complaint.another')),
      ),
    );
    // Continue on the saved complaint: its due times and state as the sheet now has them.
    const view = await call('getComplaint', res.value.id, res.value.row).catch(() => null);
    if (view) fill(view);
    window.scrollTo(0, 0);
  } catch (err) {
    errorBanner(status, tr('common.error', { message: (err as Error).message }));
  } finally {
    btn.disabled = false;
  }
}

function reset(): void {
  clear($('status'));
  fill(null);
}

async function main(): Promise<void> {
  translateStatic();
  $('closeSidebar').addEventListener('click', () => closeSidebar());
  const status = $('status');
  try {
    data = await withBusy(status, tr('common.loading'), () =>
      call('getComplaintFormData', document.body.getAttribute('data-customer') || '', document.body.getAttribute('data-complaint') || ''),
    );
  } catch (err) {
    errorBanner(status, tr('common.error', { message: (err as Error).message }));
    return;
  }
  if (!data.setUp) {
    status.append(h('div', { class: 'banner warn', role: 'alert' }, tr('complaint.error.notSetUp')));
    return;
  }
  $('intro').textContent = tr('complaint.intro', { hours: data.firstResponseHours });
  $<HTMLInputElement>('customerSearch').placeholder = tr('complaint.customerSearch');
  const pick = option('', tr('complaint.pick'));
  $<HTMLSelectElement>('channel').append(pick.cloneNode(true), ...data.channels.map((o) => option(o.value, o.label)));
  $<HTMLSelectElement>('category').append(pick.cloneNode(true), ...data.categories.map((o) => option(o.value, o.label)));
  $<HTMLSelectElement>('severity').append(pick.cloneNode(true), ...data.severities.map((o) => option(o.value, o.label)));
  $<HTMLSelectElement>('rootCause').append(pick.cloneNode(true), ...data.rootCauses.map((o) => option(o.value, o.label)));
  $<HTMLSelectElement>('owner').append(option('', tr('complaint.ownerDefault')), ...data.team.map((n) => option(n, n)));
  $('satisfiedHint').textContent = tr('complaint.satisfiedHint', { days: data.checkinDays });
  customerPicker({
    search: (q) => call('searchComplaintCustomers', q),
    none: () => tr('complaint.customerNone'),
    sub: (c) => [c.id, c.contact].filter(Boolean).join(' · '),
    pick: (c) => showChosen(c),
  });
  $('category').addEventListener('change', () => void showLessons());
  $('severity').addEventListener('change', showSeverityMeaning);
  $('close').addEventListener('change', showClosing);
  $('save').addEventListener('click', () => void save());
  $('form').addEventListener('submit', (e) => e.preventDefault());
  fill(data.complaint);
  if (!data.complaint && data.customer) showChosen(data.customer);
  $('form').hidden = false;
  $<HTMLButtonElement>('save').disabled = false;
}

void main();
