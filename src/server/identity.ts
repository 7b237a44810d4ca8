/**
 * "I am …": which member of the team list the current user is (DESIGN principle 8). The rule is
 * core's (core/customers/team: Google's e-mail when it is on the list, else the user's own
 * choice, which never grants manager rights); the records layer reads what it needs
 * (records/people.ts). This module is the sidebar and the page's API.
 */
import { t } from '../core/i18n';
import { findMember, memberByEmail, type TeamMember } from '../core/customers/team';
import { currentLocale } from './locale';
import { chooseMember, currentUser, openWorkbook } from './records';
import { showSidebar } from './host';

/** The team member the current user is, or null (not chosen, and Google's e-mail is not on the list). */
export function whoAmI(): TeamMember | null {
  return currentUser(openWorkbook()).me;
}

/**
 * Sidebar API: the user says which team member they are, by e-mail (or by name for a member
 * listed without one). Untrusted input: it must name a member "I am …" may offer this user
 * (core/customers/team claimableMembers): when Google gives the e-mail, only its member; when
 * Google hides it, a rep listed without an e-mail — never a manager.
 */
export function setWhoIAm(emailOrName: string): TeamMember {
  const locale = currentLocale();
  if (typeof emailOrName !== 'string' || !emailOrName.trim() || emailOrName.length > 320) {
    throw new Error(t(locale, 'error.badArgument', { detail: 'team member' }));
  }
  const { team, email, claimable } = currentUser(openWorkbook());
  const m = memberByEmail(team, emailOrName) ?? findMember(team, emailOrName);
  if (!m) throw new Error(t(locale, 'identity.notInTeam'));
  if (!claimable.includes(m)) {
    if (email) throw new Error(t(locale, claimable.length ? 'identity.googleDecides' : 'identity.noneOffered', { email }));
    throw new Error(t(locale, 'identity.onlyRepsWithoutEmail'));
  }
  chooseMember(m);
  return m;
}

/** What the "I am …" page shows: whom it may offer, who the user is now, and the e-mail Google gave. */
export interface IdentityInfo {
  /** The members "I am …" may offer this user. */
  team: TeamMember[];
  /** True when the team list has any member (so an empty offer is explained rightly). */
  hasTeam: boolean;
  me: TeamMember | null;
  chosen: boolean;
  email: string;
}

export function getIdentityInfo(): IdentityInfo {
  const { team, claimable, me, chosen, email } = currentUser(openWorkbook());
  return { team: claimable, hasTeam: team.length > 0, me, chosen, email };
}

/** Menu action: the "I am …" sidebar. */
export function showIdentity(): void {
  const locale = currentLocale();
  const page = HtmlService.createTemplateFromFile('Identity');
  page.locale = locale;
  showSidebar(page.evaluate(), t(locale, 'identity.title'));
}
