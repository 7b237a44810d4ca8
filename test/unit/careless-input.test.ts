/**
 * Issue 12 "careless input gets help" and issue 13 "numbers are decimal numbers": what the core
 * validators every form and the import use do with full-width characters, far-off dates, and
 * numbers Number() would misread.
 */
import { describe, expect, it } from 'vitest';
import {
  checkEmail,
  checkNumber,
  checkPhone,
  checkSingleEmail,
  cleanPhone,
  normalizeEmail,
  parseDecimal,
  parseMoney,
  readDate,
} from '../../src/core/validation/rules';
import { validateCustomer } from '../../src/core/customers/validate';
import { checkObjection } from '../../src/core/objections';
import { checkFollowup } from '../../src/core/followups/input';
import { checkDealInput } from '../../src/core/tiers/deal-input';
import { t } from '../../src/core/i18n';
import { parseTeam } from '../../src/core/customers/team';

const lists = { industry: ['Manufacturing', 'Retail & consumer'], source: ['Trade show'], scenario: ['New customer'], stage: ['1 Reach & screen'] };

describe('full-width digits, ＠ and ， are folded (NFKC) in e-mails, phones and numbers', () => {
  it('reads a full-width e-mail and stores the plain address', () => {
    expect(checkEmail('ａｎａ＠ｅｘａｍｐｌｅ．ｃｏｍ')).toBeNull();
    expect(normalizeEmail(' Ａｎａ＠Example.com ')).toBe('ana@example.com');
  });
  it('reads a full-width phone and stores it in plain digits', () => {
    expect(checkPhone('＋８６ １３８－００１３－８０００')).toBeNull();
    expect(cleanPhone('＋８６　１３８－００１３－８０００')).toBe('+86 138-0013-8000');
  });
  it('reads full-width digits and the full-width comma in numbers', () => {
    expect(parseDecimal('１２，５００')).toBe(12500);
    expect(parseDecimal('１２００．５')).toBe(1200.5);
    expect(checkNumber('１２，５００')).toBeNull();
  });
  it('the customer form and the import store the folded values', () => {
    const r = validateCustomer(
      { name: '宏图科技', email: 'ＬＩ＠ＨＯＮＧＴＵ．ＣＮ', phone: '１３８ ００１３ ８０００', employees: '１，２００', annual_revenue: '４.８万' },
      { lists, team: [] },
    );
    expect(r.errors).toEqual({});
    expect(r.record).toMatchObject({ email: 'li@hongtu.cn', phone: '138 0013 8000', employees: 1200, annual_revenue: 48000 });
  });
});

describe('numbers are decimal numbers (one parser, parseDecimal)', () => {
  it.each(['0x10', '5e-400', '1e3', 'Infinity', '-Infinity', 'NaN', '1,5', '1.200,50', '12 5', '', ' ', '.', '+', '0b11', '0o7'])('refuses %j', (v) => {
    expect(parseDecimal(v)).toBeNull();
  });
  it('refuses non-finite numbers and whatever is not a number or text', () => {
    for (const v of [NaN, Infinity, -Infinity, null, undefined, true, {}, []]) expect(parseDecimal(v)).toBeNull();
    expect(parseDecimal(5e-300)).toBe(5e-300);
  });
  it('refuses a decimal so long that it would be stored as 0 or as Infinity', () => {
    expect(parseDecimal(`0.${'0'.repeat(400)}1`)).toBeNull();
    expect(parseDecimal(`1${'0'.repeat(400)}`)).toBeNull();
    expect(parseDecimal('0.000')).toBe(0);
  });
  it.each([
    ['1200', 1200],
    ['1,200', 1200],
    ['1 200 000', 1_200_000],
    ['-3.25', -3.25],
    ['+7', 7],
    ['.5', 0.5],
    ['0012', 12],
  ])('reads %j as %d', (v, n) => expect(parseDecimal(v)).toBe(n));
  it('checkNumber, the field check of every form, refuses what parseDecimal refuses', () => {
    for (const v of ['0x10', '5e-400', 'Infinity', 'NaN']) expect(checkNumber(v)?.key).toBe('validation.number');
    const r = validateCustomer({ name: 'Acme', employees: '0x10', annual_revenue: '5e-400' }, { lists, team: [] });
    expect(r.errors.employees?.key).toBe('validation.number');
    expect(r.errors.annual_revenue?.key).toBe('validation.number');
  });
  it('the Add deal check refuses hex and exponents for the amount', () => {
    for (const amount of ['0x10', '5e-400', 'Infinity']) {
      const r = checkDealInput({ customer_id: 'C-1', amount, won_on: '2026-03-02', kind: 'new' }, '2026-03-02');
      expect(r.ok ? null : r.problems.amount?.key).toBe('validation.number');
    }
  });
});

