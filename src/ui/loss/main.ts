/**
 * "Why was this customer lost?" dialog: pick one of the customer's objections, or log a new one.
 * Text from the sheet goes into the DOM through textContent only.
 */
import { call, closeSidebar } from '../shared/rpc';
import { clear, h, withBusy } from '../shared/dom';
import { tr, translateStatic } from '../shared/i18n';
import { $, errorBanner, showFieldErrors } from '../shared/form';
import type { LossDialogData } from '../../server/loss';

function chosen(): string {
  return document.querySelector<HTMLInputElement>('input[name="reason"]:checked')?.value ?? '';
}

async function main(): Promise<void> {
  translateStatic();
  const customerId = document.body.getAttribute('data-customer') || '';
  const status = $('status');
  $('skip').addEventListener('click', () => closeSidebar());
  let data: LossDialogData;
  try {
    data = await withBusy(status, tr('common.loading'), () => call('getLossDialogData', customerId));
  } catch (err) {
    errorBanner(status, tr('common.error', { message: (err as Error).message }));
    return;
  }
  if (!data.customer) {
    errorBanner(status, tr('loss.error.noCustomer'));
    return;
  }
  const customer = data.customer;
  $('intro').textContent = tr('loss.intro', { customer: customer.name || customer.id });
  const box = $('choices');
  if (!data.objections.length) box.append(h('p', { class: 'muted' }, tr('loss.none')));
  for (const o of data.objections) {
    const when = o.raisedAt ? o.raisedAt.slice(0, 10) : '';
    box.append(
      h(
        'label',
        {},
        h('input', { type: 'radio', name: 'reason', value: o.id, checked: o.lostDeal }),
        h('span', {}, [o.type, o.details].filter(Boolean).join(' — '), h('span', { class: 'sub' }, [o.id, when, o.result].filter(Boolean).join(' · '))),
      ),
    );
  }
  box.append(h('label', {}, h('input', { type: 'radio', name: 'reason', value: 'new', checked: !data.objections.length }), h('span', {}, tr('loss.new'))));
  const type = $<HTMLSelectElement>('type');
  type.append(h('option', { value: '' }, tr('objection.typePick')), ...data.types.map((o) => h('option', { value: o.value }, o.label)));
  const sync = () => ($('newFields').hidden = chosen() !== 'new');
  box.addEventListener('change', sync);
  sync();
  $('form').hidden = false;
  const save = $<HTMLButtonElement>('save');
  save.disabled = false;
  save.addEventListener('click', async () => {
    clear(status);
    const pick = chosen();
    if (!pick) {
      errorBanner(status, tr('loss.pick'));
      return;
    }
    const extra =
      pick === 'new' ? { type: type.value, details: $<HTMLTextAreaElement>('details').value, cause: $<HTMLTextAreaElement>('cause').value } : undefined;
    save.disabled = true;
    try {
      const res = await withBusy(status, tr('common.saving'), () => call('recordLossReason', customer.id, pick, extra));
      if (!res.ok) {
        showFieldErrors(res.errors);
        errorBanner(status, res.message);
        return;
      }
      showFieldErrors({});
      status.append(h('div', { class: 'banner ok', role: 'status' }, tr('loss.saved', { customer: customer.name || customer.id })));
      $('form').hidden = true;
      save.hidden = true;
      $('skip').textContent = tr('common.close');
    } catch (err) {
      errorBanner(status, tr('common.error', { message: (err as Error).message }));
    } finally {
      save.disabled = false;
    }
  });
}

void main();
