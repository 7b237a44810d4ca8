/**
 * Set-up fills the Playbook tab once and then leaves the manager's lines alone.
 */
import { describe, expect, it } from 'vitest';
import { createLocalRuntime, type LocalRuntime } from '../../src/local';
import { getTab } from '../../src/core/schema';
import { PLAYBOOK_LINES } from '../../src/core/playbook';

const PB = getTab('playbook');
const col = (k: string) => PB.columns.findIndex((c) => c.key === k) + 1;

function fresh(locale = 'en'): LocalRuntime {
  const rt = createLocalRuntime({ locale, user: 'boss@example.com', now: new Date('2026-03-02T02:00:00Z') });
  rt.run('setupWorkbook');
  return rt;
}

function rows(rt: LocalRuntime, name: string): unknown[][] {
  return rt.workbook
    .values(name)
    .slice(1)
    .filter((r) => r.some((v) => v !== '' && v !== null));
}

describe('Playbook tab set-up', () => {
  it.each([
    ['en', 'Playbook', 'Itemise the quote: cost against benefit', 'Price'],
    ['zh_CN', '异议应对手册', '拆开报价，算清投入和回报', '价格'],
  ])('writes every built-in line once in the workbook language (%s)', (locale, name, first, type) => {
    const rt = fresh(locale);
    const r = rows(rt, name);
    expect(r).toHaveLength(PLAYBOOK_LINES.length);
    expect(r[0][col('entry_key') - 1]).toBe('price.breakdown');
    expect(r[0][col('technique') - 1]).toBe(first);
    expect(r[0][col('type') - 1]).toBe(type);
    expect(rt.workbook.cellInfo(name, 2, col('type')).validation).not.toBeNull();
  });

  it('keeps a manager’s edit, added line and deletion when set-up runs again', () => {
    const rt = fresh('en');
    const sh = rt.spreadsheet.getSheetByName('Playbook')!;
    // Edit the detail of line 2, delete line 3, add a team line at the bottom, sort nothing.
    expect(rt.workbook.setCellFromUser('Playbook', 3, col('detail'), 'Three instalments; finance agreed in May.')).toEqual({ ok: true });
    const deletedKey = String(sh.getRange(4, col('entry_key')).getValue());
    sh.deleteRow(4);
    const last = sh.getLastRow();
    sh.getRange(last + 1, col('type'), 1, 5).setValues([['Price', 'ROI calculator', 'Use the sheet in the shared drive', 'our team', 'Li']]);
    const before = rt.workbook.values('Playbook');
    rt.run('setupWorkbook');
    expect(rt.workbook.values('Playbook')).toEqual(before);
    const keys = rows(rt, 'Playbook').map((r) => r[col('entry_key') - 1]);
    expect(keys).not.toContain(deletedKey);
    expect(rows(rt, 'Playbook')).toHaveLength(PLAYBOOK_LINES.length);
  });

  it('flags overdue unanswered objections with a conditional format, once', () => {
    const rt = fresh('en');
    const sh = rt.spreadsheet.getSheetByName('Objections')!;
    expect(sh.getConditionalFormatRules()).toHaveLength(1);
    rt.run('setupWorkbook');
    expect(sh.getConditionalFormatRules()).toHaveLength(1);
    const OB = getTab('objections');
    const oc = (k: string) => OB.columns.findIndex((c) => c.key === k) + 1;
    sh.getRange(2, oc('objection_id'), 2, 1).setValues([['O-000001'], ['O-000002']]);
    // Raised 30 h ago and 2 h ago (the clock is 2026-03-02T02:00Z); none answered.
    sh.getRange(2, oc('raised_at'), 2, 1).setValues([[new Date('2026-02-28T20:00:00Z')], [new Date('2026-03-02T00:00:00Z')]]);
    expect(
      sh
        .getRange(2, oc('answer_overdue'), 3, 1)
        .getValues()
        .map((r) => r[0]),
    ).toEqual([true, false, '']);
    expect(rt.workbook.conditionalFormatAt('Objections', 2, oc('customer_name'))?.background).toBe('#fce8e6');
    expect(rt.workbook.conditionalFormatAt('Objections', 3, oc('customer_name'))).toBeNull();
    // Answered: no longer flagged.
    sh.getRange(2, oc('answered_at')).setValue(new Date('2026-03-01T10:00:00Z'));
    expect(sh.getRange(2, oc('answer_overdue')).getValue()).toBe(false);
    expect(rt.workbook.conditionalFormatAt('Objections', 2, oc('customer_name'))).toBeNull();
    expect(rt.workbook.formulaErrors()).toEqual([]);
  });
});
