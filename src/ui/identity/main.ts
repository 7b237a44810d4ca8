/** "I am …": the user picks themselves from the team list once (kept in user properties). */
import { call } from '../shared/rpc';
import { clear, h, withBusy } from '../shared/dom';
import { tr, translateStatic } from '../shared/i18n';

const status = document.getElementById('status')!;
const form = document.getElementById('form') as HTMLFormElement;
const select = document.getElementById('f-me') as HTMLSelectElement;
const save = document.getElementById('save') as HTMLButtonElement;

function banner(kind: 'ok' | 'error', text: string): void {
  clear(status);
  status.append(h('div', { class: `banner ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text));
}

async function main(): Promise<void> {
  translateStatic();
  try {
    const info = await withBusy(status, tr('common.loading'), () => call('getIdentityInfo'));
    document.getElementById('google')!.textContent = info.email ? tr('identity.googleSays', { email: info.email }) : tr('identity.googleHidden');
    if (!info.team.length) {
      banner(
        'error',
        !info.hasTeam ? tr('identity.noTeam') : info.email ? tr('identity.noneOffered', { email: info.email }) : tr('identity.onlyRepsWithoutEmail'),
      );
      save.disabled = true;
      return;
    }
    select.append(h('option', { value: '' }, tr('customers.choose')));
    for (const m of info.team) select.append(h('option', { value: m.email || m.name }, m.email ? `${m.name} (${m.email})` : m.name));
    if (info.me) select.value = info.me.email || info.me.name;
    form.hidden = false;
  } catch (err) {
    banner('error', tr('common.error', { message: (err as Error).message }));
    save.disabled = true;
  }
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void submit();
  });
}

async function submit(): Promise<void> {
  const err = document.getElementById('err-me')!;
  const field = document.getElementById('field-me')!;
  if (!select.value) {
    err.textContent = tr('validation.required');
    err.hidden = false;
    field.classList.add('invalid');
    return;
  }
  err.hidden = true;
  field.classList.remove('invalid');
  save.disabled = true;
  try {
    const me = await withBusy(status, tr('common.saving'), () => call('setWhoIAm', select.value));
    banner('ok', tr('identity.saved', { name: me.name }));
  } catch (e) {
    banner('error', tr('common.error', { message: (e as Error).message }));
  } finally {
    save.disabled = false;
  }
}

void main();
