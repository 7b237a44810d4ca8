/**
 * "I am …": which member of the team list the current user is (DESIGN principle 8).
 * Session.getActiveUser().getEmail() can be blank for co-workers on consumer accounts
 * (https://developers.google.com/apps-script/reference/base/session#getActiveUser()), so each
 * user picks themselves once; the choice lives in their user properties. Until they do, their
 * e-mail is used when Google tells it and it is on the team list.
 *
 * Later features (Today view, reminders) call whoAmI().
 */
import { t } from '../core/i18n';
import { findMember, memberByEmail, type TeamMember } from '../core/customers/team';
import { normalizeEmail } from '../core/validation/rules';
import { currentLocale } from './locale';
import { openTabs } from './workbook';
import { readTeam } from './customers-store';

/** User property: the chosen member's e-mail, or `name:<name>` for a member listed without one. */
export const ME_PROPERTY = 'salesdesk.me';

/** What Google says the user's e-mail is ('' when it will not say). */
export function activeUserEmail(): string {
  try {
    return normalizeEmail(Session.getActiveUser().getEmail() || '');
  } catch (_e) {
    return '';
  }
}

function chosenRef(): string {
  try {
    return PropertiesService.getUserProperties().getProperty(ME_PROPERTY) ?? '';
  } catch (_e) {
    return '';
  }
}

/** Who the user is in a team list already read (saves reading Settings twice in one operation). */
export function resolveMe(team: readonly TeamMember[]): TeamMember | null {
  const ref = chosenRef();
  if (ref) {
    const m = ref.startsWith('name:') ? findMember(team, ref.slice(5)) : memberByEmail(team, ref);
    if (m) return m;
  }
  return memberByEmail(team, activeUserEmail());
}

/** The team member the current user is, or null (not chosen, and Google's e-mail is not on the list). */
export function whoAmI(): TeamMember | null {
  return resolveMe(readTeam(openTabs(['settings'])));
}

/** True when the user picked themselves (rather than being matched by e-mail). */
export function hasChosenIdentity(): boolean {
  return chosenRef() !== '';
}

/**
 * Sidebar API: the user says which team member they are, by e-mail (or by name for a member
 * listed without one). Untrusted input: it must name a member of the team list.
 */
export function setWhoIAm(emailOrName: unknown): TeamMember {
  const locale = currentLocale();
  if (typeof emailOrName !== 'string' || !emailOrName.trim() || emailOrName.length > 320) {
    throw new Error(t(locale, 'error.badArgument', { detail: 'team member' }));
  }
  const team = readTeam(openTabs(['settings']));
  const m = memberByEmail(team, emailOrName) ?? findMember(team, emailOrName);
  if (!m) throw new Error(t(locale, 'identity.notInTeam'));
  PropertiesService.getUserProperties().setProperty(ME_PROPERTY, m.email || `name:${m.name}`);
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
  const team = readTeam(openTabs(['settings']));
  return { team, me: resolveMe(team), chosen: hasChosenIdentity(), email: activeUserEmail() };
}

/** Menu action: the "I am …" sidebar. */
export function showIdentity(): void {
  const locale = currentLocale();
  const page = HtmlService.createTemplateFromFile('Identity');
  page.locale = locale;
  SpreadsheetApp.getUi().showSidebar(page.evaluate().setTitle(t(locale, 'identity.title')));
}
