/**
 * The satisfaction survey's pure core (issue 14): the form template, reference codes, who is
 * due, reading answers, the measures' reference computations and the e-mails. The server
 * (Forms, MailApp, the Survey sends and Survey responses tabs) calls these and decides nothing.
 */
export * from './settings';
export * from './read-settings';
export * from './lists';
export * from './template';
export * from './codes';
export * from './sends';
export * from './selection';
export * from './answers';
export * from './kpis';
export * from './email';
export * from './formulas';
