/**
 * Import customers from pasted CSV or a CSV file (the Import dialog's server side).
 * previewImport plans without writing; runImport plans again under the document lock against
 * the register as it is now, then writes the new rows in one block and the merges in one
 * block — or, if anything fails, puts back what it wrote: nothing is ever half-imported.
 */
import { t, type Locale, type MessageKey } from '../core/i18n';
import { CUSTOMERS, getColumn } from '../core/schema';
import { CUSTOMER_FORM_KEYS, type CustomerFieldKey } from '../core/customers/fields';
import type { MatchField } from '../core/customers/duplicates';
import { parseCsv } from '../core/import/csv';
import { guessMapping } from '../core/import/headers';
import { planImport, type DuplicateMode, type ImportPlan } from '../core/import/plan';
import { currentUser, customersTab, IDENTIFYING_KEYS, openWorkbook, readCustomerIndex, readLists, readTeam, type Tab, type Workbook } from './records';
import { withDocumentLock } from './lock';
import { recordStageChanges, stageChangesFor } from './stage-history';
import { replanCustomers } from './plans';
import { currentLocale } from './locale';
import { showDialog } from './host';

/** Rows per import: a block this size writes well within the 6-minute limit. */
export const MAX_IMPORT_ROWS = 20_000;
const MAX_IMPORT_CHARS = 10_000_000;

export interface ImportRequest {
  text: string;
  /** Field per CSV column ('' = not imported); omitted = guess from the headers. */
  mapping?: (CustomerFieldKey | '')[];
  mode: DuplicateMode;
}

export interface ImportLine {
  line: number;
  reasons: string[];
}

export interface ImportPreview {
  headers: string[];
  mapping: (CustomerFieldKey | '')[];
  /** Every field a column can map to, with its label in the user's language. */
  fields: { key: CustomerFieldKey; label: string }[];
  sample: string[][];
  counts: { add: number; merge: number; skip: number; reject: number };
  rejected: ImportLine[];
  skipped: ImportLine[];
  /** A problem with the whole file (nothing can be imported); '' when none. */
  error: string;
}

export interface ImportResult extends ImportPreview {
  ok: boolean;
  message: string;
  ids: string[];
}

function bad(locale: Locale, detail: string): Error {
  return new Error(t(locale, 'error.badArgument', { detail }));
}

/** The request as untrusted input. */
export function parseImportRequest(raw: unknown, locale: Locale): ImportRequest {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw bad(locale, 'import');
  const r = raw as Record<string, unknown>;
  if (typeof r.text !== 'string') throw bad(locale, 'text');
  if (r.text.length > MAX_IMPORT_CHARS) throw new Error(t(locale, 'import.tooBig', { max: MAX_IMPORT_ROWS }));
  const mode = r.mode === 'merge' ? 'merge' : r.mode === 'skip' || r.mode === undefined ? 'skip' : null;
  if (!mode) throw bad(locale, 'mode');
  let mapping: (CustomerFieldKey | '')[] | undefined;
  if (r.mapping !== undefined && r.mapping !== null) {
    if (!Array.isArray(r.mapping) || r.mapping.length > 500) throw bad(locale, 'mapping');
    const allowed = new Set<string>(['', ...CUSTOMER_FORM_KEYS]);
    mapping = r.mapping.map((m) => {
      if (typeof m !== 'string' || !allowed.has(m)) throw bad(locale, 'mapping');
      return m as CustomerFieldKey | '';
    });
  }
  return { text: r.text, mapping, mode };
}

function fieldLabel(key: CustomerFieldKey, locale: Locale): string {
  return getColumn(CUSTOMERS, key).header[locale];
}

function onText(on: MatchField[], locale: Locale): string {
  return on.map((f) => t(locale, `customers.duplicate.on.${f}` as MessageKey)).join(locale === 'zh' ? '、' : ', ');
}

interface Prepared {
  headers: string[];
  mapping: (CustomerFieldKey | '')[];
  records: ReturnType<typeof parseCsv>;
  error: string;
}

