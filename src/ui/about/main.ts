import { call, closeSidebar } from '../shared/rpc';
import { h, withBusy } from '../shared/dom';
import { tr, translateStatic } from '../shared/i18n';

async function main(): Promise<void> {
  translateStatic();
  // "Version {version}" is a sentence; the label above the value shows just the word.
  document.querySelector('dt[data-i18n="about.version"]')!.textContent = tr('about.version', { version: '' }).trim();
  document.getElementById('close')!.addEventListener('click', () => closeSidebar());
  const status = document.getElementById('status')!;
  try {
    const info = await withBusy(status, tr('common.loading'), () => call('getAboutInfo'));
    document.getElementById('version')!.textContent = info.version;
    document.getElementById('user')!.textContent = info.email || tr('about.userUnknown');
    document.getElementById('language')!.textContent = info.locale === 'zh' ? '简体中文' : 'English';
    document.getElementById('info')!.hidden = false;
  } catch (err) {
    status.append(h('div', { class: 'banner error', role: 'alert' }, tr('common.error', { message: (err as Error).message })));
  }
}

void main();