describe('amounts as reps type them (parseMoney)', () => {
  it.each([
    ['¥48,000', 48000, '¥'],
    ['￥48,000', 48000, '¥'],
    ['48,000元', 48000, 'CNY'],
    ['4.8万', 48000, null],
    ['4.8万元', 48000, 'CNY'],
    ['¥1.2亿', 120_000_000, '¥'],
    ['48k', 48000, null],
    ['48K USD', 48000, 'USD'],
    ['$1,200.50', 1200.5, '$'],
    ['US$1,200.50', 1200.5, 'USD'],
    ['RMB 48,000', 48000, 'CNY'],
    ['1,200.50 usd', 1200.5, 'USD'],
    ['1200 美元', 1200, 'USD'],
    ['€ 99.90', 99.9, 'EUR'],
    ['1.1万', 11000, null],
    ['０.０３万', 300, null],
  ])('reads %j as %d (%s)', (v, amount, currency) => {
    expect(parseMoney(v)).toEqual({ amount, currency });
  });
  it.each(['1.2m', '¥', '万', '¥0x10', '5e-400元', '48kk', '4,8万', '$-'])('refuses %j', (v) => expect(parseMoney(v)).toBeNull());
});

describe('dates: year first, and only inside 2000 … today + 2 years', () => {
  const rules = { today: '2026-03-02', field: 'Due date' };
  it.each(['2026年12月5日', '2026/12/5', '2026-12-05', '2026.12.5', '２０２６年１２月５日', '2026 年 12 月 5 日'])('reads %j as 5 December 2026', (v) => {
    expect(readDate(v, rules)).toEqual({ ok: true, date: { y: 2026, m: 12, d: 5 } });
  });
  it('refuses a day- or month-first date as ambiguous, naming the field', () => {
    const r = readDate('12/5/2026', rules);
    expect(r).toEqual({ ok: false, problem: { key: 'validation.dateOrder', params: { field: 'Due date', value: '12/5/2026' } } });
    if (!r.ok)
      expect(t('zh', r.problem.key, { ...r.problem.params, field: '期限' })).toBe('期限：“12/5/2026”可能指两个不同的日子。请先写年份，例如 2026-12-05。');
  });
  it('refuses the year 6125 and a date before 2000 with a message naming the field, in both languages', () => {
    const far = readDate('6125-02-02', rules);
    expect(far.ok).toBe(false);
    if (!far.ok) {
      expect(t('en', far.problem.key, far.problem.params)).toBe('Due date: 6125-02-02 is more than 2 years from today. Check the year.');
      expect(t('zh', far.problem.key, { ...far.problem.params, field: '期限' })).toBe('期限：6125-02-02 距今超过 2 年，请检查年份。');
    }
    const early = readDate('1999-12-31', rules);
    expect(early.ok ? null : early.problem.key).toBe('validation.dateTooEarly');
    expect(readDate('2028-03-02', rules).ok).toBe(true);
    expect(readDate('2028-03-03', rules).ok).toBe(false);
    expect(readDate('2000-01-01', rules).ok).toBe(true);
  });
  it('blank is no date; a non-text value is refused', () => {
    expect(readDate('', rules)).toEqual({ ok: true, date: null });
    expect(readDate(20261205, rules).ok).toBe(false);
  });

  it('the objection form refuses a next step in 6125 and accepts 2026年12月5日', () => {
    const base = {
      customerId: 'C-1',
      raisedAt: '2026-03-01T09:00:00Z',
      type: 'Price',
      details: 'Too expensive',
      cause: '',
      response: '',
      answeredAt: '',
      result: '',
      nextStep: 'Send the price sheet',
      nextStepOwner: 'Ana',
      nextStepDue: '6125-02-02',
    };
    const ctx = { locale: 'en' as const, types: ['Price'], results: [], team: ['Ana'], now: new Date('2026-03-02T02:00:00Z') };
    const bad = checkObjection(base, ctx);
    expect(bad.ok ? null : bad.errors.nextStepDue).toBe('Due date: 6125-02-02 is more than 2 years from today. Check the year.');
    const zh = checkObjection(base, { ...ctx, locale: 'zh' });
    expect(zh.ok ? null : zh.errors.nextStepDue).toBe('期限：6125-02-02 距今超过 2 年，请检查年份。');
    const good = checkObjection({ ...base, nextStepDue: '2026年12月5日' }, ctx);
    expect(good.ok && good.value.nextStepDue).toEqual({ y: 2026, m: 12, d: 5 });
    const old = checkObjection({ ...base, raisedAt: '1999-03-01T09:00:00Z', nextStepDue: '', nextStep: '' }, ctx);
    expect(old.ok ? null : old.errors.raisedAt).toBe('When raised: 1999-03-01 is before 2000. Check the year.');
  });

  it('the follow-up form refuses far-off planned dates and commitments, naming the field', () => {
    const ctx = {
      locale: 'en' as const,
      channels: ['Phone'],
      purposes: ['First contact'],
      stages: [],
      intentions: [],
      nowMs: Date.parse('2026-03-02T02:00:00Z'),
      timeZone: 'Asia/Shanghai',
    };
    const input = {
      customerId: 'C-1',
      channel: 'Phone',
      purpose: 'First contact',
      summary: 'Called',
      doneAt: '',
      nextDate: '6125-02-02',
      commitments: [{ what: 'Quote', due: '2029-01-01' }],
    };
    const r = checkFollowup(input, ctx);
    expect(r.ok ? null : r.errors).toMatchObject({
      nextDate: 'Planned for: 6125-02-02 is more than 2 years from today. Check the year.',
      commitments: 'Due: 2029-01-01 is more than 2 years from today. Check the year.',
    });
    const ok = checkFollowup({ ...input, nextDate: '2026年12月5日', commitments: [{ what: 'Quote', due: '２０２６/４/１' }] }, ctx);
    expect(ok.ok && [ok.value.nextDate, ok.value.commitments[0].due]).toEqual(['2026-12-05', '2026-04-01']);
  });
});

