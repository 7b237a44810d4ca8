/** Cadence rules and spreadsheet-time-zone arithmetic for the follow-up tracker (issue 6). */
export * from './time';
export * from './rules';
export * from './next';
