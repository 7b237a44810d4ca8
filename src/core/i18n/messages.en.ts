/**
 * The English message catalogue. Every text a user sees goes through here (or through a
 * Localized value in the schema). Keys are stable; `{name}` marks a parameter.
 */
export const en = {
  'app.name': 'Sales Desk',
  'app.tagline': 'A sales CRM inside your shared spreadsheet.',
  'menu.setup': 'Set up workbook',
  'menu.about': 'About Sales Desk',
  'about.title': 'About Sales Desk',
  'about.version': 'Version {version}',
  'about.language': 'Language',
  'about.user': 'Signed in as',
  'about.userUnknown': 'Google did not share your e-mail address with this add-in.',
  'about.description':
    'Customer register, follow-ups, objections and satisfaction surveys for a small sales team, all in this spreadsheet.',
  'about.close': 'Close',
  'common.loading': 'Loading…',
  'common.saving': 'Saving…',
  'common.error': 'Something went wrong: {message}',
  'common.cancel': 'Cancel',
  'common.close': 'Close',
  'error.internal': 'Sales Desk hit an unexpected problem. Nothing was changed. Details: {message}',
  'error.badArgument': 'Sales Desk received invalid input: {detail}',
} as const;

export type MessageKey = keyof typeof en;
