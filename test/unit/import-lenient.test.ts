/**
 * Issue 12's import leniency: an unknown value of an optional dropdown is imported blank with a
 * warning (the row is not rejected), and an owner typed as a first name that exactly one team
 * member has is accepted; two such members is a rejection that names both.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/core/import/csv';
import { guessMapping } from '../../src/core/import/headers';
import { planImport } from '../../src/core/import/plan';
import { matchOwner, parseTeam } from '../../src/core/customers/team';
import { validateCustomer } from '../../src/core/customers/validate';
import { LISTS } from '../../src/core/lists';
import { t } from '../../src/core/i18n';

const lists = Object.fromEntries(LISTS.map((l) => [l.key, l.items.map((i) => i.label.en)]));
const team = parseTeam([
  { team_name: 'Ana Lima', team_email: 'ana@example.com', team_role: 'Rep' },
  { team_name: 'Ana Souza', team_email: 'asouza@example.com', team_role: 'Rep' },
  { team_name: 'Bo Chen', team_email: 'bo@example.com', team_role: 'Manager' },
  { team_name: '王小明', team_email: 'wang@example.com', team_role: 'Rep' },
]);

function plan(csv: string) {
  const [head, ...records] = parseCsv(csv);
  return planImport({ records, mapping: guessMapping(head.cells), existing: [], ctx: { lists, team }, mode: 'skip', lenient: true });
}

describe('unknown optional dropdown values', () => {
  it('are imported blank with a warning that names the value and the allowed ones', () => {
    const p = plan('Company,Industry,Source,Owner\nAcme,Space mining,Trade show,Bo Chen\nBeta,Retail & consumer,Carrier pigeon,\n');
    expect(p.reject).toEqual([]);
    expect(p.add.map((a) => [a.record.name, a.record.industry, a.record.source])).toEqual([
      ['Acme', '', 'Trade show'],
      ['Beta', 'Retail & consumer', ''],
    ]);
    expect(p.warned.map((w) => [w.line, w.problems.map((x) => x.field)])).toEqual([
      [2, ['industry']],
      [3, ['source']],
    ]);
    const w = p.warned[0].problems[0].problem;
    expect(t('en', w.key, w.params)).toMatch(/^“Space mining” is not in the list, so this field was left blank\. Allowed: Manufacturing \/ /);
    expect(t('zh', w.key, w.params)).toMatch(/^“Space mining”不在选项中，此项已留空。/);
  });

  it('still reject a row whose real problem is elsewhere, and never blank a required field', () => {
    const p = plan('Company,Industry,Employees\n,Space mining,12\nAcme,Space mining,lots\n');
    expect(p.reject.map((r) => [r.line, r.problems.map((x) => x.field)])).toEqual([
      [2, ['name']],
      [3, ['employees']],
    ]);
  });

  it('are still refused outside the import (the form offers only the list)', () => {
    const r = validateCustomer({ name: 'Acme', industry: 'Space mining' }, { lists, team });
    expect(r.errors.industry?.key).toBe('validation.list');
  });
});

describe('owners by first name', () => {
  it('accepts a first name that exactly one member has, and a Chinese given name', () => {
    expect(matchOwner(team, 'bo')).toEqual({ member: team[2] });
    expect(matchOwner(team, '小明')).toEqual({ member: team[3] });
    expect(matchOwner(team, 'Ana Souza')).toEqual({ member: team[1] });
    const p = plan('Company,Owner\nAcme,Bo\nBeta,小明\n');
    expect(p.add.map((a) => a.record.owner)).toEqual(['Bo Chen', '王小明']);
  });

  it('rejects a first name two members share, naming both', () => {
    expect(matchOwner(team, 'Ana')).toEqual({ ambiguous: [team[0], team[1]] });
    const p = plan('Company,Owner\nAcme,ana\n');
    expect(p.add).toEqual([]);
    const problem = p.reject[0].problems[0];
    expect(problem.field).toBe('owner');
    expect(t('en', problem.problem.key, problem.problem.params)).toBe('“ana” matches more than one team member (Ana Lima, Ana Souza). Write the full name.');
    expect(t('zh', problem.problem.key, problem.problem.params)).toBe('“ana”与多位团队成员相符（Ana Lima, Ana Souza），请填写全名。');
  });

  it('imports an owner who is nobody on the team blank, with a warning', () => {
    const p = plan('Company,Owner\nAcme,Zed\n');
    expect(p.add[0].record.owner).toBe('');
    expect(p.warned[0].problems[0]).toMatchObject({ field: 'owner', problem: { key: 'validation.listBlanked' } });
  });
});
