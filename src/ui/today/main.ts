/**
 * Today sidebar: my overdue, due-today and upcoming follow-ups (a manager can look at any rep
 * or the whole team), each with "done" (opens the Log follow-up form for it) and "snooze" with
 * a reason. Everything from the sheet goes into the DOM through textContent (h()).
 */
import { call } from '../shared/rpc';
import { clear, h, withBusy } from '../shared/dom';
import { tr, translateStatic } from '../shared/i18n';
import { $ } from '../shared/form';
import type { TodayView } from '../../server/today';
import type { TodayItem, TodayExtra } from '../../core/followups';

let view: TodayView;

function banner(kind: 'error' | 'warn' | 'ok', text: string, ...extra: (Node | string)[]): HTMLElement {
  return h('div', { class: `banner ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text, ...extra);
}

function fail(err: unknown): void {
  $('status').append(banner('error', tr('common.error', { message: (err as Error).message })));
}

function item(i: TodayItem): HTMLElement {
  const meta = [
    i.purpose,
    tr('today.planned', { day: i.plannedDay }),
    view.shown === '' || view.shown !== i.owner ? tr('today.owner', { name: i.owner || '—' }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const box = h(
    'article',
    { class: 'item', 'data-id': i.id },
    h('div', { class: 'name' }, i.customerName || i.customerId, ' ', h('span', { class: 'meta' }, i.customerId)),
    h(
      'div',
      { class: 'meta' },
      meta,
      i.daysLate > 0 ? ' · ' : '',
      i.daysLate > 0 ? h('span', { class: 'late' }, tr('today.daysLate', { n: i.daysLate })) : null,
    ),
    i.nextStep ? h('div', { class: 'step' }, i.nextStep) : null,
    i.snoozed ? h('div', { class: 'snoozed' }, tr('today.snoozedBefore', { reason: i.snoozed })) : null,
  );
  const buttons = h(
    'div',
    { class: 'buttons' },
    i.rule === 'loss_reason'
      ? h('button', { type: 'button', class: 'done reason', onclick: () => void call('showLossDialog', i.customerId).catch(fail) }, tr('today.giveReason'))
      : h('button', { type: 'button', class: 'done', onclick: () => void done(i) }, tr('today.done')),
    h('button', { type: 'button', class: 'snooze-open', onclick: () => openSnooze(box, i) }, tr('today.snooze')),
  );
  box.append(buttons);
  return box;
}

function extraItem(x: TodayExtra): HTMLElement {
  return h(
    'article',
    { class: 'item extra', 'data-id': x.id },
    h('div', { class: 'name' }, x.customerName || x.customerId, ' ', h('span', { class: 'meta' }, x.customerId)),
    h('div', { class: 'step' }, x.text),
    view.shown === '' ? h('div', { class: 'meta' }, tr('today.owner', { name: x.owner || '—' })) : null,
  );
}

function tomorrow(): string {
  const d = new Date(`${view.model.today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function openSnooze(box: HTMLElement, i: TodayItem): void {
  if (box.querySelector('.snooze')) return;
  const day = h('input', { type: 'date', id: `snooze-day-${i.id}`, min: view.model.today });
  day.value = tomorrow();
  const reason = h('input', { type: 'text', id: `snooze-reason-${i.id}`, maxlength: '300' });
  const form = h(
    'div',
    { class: 'snooze' },
    h('div', { class: 'field', 'data-field': 'day' }, h('label', { for: day.id }, tr('today.snoozeTo')), day),
    h('div', { class: 'field', 'data-field': 'reason' }, h('label', { for: reason.id }, tr('today.snoozeReason')), reason),
  );
  const save = h('button', { type: 'button', class: 'snooze-save' }, tr('today.snoozeSave'));
  const cancel = h('button', { type: 'button', onclick: () => form.remove() }, tr('common.cancel'));
  form.append(h('div', { class: 'buttons' }, save, cancel));
  save.addEventListener('click', async () => {
    form.querySelectorAll('.error').forEach((e) => e.remove());
    form.querySelectorAll('.field').forEach((f) => f.classList.remove('invalid'));
    save.disabled = true;
    try {
      const res = await withBusy(form, tr('common.saving'), () => call('snoozeFollowUp', { id: i.id, row: i.row, day: day.value, reason: reason.value }));
      if (!res.ok) {
        for (const [k, msg] of Object.entries(res.errors)) {
          const f = form.querySelector<HTMLElement>(`.field[data-field="${k}"]`) ?? form;
          f.classList.add('invalid');
          f.append(h('div', { class: 'error', role: 'alert' }, msg));
        }
        return;
      }
      await load(view.shown || '*', tr('today.snoozed', { day: res.value.day }));
    } catch (err) {
      fail(err);
    } finally {
      save.disabled = false;
    }
  });
  box.append(form);
  reason.focus();
}

async function done(i: TodayItem): Promise<void> {
  // Back here after the save, at the item that follows this one (issue 12's working loop).
  const box = document.querySelector(`article[data-id="${CSS.escape(i.id)}"]`);
  const after = box?.nextElementSibling?.getAttribute('data-id') ?? '';
  try {
    await call('showFollowupForm', { followupId: i.id, followupRow: i.row, backToToday: { at: after } });
  } catch (err) {
    fail(err);
  }
}

/** Groups the user folded, kept while the sidebar is open. */
const folded = new Set<string>();

function section(cls: string, title: string, items: HTMLElement[], empty: string): HTMLElement {
  const body = h('div', { class: 'body' }, ...(items.length ? items : [h('p', { class: 'empty' }, empty)]));
  const toggle = h('button', { type: 'button', class: 'toggle', 'aria-expanded': String(!folded.has(cls)) }, title);
  const box = h(
    'section',
    { class: `list ${cls}${folded.has(cls) ? ' folded' : ''}` },
    h('h2', {}, toggle, h('span', { class: 'count' }, String(items.length))),
    body,
  );
  toggle.addEventListener('click', () => {
    if (folded.has(cls)) folded.delete(cls);
    else folded.add(cls);
    box.classList.toggle('folded', folded.has(cls));
    toggle.setAttribute('aria-expanded', String(!folded.has(cls)));
  });
  return box;
}

/** A manager's overview of the whole team: one line per rep, each opening that rep's list. */
function counts(): void {
  const host = $('counts');
  clear(host);
  host.hidden = !view.counts.length;
  if (!view.counts.length) return;
  host.append(h('h2', {}, tr('today.perRep')));
  for (const c of view.counts) {
    const line = h(
      'button',
      { type: 'button', class: 'rep-count', 'data-rep': c.rep, onclick: () => void load(c.rep) },
      h('span', { class: 'rep' }, c.rep),
      h(
        'span',
        { class: 'nums' },
        h('span', { class: c.overdue ? 'n late' : 'n' }, tr('today.countOverdue', { n: c.overdue })),
        h('span', { class: 'n' }, tr('today.countToday', { n: c.dueToday })),
        h('span', { class: 'n' }, tr('today.countWeek', { n: c.upcoming })),
        h('span', { class: c.objections ? 'n late' : 'n' }, tr('today.countObjections', { n: c.objections })),
      ),
    );
    host.append(line);
  }
}

function render(): void {
  const host = $('lists');
  clear(host);
  const m = view.model;
  $('date').textContent = m.today;
  const picker = $('picker');
  picker.hidden = !view.isManager;
  if (view.isManager) {
    const sel = $<HTMLSelectElement>('rep');
    clear(sel);
    sel.append(h('option', { value: '*' }, tr('today.all')));
    for (const n of view.team) sel.append(h('option', { value: n }, n === view.me ? tr('today.me', { name: n }) : n));
    sel.value = view.shown || '*';
  }
  counts();
  if (!m.overdue.length && !m.dueToday.length && !m.extras.length) {
    host.append(h('div', { class: 'clear', role: 'status' }, view.shown === '' ? tr('today.allClearTeam') : tr('today.allClear')));
  }
  host.append(section('overdue', tr('today.overdue'), m.overdue.map(item), tr('today.emptyOverdue')));
  const objections = m.extras.filter((e) => e.kind !== 'complaint');
  if (objections.length) host.append(section('extras', tr('today.objections'), objections.map(extraItem), ''));
  // Issue 17: late complaints under their own heading.
  const complaints = m.extras.filter((e) => e.kind === 'complaint');
  if (complaints.length) host.append(section('extras complaints', tr('complaint.digestHeading'), complaints.map(extraItem), ''));
  host.append(section('today', tr('today.dueToday'), m.dueToday.map(item), tr('today.emptyToday')));
  host.append(section('upcoming', tr('today.upcoming'), m.upcoming.map(item), tr('today.emptyUpcoming')));
  if (m.truncated) host.append(h('p', { class: 'empty' }, tr('today.truncated', { n: 100 })));
}

async function load(rep: string | null, message?: string): Promise<void> {
  const status = $('status');
  clear(status);
  try {
    view = await withBusy(status, tr('common.loading'), () => call('getTodayView', rep));
  } catch (err) {
    fail(err);
    return;
  }
  if (!view.setUp) {
    status.append(banner('warn', tr('today.notSetUp')));
    clear($('lists'));
    return;
  }
  if (!view.me) {
    status.append(
      banner(
        'warn',
        tr('today.noIdentity'),
        ' ',
        h('button', { type: 'button', id: 'iam', onclick: () => void call('showIdentity').catch(fail) }, tr('today.pickIdentity')),
      ),
    );
    clear($('lists'));
    return;
  }
  if (message) status.append(banner('ok', message));
  render();
}

/** Opened again after "Done → save": the save's message, and the list at the item that came next. */
function arrive(): void {
  const at = document.body.getAttribute('data-at') || '';
  const target = at ? document.querySelector<HTMLElement>(`article[data-id="${CSS.escape(at)}"]`) : null;
  if (!target) return;
  target.classList.add('here');
  target.scrollIntoView({ block: 'center' });
}

function main(): void {
  translateStatic();
  $('log').addEventListener('click', () => void call('showFollowupForm').catch(fail));
  $('refresh').addEventListener('click', () => void load(view?.shown === '' ? '*' : (view?.shown ?? null)));
  $('rep').addEventListener('change', () => void load($<HTMLSelectElement>('rep').value));
  void load(null, document.body.getAttribute('data-message') || undefined).then(arrive);
}

main();
