/**
 * Issue 13 "roles from Google's word", the core rules: whom "I am …" may offer, a remembered
 * choice that no longer fits, and manager rights only for an e-mail on a manager row.
 */
import { describe, expect, it } from 'vitest';
import { claimableMembers, hasManagerRights, parseTeam, resolveMember, teamEmailProblems } from '../../src/core/customers/team';

const team = parseTeam([
  { team_name: 'Mia Wang', team_email: 'mia@example.com', team_role: 'Manager' },
  { team_name: 'Ana Lee', team_email: 'ana@example.com', team_role: 'Rep' },
  { team_name: 'Bo Chen', team_email: '', team_role: 'Rep' },
  { team_name: 'Eve Ng', team_email: 'eve@example.com, eve@outside.example', team_role: 'Manager' },
]);
const [mia, ana, bo, eve] = team;

describe('"I am …" offers', () => {
  it('only the member with the e-mail Google gives; nobody to an editor on no row', () => {
    expect(claimableMembers(team, 'ANA@example.com')).toEqual([ana]);
    expect(claimableMembers(team, 'stranger@example.com')).toEqual([]);
  });
  it('when Google hides the e-mail, only reps listed without one — never a manager', () => {
    expect(claimableMembers(team, '')).toEqual([bo]);
  });
  it('strictly, a remembered choice of the manager (or of a member with an e-mail) is void when Google hides the e-mail', () => {
    expect(resolveMember(team, '', 'mia@example.com', { strict: true })).toBeNull();
    expect(resolveMember(team, '', 'ana@example.com', { strict: true })).toBeNull();
    expect(resolveMember(team, '', 'name:Bo Chen', { strict: true })).toEqual(bo);
    expect(resolveMember(team, 'stranger@example.com', 'name:Bo Chen', { strict: true })).toBeNull();
    expect(resolveMember(team, 'mia@example.com', 'name:Bo Chen', { strict: true })).toEqual(mia);
  });
});

describe('manager rights', () => {
  it('need the e-mail Google gives to be on a manager row; a cell with two addresses matches nobody', () => {
    expect(hasManagerRights(team, 'mia@example.com')).toBe(true);
    expect(hasManagerRights(team, 'ana@example.com')).toBe(false);
    expect(hasManagerRights(team, '')).toBe(false);
    expect(hasManagerRights(team, 'eve@example.com')).toBe(false);
    expect(hasManagerRights(team, 'eve@outside.example')).toBe(false);
    expect(eve.email).toBe('');
    expect(teamEmailProblems(team)).toEqual([{ name: 'Eve Ng', problem: { key: 'validation.oneEmail', params: { count: 2 } } }]);
  });
});
