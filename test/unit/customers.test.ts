import { describe, expect, it } from 'vitest';
import { intentionOf } from '../../src/core/customers/intention';
import { allocateIds, formatCustomerId, highestIdNumber, parseCustomerId } from '../../src/core/customers/ids';
import { canonicalListValue, parseTick, pickCustomerInput, validateCustomer, type ValidationContext } from '../../src/core/customers/validate';
import { DuplicateIndex, canSaveAnyway, findDuplicates, samePhone, type ExistingCustomer } from '../../src/core/customers/duplicates';
import { findMember, memberByEmail, parseTeam } from '../../src/core/customers/team';
import { LISTS } from '../../src/core/lists';
import { t } from '../../src/core/i18n';

const lists = (locale: 'en' | 'zh') => Object.fromEntries(LISTS.map((l) => [l.key, l.items.map((i) => i.label[locale])]));
const team = parseTeam([
  { team_name: 'Ana Lee', team_email: 'Ana@Example.com', team_role: 'Rep' },
  { team_name: 'Bo Chen', team_email: 'bo@example.com', team_role: '经理' },
  { team_name: '', team_email: 'nobody@example.com' },
  { team_name: 'ana lee', team_email: 'dup@example.com' },
]);
const ctx: ValidationContext = { lists: lists('en'), team };

describe('intention level (seed 002)', () => {
  it('is High with need and budget, Medium with need only, Low otherwise', () => {
    expect(intentionOf(true, true)).toBe('high');
    expect(intentionOf(true, false)).toBe('medium');
    expect(intentionOf(false, false)).toBe('low');
    // a budget without a confirmed need is still Low
    expect(intentionOf(false, true)).toBe('low');
  });
});

describe('customer IDs', () => {
  it('formats and parses C-000123', () => {
    expect(formatCustomerId(123)).toBe('C-000123');
    expect(formatCustomerId(1234567)).toBe('C-1234567');
    expect(parseCustomerId('C-000123')).toBe(123);
    expect(parseCustomerId(' c-42 ')).toBe(42);
    expect(parseCustomerId('X-1')).toBeNull();
    expect(parseCustomerId('')).toBeNull();
    expect(parseCustomerId(null)).toBeNull();
  });

  it('continues after the highest of the sheet and the remembered counter, never reusing a number', () => {
    expect(highestIdNumber(['C-000003', 'C-000010', 'junk', '', 'C-000007'])).toBe(10);
    // the last customer (C-000012) was deleted: the counter still remembers it
    expect(highestIdNumber(['C-000003', 'C-000010'], 12)).toBe(12);
    expect(allocateIds(12, 3)).toEqual(['C-000013', 'C-000014', 'C-000015']);
    expect(allocateIds(0, 1)).toEqual(['C-000001']);
  });
});

describe('team list', () => {
  it('skips blank names and repeated names, lower-cases e-mails, reads roles in either language', () => {
    expect(team).toEqual([
      { name: 'Ana Lee', email: 'ana@example.com', role: 'rep' },
      { name: 'Bo Chen', email: 'bo@example.com', role: 'manager' },
    ]);
    expect(memberByEmail(team, ' ANA@example.com ')?.name).toBe('Ana Lee');
    expect(memberByEmail(team, '')).toBeNull();
    expect(findMember(team, 'bo chen')?.email).toBe('bo@example.com');
    expect(findMember(team, 'bo@example.com')?.name).toBe('Bo Chen');
    expect(findMember(team, 'Carl')).toBeNull();
  });
});

describe('customer record validation', () => {
  it('accepts a complete record and cleans it for the sheet', () => {
    const { record, errors } = validateCustomer(
      {
        name: '  Acme Ltd ',
        industry: '制造业',
        employees: '1,200',
        annual_revenue: '¥3,500,000.50',
        phone: '+86 138  0013 8000',
        email: ' Buyer@Acme.COM ',
        source: 'trade show',
        need_confirmed: true,
        budget_confirmed: false,
        stage: '2 Needs analysis',
        owner: 'bo@example.com',
      },
      ctx,
    );
    expect(errors).toEqual({});
    expect(record).toMatchObject({
      name: 'Acme Ltd',
      industry: 'Manufacturing',
      employees: 1200,
      annual_revenue: 3500000.5,
      phone: '+86 138 0013 8000',
      email: 'buyer@acme.com',
      source: 'Trade show',
      need_confirmed: true,
      budget_confirmed: false,
      stage: '2 Needs analysis',
      owner: 'Bo Chen',
      notes: '',
    });
  });

  it('reports one problem per field, as message keys', () => {
    const { errors } = validateCustomer(
      { name: ' ', email: 'not-an-email', phone: '12ab', employees: '2.5', annual_revenue: '-3', stage: 'Maybe', owner: 'Carl' },
      ctx,
    );
    expect(errors.name?.key).toBe('validation.required');
    expect(errors.email?.key).toBe('validation.email');
    expect(errors.phone?.key).toBe('validation.phone');
    expect(errors.employees?.key).toBe('customers.wholeNumber');
    expect(errors.annual_revenue).toEqual({ key: 'validation.min', params: { min: 0 } });
    expect(errors.stage?.key).toBe('validation.list');
    expect(errors.owner?.key).toBe('customers.ownerNotInTeam');
    expect(t('zh', errors.email!.key)).toContain('邮箱');
  });

  it('accepts the team’s own list values and maps built-in labels of the other language', () => {
    const custom: ValidationContext = { lists: { ...lists('zh'), industry: [...lists('zh').industry, '新能源'] }, team };
    expect(validateCustomer({ name: 'x', industry: '新能源' }, custom).record.industry).toBe('新能源');
    expect(validateCustomer({ name: 'x', industry: 'Healthcare' }, custom).record.industry).toBe('医疗健康');
    expect(canonicalListValue('stage', lists('en').stage, 'won')).toBe('Won');
    expect(canonicalListValue('stage', lists('en').stage, 'nope')).toBeNull();
  });

  it('keeps text that looks like a formula as typed (the workbook layer stores it as text)', () => {
    expect(validateCustomer({ name: '=HYPERLINK("http://evil")' }, ctx).record.name).toBe('=HYPERLINK("http://evil")');
  });

  it('refuses text too long for a short field', () => {
    expect(validateCustomer({ name: 'x'.repeat(501) }, ctx).errors.name?.key).toBe('validation.tooLong');
    expect(validateCustomer({ name: 'x', needs: 'y'.repeat(2000) }, ctx).errors).toEqual({});
  });

  it('reads ticks from forms and from CSV cells', () => {
    for (const v of [true, 'yes', 'TRUE', '1', 'x', '是', '✓']) expect(parseTick(v), String(v)).toBe(true);
    for (const v of [false, '', 'no', '0', '否', undefined]) expect(parseTick(v), String(v)).toBe(false);
  });

  it('keeps only known fields of an untrusted object', () => {
    expect(pickCustomerInput({ name: 'A', created_by: 'me', customer_id: 'C-1', employees: 5, need_confirmed: true, stage: { x: 1 } })).toEqual({
      name: 'A',
      employees: '5',
      need_confirmed: true,
    });
    expect(pickCustomerInput(null)).toEqual({});
    expect(pickCustomerInput(['a'])).toEqual({});
  });
});

