export { ALLOWED_FUNCTIONS, isAllowedFunction } from './allowlist';
export { lintFormula, tokenize, type LintProblem, type LintOptions } from './lint';
export { resolveFormula, sameFormula, columnLetter, columnNumber, sheetRef, UnresolvedColumnError, type ResolveContext } from './resolve';
