/**
 * The complaint log's pure core (issue 17): lists, settings, the guided steps and their
 * editable tab, the rules (due times, escalation, repeats, check-in), "what went wrong before",
 * the measures' reference computations and the escalation e-mail.
 */
export * from './lists';
export * from './settings';
export * from './steps';
export * from './steps-tab';
export * from './rules';
export * from './lessons';
export * from './measures';
export * from './email';
export * from './step-log';
export * from './formulas';
export * from './check';
export * from './row';
