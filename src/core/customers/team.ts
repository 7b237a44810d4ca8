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
import { checkSingleEmail, normalizeEmail, type Problem } from '../validation/rules';

export type TeamRole = 'rep' | 'manager';

export interface TeamMember {
  name: string;
  /** Lower-case e-mail, '' when the list has none, or when its cell does not hold exactly one valid address. */
  email: string;
  role: TeamRole;
  /** Why the e-mail cell was not taken (two addresses, not an address): set-up and the Settings check report it. */
  emailProblem?: Problem;
}

/**
 * Members from raw Settings rows; rows without a name are skipped, the first of a repeated name
 * wins. An e-mail cell must hold exactly one valid address (checkSingleEmail): `ana@x.com,
 * eve@outside.example` is not Ana's address, so no digest goes there and nobody is recognised by
 * it; the member keeps no e-mail and carries the problem, for the Settings check to show.
 */
export function parseTeam(rows: readonly { team_name?: unknown; team_email?: unknown; team_role?: unknown }[]): TeamMember[] {
  const out: TeamMember[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const name = String(r.team_name ?? '').trim();
    if (!name || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    const role = listItemKey('role', r.team_role) === 'manager' ? 'manager' : 'rep';
    const raw = r.team_email == null ? '' : String(r.team_email);
    const emailProblem = checkSingleEmail(raw);
    out.push(emailProblem ? { name, email: '', role, emailProblem } : { name, email: normalizeEmail(raw), role });
  }
  return out;
}

/** The team list's e-mail cells that were not taken, by member name (for the Settings check and set-up's report). */
export function teamEmailProblems(team: readonly TeamMember[]): { name: string; problem: Problem }[] {
  return team.filter((m) => m.emailProblem).map((m) => ({ name: m.name, problem: m.emailProblem! }));
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

const foldName = (v: string) => v.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The short names a member goes by: the first word of a name written in words ("Ana" of "Ana
 * Lima"), and for a name written in Chinese characters the given name after a one- or
 * two-character family name ("小明" of "王小明", "娜娜" of "欧阳娜娜").
 */
function firstNames(name: string): string[] {
  const v = foldName(name);
  const words = v.split(' ');
  if (words.length > 1) return [words[0]];
  if (/^\p{Script=Han}{2,4}$/u.test(v)) return v.length === 4 ? [v.slice(1), v.slice(2)] : [v.slice(1)];
  return [];
}

export type OwnerMatch = { member: TeamMember } | { ambiguous: TeamMember[] } | null;

/**
 * Who an owner cell or field names: the full name or e-mail (findMember), else a first name that
 * exactly one member has ("Ana" → Ana Lima). Two members with that first name: ambiguous, and
 * both are named so the user can write the full name. Null: nobody on the team.
 */
export function matchOwner(team: readonly TeamMember[], raw: string): OwnerMatch {
  const exact = findMember(team, raw.normalize('NFKC'));
  if (exact) return { member: exact };
  const v = foldName(raw);
  if (!v) return null;
  const hits = team.filter((m) => firstNames(m.name).includes(v));
  if (hits.length === 1) return { member: hits[0] };
  return hits.length > 1 ? { ambiguous: hits } : null;
}

/** The user properties' "I am …" choice: the member's e-mail, or `name:<name>` for a member listed without one. */
export function chosenMemberRef(m: TeamMember): string {
  return m.email || `name:${m.name}`;
}

/**
 * Whom "I am …" may offer (issue 13, DESIGN principle 8): when Google gives the user's e-mail,
 * only the member with that e-mail (none when it is on no row: an outside editor claims nobody);
 * when Google hides it, only reps listed without an e-mail — never a manager, and never a rep
 * whose e-mail would identify someone else.
 */
export function claimableMembers(team: readonly TeamMember[], googleEmail: string): TeamMember[] {
  const e = normalizeEmail(googleEmail);
  if (e) return team.filter((m) => m.email === e);
  // A rep whose e-mail cell was refused (two addresses, not an address) is listed with an address
  // all the same: the cell names someone, so a hidden user cannot take that row either.
  return team.filter((m) => m.role === 'rep' && !m.email && !m.emailProblem);
}

/**
 * Who the user is on the team: Google's e-mail when it is on the list, else their "I am …" choice;
 * null when neither. With `{ strict: true }` a remembered choice counts only while it is one of
 * claimableMembers (a choice of the manager, or made before Google reported an e-mail, is void).
 */
export function resolveMember(team: readonly TeamMember[], googleEmail: string, chosenRef: string, opts: { strict?: boolean } = {}): TeamMember | null {
  const byGoogle = memberByEmail(team, googleEmail);
  if (byGoogle) return byGoogle;
  if (!chosenRef) return null;
  const chosen = chosenRef.startsWith('name:') ? findMember(team, chosenRef.slice(5)) : memberByEmail(team, chosenRef);
  if (!chosen || !opts.strict) return chosen;
  return claimableMembers(team, googleEmail).includes(chosen) ? chosen : null;
}

/**
 * Manager rights (switching reminders, the whole team's Today, snoozing anyone's follow-up): the
 * e-mail Google reports is a manager's on the team list — a manager row whose e-mail cell is not
 * one valid address matches nobody, and "I am …" never counts. While the list names no manager yet (a
 * workbook being set up), whoever runs Sales Desk has them, so a team can get started.
 */
export function hasManagerRights(team: readonly TeamMember[], googleEmail: string): boolean {
  const m = memberByEmail(team, googleEmail);
  if (m) return m.role === 'manager';
  return !team.some((x) => x.role === 'manager');
}
