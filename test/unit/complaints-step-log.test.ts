import { describe, expect, it } from 'vitest';
import { decodeStepLog, encodeStepLog, type StepEntry } from '../../src/core/complaints';

const TZ = 'Asia/Shanghai';
const at = (iso: string) => Date.parse(iso);

describe('a complaint’s steps in one cell', () => {
  it('round-trips done-at times (wall clock, to the minute) and notes; untouched steps are left out', () => {
    const entries: StepEntry[] = [
      { key: 'thank_listen', doneAt: at('2026-03-02T01:30:00Z'), note: 'Called back\nand apologised' },
      { key: 'apologise', doneAt: null, note: '' },
      { key: 'team:call the boss]', doneAt: null, note: 'waiting — for her' },
      { key: 'promise', doneAt: at('2026-03-02T02:00:00Z'), note: '' },
    ];
    const text = encodeStepLog(entries, TZ);
    expect(text.split('\n')).toEqual([
      '[thank_listen] 2026-03-02 09:30 — Called back and apologised',
      '[team:call the boss]] — waiting — for her',
      '[promise] 2026-03-02 10:00',
    ]);
    expect(decodeStepLog(text, TZ)).toEqual([
      { key: 'thank_listen', doneAt: at('2026-03-02T01:30:00Z'), note: 'Called back and apologised' },
      { key: 'team:call the boss]', doneAt: null, note: 'waiting — for her' },
      { key: 'promise', doneAt: at('2026-03-02T02:00:00Z'), note: '' },
    ]);
  });

  it('keeps a line typed by hand that does not parse, and the first line of a key', () => {
    const got = decodeStepLog('=cmd|stuff\n[promise] 2026-03-02 10:00\n[promise] 2026-03-05 10:00 — later', TZ);
    expect(got).toEqual([
      { key: 'line:1', doneAt: null, note: '=cmd|stuff' },
      { key: 'promise', doneAt: at('2026-03-02T02:00:00Z'), note: '' },
    ]);
    expect(decodeStepLog('', TZ)).toEqual([]);
    expect(decodeStepLog(null, TZ)).toEqual([]);
  });
});
