/** Help → Check this spreadsheet: runs the probes on the server and lists pass/fail, built with textContent only. */
import { call, closeSidebar } from '../shared/rpc';
import { h, withBusy } from '../shared/dom';
import { tr, translateStatic } from '../shared/i18n';
import type { ProbeResult } from '../../server/check';
import type { MessageKey } from '../../core/i18n';

function probeItem(r: ProbeResult): HTMLElement {
  const item = h(
    'li',
    { class: r.ok ? 'pass' : 'fail', 'data-probe': r.key },
    h('span', { class: 'mark', 'aria-hidden': 'true' }, r.ok ? '✓' : '✗'),
    tr(`check.probe.${r.key}` as MessageKey),
    h('div', { class: 'verdict' }, tr(r.ok ? 'check.pass' : 'check.fail')),
  );
  if (r.error) item.append(h('div', { class: 'case' }, tr('check.error', { message: r.error })));
  for (const c of r.cases.filter((x) => !x.ok))
    item.append(h('div', { class: 'case' }, `${c.what}: ${tr('check.detail', { expected: c.expected, actual: c.actual })}`));
  return item;
}

async function main(): Promise<void> {
  translateStatic();
  document.getElementById('close')!.addEventListener('click', () => closeSidebar());
  const status = document.getElementById('status')!;
  const list = document.getElementById('results')!;
  try {
    const report = await withBusy(status, tr('check.running'), () => call('runSpreadsheetCheck'));
    const failed = report.results.filter((r) => !r.ok).length;
    const count = report.results.length;
    status.append(
      h(
        'div',
        { class: `banner ${failed ? 'warn' : 'ok'}`, role: 'status' },
        failed ? tr('check.summaryFail', { failed, count }) : tr('check.summaryPass', { count }),
      ),
    );
    for (const r of report.results) list.append(probeItem(r));
  } catch (err) {
    status.append(h('div', { class: 'banner error', role: 'alert' }, tr('common.error', { message: (err as Error).message })));
  }
}

void main();
