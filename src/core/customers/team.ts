/**
 * The team list (Settings tab: team_name, team_email, team_role). It feeds the owner dropdown
 * and "I am …". Pure: the server reads the rows, this turns them into members.
 */
import { listItemKey } from '../lists';
import { normalizeEmail } from '../validation/rules';

export type TeamRole = 'rep' | 'manager';

export interface TeamMember {
  name: string;
  /** Lower-case e-mail, '' when the list has none. */
  email: string;
  role: TeamRole;
}

/** Members from raw Settings rows; rows without a name are skipped, the first of a repeated name wins. */
export function parseTeam(rows: readonly { team_name?: unknown; team_email?: unknown; team_role?: unknown }[]): TeamMember[] {
  const out: TeamMember[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const name = String(r.team_name ?? '').trim();
    if (!name || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    const role = listItemKey('role', r.team_role) === 'manager' ? 'manager' : 'rep';
    out.push({ name, email: normalizeEmail(String(r.team_email ?? '')), role });
  }
  return out;
}

/** The member with this e-mail (case-insensitive), or null. */
export function memberByEmail(team: readonly TeamMember[], email: string): TeamMember | null {
  const e = normalizeEmail(email);
  if (!e) return null;
  return team.find((m) => m.email === e) ?? null;
}

/** The member named `raw` or with e-mail `raw` (how owners appear in pasted CSV files), or null. */
export function findMember(team: readonly TeamMember[], raw: string): TeamMember | null {
  const v = raw.trim().toLowerCase();
  if (!v) return null;
  return team.find((m) => m.name.toLowerCase() === v) ?? team.find((m) => m.email && m.email === v) ?? null;
}
