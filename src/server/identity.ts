/**
 * "I am …": which member of the team list the current user is (DESIGN principle 8). The rule is
 * core's (core/customers/team: Google's e-mail when it is on the list, else the user's own
 * choice, which never grants manager rights); the records layer reads what it needs
 * (records/people.ts). This module is the sidebar and the page's API.
 */
import { t } from '../core/i18n';
import { findMember, memberByEmail, type TeamMember } from '../core/customers/team';
import { currentLocale } from './locale';
import { chooseMember, currentUser, openWorkbook, readTeam } from './records';
import { showSidebar } from './host';

/** The team member the current user is, or null (not chosen, and Google's e-mail is not on the list). */
export function whoAmI(): TeamMember | null {
  return currentUser(openWorkbook()).me;
}

/**
 * Sidebar API: the user says which team member they are, by e-mail (or by name for a member
 * listed without one). Untrusted input: it must name a member of the team list.
 */
export function setWhoIAm(emailOrName: string): TeamMember {
  const locale = currentLocale();
  if (typeof emailOrName !== 'string' || !emailOrName.trim() || emailOrName.length > 320) {
    throw new Error(t(locale, 'error.badArgument', { detail: 'team member' }));
  }
  const team = readTeam(openWorkbook());
  const m = memberByEmail(team, emailOrName) ?? findMember(team, emailOrName);
  if (!m) throw new Error(t(locale, 'identity.notInTeam'));
  chooseMember(m);
  return m;
}

/** What the "I am …" page shows: the team, who the user is now, and the e-mail Google gave. */
export interface IdentityInfo {
  team: TeamMember[];
  me: TeamMember | null;
  chosen: boolean;
  email: string;
}

export function getIdentityInfo(): IdentityInfo {
  const { team, me, chosen, email } = currentUser(openWorkbook());
  return { team, me, chosen, email };
}

/** Menu action: the "I am …" sidebar. */
export function showIdentity(): void {
  const locale = currentLocale();
  const page = HtmlService.createTemplateFromFile('Identity');
  page.locale = locale;
  showSidebar(page.evaluate(), t(locale, 'identity.title'));
}