function prepare(req: ImportRequest, locale: Locale): Prepared {
  const all = parseCsv(req.text);
  const headers = (all[0]?.cells ?? []).map((h) => h.trim());
  const records = all.slice(1);
  const mapping = (req.mapping ?? guessMapping(headers)).slice(0, headers.length);
  while (mapping.length < headers.length) mapping.push('');
  let error = '';
  if (!records.length) error = t(locale, 'import.empty');
  else if (records.length > MAX_IMPORT_ROWS) error = t(locale, 'import.tooBig', { max: MAX_IMPORT_ROWS });
  else if (!mapping.includes('name')) error = t(locale, 'import.noName');
  return { headers, mapping, records, error };
}

function describe(p: Prepared, plan: ImportPlan | null, locale: Locale): ImportPreview {
  const rejected = (plan?.reject ?? []).map((r) => ({
    line: r.line,
    reasons: r.problems.map((x) => `${fieldLabel(x.field, locale)}${locale === 'zh' ? '：' : ': '}${t(locale, x.problem.key, x.problem.params)}`),
  }));
  const skipped = (plan?.skip ?? []).map((s) => ({
    line: s.line,
    reasons: [
      !s.on.length
        ? t(locale, 'import.nothingToChange')
        : s.duplicateOfLine !== null
          ? t(locale, 'import.dupOfLine', { line: s.duplicateOfLine, on: onText(s.on, locale) })
          : t(locale, 'import.dupOf', { id: s.id || `#${s.row}`, on: onText(s.on, locale) }),
    ],
  }));
  return {
    headers: p.headers,
    mapping: p.mapping,
    fields: CUSTOMER_FORM_KEYS.map((key) => ({ key, label: fieldLabel(key, locale) })),
    sample: p.records.slice(0, 5).map((r) => r.cells),
    counts: {
      add: plan?.add.length ?? 0,
      merge: plan?.merge.length ?? 0,
      skip: plan?.skip.length ?? 0,
      reject: plan?.reject.length ?? 0,
    },
    rejected,
    skipped,
    error: p.error,
  };
}

/** The Customers tab, or an error the user can act on. */
function requireCustomers(wb: Workbook, locale: Locale): Tab {
  const tab = customersTab(wb);
  if (!tab) throw new Error(t(locale, 'customers.missingTab'));
  return tab;
}

/** Reads what planning needs: the identifying columns, or for merges every form column (one read). */
function readRegister(tab: Tab, mode: DuplicateMode) {
  const keys: string[] = mode === 'merge' ? ['customer_id', ...CUSTOMER_FORM_KEYS] : [...IDENTIFYING_KEYS];
  const { existing, extent, rows } = readCustomerIndex(tab, keys);
  const values = new Map<number, Partial<Record<CustomerFieldKey, unknown>>>();
  if (mode === 'merge') for (const r of rows) values.set(r.row, r.values as Partial<Record<CustomerFieldKey, unknown>>);
  return { existing, values, extent };
}

/** Dialog API: what an import would do, without writing anything. */
export function previewImport(rawRequest: ImportRequest): ImportPreview {
  const locale = currentLocale();
  const req = parseImportRequest(rawRequest, locale);
  const p = prepare(req, locale);
  if (p.error) return describe(p, null, locale);
  const wb = openWorkbook();
  const customers = requireCustomers(wb, locale);
  const ctx = { lists: readLists(wb, locale), team: readTeam(wb) };
  const reg = readRegister(customers, req.mode);
  const plan = planImport({ records: p.records, mapping: p.mapping, existing: reg.existing, existingValues: reg.values, ctx, mode: req.mode });
  return describe(p, plan, locale);
}

