/** Deals as a pipeline (issue 15): the deal model, stage history and the dashboard's measures. */
export * from './deal';
export * from './stage-history';
export * from './measures';
export * from './columns';
export * from './measure-formulas';
