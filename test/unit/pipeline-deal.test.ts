/**
 * Issue 15's deal model: what the Deal sidebar sends, checked (amounts in both languages through
 * the one number parser, statuses with their dates and loss reason), the probability from the
 * customer's stage unless overridden, the weighted value, and money in the workbook's currency.
 */
import { describe, expect, it } from 'vitest';
import { checkDeal, dealProbability, parseProbability, stageProbabilities, weightedValue } from '../../src/core/pipeline';
import { parseTeam } from '../../src/core/customers/team';
import { formatMoney, moneyNumberFormat, workbookCurrency } from '../../src/core/money';
import { getSetting } from '../../src/core/settings';
import { serialFromYmd } from '../../src/core/tiers/dates';

const team = parseTeam([{ team_name: 'Ana Lima', team_email: 'ana@example.com', team_role: 'Rep' }]);
const ctx = { locale: 'en' as const, today: '2026-03-02', currency: 'CNY' as const, team, lossReasons: ['Price', 'Competitor'] };
const base = { customerId: 'C-000001', scenario: 'Key account', amount: '¥48,000', expectedClose: '2026-04-30', status: 'open', owner: 'ana' };
const day = (y: number, m: number, d: number) => serialFromYmd(y, m, d);

describe('checkDeal', () => {
  it('reads an open deal: scenario, amount, expected close, owner by first name, no probability (the stage decides)', () => {
    expect(checkDeal(base, ctx)).toEqual({
      ok: true,
      value: {
        customerId: 'C-000001',
        scenario: 'key_account',
        amount: 48000,
        currency: 'CNY',
        expectedClose: day(2026, 4, 30),
        probability: null,
        status: 'open',
        closedOn: null,
        lossReason: '',
        owner: 'Ana Lima',
        expectedDelivery: null,
        deliveredOn: null,
        product: '',
        notes: '',
      },
    });
  });

  it.each([
    ['48,000元', 48000, 'CNY'],
    ['4.8万', 48000, 'CNY'],
    ['48k', 48000, 'CNY'],
    ['$1,200.50', 1200.5, 'USD'],
    ['US$1,200.50', 1200.5, 'USD'],
    ['１２００', 1200, 'CNY'],
  ])('takes the amount %s as %d %s', (amount, value, currency) => {
    const r = checkDeal({ ...base, amount }, ctx);
    expect(r.ok && [r.value.amount, r.value.currency]).toEqual([value, currency]);
  });

  it('refuses hex, exponents, negative amounts and fractions of a cent, in both languages', () => {
    const err = (amount: unknown, locale: 'en' | 'zh' = 'en') => {
      const r = checkDeal({ ...base, amount }, { ...ctx, locale });
      return r.ok ? null : r.errors.amount;
    };
    expect(err('0x10')).toBe('Enter a number.');
    expect(err('5e-400', 'zh')).toBe('请输入数字。');
    expect(err(-5)).toBe('The smallest allowed value is 0.');
    expect(err('1.234')).toBe('This currency has 2 decimals at most.');
    expect(err('¥1.5', 'zh')).toBe(null);
    expect(err(Infinity)).toBe('Enter a number.');
    expect(err(undefined)).toBe('This field is required.');
  });

  it('needs the day for won and lost, and a loss reason from the list for lost; reopening clears them', () => {
    const won = checkDeal({ ...base, status: 'Won', closedOn: '2026-03-01', deliveredOn: '2026-03-02' }, ctx);
    expect(won.ok && [won.value.status, won.value.closedOn, won.value.deliveredOn]).toEqual(['won', day(2026, 3, 1), day(2026, 3, 2)]);
    expect(checkDeal({ ...base, status: 'won' }, ctx)).toMatchObject({ ok: false, errors: { closedOn: 'Give the day the deal was won.' } });
    expect(checkDeal({ ...base, status: '赢单', closedOn: '2026-03-03' }, { ...ctx, locale: 'zh' })).toMatchObject({
      ok: false,
      errors: { closedOn: '赢单或丢单日期不能晚于今天。' },
    });
    expect(checkDeal({ ...base, status: 'lost', closedOn: '2026-02-27' }, ctx)).toMatchObject({
      ok: false,
      errors: { lossReason: 'Say why the deal was lost.' },
    });
    expect(checkDeal({ ...base, status: 'lost', closedOn: '2026-02-27', lossReason: 'Weather' }, ctx)).toMatchObject({
      ok: false,
      errors: { lossReason: 'Pick one of: Price / Competitor.' },
    });
    const lost = checkDeal({ ...base, status: 'lost', closedOn: '2026-02-27', lossReason: 'price' }, ctx);
    expect(lost.ok && [lost.value.status, lost.value.lossReason]).toEqual(['lost', 'Price']);
    const reopened = checkDeal({ ...base, status: 'open', closedOn: '2026-02-27', lossReason: 'Price' }, ctx);
    expect(reopened.ok && [reopened.value.closedOn, reopened.value.lossReason]).toEqual([null, '']);
    expect(checkDeal({ ...base, deliveredOn: '2026-03-01' }, ctx)).toMatchObject({ ok: false, errors: { deliveredOn: 'Only a won deal can be delivered.' } });
    expect(checkDeal({ ...base, expectedClose: '6125-02-02' }, ctx)).toMatchObject({
      ok: false,
      errors: { expectedClose: 'Expected close: 6125-02-02 is more than 2 years from today. Check the year.' },
    });
  });

  it('takes a probability as a percentage, refuses what is not one', () => {
    expect([60, '60%', '６０ ％', '0', '100', '', null].map(parseProbability)).toEqual([0.6, 0.6, 0.6, 0, 1, null, null]);
    for (const p of ['150', '-1', 'high', '0x10', true]) expect(parseProbability(p)).toBeUndefined();
    expect(checkDeal({ ...base, probability: 'likely' }, ctx)).toMatchObject({
      ok: false,
      errors: { probability: 'Enter a percentage from 0 to 100, or leave it blank to use the stage’s.' },
    });
  });

  it('ignores what is not a field, and refuses a status it does not know', () => {
    expect(checkDeal({ ...base, status: 'maybe', __proto__: { amount: 1 } }, ctx)).toMatchObject({ ok: false, errors: { status: 'Pick open, won or lost.' } });
    expect(checkDeal(null, ctx)).toMatchObject({ ok: false, errors: { customerId: 'This field is required.', amount: 'This field is required.' } });
  });
});

