/**
 * Compile-time checks of the one callable map (src/server/callable.ts): the pages' `call`, the
 * menu and the runtime's `rt.run` / `rt.rpc`. `tsc` checks this file in `npm test`; nothing
 * here runs. Every `@ts-expect-error` line must fail to compile: if a change makes one of those
 * calls acceptable, tsc reports the directive as unused and `npm test` fails.
 */
import { call } from '../../src/ui/shared/rpc';
import type { MENU } from '../../src/server/menu';
import type { PageArgs, PageFunctionName, PageResult } from '../../src/server/callable';
import type { CustomerInput } from '../../src/core/customers/fields';
import type { AnyScript, LocalRuntime } from '../../src/local';

/** True when a value of type T may hold a Date somewhere inside (object fields, array items). */
type CarriesDate<T> = T extends Date
  ? true
  : T extends (...args: never[]) => unknown
    ? false
    : T extends readonly (infer E)[]
      ? CarriesDate<E>
      : T extends object
        ? true extends { [P in keyof T]-?: CarriesDate<T[P]> }[keyof T]
          ? true
          : false
        : false;

/** The page-callable functions whose arguments or result could carry a Date across google.script.run. */
type DateCrossing = { [K in PageFunctionName]: true extends CarriesDate<PageResult<K>> | CarriesDate<PageArgs<K>> ? K : never }[PageFunctionName];

/** The page-callable functions with an argument declared `unknown`: its type would say nothing of what the page sends. */
type UndeclaredArguments = { [K in PageFunctionName]: unknown extends PageArgs<K>[number] ? K : never }[PageFunctionName];

/** Compiles only when T is `never`; otherwise the error names the functions in T. */
type NoneOf<T extends never> = T;

// google.script.run cannot carry a Date (https://developers.google.com/apps-script/guides/html/reference/run).
export type NoEntryPointTakesOrReturnsADate = NoneOf<DateCrossing>;
export type EveryArgumentIsDeclared = NoneOf<UndeclaredArguments>;
// The Date detector itself sees a Date deep inside, and nothing where there is none.
export const seesNestedDates: CarriesDate<{ a: { b: Date[] } } | string> = true;
// @ts-expect-error no Date in here
export const seesNoDate: CarriesDate<{ a: { b: string[] }; at: number }> = true;

export async function pageCalls(input: CustomerInput): Promise<void> {
  // Right calls: arguments and results typed from the server functions, no type arguments.
  const saved = await call('saveCustomer', input, { ref: { id: 'C-000001' }, confirmDuplicates: ['C-000002'] });
  if (saved.ok) {
    const id: string = saved.id;
    void id;
  } else if (saved.kind === 'duplicate') {
    const anyway: boolean = saved.canSaveAnyway;
    void anyway;
  }
  const form = await call('getFollowupFormData', { customerId: 'C-000001' });
  const nowIso: string = form.now;
  void nowIso;

  // @ts-expect-error wrong argument shape: the customer form has no field `company`
  await call('saveCustomer', { company: 'Acme' });
  // @ts-expect-error wrong argument type: a search takes the text typed
  await call('searchFollowupCustomers', 42);
  // @ts-expect-error a missing argument
  await call('saveObjection');
  // @ts-expect-error an argument too many
  await call('getAboutInfo', 'extra');
  // @ts-expect-error an option the save does not take
  await call('saveCustomer', input, { confirm: true });
  // @ts-expect-error an unknown function
  await call('saveCustomers', input);
  // @ts-expect-error a private function (name ending in `_`): google.script.run cannot call it
  await call('scheduleFollowUp_', { customerId: 'C-000001', owner: 'Ana', plannedAt: '2026-03-02' });
  // @ts-expect-error a type argument in place of the function's name
  await call<{ ok: true }>('saveCustomer', input);

  // @ts-expect-error misuse of the result: `id` exists only when the save succeeded
  void saved.id;
  // @ts-expect-error misuse of the result: no such field
  void form.customerName;
  // @ts-expect-error misuse of the result: instants cross as ISO strings, never as Dates
  const now: Date = form.now;
  void now;
  const hits = await call('searchCustomersForDeal', 'acme');
  // @ts-expect-error misuse of the result: a customer choice has an id and a name, no phone
  void hits[0].phone;
}

export const menuLines: (typeof MENU)[number][] = [
  { caption: 'menu.today', run: 'showToday' },
  // @ts-expect-error the menu may only run a function entry.ts exports
  { caption: 'menu.today', run: 'showTodya' },
];

export function runtimeCalls(rt: LocalRuntime, other: LocalRuntime<AnyScript>): void {
  // rt.run takes any argument (tests send bad input on purpose) and gives the typed result.
  const r = rt.run('saveCustomer', { name: 42 });
  if (!r.ok && r.kind === 'invalid') void Object.keys(r.errors);
  // The server may run a private function; a page may not name one.
  void rt.run('scheduleFollowUp_', {});
  const today = rt.rpc('getTodayView', '[]');
  if (today.ok) {
    const zone: string = today.value.timeZone;
    void zone;
  }
  // @ts-expect-error an unknown function
  rt.run('setUpWorkbook');
  // @ts-expect-error google.script.run cannot call a private function
  rt.rpc('scheduleFollowUp_', '[]');
  // @ts-expect-error misuse of the result: getTodayView returns no `rows`
  if (today.ok) void today.value.rows;
  // A runtime of another bundle takes any name.
  void other.run('echo', 1);
  void other.rpc('anything', '[]');
}
