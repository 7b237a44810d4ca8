/**
 * The browser half of the google.script.run bridge: defines `google.script.run` and
 * `google.script.host` in a page so that a sidebar from dist/ runs unchanged outside Sheets.
 * It follows https://developers.google.com/apps-script/guides/html/reference/run:
 * withSuccessHandler / withFailureHandler / withUserObject return a new runner; calls are
 * asynchronous; the failure handler receives an Error; the success handler gets
 * (value, userObject).
 *
 * `transport` is the name of a global async function `(fn, args) => {ok, value} | {ok:false, error}`
 * that the harness (Playwright's exposeFunction) or the playground (fetch) provides, and
 * `host` one `(action, arg) => void` for close / setHeight / setWidth.
 */
export function clientShim(transport: string, host: string): string {
  return `(() => {
  const send = (fn, args) => window[${JSON.stringify(transport)}](fn, JSON.stringify(args));
  const hostCall = (action, arg) => { const h = window[${JSON.stringify(host)}]; if (h) h(action, arg); };
  function runner(onSuccess, onFailure, userObject) {
    return new Proxy({}, {
      get(_t, prop) {
        if (prop === 'withSuccessHandler') return (f) => runner(f, onFailure, userObject);
        if (prop === 'withFailureHandler') return (f) => runner(onSuccess, f, userObject);
        if (prop === 'withUserObject') return (o) => runner(onSuccess, onFailure, o);
        if (typeof prop !== 'string') return undefined;
        return (...args) => {
          for (const a of args) {
            if (a instanceof Date || typeof a === 'function') {
              throw new Error('Failed due to illegal value in property: ' + args.indexOf(a));
            }
          }
          Promise.resolve(send(prop, args)).then((raw) => {
            const r = typeof raw === 'string' ? JSON.parse(raw) : raw;
            if (r.ok) { if (onSuccess) onSuccess(r.value, userObject); }
            else if (onFailure) { const e = new Error(r.error.message); e.name = r.error.name || 'ScriptError'; onFailure(e, userObject); }
            else { console.error('Uncaught server error in ' + prop + ': ' + r.error.message); }
          }, (err) => { if (onFailure) onFailure(err instanceof Error ? err : new Error(String(err)), userObject); });
        };
      },
    });
  }
  window.google = window.google || {};
  window.google.script = {
    run: runner(null, null, undefined),
    host: {
      close: () => hostCall('close'),
      setHeight: (h) => hostCall('setHeight', h),
      setWidth: (w) => hostCall('setWidth', w),
      editor: { focus: () => hostCall('focus') },
      origin: 'local',
    },
  };
})();`;
}
