/** The local Apps Script services other than SpreadsheetApp; see each module for the model. */
export * from './common';
export * from './html';
export * from './ui';
export * from './properties';
export * from './session';
export * from './lock';
export * from './cache';
export * from './utilities';
export * from './script-app';
export * from './mail';
export * from './forms';
export * from './auth';
