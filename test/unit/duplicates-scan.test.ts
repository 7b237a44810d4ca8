/**
 * One save's duplicate check is one pass over the register (findDuplicates), with shortcuts that
 * skip rows which cannot match before normalising them; an import's many checks use the index
 * (DuplicateIndex). Both must find exactly the same customers, whatever the spelling.
 */
import { describe, expect, it } from 'vitest';
import { DuplicateIndex, findDuplicates, type ExistingCustomer } from '../../src/core/customers/duplicates';

const NAMES = [
  'Acme Co., Ltd.',
  'ACME',
  '  acme (group) ',
  'Ａｃｍｅ Inc',
  'e\u0301cole Lyon', // e + combining accent: NFKC makes it é
  'École Lyon',
  '上海明远科技有限公司',
  '上海明远科技',
  '.Dot & Co',
  'dot',
  "O'Brien Ltd",
  'obrien',
  'Beta Corporation',
  'beta corp',
  '',
];
const PHONES = [
  '+86 138 0013 8000',
  '138-0013-8000',
  '021 6234 5678',
  '+86 21 6234 5678',
  '555 0101 x12',
  '5550101',
  '+1 555 0100 ext. 7',
  '555-0100',
  '',
  '12345',
];
const EMAILS = ['buyer@acme.com', ' BUYER@acme.com ', 'x@y.cn', ''];

function register(): ExistingCustomer[] {
  const out: ExistingCustomer[] = [];
  let row = 2;
  for (const name of NAMES)
    for (const phone of PHONES.slice(0, 4)) out.push({ row: row++, id: `C-${String(row).padStart(6, '0')}`, name, phone, email: EMAILS[row % EMAILS.length] });
  for (const phone of PHONES) out.push({ row: row++, id: '', name: `Other ${row}`, phone, email: '' });
  return out;
}

describe('the duplicate check of one save', () => {
  const existing = register();
  const index = new DuplicateIndex(existing);
  const records = [
    ...NAMES.map((name) => ({ name })),
    ...PHONES.map((phone) => ({ name: 'nobody', phone })),
    ...EMAILS.map((email) => ({ name: 'nobody', email })),
    { name: 'école lyon', phone: '+86 13800138000', email: 'BUYER@ACME.COM' },
    { name: 'Ecole Lyon' },
  ];

  it.each(records.map((r) => [JSON.stringify(r), r] as const))('finds what the index finds: %s', (_label, rec) => {
    expect(findDuplicates(rec, existing)).toEqual(index.find(rec));
  });

  it('finds something at all (the comparison is not vacuous), and leaves the record itself out', () => {
    expect(findDuplicates({ name: 'acme' }, existing).length).toBeGreaterThan(4);
    expect(findDuplicates({ name: 'école lyon' }, existing).map((d) => d.name)).toEqual(expect.arrayContaining(['e\u0301cole Lyon', 'École Lyon']));
    expect(findDuplicates({ phone: '5550101' }, existing).length).toBeGreaterThan(0);
    const self = existing[0];
    expect(findDuplicates(self, existing, self.id).some((d) => d.id === self.id)).toBe(false);
    expect(findDuplicates(self, existing, undefined, self.row).some((d) => d.row === self.row)).toBe(false);
  });
});
