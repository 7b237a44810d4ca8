/**
 * Loads dist/Code.js the way Apps Script does: all of the project's code shares one global
 * scope whose top-level function declarations are callable by name.
 *
 * The bundle runs in this Node realm (not a separate vm context) on purpose: values it gets
 * from the local services — Dates from getValues, arrays — must pass `instanceof Date` and
 * `Array.isArray` checks in the add-in exactly as they do on Google's servers. Node's own
 * globals (require, process, Buffer, …) are shadowed so that code relying on them fails here
 * as it would in Apps Script.
 */

/** Node globals Apps Script does not have. */
const SHADOWED = ['require', 'module', 'exports', 'process', 'Buffer', 'global', 'setImmediate', '__dirname', '__filename', 'fetch'];

export interface LoadedBundle {
  functionNames(): string[];
  call(name: string, args: unknown[]): unknown;
}

export function loadBundle(code: string, globals: Record<string, unknown>): LoadedBundle {
  const names = Object.keys(globals);
  const params = [...names, ...SHADOWED.filter((n) => !names.includes(n))];
  const topLevel = [...code.matchAll(/^function ([A-Za-z_$][\w$]*)\s*\(/gm)].map((m) => m[1]);
  const lookup = `\nreturn { ${topLevel.map((n) => `${JSON.stringify(n)}: ${n}`).join(', ')} };`;
  const factory = new Function(...params, `${code}${lookup}`) as (...a: unknown[]) => Record<string, (...args: unknown[]) => unknown>;
  const fns = factory(...names.map((n) => globals[n]), ...SHADOWED.filter((n) => !names.includes(n)).map(() => undefined));
  return {
    functionNames: () => Object.keys(fns),
    call(name, args) {
      const fn = fns[name];
      if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
      return fn.apply(undefined, args);
    },
  };
}
