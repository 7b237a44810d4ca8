/** Moved to src/server/records/locate.ts; kept so set-up's imports keep working until the merge. */
export * from '../records/locate';
