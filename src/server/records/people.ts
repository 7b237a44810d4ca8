/**
 * Who is running Sales Desk right now, and what they may do: the one current-user service. The
 * rules are core's (core/customers/team: resolveMember, hasManagerRights); this reads what they
 * need — the team list (Settings), the e-mail Google reports, and the user's own "I am …" choice
 * (their user properties).
 */
import { t } from '../../core/i18n';
import { chosenMemberRef, claimableMembers, hasManagerRights, memberByEmail, resolveMember, type TeamMember } from '../../core/customers/team';
import { normalizeEmail } from '../../core/validation/rules';
import { readTeam } from './admin';
import type { Workbook } from './workbook';
import { currentLocale } from '../locale';

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
  /** True when Google's e-mail names the member (not only "I am …"). */
  verified: boolean;
  /** Whom "I am …" may offer this user (core/customers/team claimableMembers). */
  claimable: TeamMember[];
  /** Manager rights (never from "I am …"). */
  manager: boolean;
  /**
   * Who wrote a row, as Google reports them: the member's name when Google's e-mail is on the
   * team list, else that e-mail; when Google hides it, the "I am …" choice marked as not
   * confirmed by Google (so a row never looks written by someone Google did not vouch for).
   */
  by: string;
}

/** The current user on this workbook's team. */
export function currentUser(wb: Workbook): CurrentUser {
  const team = readTeam(wb);
  const email = googleEmail();
  const ref = chosenRef();
  // Strict: a remembered choice counts only while "I am …" could still offer it (a choice of a
  // manager, or of a member whom an e-mail identifies, is void: issue 13).
  const me = resolveMember(team, email, ref, { strict: true });
  const verified = !!me && memberByEmail(team, email) === me;
  const by = verified ? me.name : email || (me ? t(currentLocale(), 'identity.byUnconfirmed', { name: me.name }) : '');
  return { team, me, email, chosen: ref !== '', verified, claimable: claimableMembers(team, email), manager: hasManagerRights(team, email), by };
}

/** Remembers that the user is `member` ("I am …"). */
export function chooseMember(member: TeamMember): void {
  PropertiesService.getUserProperties().setProperty(ME_PROPERTY, chosenMemberRef(member));
}
