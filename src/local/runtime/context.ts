/**
 * What every local service shares: the simulated clock, the call counter and who is
 * running the script right now. Services receive one RuntimeContext; nothing here
 * touches Node's real clock, so tests can move time explicitly.
 */

export interface UserIdentity {
  /** The e-mail Session.getActiveUser() reports; '' models a consumer co-worker whose e-mail Apps Script hides. */
  email: string;
  /** A locale string as Session.getActiveUserLocale() returns it, e.g. 'en', 'zh-CN'. */
  locale: string;
  /**
   * Stable identity for per-user stores (user properties, user cache, triggers) when the
   * e-mail is blank; defaults to the e-mail.
   */
  key?: string;
}

/** A clock that moves only when told to (or when the execution-time budget charges for a call). */
export class SimulatedClock {
  private ms: number;
  private listeners: ((ms: number) => void)[] = [];
  constructor(start: Date | number = Date.UTC(2026, 0, 5, 1, 0, 0)) {
    this.ms = typeof start === 'number' ? start : start.getTime();
  }
  now(): Date {
    return new Date(this.ms);
  }
  nowMs(): number {
    return this.ms;
  }
  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error('The clock only moves forward');
    this.ms += ms;
    this.changed();
  }
  set(to: Date | number): void {
    this.ms = typeof to === 'number' ? to : to.getTime();
    this.changed();
  }
  /** Calls `fn` now and whenever the time changes (the workbook's TODAY()/NOW() follow it). */
  onChange(fn: (ms: number) => void): void {
    this.listeners.push(fn);
    fn(this.ms);
  }
  private changed(): void {
    for (const fn of this.listeners) fn(this.ms);
  }
}

/**
 * Thrown when a simulated execution runs past its budget. The message is the one Apps Script
 * shows: "Exceeded maximum execution time"
 * (https://developers.google.com/apps-script/guides/services/quotas, "Script runtime: 6 min / execution").
 */
export class ExecutionTimeExceeded extends Error {
  constructor() {
    super('Exceeded maximum execution time');
    this.name = 'ExecutionTimeExceeded';
  }
}

/**
 * Counts Apps Script calls per "Service.Class.method" and charges each one against the
 * execution-time budget on the simulated clock. Tests and benchmarks read the counts to
 * prove batching (one read per tab per operation, one write per block).
 */
export class CallCounter {
  private counts = new Map<string, number>();
  /**
   * Cells whose values went through the API: read by getValue(s), getDisplayValue(s),
   * getFormula(s) and Sheet.getSheetValues; written by setValue(s), setFormula(s) and appendRow.
   * A 20,000-row getValues of 9 columns is one call but 180,000 cells: tests and the bench read
   * both, so "a fixed number of calls" cannot hide a read of the whole register.
   */
  readonly cells = { read: 0, written: 0 };
  /** Simulated milliseconds one API call costs; a rough figure for the 6-minute budget. */
  costPerCallMs = 0;
  private budget: { startMs: number; limitMs: number } | null = null;

  constructor(private readonly clock: SimulatedClock) {}

  count(key: string): void {
    // A stopped execution makes no more calls: whatever the script catches, the next call stops it again.
    if (this.killed) throw new ExecutionTimeExceeded();
    if (this.kill && this.kill.key === key && this.kill.left-- <= 0) {
      this.kill = null;
      this.killed = true;
      throw new ExecutionTimeExceeded();
    }
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if (this.costPerCallMs > 0) this.clock.advance(this.costPerCallMs);
    if (this.budget && this.clock.nowMs() - this.budget.startMs > this.budget.limitMs) {
      this.killed = true;
      throw new ExecutionTimeExceeded();
    }
  }

  private kill: { key: string; left: number } | null = null;
  private killed = false;

  /**
   * Stops the execution at the (n+1)-th call of `key` ("Service.Class.method") from now, as
   * Apps Script stops a run at its time limit: the call does not happen and, once stopped, every
   * further call of that execution fails too, so a script cannot catch its way past a kill.
   */
  killAfter(key: string, n: number): void {
    this.kill = { key, left: n };
  }

  /** Start an execution with a time budget (default 6 minutes); null turns the budget off. */
  startExecution(limitMs: number | null = 6 * 60 * 1000): void {
    this.killed = false;
    this.budget = limitMs === null ? null : { startMs: this.clock.nowMs(), limitMs };
  }

  endExecution(): void {
    this.budget = null;
  }

