/**
 * Importing customers from CSV on the built bundle: a messy Chinese file gives exactly the
 * expected rows and rejections; a failing import leaves the sheet unchanged.
 */
import { describe, expect, it } from 'vitest';
import { createLocalRuntime, type LocalRuntime } from '../../src/local';

function fresh(locale = 'zh_CN'): LocalRuntime {
  const rt = createLocalRuntime({ locale, user: 'li@example.com', now: new Date('2026-03-02T02:00:00Z') });
  rt.run('setupWorkbook');
  const settings = rt.spreadsheet.getSheets().find((s) => ['Settings', '设置'].includes(s.getName()))!;
  const h = settings.getRange(1, 1, 1, settings.getLastColumn()).getValues()[0].map(String);
  const col = h.findIndex((x) => x === 'Team member' || x === '团队成员') + 1;
  settings.getRange(2, col, 2, 3).setValues([
    ['李娜', 'li@example.com', '销售代表'],
    ['王强', 'wang@example.com', '经理'],
  ]);
  return rt;
}

function sheetName(rt: LocalRuntime): string {
  return rt.spreadsheet
    .getSheets()
    .find((s) => ['Customers', '客户'].includes(s.getName()))!
    .getName();
}

function rows(rt: LocalRuntime): Record<string, unknown>[] {
  const [header, ...data] = rt.workbook.values(sheetName(rt));
  return data.filter((r) => r[0] !== '' || r[1] !== '').map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

/** A file as a team exports it: Chinese headers, blank lines, a quoted multi-line note, bad e-mails, duplicates, a formula. */
const MESSY = [
  '客户名称,联系人,手机号,电子邮箱,所属行业,员工人数,需求已确认,预算已确认,销售阶段,负责人,备注,内部编号',
  '北京星辰科技有限公司,张伟,138 0013 8000,zhang@xingchen.cn,信息技术与软件,120,是,是,2 需求调研,李娜,"展会认识，',
  '对价格敏感",X-1',
  '',
  '杭州云帆,王芳,139-1234-5678,wang@@yunfan,零售与消费,80,是,,,王强,,X-2',
  '   ,   ,   ,   ,   ,   ,   ,   ,   ,   ,   ,   ',
  '上海明远科技,刘洋,021 6234 5678,liu@mingyuan.cn,制造业,3000,,,,李娜,老客户,X-3',
  '北京星辰科技,赵敏,,zhao@xingchen.cn,,,,,,李娜,重复行,X-4',
  '"=HYPERLINK(""http://evil.example"",""点我"")",钱七,,qian@example.cn,,,,,,李娜,,X-5',
  '深圳海岸,孙八,0755 8888 9999,sun@haian.cn,新能源,十,,,,李娜,,X-6',
  ',周九,,zhou@example.cn,,,,,,,,X-7',
  '广州南风,吴十,+86 20 1234 5678,wu@nanfeng.cn,物流,15,1,0,3 方案设计与呈现,wang@example.com,,X-8',
  '',
].join('\r\n');

describe('import of a messy CSV', () => {
  it('previews without writing: guessed mapping, counts, each rejected row with its reason', () => {
    const rt = fresh();
    rt.run('saveCustomer', { name: '上海明远科技有限公司', phone: '021-62345678' });
    const before = JSON.stringify(rt.workbook.values(sheetName(rt)));
    const p = rt.run('previewImport', { text: MESSY, mode: 'skip' });
    expect(p.mapping).toEqual([
      'name',
      'contact_name',
      'phone',
      'email',
      'industry',
      'employees',
      'need_confirmed',
      'budget_confirmed',
      'stage',
      'owner',
      'notes',
      '',
    ]);
    expect(p.counts).toEqual({ add: 3, merge: 0, skip: 2, reject: 3 });
    expect(p.rejected).toEqual([
      { line: 5, reasons: ['邮箱：请输入邮箱地址，例如 name@company.com。'] },
      {
        line: 10,
        reasons: [
          '所属行业：请从以下选项中选择：制造业 / 零售与消费 / 信息技术与软件 / 金融与保险 / 医疗健康 / 教育 / 物流 / 建筑与房地产 / 商业服务 / 政府与公共事业 / 其他。',
          '员工数：请输入数字。',
        ],
      },
      { line: 11, reasons: ['客户名称：此项为必填。'] },
    ]);
    expect(p.skipped).toEqual([
      { line: 7, reasons: ['与 C-000001 是同一客户（电话相同、公司名称相同）'] },
      { line: 8, reasons: ['与第 2 行是同一客户（公司名称相同）'] },
    ]);
    expect(JSON.stringify(rt.workbook.values(sheetName(rt)))).toBe(before);
  });

  it('imports exactly the valid new rows in one block, with IDs after the existing ones and formulas kept as text', () => {
    const rt = fresh();
    rt.run('saveCustomer', { name: '上海明远科技有限公司', phone: '021-62345678' });
    rt.counter.reset();
    const r = rt.run('runImport', { text: MESSY, mode: 'skip' });
    expect(r.ok).toBe(true);
    expect(r.ids).toEqual(['C-000002', 'C-000003', 'C-000004']);
    expect(r.message).toBe('已导入 3 个新客户（C-000002–C-000004），合并 0 个。拒绝 3 行。');
    const all = rows(rt);
    expect(all.map((x) => [x['客户编号'], x['客户名称']])).toEqual([
      ['C-000001', '上海明远科技有限公司'],
      ['C-000002', '北京星辰科技有限公司'],
      ['C-000003', '=HYPERLINK("http://evil.example","点我")'],
      ['C-000004', '广州南风'],
    ]);
    expect(all[1]).toMatchObject({
      联系人: '张伟',
      电话: '138 0013 8000',
      邮箱: 'zhang@xingchen.cn',
      所属行业: '信息技术与软件',
      员工数: 120,
      需求已确认: true,
      预算已确认: true,
      意向等级: '高',
      销售阶段: '2 需求调研',
      负责人: '李娜',
      备注: '展会认识，\n对价格敏感',
      创建人: '李娜',
    });
    expect(all[2]['销售阶段']).toBe('1 触达与初筛');
    expect(all[3]).toMatchObject({ 负责人: '王强', 需求已确认: true, 预算已确认: false, 意向等级: '中', 销售阶段: '3 方案设计与呈现' });
    // the formula-looking name is text: no formula in the cell
    const formulas = rt.workbook.formulas(sheetName(rt));
    expect(formulas[3][1]).toBe('');
    expect(rt.workbook.formulaErrors()).toEqual([]);
    // one block: a handful of setValues whatever the number of rows (4), plus the plans in one
    // batch: one append to Follow-ups and one block of the register's plan columns (issue 12)
    expect(rt.counter.snapshot('SpreadsheetApp')['SpreadsheetApp.Range.setValues']).toBeLessThanOrEqual(6);
  });

  it('merges duplicates by filling only blank fields of the existing customer', () => {
    const rt = fresh();
    rt.run('saveCustomer', { name: '上海明远科技有限公司', phone: '021-62345678', notes: '' });
    rt.run('saveCustomer', { name: '其他公司', notes: '已有备注' });
    const csv = '公司名称,邮箱,备注,员工数\n上海明远科技,liu@mingyuan.cn,老客户,3000\n其他公司,,新备注,\n';
    const r = rt.run('runImport', { text: csv, mode: 'merge' });
    expect(r.counts).toEqual({ add: 0, merge: 1, skip: 1, reject: 0 });
    expect(r.ok).toBe(true);
    const all = rows(rt);
    expect(all).toHaveLength(2);
    expect(all[0]).toMatchObject({ 客户名称: '上海明远科技有限公司', 邮箱: 'liu@mingyuan.cn', 备注: '老客户', 员工数: 3000, 电话: '021-62345678' });
    expect(all[1]).toMatchObject({ 客户名称: '其他公司', 备注: '已有备注' });
  });

  it('uses the mapping the user corrected', () => {
    const rt = fresh('en');
    const csv = 'Firm,Mail\nAcme,a@acme.com\n';
    const guessed = rt.run('previewImport', { text: csv, mode: 'skip' });
    expect(guessed.mapping).toEqual(['', 'email']);
    expect(guessed.error).toBe('No column is mapped to the customer name. Choose which column holds it.');
    const r = rt.run('runImport', { text: csv, mapping: ['name', 'email'], mode: 'skip' });
    expect(r.ids).toEqual(['C-000001']);
    expect(rows(rt)[0]).toMatchObject({ 'Customer name': 'Acme', 'E-mail': 'a@acme.com' });
  });
});

describe('a failing import leaves the sheet unchanged', () => {
  it('when another rep holds the lock too long', () => {
    const rt = fresh();
    rt.run('saveCustomer', { name: '上海明远科技有限公司' });
    const before = JSON.stringify(rt.workbook.values(sheetName(rt)));
    rt.locks.holdFor('document', 'other-rep');
    expect(() => rt.run('runImport', { text: MESSY, mode: 'skip' })).toThrow('其他同事正在保存');
    expect(JSON.stringify(rt.workbook.values(sheetName(rt)))).toBe(before);
  });

  it('when no column holds the name, or the file is empty, or the request is not valid', () => {
    const rt = fresh('en');
    const before = JSON.stringify(rt.workbook.values(sheetName(rt)));
    const r = rt.run('runImport', { text: 'Mail\na@b.com\n', mode: 'skip' });
    expect(r.ok).toBe(false);
    expect(r.message).toContain('No column is mapped to the customer name');
    expect(rt.run('runImport', { text: '\n\n', mode: 'skip' }).message).toContain('nothing to import');
    expect(() => rt.run('runImport', { text: 'a', mode: 'overwrite' })).toThrow(/invalid input/);
    expect(() => rt.run('runImport', { text: 'name\nA', mapping: ['customer_id'], mode: 'skip' })).toThrow(/invalid input/);
    expect(JSON.stringify(rt.workbook.values(sheetName(rt)))).toBe(before);
  });

  it('when a write fails half-way, what was written is put back', () => {
    const rt = fresh('en');
    rt.run('saveCustomer', { name: 'Existing', notes: '' });
    const before = JSON.stringify(rt.workbook.values(sheetName(rt)));
    // The document property store is nearly full (Apps Script allows 500 KB per store), so
    // remembering the last ID, after the rows are written, fails with Google's quota error.
    const saved = rt.save();
    const doc = saved.services.properties.document;
    // (the ID counter is not stored yet, so remembering it adds a key)
    delete doc['salesdesk.seq.customer'];
    let used = Object.entries(doc).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
    for (let i = 0; used < 500 * 1024 - 8; i++) {
      const key = `filler.${i}`;
      const value = 'x'.repeat(Math.min(9 * 1024, 500 * 1024 - 8 - used - key.length));
      doc[key] = value;
      used += key.length + value.length;
    }
    const rt2 = createLocalRuntime({ saved, user: 'li@example.com', locale: 'en' });
    const csv = 'name,notes\nNew One,hello\nExisting,filled by merge\nNew Two,world\n';
    expect(() => rt2.run('runImport', { text: csv, mode: 'merge' })).toThrow(/property storage quota/);
    expect(JSON.stringify(rt2.workbook.values(sheetName(rt2)))).toBe(before);
  });
});
