/**
 * A promise around google.script.run. In Sheets it is Google's client; in tests and the
 * playground a bridge with the same shape calls the same server functions.
 * Dates cannot cross (https://developers.google.com/apps-script/guides/html/reference/run):
 * the server returns ISO strings.
 */
interface ScriptRun {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRun;
  withFailureHandler(fn: (error: Error) => void): ScriptRun;
  [fn: string]: unknown;
}

declare const google: { script: { run: ScriptRun; host: { close(): void } } };

export function call<T>(fn: string, ...args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((v) => resolve(v as T))
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
