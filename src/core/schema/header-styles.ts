/**
 * The header looks every tab declaration shares, in one file of their own so the tab files
 * (tabs.ts and the ones it imports) use the same three without an import cycle.
 */
import type { HeaderStyle } from './types';

/** A log tab's input columns. */
export const LOG_HEADER: HeaderStyle = { background: '#1a73e8', fontColor: '#ffffff', bold: true };
/** Tabs Sales Desk keeps (Settings, Lists, the Reminder log, Stage history …). */
export const ADMIN_HEADER: HeaderStyle = { background: '#5f6368', fontColor: '#ffffff', bold: true };
/** Computed columns of a log tab: the log colour turned inside out (light fill, blue text), so they read as "filled for you". */
export const COMPUTED_HEADER: HeaderStyle = { background: '#e8f0fe', fontColor: '#1a73e8', bold: true };
