/** Tiering and cadence rules: script-maintained values, formula reference, deal input. */
export * from './dates';
export * from './values';
export * from './rules';
export * from './reference';
export * from './deal-input';