describe('duplicates', () => {
  const existing: ExistingCustomer[] = [
    { row: 2, id: 'C-000001', name: 'Acme Co., Ltd.', email: 'buyer@acme.com', phone: '+86 138 0013 8000' },
    { row: 3, id: 'C-000002', name: '上海明远科技有限公司', email: '', phone: '(021) 6234-5678' },
    { row: 4, id: '', name: 'Typed In Sheet', email: 'typed@x.com', phone: '' },
  ];

  it('matches the same e-mail regardless of case and spaces', () => {
    expect(findDuplicates({ name: 'Zeta', email: ' BUYER@acme.com' }, existing)).toEqual([{ row: 2, id: 'C-000001', name: 'Acme Co., Ltd.', on: ['email'] }]);
  });

  it('matches phones written differently, with or without a country or area code', () => {
    expect(samePhone('+86 138 0013 8000', '138-0013-8000')).toBe(true);
    expect(samePhone('(021) 6234-5678', '6234 5678')).toBe(true);
    expect(samePhone('021 6234 5678', '+86 21 6234 5678')).toBe(true);
    expect(samePhone('1234567', '91234567')).toBe(false); // the shorter has fewer than 8 digits
    expect(samePhone('', '')).toBe(false);
    expect(findDuplicates({ name: 'Q', phone: '13800138000' }, existing).map((d) => d.on)).toEqual([['phone']]);
  });

  it('matches normalised company names (case, width, punctuation, legal suffixes)', () => {
    expect(findDuplicates({ name: 'ACME' }, existing).map((d) => d.id)).toEqual(['C-000001']);
    expect(findDuplicates({ name: '上海明远科技' }, existing).map((d) => d.id)).toEqual(['C-000002']);
    expect(findDuplicates({ name: 'Ａｃｍｅ Inc' }, existing).map((d) => d.id)).toEqual(['C-000001']);
    expect(findDuplicates({ name: 'Acme Robotics' }, existing)).toEqual([]);
  });

  it('lists every matching field, finds rows without an ID, and leaves out the record being edited', () => {
    expect(findDuplicates({ name: 'acme', email: 'buyer@acme.com', phone: '138 0013 8000' }, existing)[0].on).toEqual(['email', 'phone', 'name']);
    expect(findDuplicates({ name: 'typed in sheet' }, existing)).toEqual([{ row: 4, id: '', name: 'Typed In Sheet', on: ['name'] }]);
    expect(findDuplicates({ name: 'Acme', email: 'buyer@acme.com' }, existing, 'C-000001')).toEqual([]);
    expect(new DuplicateIndex(existing).find({ name: 'typed in sheet' }, undefined, 4)).toEqual([]);
  });

  it('offers "save anyway" for name or phone matches, never for the same e-mail', () => {
    expect(canSaveAnyway(findDuplicates({ name: 'Acme' }, existing))).toBe(true);
    expect(canSaveAnyway(findDuplicates({ name: 'Q', phone: '13800138000' }, existing))).toBe(true);
    expect(canSaveAnyway(findDuplicates({ name: 'Q', email: 'buyer@acme.com' }, existing))).toBe(false);
  });

  it('stays fast on a large register (index, not a scan per candidate)', () => {
    const many: ExistingCustomer[] = Array.from({ length: 20_000 }, (_, i) => ({
      row: i + 2,
      id: formatCustomerId(i + 1),
      name: `Company ${i}`,
      email: `c${i}@x.com`,
      phone: `+1 555 ${String(i).padStart(7, '0')}`,
    }));
    const idx = new DuplicateIndex(many);
    expect(idx.find({ name: 'company 19999' }).map((d) => d.id)).toEqual(['C-020000']);
    expect(idx.find({ email: 'c5@x.com' }).map((d) => d.id)).toEqual(['C-000006']);
    expect(idx.find({ phone: '555-0000123' }).map((d) => d.id)).toEqual(['C-000124']);
  });
});
