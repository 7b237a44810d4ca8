/**
 * The server half of the google.script.run bridge. A page's call succeeds with a value
 * that is legal to return or fails with the thrown message, as in Sheets: "Requests fail if
 * you attempt to pass a Date, Function, DOM element … including prohibited types inside
 * objects or arrays" (https://developers.google.com/apps-script/guides/html/reference/run).
 */
export type RpcResult<T = unknown> = { ok: true; value: T } | { ok: false; error: { name: string; message: string } };

export function toRpcResult(work: () => unknown): RpcResult {
  try {
    const value = work();
    assertLegal(value, 'return value');
    return { ok: true, value: value === undefined ? undefined : JSON.parse(JSON.stringify(value)) };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    return { ok: false, error: { name: err.name || 'Error', message: err.message } };
  }
}

function assertLegal(v: unknown, path: string): void {
  if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]') {
    throw new Error(`Illegal value at ${path}: a Date cannot cross google.script.run; send an ISO string`);
  }
  if (typeof v === 'function') throw new Error(`Illegal value at ${path}: a function cannot cross google.script.run`);
  if (Array.isArray(v)) v.forEach((x, i) => assertLegal(x, `${path}[${i}]`));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) assertLegal(x, `${path}.${k}`);
}