describe('probability and weighted value', () => {
  const p = stageProbabilities();
  it('defaults from the customer’s stage through Settings (one row per stage, our choice)', () => {
    for (const s of ['reach', 'needs', 'solution', 'objections', 'negotiation', 'delivery', 'won', 'lost', 'on_hold']) {
      expect(getSetting(`stage_probability_${s}`).source).toMatch(/our choice/);
    }
    expect(dealProbability({ status: 'open', probability: null }, 'negotiation', p)).toBe(0.8);
    expect(dealProbability({ status: 'open', probability: null }, null, p)).toBe(0.1);
    expect(dealProbability({ status: 'open', probability: 0.35 }, 'negotiation', p)).toBe(0.35);
    expect(dealProbability({ status: 'won', probability: 0.35 }, 'reach', p)).toBe(1);
    expect(dealProbability({ status: 'lost', probability: 0.35 }, 'negotiation', p)).toBe(0);
    expect(weightedValue({ status: 'open', probability: null, amount: 48000 }, 'solution', p)).toBe(19200);
    expect(weightedValue({ status: 'open', probability: null, amount: 48000 }, 'solution', stageProbabilities({ stage_probability_solution: 0.5 }))).toBe(
      24000,
    );
  });
});

describe('money in the workbook’s currency', () => {
  it('is ¥ for a Chinese workbook by default, else the spreadsheet locale’s, unless Settings name one', () => {
    expect(workbookCurrency('auto', 'zh', 'en_US')).toBe('CNY');
    expect(workbookCurrency('auto', 'en', 'en_GB')).toBe('GBP');
    expect(workbookCurrency('auto', 'en', 'de_DE')).toBe('EUR');
    expect(workbookCurrency('auto', 'en', 'zh_CN')).toBe('CNY');
    expect(workbookCurrency('auto', 'en', 'en')).toBe('USD');
    expect(workbookCurrency('jpy', 'zh', 'zh_CN')).toBe('JPY');
    expect(getSetting('currency')).toMatchObject({ default: 'auto', list: 'currency' });
  });
  it('shows amounts with the currency’s sign and decimals, and gives Sheets the same format', () => {
    expect(formatMoney(48000, 'CNY')).toBe('¥48,000.00');
    expect(formatMoney(-1200.5, 'USD')).toBe('-$1,200.50');
    expect(formatMoney(5000.4, 'JPY')).toBe('¥5,000');
    expect(formatMoney(0.005, 'EUR')).toBe('€0.01');
    expect(moneyNumberFormat('CNY')).toBe('"¥"#,##0.00');
    expect(moneyNumberFormat('JPY')).toBe('"¥"#,##0');
  });
});
