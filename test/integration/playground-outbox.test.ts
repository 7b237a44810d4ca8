/** The playground's Outbox panel lists what the add-in sent and created, read from the runtime. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createLocalRuntime, type AnyScript } from '../../src/local';
import { readForms, readMail } from '../../src/local/playground/view';

const SCRIPT = `
function send() {
  MailApp.sendEmail({ to: 'li@example.com', cc: 'boss@example.com', subject: '今日跟进', body: '3 due' });
  FormApp.create('Satisfaction survey');
}`;

describe('playground outbox', () => {
  it('shows sent e-mails and created forms', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sd-outbox-'));
    writeFileSync(join(dir, 'Code.js'), SCRIPT);
    copyFileSync(join(__dirname, '../../dist/appsscript.json'), join(dir, 'appsscript.json'));
    const rt = createLocalRuntime<AnyScript>({ bundle: join(dir, 'Code.js'), user: 'ana@example.com', now: new Date('2026-03-02T01:00:00Z') });
    rt.run('send');
    expect(readMail(rt)).toEqual([
      expect.objectContaining({ to: 'li@example.com', cc: 'boss@example.com', subject: '今日跟进', from: 'ana@example.com', at: '2026-03-02T01:00:00.000Z' }),
    ]);
    expect(readForms(rt).map((f) => f.title)).toEqual(['Satisfaction survey']);
  });
});
