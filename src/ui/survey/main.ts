/**
 * Send survey sidebar: the counts by the seeds' rules before anything is sent, who is skipped
 * and why, the e-mail as a customer sees it in each language, then Send with progress (sent /
 * queued / failed) while batches run — one server call per batch, so the page shows each step.
 * Everything from the sheet goes into the DOM through textContent (h()); the e-mail preview is
 * the server's escaped HTML in a sandboxed frame (no scripts, no same origin).
 */
import { call } from '../shared/rpc';
import { clear, h } from '../shared/dom';
import { tr, translateStatic } from '../shared/i18n';
import { $ } from '../shared/form';
import type { SurveyView } from '../../server/survey/sidebar';
import type { SendProgress } from '../../server/survey/send';
import type { MessageKey } from '../../core/i18n';

let view: SurveyView | null = null;

function banner(kind: 'error' | 'warn' | 'ok', text: string): HTMLElement {
  return h('div', { class: `banner ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

function fail(err: unknown): void {
  $('status').append(banner('error', tr('common.error', { message: (err as Error).message })));
}

function countRow(label: string, n: number): HTMLElement[] {
  return [h('span', {}, label), h('span', { class: 'n' }, String(n))];
}

function render(v: SurveyView): void {
  const box = $('view');
  clear(box);
  clear($('status'));
  if (!v.setUp || !v.counts) {
    $('status').append(banner('warn', tr('survey.send.setupFirst')));
    ($('send') as HTMLButtonElement).disabled = true;
    return;
  }
  for (const p of v.problems) $('status').append(banner('error', p));
  const c = v.counts;
  const skipped = Object.values(c.skipped).reduce((a, b) => a + b, 0);
  box.append(
    h(
      'div',
      { class: 'counts', id: 'counts' },
      ...countRow(tr('survey.send.afterDelivery'), c.afterDelivery),
      ...countRow(tr('survey.send.relationship'), c.relationship),
      ...countRow(tr('survey.send.reminders'), c.reminders),
      ...countRow(tr('survey.send.skipped'), skipped),
      ...countRow(tr('survey.send.queuedAlready'), v.progress.queued),
    ),
    h('p', { class: 'muted', id: 'quota' }, tr('survey.send.quota', { count: v.quotaLeft })),
  );
  if (v.recipients.length) {
    box.append(
      h(
        'details',
        { id: 'recipients' },
        h('summary', {}, `${tr('survey.send.recipients')} (${c.afterDelivery + c.relationship})`),
        h(
          'ul',
          {},
          ...v.recipients.map((r) =>
            h('li', {}, `${r.name} · ${tr(r.kind === 'after_delivery' ? 'survey.send.afterDelivery' : 'survey.send.relationship')} · ${r.language}`),
          ),
        ),
      ),
    );
  } else box.append(h('p', { class: 'empty' }, tr('survey.send.nothing')));
  if (v.skipped.length) {
    box.append(
      h(
        'details',
        { id: 'skipped' },
        h('summary', {}, `${tr('survey.send.skipped')} (${skipped})`),
        h('ul', {}, ...v.skipped.map((s) => h('li', {}, s.name, h('span', { class: 'why' }, s.reason)))),
      ),
    );
  }
  for (const p of v.previews) {
    const lang = tr(`survey.language.${p.language}` as MessageKey);
    box.append(
      h(
        'details',
        { class: 'preview', 'data-language': p.language },
        h('summary', {}, tr('survey.send.previewFor', { language: lang })),
        h('div', { class: 'subject' }, p.subject),
        h('iframe', { sandbox: '', title: p.subject, srcdoc: p.html }),
      ),
    );
  }
  ($('send') as HTMLButtonElement).disabled = !v.recipients.length && !v.progress.queued;
}

function showProgress(p: SendProgress): void {
  const box = $('progress');
  clear(box);
  const total = p.sent + p.queued + p.failed;
  const done = total ? Math.round((100 * (p.sent + p.failed)) / total) : 100;
  box.append(
    h('div', { class: 'bar' }, h('span', { style: `width:${done}%` })),
    h('div', { class: 'line', id: 'progress-line' }, tr('survey.send.progress', { sent: p.sent, queued: p.queued, failed: p.failed })),
  );
  if (p.message) box.append(banner(p.state === 'problem' || p.state === 'not_set_up' ? 'error' : p.state === 'quota' ? 'warn' : 'ok', p.message));
}

async function send(): Promise<void> {
  const button = $('send') as HTMLButtonElement;
  button.disabled = true;
  button.textContent = tr('survey.send.sending');
  try {
    let p = await call('startSurveySend');
    showProgress(p);
    while (p.state === 'running') {
      p = await call('continueSurveySend');
      showProgress(p);
    }
  } catch (err) {
    fail(err);
  } finally {
    button.textContent = tr('survey.send.button');
    await load(false);
  }
}

async function load(clearProgress = true): Promise<void> {
  try {
    view = await call('getSendSurveyView');
    render(view);
    if (clearProgress) clear($('progress'));
  } catch (err) {
    fail(err);
  }
}

translateStatic();
$('send').addEventListener('click', () => void send());
$('refresh').addEventListener('click', () => void load());
void load();
