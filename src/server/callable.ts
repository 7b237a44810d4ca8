/**
 * The callable surface of dist/Code.js as types, read off entry.ts so that one list names it:
 * the menu (menu.ts), the pages' `call` (src/ui/shared/rpc.ts) and the local runtime's
 * `rt.run` / `rt.rpc` (src/local) all check names, arguments and results against it, and a
 * renamed function or field is a compile error wherever it is used. Types only: nothing here
 * exists at run time.
 */
import type * as Entry from './entry';

/** Every function exported from entry.ts, by name: the top-level functions of dist/Code.js. */
export type EntryPoints = typeof Entry;

/** A top-level function's name: what a menu item, a trigger or `rt.run` may name. */
export type EntryName = keyof EntryPoints;

/**
 * The functions of a script that a page can call with google.script.run: all but the private ones,
 * "Server-side functions whose names end with an underscore are considered private. These functions
 * cannot be called by google.script.run" (https://developers.google.com/apps-script/guides/html/communication#private_functions).
 */
export type PublicFunctions<Api> = { [K in keyof Api as K extends `${string}_` ? never : K]: Api[K] };

/** What a Sales Desk page can call, by name. */
export type PageFunctions = PublicFunctions<EntryPoints>;
export type PageFunctionName = keyof PageFunctions;

/** The arguments a page sends to `fn`, as the server function declares them. */
export type PageArgs<K extends PageFunctionName> = Parameters<PageFunctions[K]>;

/**
 * What the page receives from `fn`. google.script.run carries primitives, plain objects and arrays,
 * never a Date ("Requests fail if you attempt to pass a Date, Function, DOM element besides a form,
 * or other prohibited type, including prohibited types inside objects or arrays",
 * https://developers.google.com/apps-script/guides/html/reference/run): entry points return
 * instants as ISO strings (test/types/rpc.test-d.ts fails to compile if one takes or returns a Date).
 */
export type PageResult<K extends PageFunctionName> = Awaited<ReturnType<PageFunctions[K]>>;
