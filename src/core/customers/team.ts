/**
 * The team list (Settings tab: team_name, team_email, team_role): it feeds the owner dropdown,
 * "I am …" and the manager's rights. Pure: the server reads the rows, these rules decide.
 *
 * Who a user is (DESIGN principle 8): the e-mail Google reports decides, when it is on the team
 * list. Google hides it for some co-workers (consumer accounts, simple triggers:
 * https://developers.google.com/apps-script/reference/base/session#getActiveUser()), so a user
 * may say once which member they are ("I am …"); that only fills the gap, and never grants
 * manager rights.
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

/** The user properties' "I am …" choice: the member's e-mail, or `name:<name>` for a member listed without one. */
export function chosenMemberRef(m: TeamMember): string {
  return m.email || `name:${m.name}`;
}

/** Who the user is on the team: Google's e-mail when it is on the list, else their "I am …" choice; null when neither. */
export function resolveMember(team: readonly TeamMember[], googleEmail: string, chosenRef: string): TeamMember | null {
  const byGoogle = memberByEmail(team, googleEmail);
  if (byGoogle) return byGoogle;
  if (!chosenRef) return null;
  return chosenRef.startsWith('name:') ? findMember(team, chosenRef.slice(5)) : memberByEmail(team, chosenRef);
}

/**
 * Manager rights (switching reminders, the whole team's Today, snoozing anyone's follow-up): the
 * e-mail Google reports is a manager's on the team list. While the list names no manager yet (a
 * workbook being set up), whoever runs Sales Desk has them, so a team can get started.
 */
export function hasManagerRights(team: readonly TeamMember[], googleEmail: string): boolean {
  const m = memberByEmail(team, googleEmail);
  if (m) return m.role === 'manager';
  return !team.some((x) => x.role === 'manager');
}