/** Dialog API: imports the file. Plans again under the lock; writes all or nothing. */
export function runImport(rawRequest: ImportRequest): ImportResult {
  const locale = currentLocale();
  const req = parseImportRequest(rawRequest, locale);
  const p = prepare(req, locale);
  if (p.error) return { ...describe(p, null, locale), ok: false, message: p.error, ids: [] };
  const wb = openWorkbook();
  const customers = requireCustomers(wb, locale);
  const lists = readLists(wb, locale);
  const user = currentUser(wb);
  const team = user.team;
  return withDocumentLock(() => {
    const reg = readRegister(customers, req.mode);
    const plan = planImport({
      records: p.records,
      mapping: p.mapping,
      existing: reg.existing,
      existingValues: reg.values,
      ctx: { lists, team },
      mode: req.mode,
    });
    const preview = describe(p, plan, locale);
    // The counter is recorded only after the rows are written, so a failed import gives no IDs away.
    const reserved = customers.reserve(plan.add.length, reg.extent);
    const ids = reserved.ids;
    const now = new Date();
    const who = user.by;
    const defaultStage = (lists.stage ?? [])[0] ?? '';
    // Stage history (issue 15): each new customer's first stage, and a stage a merge filled in.
    const stageChanges = [
      ...plan.add.flatMap((a, i) => stageChangesFor({ customer_id: ids[i] }, a.record.stage || defaultStage, 'import', now.getTime(), who)),
      ...plan.merge.flatMap((m) => (m.fills.stage ? stageChangesFor({ customer_id: m.id }, m.fills.stage, 'import', now.getTime(), who) : [])),
    ];
    const tracked = customers.has('stage_recorded');
    const newRows = plan.add.map((a, i) => ({
      customer_id: ids[i],
      ...a.record,
      stage: a.record.stage || defaultStage,
      created_at: now,
      created_by: who,
      updated_at: now,
      ...(tracked ? { stage_since: now, stage_recorded: a.record.stage || defaultStage } : {}),
    }));
    const undo: (() => void)[] = [];
    try {
      if (newRows.length) {
        const keys = Object.keys(newRows[0]);
        undo.push(() =>
          customers.write(
            reserved.row,
            newRows.map(() => Object.fromEntries(keys.map((k) => [k, '']))),
          ),
        );
        customers.write(reserved.row, newRows);
      }
      customers.writeCells(
        plan.merge.map((m) => ({
          row: m.row,
          values: { ...m.fills, updated_at: now, ...(tracked && m.fills.stage ? { stage_since: now, stage_recorded: m.fills.stage } : {}) },
        })),
        undo,
      );
      reserved.commit();
      const names = new Map([
        ...plan.add.map((a, i) => [ids[i], String(a.record.name ?? '')] as const),
        ...plan.merge.map((m) => [m.id, String(m.fills.name ?? '')] as const),
      ]);
      recordStageChanges(wb, stageChanges, names);
    } catch (e) {
      // Put back what was written, newest first, then report the failure: nothing half-imported.
      for (const u of undo.reverse()) {
        try {
          u();
        } catch (_ignored) {
          // keep undoing the rest
        }
      }
      throw e;
    }
    // New customers get their first contact, merged ones a plan from what they have now (issue 12);
    // after the rows are safely in, so a planning failure never undoes an import.
    const idAt = new Map(reg.existing.map((e) => [e.row, e.id]));
    replanCustomers(wb, [...ids, ...plan.merge.map((m) => idAt.get(m.row) ?? '')]);
    const message =
      plan.add.length || plan.merge.length
        ? t(locale, 'import.done', {
            add: plan.add.length,
            first: ids[0] ?? '—',
            last: ids[ids.length - 1] ?? '—',
            merge: plan.merge.length,
            reject: plan.reject.length,
          })
        : t(locale, 'import.doneNone', { reject: plan.reject.length });
    return { ...preview, ok: true, message, ids };
  });
}

/** Menu action: the Import customers dialog. */
export function showImport(): void {
  const locale = currentLocale();
  const page = HtmlService.createTemplateFromFile('Import');
  page.locale = locale;
  showDialog(page.evaluate(), t(locale, 'import.title'), 760, 620);
}
