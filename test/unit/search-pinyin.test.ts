/**
 * Issue 12 "search that finds": Chinese names by pinyin and its initials, the owner on every hit,
 * and the total count past the limit ("N more, type more to narrow").
 */
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, searchCustomerResult, searchCustomers, searchHit, searchIndex, SEARCH_KEYS, type Searchable } from '../../src/core/customers/search';
import { t } from '../../src/core/i18n';

const row = (n: number, name: string, extra: Partial<Searchable['values']> = {}): Searchable => ({
  row: n + 1,
  values: { customer_id: `C-${String(n).padStart(6, '0')}`, name, contact_name: '', phone: '', email: '', owner: 'Ana Lima', ...extra },
});

const register = [
  row(1, '宏图科技有限公司', { contact_name: '王小明', owner: '李娜' }),
  row(2, '重庆长安汽车'),
  row(3, '中国银行深圳分行'),
  row(4, '厦门航空'),
  row(5, '曾氏食品', { contact_name: '单丽' }),
  row(6, '旻天软件'),
  row(7, 'Acme Trading Ltd.', { contact_name: 'Bo Chen', email: 'bo@acme.com', phone: '+86 138-0013-8000' }),
  row(8, '绿地集团'),
  row(9, '宏达 IT 服务'),
  row(10, '图宏贸易'),
];
const names = (q: string) => searchCustomers(register, q, 20).map((r) => String(r.values.name));

describe('pinyin', () => {
  it.each([
    ['hongtu', '宏图科技有限公司'],
    ['ht', '宏图科技有限公司'],
    ['htkj', '宏图科技有限公司'],
    ['hongtukeji', '宏图科技有限公司'],
    ['hong tu', '宏图科技有限公司'],
    ['HongTu', '宏图科技有限公司'],
    ['ｈｏｎｇｔｕ', '宏图科技有限公司'],
    ['chongqing', '重庆长安汽车'],
    ['cqca', '重庆长安汽车'],
    ['changan', '重庆长安汽车'],
    ['yinhang', '中国银行深圳分行'],
    ['zgyh', '中国银行深圳分行'],
    ['xiamen', '厦门航空'],
    ['zeng', '曾氏食品'],
    ['shanli', '曾氏食品'],
    ['mintian', '旻天软件'],
    ['lvdi', '绿地集团'],
    ['ludi', '绿地集团'],
    ['hdit', '宏达 IT 服务'],
    ['wangxiaoming', '宏图科技有限公司'],
    ['wxm', '宏图科技有限公司'],
  ])('%s finds %s', (q, name) => {
    expect(names(q)).toContain(name);
  });

  it('matches whole syllables or their starts in order, not letters scattered across a name', () => {
    expect(names('hongtu')).not.toContain('图宏贸易');
    expect(names('tuhong')).toEqual(['图宏贸易']);
    expect(names('hongtuo')).toEqual([]);
    expect(names('ongtu')).toEqual([]);
  });

  it('keeps the other ways of finding a customer', () => {
    expect(names('acme ltd')).toEqual(['Acme Trading Ltd.']);
    expect(names('13800138000')).toEqual(['Acme Trading Ltd.']);
    expect(names('bo@acme')).toEqual(['Acme Trading Ltd.']);
    expect(names('宏图')).toEqual(['宏图科技有限公司']);
    expect(names('C-000004')).toEqual(['厦门航空']);
  });
});

describe('what a hit carries', () => {
  it('reads the owner with the other search columns, and the sidebar gets it with every hit', () => {
    expect(SEARCH_KEYS).toContain('owner');
    const [hit] = searchCustomers(register, 'hongtu', 5);
    expect(searchHit(hit)).toEqual({ id: 'C-000001', name: '宏图科技有限公司', contact: '王小明', owner: '李娜' });
  });

  it('returns the total past the limit, for "N more, type more to narrow"', () => {
    const many = Array.from({ length: 57 }, (_, i) => row(i + 1, `宏图${i + 1}号`));
    const r = searchCustomerResult(many, 'ht', 10);
    expect(r.hits).toHaveLength(10);
    expect(r.total).toBe(57);
    expect(r.more).toBe(47);
    expect(t('en', 'search.more', { count: r.more })).toBe('47 more — type more to narrow the list.');
    expect(t('zh', 'search.more', { count: r.more })).toBe('还有 47 个——多输入几个字可缩小范围。');
    // An exact name comes first even when it is far down the sheet.
    const exact = searchCustomerResult([...many, row(99, 'ht')], 'ht', 10);
    expect(exact.hits[0].values.name).toBe('ht');
    expect(exact.total).toBe(58);
  });

  it('one index serves several queries (as a page typing letter by letter would)', () => {
    const index = buildSearchIndex(register);
    // h: 宏 (twice), 行 and 航 (hang), 宏 of 图宏, and the h of the contact "Bo Chen"; ho…: the three 宏.
    expect(['h', 'ho', 'hon', 'hong', 'hongt', 'hongtu'].map((q) => searchIndex(index, q, 50).total)).toEqual([6, 3, 3, 3, 1, 1]);
  });
});

describe('a register of 20,000 customers', () => {
  it('finds every customer whose name was built from 宏图, and only those, counting them all', () => {
    const syllables = ['华', '信', '达', '安', '恒', '鑫', '源', '科', '技', '贸', '易', '物', '流', '电', '子', '机', '械'];
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    const rows: Searchable[] = [];
    let planted = 0;
    for (let i = 1; i <= 20_000; i++) {
      let name = Array.from({ length: 3 + rnd(4) }, () => syllables[rnd(syllables.length)]).join('');
      if (i % 401 === 0) {
        name = `${name.slice(0, 2)}宏图${name.slice(2)}`;
        planted++;
      }
      rows.push(row(i, name));
    }
    const r = searchCustomerResult(rows, 'hongtu', 20);
    expect(r.total).toBe(planted);
    expect(r.hits.every((h) => String(h.values.name).includes('宏图'))).toBe(true);
  });
});
