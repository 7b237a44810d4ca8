/**
 * A promise around google.script.run. In Sheets it is Google's client; in tests and the
 * playground a bridge with the same shape calls the same server functions.
 *
 * `call('saveCustomer', input, options)` takes its argument and result types from the server
 * function exported by src/server/entry.ts (src/server/callable.ts), so a renamed function,
 * a changed field or a changed result is a compile error here; private functions (names ending
 * in `_`) are not in the map, as google.script.run cannot call them. Dates cannot cross
 * (https://developers.google.com/apps-script/guides/html/reference/run): the server returns
 * ISO strings, and test/types/rpc.test-d.ts fails the build if an entry point returns a Date.
 */
import type { PageArgs, PageFunctionName, PageResult } from '../../server/callable';

interface ScriptRun {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRun;
  withFailureHandler(fn: (error: Error) => void): ScriptRun;
  [fn: string]: unknown;
}

declare const google: { script: { run: ScriptRun; host: { close(): void } } };

export function call<K extends PageFunctionName>(fn: K, ...args: PageArgs<K>): Promise<PageResult<K>> {
  return new Promise<PageResult<K>>((resolve, reject) => {
    const runner = google.script.run
      // What arrives is the server function's JSON-safe result (see above).
      .withSuccessHandler((v) => resolve(v as PageResult<K>))
      .withFailureHandler((e) => reject(e));
    const target = (runner as unknown as Record<string, (...a: unknown[]) => void>)[fn];
    if (typeof target !== 'function') {
      reject(new Error(`Unknown server function: ${fn}`));
      return;
    }
    target.apply(runner, args);
  });
}

export function closeSidebar(): void {
  google.script.host.close();
}
