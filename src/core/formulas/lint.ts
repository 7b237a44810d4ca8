/**
 * A small formula lint: every function on the allow-list, every named range known, every
 * `{column}` placeholder pointing at a declared column, parentheses and quotes balanced, and
 * none of the constructs HyperFormula does not support (constant arrays `{…}`, 3D references).
 */
import { isAllowedFunction } from './allowlist';

export interface LintProblem {
  code: 'function' | 'name' | 'placeholder' | 'syntax' | 'unsupported';
  message: string;
}

export interface LintOptions {
  /** Named ranges a formula may use; when absent, names are not checked. */
  knownNames?: ReadonlySet<string>;
  /** Resolves a `{key}` / `{tab.key}` placeholder; return false for an unknown column. */
  placeholder?: (tabKey: string | null, columnKey: string) => boolean;
}

export interface Token {
  kind: 'string' | 'sheet' | 'placeholder' | 'ident' | 'number' | 'op' | 'lparen' | 'rparen' | 'comma' | 'other';
  text: string;
}

/** Splits a formula into tokens; strings and quoted sheet names are single tokens. */
export function tokenize(formula: string): { tokens: Token[]; problems: LintProblem[] } {
  const tokens: Token[] = [];
  const problems: LintProblem[] = [];
  const s = formula.startsWith('=') ? formula.slice(1) : formula;
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      let closed = false;
      while (j < s.length) {
        if (s[j] === ch) {
          if (s[j + 1] === ch) {
            j += 2;
            continue;
          }
          closed = true;
          break;
        }
        j++;
      }
      if (!closed) problems.push({ code: 'syntax', message: `Unclosed ${ch === '"' ? 'string' : 'sheet name'} at ${i}` });
      tokens.push({ kind: ch === '"' ? 'string' : 'sheet', text: s.slice(i, j + 1) });
      i = j + 1;
    } else if (ch === '{') {
      const m = /^\{([a-z][a-z0-9_]*)(?:\.([a-z][a-z0-9_]*))?\}/.exec(s.slice(i));
      if (m) {
        tokens.push({ kind: 'placeholder', text: m[0] });
        i += m[0].length;
      } else {
        problems.push({ code: 'unsupported', message: `Constant array or bad placeholder at ${i}: HyperFormula has no constant arrays` });
        tokens.push({ kind: 'other', text: ch });
        i++;
      }
    } else if (/[A-Za-z_$]/.test(ch)) {
      const m = /^[A-Za-z_$][A-Za-z0-9_.$]*(?::[$A-Za-z0-9]+)?!?/.exec(s.slice(i))!;
      tokens.push({ kind: 'ident', text: m[0] });
      i += m[0].length;
    } else if (/[0-9.]/.test(ch)) {
      const m = /^[0-9.]+(?:[eE][+-]?[0-9]+)?(?::[$A-Za-z0-9]+)?/.exec(s.slice(i))!;
      tokens.push({ kind: 'number', text: m[0] });
      i += m[0].length;
    } else if (ch === '(') {
      tokens.push({ kind: 'lparen', text: ch });
      i++;
    } else if (ch === ')') {
      tokens.push({ kind: 'rparen', text: ch });
      i++;
    } else if (ch === ',') {
      tokens.push({ kind: 'comma', text: ch });
      i++;
    } else if (/\s/.test(ch)) {
      i++;
    } else {
      tokens.push({ kind: /[-+*/^&=<>%!:]/.test(ch) ? 'op' : 'other', text: ch });
      i++;
    }
  }
  return { tokens, problems };
}

const CELL_REF = /^\$?[A-Z]{1,3}\$?[0-9]*(?::\$?[A-Z]{1,3}\$?[0-9]*)?$/;

export function lintFormula(formula: string, opts: LintOptions = {}): LintProblem[] {
  const { tokens, problems } = tokenize(formula);
  let depth = 0;
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k];
    const next = tokens[k + 1];
    if (tok.kind === 'lparen') depth++;
    if (tok.kind === 'rparen') {
      depth--;
      if (depth < 0) problems.push({ code: 'syntax', message: 'Unbalanced ")"' });
    }
    if (tok.kind === 'other') problems.push({ code: 'syntax', message: `Unexpected character "${tok.text}"` });
    if (tok.kind === 'placeholder' && opts.placeholder) {
      const m = /^\{([a-z0-9_]+)(?:\.([a-z0-9_]+))?\}$/.exec(tok.text)!;
      const ok = m[2] ? opts.placeholder(m[1], m[2]) : opts.placeholder(null, m[1]);
      if (!ok) problems.push({ code: 'placeholder', message: `Unknown column ${tok.text}` });
    }
    if (tok.kind === 'ident') {
      if (next && next.kind === 'lparen') {
        if (!isAllowedFunction(tok.text)) {
          problems.push({ code: 'function', message: `${tok.text} is not on the allow-list of functions both engines evaluate alike` });
        }
      } else if (tok.text.endsWith('!')) {
        if (tok.text.includes(':')) problems.push({ code: 'unsupported', message: `3D reference ${tok.text}` });
      } else if (CELL_REF.test(tok.text.toUpperCase()) && /[0-9:]/.test(tok.text)) {
        // A1 reference or range
      } else if (/^(TRUE|FALSE)$/i.test(tok.text)) {
        // boolean literal: the local runtime defines TRUE/FALSE (platform facts D2)
      } else if (opts.knownNames && !opts.knownNames.has(tok.text)) {
        problems.push({ code: 'name', message: `Unknown name ${tok.text}` });
      }
    }
  }
  if (depth > 0) problems.push({ code: 'syntax', message: 'Unbalanced "("' });
  return problems;
}