describe('a team e-mail cell holds exactly one address', () => {
  it('refuses two addresses with a message, and the member keeps no e-mail', () => {
    expect(checkSingleEmail('ana@x.com, eve@outside.example')).toEqual({ key: 'validation.oneEmail', params: { count: 2 } });
    expect(t('zh', 'validation.oneEmail', { count: 2 })).toBe('这里只能填写一个邮箱地址（现在有 2 个）。');
    const [ana, bo] = parseTeam([
      { team_name: 'Ana', team_email: 'ana@x.com, eve@outside.example', team_role: 'Rep' },
      { team_name: 'Bo', team_email: 'ＢＯ＠x.com', team_role: 'Manager' },
    ]);
    expect(ana).toMatchObject({ email: '', emailProblem: { key: 'validation.oneEmail' } });
    expect(bo).toMatchObject({ email: 'bo@x.com', role: 'manager' });
    expect(checkSingleEmail('not an address')?.key).toBe('validation.oneEmail');
    expect(checkSingleEmail('ana@x')?.key).toBe('validation.email');
  });
});

describe('survey scores go through the same number parser', () => {
  it('refuse a hex or exponent score and read full-width digits', async () => {
    const { readResponse, surveySettings, referenceCodeFromBytes } = await import('../../src/core/survey');
    const code = referenceCodeFromBytes(Array.from({ length: 11 }, (_, i) => (37 + i * 11) % 248));
    const sent = {
      round: 'R1',
      kind: 'after_delivery' as const,
      customerId: 'C-1',
      code,
      locale: 'zh' as const,
      status: 'sent' as const,
      deliveredAt: 0,
      sentAt: 1,
      reminderAt: null,
      answeredAt: null,
    };
    const ctx = { sendsByCode: new Map([[code, sent]]), answeredCodes: new Set<string>(), settings: surveySettings(), timeZone: 'Asia/Shanghai' };
    const r = readResponse(
      { answers: { service_quality: '0x4', solution_effect: '5e0', response_speed: '４', teamwork: '5', reference_code: code }, submittedAt: 2 },
      ctx,
    );
    expect(r.invalid.sort()).toEqual(['service_quality', 'solution_effect']);
    expect(r.scores.response_speed).toBe(4);
  });
});
