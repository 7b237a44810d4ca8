/**
 * One feature's messages in both languages. The Chinese half is typed against the English
 * keys, so a missing translation is a compile error. Keys are stable; `{name}` marks a parameter.
 */
export function defineMessages<const E extends Record<string, string>>(
  en: E,
  zh: { readonly [K in keyof E]: string },
): { en: E; zh: { readonly [K in keyof E]: string } } {
  return { en, zh };
}
