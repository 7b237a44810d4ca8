/**
 * Who is running Sales Desk right now, and what they may do: the one current-user service. The
 * rules are core's (core/customers/team: resolveMember, hasManagerRights); this reads what they
 * need — the team list (Settings), the e-mail Google reports, and the user's own "I am …" choice
 * (their user properties).
 */
import { chosenMemberRef, hasManagerRights, resolveMember, type TeamMember } from '../../core/customers/team';
import { normalizeEmail } from '../../core/validation/rules';
import { readTeam } from './admin';
import type { Workbook } from './workbook';

/** User property: the chosen member's e-mail, or `name:<name>` for a member listed without one. */
export const ME_PROPERTY = 'salesdesk.me';

/**
 * What Google says the user's e-mail is ('' when it will not say: consumer accounts, simple
 * triggers; https://developers.google.com/apps-script/reference/base/session#getActiveUser()).
 */
export function googleEmail(): string {
  try {
    return normalizeEmail(Session.getActiveUser().getEmail() || '');
  } catch (_e) {
    return '';
  }
}

/** The user's "I am …" choice ('' when none, or when user properties cannot be read). */
export function chosenRef(): string {
  try {
    return PropertiesService.getUserProperties().getProperty(ME_PROPERTY) ?? '';
  } catch (_e) {
    return '';
  }
}

export interface CurrentUser {
  team: TeamMember[];
  /** The team member the user is, or null. */
  me: TeamMember | null;
  /** Google's e-mail for the user ('' when hidden). */
  email: string;
  /** True when the user picked themselves with "I am …". */
  chosen: boolean;
  /** Manager rights (never from "I am …"). */
  manager: boolean;
  /** The name to write as "created by": the member's name, else the e-mail. */
  by: string;
}

/** The current user on this workbook's team. */
export function currentUser(wb: Workbook): CurrentUser {
  const team = readTeam(wb);
  const email = googleEmail();
  const ref = chosenRef();
  const me = resolveMember(team, email, ref);
  return { team, me, email, chosen: ref !== '', manager: hasManagerRights(team, email), by: me?.name || email };
}

/** Remembers that the user is `member` ("I am …"). */
export function chooseMember(member: TeamMember): void {
  PropertiesService.getUserProperties().setProperty(ME_PROPERTY, chosenMemberRef(member));
}
