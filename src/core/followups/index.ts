/** The follow-up tracker's pure rules: input checks, Today model, digest, status reference (issue 6). */
export * from './input';
export * from './today';
export * from './digest';
export * from './status';
export * from './plan';
