import { describe, expect, it } from 'vitest';
import { parseCsv, sniffDelimiter } from '../../src/core/import/csv';
import { guessField, guessMapping } from '../../src/core/import/headers';
import { inputFromCells, planImport } from '../../src/core/import/plan';
import { parseTeam } from '../../src/core/customers/team';
import { LISTS } from '../../src/core/lists';
import type { ExistingCustomer } from '../../src/core/customers/duplicates';

const ctx = {
  lists: Object.fromEntries(LISTS.map((l) => [l.key, l.items.map((i) => i.label.zh)])),
  team: parseTeam([{ team_name: '李娜', team_email: 'li@example.com', team_role: '销售代表' }]),
};

describe('CSV parsing', () => {
  it('reads quotes, doubled quotes, line breaks in quotes, CRLF, a BOM, and drops blank lines keeping line numbers', () => {
    const text = '\uFEFFname,notes\r\n"Acme, Inc.","said ""hi""\r\nthen left"\r\n\r\n,\r\nBeta,x\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['name', 'notes'] },
      { line: 2, cells: ['Acme, Inc.', 'said "hi"\nthen left'] },
      { line: 6, cells: ['Beta', 'x'] },
    ]);
  });

  it('sniffs tab (pasted from a spreadsheet) and semicolon delimiters', () => {
    expect(sniffDelimiter('名称\t电话\t邮箱\nA\t1\t2')).toBe('\t');
    expect(sniffDelimiter('name;phone\nA;1')).toBe(';');
    expect(sniffDelimiter('"a;b",c\n')).toBe(',');
    expect(parseCsv('名称\t电话\nA公司\t138')).toEqual([
      { line: 1, cells: ['名称', '电话'] },
      { line: 2, cells: ['A公司', '138'] },
    ]);
  });
});

describe('header guessing', () => {
  it('knows English headers, the register’s own headers and common variants', () => {
    expect(guessMapping(['Company Name', 'E-mail Address', 'Mobile', 'Contact Person', 'Job Title', 'Lead source', 'Remarks', 'Unknown'])).toEqual([
      'name',
      'email',
      'phone',
      'contact_name',
      'contact_title',
      'source',
      'notes',
      '',
    ]);
    expect(guessField('Customer name*')).toBe('name');
    expect(guessField('NEED CONFIRMED')).toBe('need_confirmed');
    expect(guessField('Annual revenue (USD)')).toBe('annual_revenue');
  });

  it('knows Chinese headers, full-width punctuation included', () => {
    expect(
      guessMapping([
        '客户名称',
        '所属行业',
        '员工人数',
        '年营收（元）',
        '联系人',
        '职务',
        '手机号',
        '电子邮箱',
        '来源渠道',
        '需求已确认',
        '预算已确认',
        '销售阶段',
        '负责人',
        '备注',
      ]),
    ).toEqual([
      'name',
      'industry',
      'employees',
      'annual_revenue',
      'contact_name',
      'contact_title',
      'phone',
      'email',
      'source',
      'need_confirmed',
      'budget_confirmed',
      'stage',
      'owner',
      'notes',
    ]);
    expect(guessField('公司名称')).toBe('name');
    expect(guessField('邮箱：')).toBe('email');
  });

  it('maps a field to its first column only', () => {
    expect(guessMapping(['电话', '手机'])).toEqual(['phone', '']);
  });
});

describe('import plan', () => {
  const existing: ExistingCustomer[] = [{ row: 2, id: 'C-000001', name: '上海明远科技有限公司', email: 'buy@my.cn', phone: '021 6234 5678' }];
  const mapping = guessMapping(['客户名称', '邮箱', '电话', '负责人', '需求已确认', '备注']);
  const rec = (line: number, ...cells: string[]) => ({ line, cells });
  const records = [
    rec(2, '北京星辰', 'xc@bj.cn', '010 1234 5678', '李娜', '是', ''),
    rec(3, '坏邮箱公司', 'not-mail', '', '', '', ''),
    rec(4, '上海明远科技', '', '', '', '', '老客户'),
    rec(5, '北京星辰有限公司', '', '', '', '', '重复'),
    rec(6, '=cmd|calc', '', '', '王五', '', ''),
    rec(7, '', 'x@y.cn', '', '', '', ''),
  ];

  it('adds valid rows, rejects each bad row with its reasons, skips duplicates of the register and of earlier lines', () => {
    const plan = planImport({ records, mapping, existing, ctx, mode: 'skip' });
    expect(plan.add.map((a) => a.line)).toEqual([2]);
    expect(plan.add[0].record).toMatchObject({ name: '北京星辰', owner: '李娜', need_confirmed: true, email: 'xc@bj.cn' });
    expect(plan.reject).toEqual([
      { line: 3, problems: [{ field: 'email', problem: { key: 'validation.email' } }] },
      { line: 6, problems: [{ field: 'owner', problem: { key: 'customers.ownerNotInTeam', params: { allowed: '李娜' } } }] },
      { line: 7, problems: [{ field: 'name', problem: { key: 'validation.required' } }] },
    ]);
    expect(plan.skip).toEqual([
      { line: 4, id: 'C-000001', row: 2, duplicateOfLine: null, on: ['name'] },
      { line: 5, id: '', row: null, duplicateOfLine: 2, on: ['name'] },
    ]);
    expect(plan.merge).toEqual([]);
  });

  it('merges by filling only the blanks of the existing customer (and of an earlier line)', () => {
    const values = new Map([[2, { name: '上海明远科技有限公司', email: 'buy@my.cn', notes: '', phone: '021 6234 5678' }]]);
    const plan = planImport({ records, mapping, existing, existingValues: values, ctx, mode: 'merge' });
    expect(plan.merge).toEqual([{ line: 4, row: 2, id: 'C-000001', fills: { notes: '老客户' } }]);
    expect(plan.add).toHaveLength(1);
    // line 5 duplicates line 2 of the file: its note fills line 2's blank note
    expect(plan.add[0].record.notes).toBe('重复');
    expect(plan.skip).toEqual([{ line: 5, id: '', row: null, duplicateOfLine: 2, on: ['name'] }]);
  });

  it('turns a merge that fills nothing into a skip', () => {
    const values = new Map([[2, { name: '上海明远科技有限公司', notes: '已有备注' }]]);
    const plan = planImport({ records: [rec(2, '上海明远科技', '', '', '', '', '老客户')], mapping, existing, existingValues: values, ctx, mode: 'merge' });
    expect(plan.merge).toEqual([]);
    expect(plan.skip).toEqual([{ line: 2, id: 'C-000001', row: 2, duplicateOfLine: null, on: [] }]);
  });

  it('reads cells by the mapping, ignoring unmapped columns', () => {
    expect(inputFromCells(['A', 'x', 'B'], ['name', '', 'notes'])).toEqual({ name: 'A', notes: 'B' });
  });
});