  /** Counts as a plain object, optionally only the keys under one service ("SpreadsheetApp"). */
  snapshot(service?: string): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [k, v] of this.counts) {
      if (!service || k.startsWith(service + '.')) out[k] = v;
    }
    return out;
  }

  total(service?: string): number {
    return Object.values(this.snapshot(service)).reduce((a, b) => a + b, 0);
  }

  /** Records the cells a counted call read or wrote (see `cells`). */
  countCells(method: string, args: unknown[], result: unknown, target: object): void {
    const area = (grid: unknown): number => (Array.isArray(grid) ? grid.reduce((n: number, row) => n + (Array.isArray(row) ? row.length : 1), 0) : 0);
    const size = (): number => {
      const r = target as { getNumRows?: () => number; getNumColumns?: () => number };
      return r.getNumRows && r.getNumColumns ? r.getNumRows() * r.getNumColumns() : 1;
    };
    switch (method) {
      case 'getValues':
      case 'getDisplayValues':
      case 'getFormulas':
      case 'getSheetValues':
        this.cells.read += area(result);
        break;
      case 'getValue':
      case 'getDisplayValue':
      case 'getFormula':
        this.cells.read += 1;
        break;
      case 'setValues':
      case 'setFormulas':
        this.cells.written += area(args[0]);
        break;
      case 'setValue':
      case 'setFormula':
        this.cells.written += size();
        break;
      case 'appendRow':
        this.cells.written += Array.isArray(args[0]) ? args[0].length : 0;
        break;
    }
  }

  reset(): void {
    this.counts.clear();
    this.cells.read = 0;
    this.cells.written = 0;
  }
}

export interface RuntimeContext {
  clock: SimulatedClock;
  counter: CallCounter;
  /** The script's time zone (appsscript.json); the spreadsheet may have its own. */
  scriptTimeZone: string;
  /** Who is running the current execution. */
  currentUser(): UserIdentity;
}

/** Marks runtime classes whose instances `instrument` should wrap when they are returned. */
export const COUNTED = Symbol.for('salesdesk.local.counted');

/**
 * Wraps a service object so that every method call is counted as `Service.method` (or
 * `Service.Class.method` for objects it returns, e.g. `SpreadsheetApp.Range.getValues`) and any
 * returned runtime object (one whose class sets `[COUNTED] = 'ClassName'`) is wrapped too.
 * Arrays of runtime objects (getSheets, getRangeList…) are wrapped element by element.
 * Objects are wrapped once and cached, so identity comparisons in script code still hold.
 */
export function instrument<T extends object>(
  counter: CallCounter,
  service: string,
  target: T,
  /** Asked before each call (after it is counted): throws when the call is not allowed now (see services/auth). */
  gate?: (service: string, cls: string, method: string) => void,
): T {
  const cache = new WeakMap<object, object>();
  /** proxy → the runtime object it wraps, so arguments the script passes back are unwrapped. */
  const targets = new WeakMap<object, object>();
  const unwrap = (arg: unknown): unknown => {
    if (Array.isArray(arg)) return arg.some((a) => typeof a === 'object' && a !== null && targets.has(a)) ? arg.map(unwrap) : arg;
    return typeof arg === 'object' && arg !== null ? (targets.get(arg) ?? arg) : arg;
  };
  const wrapValue = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      return value.some((v) => isCounted(v)) ? value.map(wrapValue) : value;
    }
    if (isCounted(value)) return wrap(value as object, (value as Record<symbol, string>)[COUNTED]);
    return value;
  };
  const wrap = (obj: object, label: string): object => {
    const hit = cache.get(obj);
    if (hit) return hit;
    const proxy = new Proxy(obj, {
      get(t, prop, receiver) {
        const v = Reflect.get(t, prop, receiver);
        if (typeof v !== 'function' || typeof prop === 'symbol' || prop === 'constructor') return v;
        return function (this: unknown, ...args: unknown[]) {
          counter.count(label ? `${service}.${label}.${String(prop)}` : `${service}.${String(prop)}`);
          gate?.(service, label, String(prop));
          // The runtime's own use of a Range the script handed back (setRanges, moveColumns,
          // setNamedRange…) is not a script call: give it the unwrapped object.
          const result = v.apply(t, args.map(unwrap));
          if (label === 'Range' || label === 'Sheet') counter.countCells(String(prop), args, result, t);
          return wrapValue(result);
        };
      },
    });
    cache.set(obj, proxy);
    targets.set(proxy, obj);
    return proxy;
  };
  return wrap(target, '') as T;
}

function isCounted(v: unknown): boolean {
  return typeof v === 'object' && v !== null && COUNTED in v;
}

/**
 * The `Date` the script sees: `new Date()` and `Date.now()` read the simulated clock (on
 * Google's servers they read the real time at which the execution runs); every other use is
 * the real Date, and `instanceof Date` holds for Dates from the services too, because the
 * Proxy keeps Date.prototype.
 */
export function clockDate(clock: SimulatedClock): DateConstructor {
  return new Proxy(Date, {
    construct(target, args: unknown[]) {
      return args.length === 0 ? new target(clock.nowMs()) : new (target as unknown as new (...a: unknown[]) => Date)(...args);
    },
    apply(target) {
      // Date() called as a function returns the current time as a string.
      return new target(clock.nowMs()).toString();
    },
    get(target, prop, receiver) {
      if (prop === 'now') return () => clock.nowMs();
      return Reflect.get(target, prop, receiver);
    },
  });
}
