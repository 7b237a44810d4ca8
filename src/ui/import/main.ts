/**
 * The Import customers dialog: paste or choose a CSV, check the guessed column mapping,
 * preview (counts, each rejected row with its reason, duplicates), then import.
 * DOM built with textContent only.
 */
import { call } from '../shared/rpc';
import { clear, h, withBusy } from '../shared/dom';
import { tr, translateStatic } from '../shared/i18n';
import type { ImportPreview, ImportRequest } from '../../server/import';

const $ = (id: string) => document.getElementById(id)!;
const text = $('f-text') as HTMLTextAreaElement;
const file = $('f-file') as HTMLInputElement;
const status = $('status');
const runBtn = $('run') as HTMLButtonElement;
const previewBtn = $('preview') as HTMLButtonElement;
let mapping: ImportPreview['mapping'] | null = null;
let lastHeaders = '';

function mode(): 'skip' | 'merge' {
  return (document.querySelector('input[name=mode]:checked') as HTMLInputElement | null)?.value === 'merge' ? 'merge' : 'skip';
}

function banner(kind: 'ok' | 'error' | 'warn', message: string): void {
  clear(status);
  status.append(h('div', { class: `banner ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message));
}

function lines(title: string, items: { line: number; reasons: string[] }[], id: string): HTMLElement | null {
  if (!items.length) return null;
  return h(
    'div',
    { id },
    h('h2', {}, `${title} (${items.length})`),
    h(
      'ul',
      { class: 'lines' },
      ...items.map((r) => h('li', { 'data-line': String(r.line) }, h('span', { class: 'ln' }, tr('import.line', { line: r.line })), r.reasons.join(' · '))),
    ),
  );
}

function render(p: ImportPreview): void {
  mapping = p.mapping;
  const table = $('mapping');
  clear(table);
  table.append(
    h('tr', {}, ...p.headers.map((hd) => h('th', { title: hd }, hd))),
    h(
      'tr',
      {},
      ...p.headers.map((_hd, i) =>
        h(
          'td',
          {},
          (() => {
            const sel = h(
              'select',
              { 'data-col': String(i), 'aria-label': p.headers[i] },
              h('option', { value: '' }, tr('import.ignore')),
              ...p.fields.map((f) => h('option', { value: f.key }, f.label)),
            );
            sel.value = p.mapping[i] ?? '';
            sel.addEventListener('change', () => {
              // The select offers '' and the fields' keys only.
              mapping![i] = p.fields.find((f) => f.key === sel.value)?.key ?? '';
              void preview();
            });
            return sel;
          })(),
        ),
      ),
    ),
    ...p.sample.map((row) => h('tr', {}, ...p.headers.map((_hd, i) => h('td', { title: row[i] ?? '' }, row[i] ?? '')))),
  );
  $('summary').textContent = tr('import.summary', p.counts);
  const rej = $('rejected');
  clear(rej);
  const r = lines(tr('import.rejected'), p.rejected, 'rejected-list');
  if (r) rej.append(r);
  const sk = $('skipped');
  clear(sk);
  const s = lines(tr('import.skipped'), p.skipped, 'skipped-list');
  if (s) sk.append(s);
  $('result').hidden = false;
  runBtn.textContent = tr('import.run', { count: p.counts.add + p.counts.merge });
  runBtn.disabled = !!p.error || p.counts.add + p.counts.merge === 0;
}

function request(): ImportRequest {
  const headerLine = text.value.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  // A new file (other headers) starts from the server's guess again.
  if (headerLine !== lastHeaders) {
    mapping = null;
    lastHeaders = headerLine;
  }
  return { text: text.value, mapping: mapping ?? undefined, mode: mode() };
}

async function preview(): Promise<void> {
  runBtn.disabled = true;
  previewBtn.disabled = true;
  try {
    const p = await withBusy(status, tr('common.loading'), () => call('previewImport', request()));
    clear(status);
    render(p);
    if (p.error) banner('error', p.error);
  } catch (err) {
    banner('error', tr('common.error', { message: (err as Error).message }));
  } finally {
    previewBtn.disabled = false;
  }
}

async function run(): Promise<void> {
  runBtn.disabled = true;
  previewBtn.disabled = true;
  try {
    const r = await withBusy(status, tr('common.saving'), () => call('runImport', request()));
    render(r);
    runBtn.disabled = true;
    banner(r.ok ? 'ok' : 'error', r.message);
  } catch (err) {
    banner('error', tr('common.error', { message: (err as Error).message }));
    runBtn.disabled = false;
  } finally {
    previewBtn.disabled = false;
  }
}

function main(): void {
  translateStatic();
  runBtn.textContent = tr('import.run', { count: 0 });
  previewBtn.addEventListener('click', () => void preview());
  runBtn.addEventListener('click', () => void run());
  text.addEventListener('input', () => {
    runBtn.disabled = true;
  });
  document.querySelectorAll('input[name=mode]').forEach((r) => r.addEventListener('change', () => text.value.trim() && void preview()));
  file.addEventListener('change', () => {
    const f = file.files?.[0];
    if (!f) return;
    const reader = new FileReader();
    reader.onload = () => {
      text.value = String(reader.result ?? '');
      void preview();
    };
    reader.readAsText(f, 'utf-8');
  });
}

main();
