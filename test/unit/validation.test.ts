import { describe, expect, it } from 'vitest';
import {
  checkEmail,
  checkPhone,
  checkDate,
  checkNumber,
  checkInList,
  checkRequired,
  checkLength,
  normalizeName,
  normalizePhone,
  normalizeEmail,
  parseLooseDate,
  parseIsoDate,
} from '../../src/core/validation/rules';

describe('e-mail', () => {
  it.each(['ana@example.com', 'li.wei+crm@sub.example.cn', ' Ana@Example.COM '])('accepts %s', (v) => {
    expect(checkEmail(v)).toBeNull();
  });
  it.each(['ana@', 'ana example.com', 'ana@example', '@example.com', 'ana@@example.com', '张三@公司'])('refuses %s', (v) => {
    expect(checkEmail(v)?.key).toBe('validation.email');
  });
  it('treats an empty field as not an error (required is checked separately)', () => {
    expect(checkEmail('  ')).toBeNull();
    expect(checkRequired('  ')?.key).toBe('validation.required');
  });
  it('normalises case and spaces for duplicate checks', () => {
    expect(normalizeEmail(' Ana@Example.COM ')).toBe('ana@example.com');
  });
});

describe('phone', () => {
  it.each(['+86 138 0013 8000', '(021) 6234-5678', '138-0013-8000', '021-62345678 转 8001', '+1 (415) 555-0100 ext. 12'])('accepts %s', (v) =>
    expect(checkPhone(v)).toBeNull(),
  );
  it.each(['12345', 'call me', '138-0013-8000-1234-5678', '=HYPERLINK("x")'])('refuses %s', (v) => {
    expect(checkPhone(v)?.key).toBe('validation.phone');
  });
  it('reduces formatting so the same number matches', () => {
    expect(normalizePhone('+86 138-0013-8000')).toBe('+8613800138000');
    expect(normalizePhone('021-62345678 转 8001')).toBe('02162345678');
  });
});

describe('dates', () => {
  it('reads unambiguous year-first dates in the forms teams paste', () => {
    expect(parseLooseDate('2026-03-05')).toEqual({ y: 2026, m: 3, d: 5 });
    expect(parseLooseDate('2026/3/5')).toEqual({ y: 2026, m: 3, d: 5 });
    expect(parseLooseDate('2026年3月5日')).toEqual({ y: 2026, m: 3, d: 5 });
  });
  it('refuses ambiguous or impossible dates instead of guessing', () => {
    expect(parseLooseDate('03/05/2026')).toBeNull();
    expect(parseIsoDate('2026-02-30')).toBeNull();
    expect(checkDate('05.03.26')?.key).toBe('validation.date');
    expect(checkDate('2026-13-01')?.key).toBe('validation.date');
  });
});

describe('numbers and lists', () => {
  it('accepts amounts with currency signs and separators, and enforces bounds', () => {
    expect(checkNumber('¥1,200,000')).toBeNull();
    expect(checkNumber('abc')?.key).toBe('validation.number');
    expect(checkNumber('6', { min: 1, max: 5 })).toEqual({ key: 'validation.max', params: { max: 5 } });
    expect(checkNumber('0', { min: 1, max: 5 })).toEqual({ key: 'validation.min', params: { min: 1 } });
  });
  it('names the allowed values when a value is not in the list', () => {
    expect(checkInList('Maybe', ['High', 'Medium', 'Low'])).toEqual({
      key: 'validation.list',
      params: { allowed: 'High / Medium / Low' },
    });
    expect(checkInList('High', ['High', 'Medium', 'Low'])).toBeNull();
  });
  it('refuses text longer than a cell holds', () => {
    expect(checkLength('x'.repeat(50_001))?.key).toBe('validation.tooLong');
    expect(checkLength('x'.repeat(50_000))).toBeNull();
  });
});

describe('company names for duplicate detection', () => {
  it('treats spellings of the same company as one', () => {
    expect(normalizeName('Acme Co., Ltd.')).toBe(normalizeName('ACME'));
    expect(normalizeName('ＡＣＭＥ  Inc')).toBe('acme');
    expect(normalizeName('上海星河科技有限公司')).toBe(normalizeName('上海星河科技'));
    expect(normalizeName('北京 蓝海 集团')).toBe('北京蓝海');
  });
  it('keeps different companies apart', () => {
    expect(normalizeName('Acme Trading')).not.toBe(normalizeName('Acme'));
    expect(normalizeName('Coca')).toBe('coca'); // "co" is a suffix only as a separate word
  });
});
