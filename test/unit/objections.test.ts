import { describe, expect, it } from 'vitest';
import { checkObjection, overdueObjections, responseKey, whatWorked } from '../../src/core/objections';
import { nextId } from '../../src/core/ids';

const ctx = {
  locale: 'en' as const,
  types: ['Price', 'Trust'],
  results: ['Resolved', 'Partly resolved', 'Unresolved'],
  team: ['Ana Wu'],
  now: new Date('2026-03-02T10:00:00Z'),
};
const good = {
  customerId: 'C-000001',
  raisedAt: '2026-03-02T09:00:00.000Z',
  type: 'price',
  details: 'Too dear',
  cause: '',
  response: '',
  answeredAt: '',
  result: '',
  nextStep: '',
  nextStepOwner: '',
  nextStepDue: '',
};

describe('checkObjection', () => {
  it('accepts a minimal objection and a Chinese built-in label in an English workbook', () => {
    expect(checkObjection(good, ctx).ok).toBe(true);
    expect(checkObjection({ ...good, type: '价格', result: '已解决' }, ctx)).toMatchObject({ ok: true, value: { resultKey: 'resolved' } });
  });
  it('rejects the future, answers before the objection, half a next step and strangers as owner', () => {
    const r = checkObjection({ ...good, raisedAt: '2026-03-03T09:00:00Z', answeredAt: '2026-03-01T00:00:00Z', nextStep: 'Call', nextStepOwner: 'Eve' }, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(['answeredAt', 'nextStepDue', 'nextStepOwner', 'raisedAt']);
    const r2 = checkObjection({ ...good, answeredAt: '2026-03-01T00:00:00Z', nextStepDue: '2026-03-05' }, ctx);
    if (!r2.ok) expect(Object.keys(r2.errors).sort()).toEqual(['answeredAt', 'nextStep']);
    expect(checkObjection({ ...good, details: 'x'.repeat(5001) }, ctx).ok).toBe(false);
    expect(checkObjection(42, ctx).ok).toBe(false);
  });
});

describe('IDs, what worked, overdue', () => {
  it('numbers after the highest ID and ignores foreign values', () => {
    expect(nextId('O', [])).toBe('O-000001');
    expect(nextId('O', ['O-000009', 'x', '', 'O-000002', 'C-000050'])).toBe('O-000010');
  });
  it('groups spellings, ranks by resolved then by fewer uses, ignores other types and blanks', () => {
    const rows = [
      { type: 'Price', response: 'Phased payment', result: 'Resolved' },
      { type: '价格', response: 'phased  payment.', result: '已解决' },
      { type: 'Price', response: 'Phased payment', result: 'Unresolved' },
      { type: 'Price', response: 'Demo', result: 'Resolved' },
      { type: 'Price', response: 'Discount', result: 'Resolved' },
      { type: 'Price', response: 'Discount', result: 'Partly resolved' },
      { type: 'Trust', response: 'Demo', result: 'Resolved' },
      { type: 'Price', response: '', result: 'Resolved' },
      { type: 'Price', response: 'Never worked', result: 'Unresolved' },
    ];
    expect(whatWorked(rows, 'price')).toEqual([
      { response: 'Phased payment', resolved: 2, used: 3 },
      { response: 'Demo', resolved: 1, used: 1 },
      { response: 'Discount', resolved: 1, used: 2 },
    ]);
    expect(responseKey('  A  b. ')).toBe('a b');
    expect(whatWorked(rows, '')).toEqual([]);
  });
  it('lists unanswered objections past due for one rep or everyone', () => {
    const now = new Date('2026-03-02T10:00:00Z');
    const rows = [
      { objection_id: 'O-1', raised_at: new Date('2026-03-01T09:00:00Z'), owner: 'Ana', answered_at: '' },
      { objection_id: 'O-2', raised_at: new Date('2026-03-01T11:00:00Z'), owner: 'Ana', answered_at: '' },
      { objection_id: 'O-3', raised_at: new Date('2026-02-01T11:00:00Z'), owner: 'Li', answered_at: new Date('2026-02-01T12:00:00Z') },
      { objection_id: 'O-4', raised_at: new Date('2026-02-27T11:00:00Z'), owner: 'Li', answered_at: '' },
      { objection_id: 'O-5', raised_at: '', owner: 'Li' },
    ];
    expect(overdueObjections(rows, now, 24, 'ana').map((o) => o.objectionId)).toEqual(['O-1']);
    expect(overdueObjections(rows, now, 24, null).map((o) => o.objectionId)).toEqual(['O-4', 'O-1']);
    expect(overdueObjections(rows, now, 12, 'Ana').map((o) => o.objectionId)).toEqual(['O-1', 'O-2']);
  });
});
