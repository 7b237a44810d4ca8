/**
 * Import customers from pasted CSV or a CSV file (the Import dialog's server side).
 * previewImport plans without writing; runImport plans again under the document lock against
 * the register as it is now, then writes the new rows in one block and the merges in one
 * block — or, if anything fails, puts back what it wrote: nothing is ever half-imported.
 */
import { t, type Locale, type MessageKey } from '../core/i18n';
import { CUSTOMERS, getColumn } from '../core/schema';
import { asCellText } from '../core/text';
import { CUSTOMER_FORM_KEYS, type CustomerFieldKey } from '../core/customers/fields';
import type { MatchField } from '../core/customers/duplicates';
import { parseCsv } from '../core/import/csv';
import { guessMapping } from '../core/import/headers';
import { planImport, type DuplicateMode, type ImportPlan } from '../core/import/plan';
import { openTabs, reserveIds, writeRows, type TabHandle } from './workbook';
import { withDocumentLock } from './lock';
import { currentLocale } from './locale';
import { IDENTIFYING_KEYS, readCustomerIndex, readListValues, readTeam, requireCustomers } from './customers-store';
import { CUSTOMER_SEQ_PROPERTY } from './customers';
import { activeUserEmail, resolveMe } from './identity';

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
    reasons: r.problems.map((x) =>
      `${fieldLabel(x.field, locale)}${locale === 'zh' ? '：' : ': '}${t(locale, x.problem.key, x.problem.params)}`,
    ),
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

/** Reads what planning needs: the identifying columns, or for merges every form column (one read). */
function readRegister(tab: TabHandle, mode: DuplicateMode) {
  const keys: string[] = mode === 'merge' ? ['customer_id', ...CUSTOMER_FORM_KEYS] : [...IDENTIFYING_KEYS];
  const { existing, nextRow, rows } = readCustomerIndex(tab, keys);
  const values = new Map<number, Partial<Record<CustomerFieldKey, unknown>>>();
  if (mode === 'merge') for (const r of rows) values.set(r.row, r.values as Partial<Record<CustomerFieldKey, unknown>>);
  return { existing, values, nextRow };
}

/** Dialog API: what an import would do, without writing anything. */
export function previewImport(rawRequest: unknown): ImportPreview {
  const locale = currentLocale();
  const req = parseImportRequest(rawRequest, locale);
  const p = prepare(req, locale);
  if (p.error) return describe(p, null, locale);
  const tabs = openTabs(['customers', 'lists', 'settings']);
  const customers = requireCustomers(tabs);
  const ctx = { lists: readListValues(tabs, locale), team: readTeam(tabs) };
  const reg = readRegister(customers, req.mode);
  const plan = planImport({ records: p.records, mapping: p.mapping, existing: reg.existing, existingValues: reg.values, ctx, mode: req.mode });
  return describe(p, plan, locale);
}

/** Column runs of the keys that are written (adjacent columns together). */
function runsOf(tab: TabHandle, keys: readonly string[]): { start: number; keys: string[] }[] {
  const cols = keys
    .filter((k) => tab.columns.has(k) && !getColumn(CUSTOMERS, k).formula)
    .map((k) => ({ k, c: tab.columns.get(k)! }))
    .sort((a, b) => a.c - b.c);
  const runs: { start: number; keys: string[] }[] = [];
  for (const x of cols) {
    const last = runs[runs.length - 1];
    if (last && last.start + last.keys.length === x.c) last.keys.push(x.k);
    else runs.push({ start: x.c, keys: [x.k] });
  }
  return runs;
}

type Undo = () => void;

/**
 * Merges: for each run of filled columns, one block over the rows from the first to the last
 * merged row. Cells of rows not merged (or fields not filled) are written back as they were —
 * their formula if they hold one, else their value — so the block changes only the blanks it fills.
 */
function writeMerges(tab: TabHandle, plan: ImportPlan, now: Date, undo: Undo[]): void {
  if (!plan.merge.length) return;
  const byRow = new Map(plan.merge.map((m) => [m.row, m]));
  const first = Math.min(...byRow.keys());
  const last = Math.max(...byRow.keys());
  const keys = new Set<string>(['updated_at']);
  for (const m of plan.merge) for (const k of Object.keys(m.fills)) keys.add(k);
  for (const run of runsOf(tab, [...keys])) {
    const range = tab.sheet.getRange(first, run.start, last - first + 1, run.keys.length);
    const values = range.getValues();
    const formulas = range.getFormulas();
    const before = values.map((line, i) => line.map((v, j) => (formulas[i][j] ? formulas[i][j] : typeof v === 'string' ? asCellText(v) : v)));
    const after = before.map((line, i) => {
      const m = byRow.get(first + i);
      if (!m) return line;
      return line.map((v, j) => {
        const key = run.keys[j];
        if (key === 'updated_at') return now;
        const fill = (m.fills as Record<string, unknown>)[key];
        return fill === undefined ? v : typeof fill === 'string' ? asCellText(fill) : fill;
      });
    });
    undo.push(() => range.setValues(before));
    range.setValues(after);
  }
}

/** Dialog API: imports the file. Plans again under the lock; writes all or nothing. */
export function runImport(rawRequest: unknown): ImportResult {
  const locale = currentLocale();
  const req = parseImportRequest(rawRequest, locale);
  const p = prepare(req, locale);
  if (p.error) return { ...describe(p, null, locale), ok: false, message: p.error, ids: [] };
  const tabs = openTabs(['customers', 'lists', 'settings']);
  const customers = requireCustomers(tabs);
  const lists = readListValues(tabs, locale);
  const team = readTeam(tabs);
  const me = resolveMe(team);
  return withDocumentLock(() => {
    const reg = readRegister(customers, req.mode);
    const plan = planImport({ records: p.records, mapping: p.mapping, existing: reg.existing, existingValues: reg.values, ctx: { lists, team }, mode: req.mode });
    const preview = describe(p, plan, locale);
    // The counter is recorded only after the rows are written, so a failed import gives no IDs away.
    const reserved = reserveIds('C', CUSTOMER_SEQ_PROPERTY, reg.existing.map((c) => c.id), plan.add.length);
    const ids = reserved.ids;
    const now = new Date();
    const who = me?.name || activeUserEmail();
    const defaultStage = (lists.stage ?? [])[0] ?? '';
    const newRows = plan.add.map((a, i) => ({
      customer_id: ids[i],
      ...a.record,
      stage: a.record.stage || defaultStage,
      created_at: now,
      created_by: who,
      updated_at: now,
    }));
    const undo: Undo[] = [];
    try {
      if (newRows.length) {
        const keys = Object.keys(newRows[0]);
        undo.push(() => writeRows(customers, reg.nextRow, newRows.map(() => Object.fromEntries(keys.map((k) => [k, '']))) ));
        writeRows(customers, reg.nextRow, newRows);
      }
      writeMerges(customers, plan, now, undo);
      reserved.commit();
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
    const message =
      plan.add.length || plan.merge.length
        ? t(locale, 'import.done', { add: plan.add.length, first: ids[0] ?? '—', last: ids[ids.length - 1] ?? '—', merge: plan.merge.length, reject: plan.reject.length })
        : t(locale, 'import.doneNone', { reject: plan.reject.length });
    return { ...preview, ok: true, message, ids };
  });
}

/** Menu action: the Import customers dialog. */
export function showImport(): void {
  const locale = currentLocale();
  const page = HtmlService.createTemplateFromFile('Import');
  page.locale = locale;
  const html = page.evaluate().setWidth(760).setHeight(620);
  SpreadsheetApp.getUi().showModalDialog(html, t(locale, 'import.title'));
}
