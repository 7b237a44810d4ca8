/**
 * PropertiesService: script, document and per-user key/value stores of strings.
 *
 * Limits (https://developers.google.com/apps-script/guides/services/quotas): 9 KB per value and
 * 500 KB per property store. Apps Script reports them as "Argument too large: value" and
 * "You have exceeded the property storage quota. Please remove some properties and try again."
 * Values are strings: setProperty(key, 42) stores '42' (Apps Script converts with String()).
 * User properties belong to the user running the script (keyed by `userKeyOf`, see common.ts).
 */
import type { RuntimeContext } from '../context';
import { COUNTED } from '../context';
import { gasError, userKeyOf, utf8Bytes } from './common';

type GasProperties = GoogleAppsScript.Properties.Properties;

export const PROPERTY_MAX_VALUE_BYTES = 9 * 1024;
export const PROPERTY_MAX_STORE_BYTES = 500 * 1024;

export interface PropertiesState {
  script: Record<string, string>;
  document: Record<string, string>;
  /** Per user key (e-mail or identity key) → that user's properties. */
  user: Record<string, Record<string, string>>;
}

export function emptyPropertiesState(): PropertiesState {
  return { script: {}, document: {}, user: {} };
}

function storeBytes(store: Record<string, string>): number {
  let n = 0;
  for (const [k, v] of Object.entries(store)) n += utf8Bytes(k) + utf8Bytes(v);
  return n;
}

export class Properties
  implements Pick<GasProperties, 'getProperty' | 'setProperty' | 'setProperties' | 'getProperties' | 'deleteProperty' | 'deleteAllProperties' | 'getKeys'>
{
  readonly [COUNTED] = 'Properties';
  constructor(private readonly store: () => Record<string, string>) {}

  getProperty(key: string): string | null {
    const s = this.store();
    return Object.prototype.hasOwnProperty.call(s, String(key)) ? s[String(key)]! : null;
  }

  setProperty(key: string, value: string): GasProperties {
    this.write({ [checkKey(key)]: toValue(value) }, false);
    return this.self();
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): GasProperties {
    if (properties === null || typeof properties !== 'object') throw gasError('Invalid argument: properties');
    const next: Record<string, string> = {};
    for (const [k, v] of Object.entries(properties)) next[checkKey(k)] = toValue(v);
    this.write(next, deleteAllOthers);
    return this.self();
  }

  getProperties(): { [key: string]: string } {
    return { ...this.store() };
  }

  getKeys(): string[] {
    return Object.keys(this.store());
  }

  deleteProperty(key: string): GasProperties {
    delete this.store()[String(key)];
    return this.self();
  }

  deleteAllProperties(): GasProperties {
    const s = this.store();
    for (const k of Object.keys(s)) delete s[k];
    return this.self();
  }

  private write(entries: Record<string, string>, deleteAllOthers: boolean): void {
    for (const v of Object.values(entries)) {
      if (utf8Bytes(v) > PROPERTY_MAX_VALUE_BYTES) throw gasError('Argument too large: value');
    }
    const s = this.store();
    const after: Record<string, string> = deleteAllOthers ? { ...entries } : { ...s, ...entries };
    if (storeBytes(after) > PROPERTY_MAX_STORE_BYTES) {
      throw gasError('You have exceeded the property storage quota. Please remove some properties and try again.');
    }
    if (deleteAllOthers) for (const k of Object.keys(s)) delete s[k];
    Object.assign(s, entries);
  }

  private self(): GasProperties {
    return this as unknown as GasProperties;
  }
}

function checkKey(key: unknown): string {
  if (key === null || key === undefined || key === '') throw gasError('Invalid argument: key');
  return String(key);
}

function toValue(v: unknown): string {
  if (v === null || v === undefined) throw gasError('Invalid argument: value');
  return String(v);
}

export type PropertiesServiceApi = Pick<GoogleAppsScript.Properties.PropertiesService, 'getScriptProperties' | 'getDocumentProperties' | 'getUserProperties'>;

export interface PropertiesServiceOptions {
  /** false models a standalone script: getDocumentProperties() returns null. */
  hasDocument?: boolean;
  /**
   * The document properties of the document the script runs in now (a runtime holding several
   * documents of one add-on gives each its own store); default `state.document`.
   */
  documentStore?: () => Record<string, string>;
}

export function createPropertiesService(ctx: RuntimeContext, state: PropertiesState, options: PropertiesServiceOptions = {}): PropertiesServiceApi {
  const script = new Properties(() => state.script);
  // "Gets a property store … that all users can access within the open document"
  // (https://developers.google.com/apps-script/reference/properties/properties-service#getdocumentproperties).
  const document = new Properties(options.documentStore ?? (() => state.document));
  return {
    getScriptProperties: () => script as unknown as GasProperties,
    // "Returns null if the script is not bound to a document" — reference/properties/properties-service
    getDocumentProperties: () => (options.hasDocument === false ? null : document) as unknown as GasProperties,
    getUserProperties: () => new Properties(() => (state.user[userKeyOf(ctx.currentUser())] ??= {})) as unknown as GasProperties,
  };
}
