/**
 * The import plan: every CSV row checked with the same rules as the form, duplicates (against
 * the register and earlier rows of the same file) skipped or merged, before anything is
 * written. The server then writes the plan in one block (new rows) and one block (merges),
 * or writes nothing.
 */
import type { Problem } from '../validation/rules';
import { CUSTOMER_FORM_KEYS, type CustomerFieldKey, type CustomerInput } from '../customers/fields';
import { validateCustomer, type CustomerRecord, type ValidationContext } from '../customers/validate';
import { DuplicateIndex, type ExistingCustomer, type MatchField } from '../customers/duplicates';
import type { CsvRecord } from './csv';

export type DuplicateMode = 'skip' | 'merge';

export interface RowProblem {
  field: CustomerFieldKey;
  problem: Problem;
}

export interface PlannedAdd {
  line: number;
  record: CustomerRecord;
}

export interface PlannedMerge {
  line: number;
  /** The existing customer's sheet row and ID. */
  row: number;
  id: string;
  /** Fields that are blank in the register and filled from the file. */
  fills: CustomerRecord;
}

export interface PlannedSkip {
  line: number;
  /** The customer it duplicates: an existing ID / row, or an earlier line of the file. */
  id: string;
  row: number | null;
  duplicateOfLine: number | null;
  on: MatchField[];
}

export interface ImportPlan {
  add: PlannedAdd[];
  merge: PlannedMerge[];
  skip: PlannedSkip[];
  reject: { line: number; problems: RowProblem[] }[];
  /** Rows imported with a field left blank (lenient mode): the value that was not taken and why, by line. */
  warned: { line: number; problems: RowProblem[] }[];
}

export interface PlanInput {
  /** The data records (header excluded). */
  records: readonly CsvRecord[];
  /** Field per CSV column ('' = not imported). */
  mapping: readonly (CustomerFieldKey | '')[];
  existing: readonly ExistingCustomer[];
  /** Current values of existing rows by sheet row (needed to merge: only blanks are filled). */
  existingValues?: ReadonlyMap<number, Partial<Record<CustomerFieldKey, unknown>>>;
  ctx: ValidationContext;
  mode: DuplicateMode;
  /**
   * Issue 12's leniency: an unknown value of an optional dropdown (industry, source, scenario,
   * stage, owner) is imported blank with a warning instead of rejecting the row; an owner typed
   * as a first name that one member has is taken (validateCustomer's lenient mode).
   */
  lenient?: boolean;
}

function isBlank(v: unknown): boolean {
  return v === '' || v === null || v === undefined || v === false;
}

/** The CSV cells of one record as form input, by the mapping. */
export function inputFromCells(cells: readonly string[], mapping: readonly (CustomerFieldKey | '')[]): CustomerInput {
  const input: CustomerInput = {};
  mapping.forEach((field, i) => {
    if (field && input[field] === undefined) input[field] = cells[i] ?? '';
  });
  return input;
}

/** Fields of `incoming` that hold something where `current` holds nothing. */
function fillsFor(current: Partial<Record<CustomerFieldKey, unknown>>, incoming: CustomerRecord): CustomerRecord {
  const fills: CustomerRecord = {};
  for (const k of CUSTOMER_FORM_KEYS) {
    const v = incoming[k];
    if (!isBlank(v) && isBlank(current[k])) fills[k] = v;
  }
  return fills;
}

/**
 * Decides what happens to every row. Merge fills blanks only and never overwrites what the
 * register already holds: the sheet is where reps keep their latest knowledge, a file is older.
 */
export function planImport(input: PlanInput): ImportPlan {
  const plan: ImportPlan = { add: [], merge: [], skip: [], reject: [], warned: [] };
  const index = new DuplicateIndex(input.existing);
  // Rows of this file get negative "rows" in the index so they never collide with sheet rows.
  const fileRows = new Map<number, PlannedAdd>();
  const merges = new Map<number, PlannedMerge>();
  for (const rec of input.records) {
    const check = validateCustomer(inputFromCells(rec.cells, input.mapping), input.ctx, { lenient: input.lenient === true });
    const problems = Object.entries(check.errors).map(([field, problem]) => ({ field: field as CustomerFieldKey, problem: problem! }));
    if (problems.length) {
      plan.reject.push({ line: rec.line, problems });
      continue;
    }
    const warnings = Object.entries(check.warnings).map(([field, problem]) => ({ field: field as CustomerFieldKey, problem: problem! }));
    if (warnings.length) plan.warned.push({ line: rec.line, problems: warnings });
    const record = check.record;
    const match = index.find(record)[0];
    if (!match) {
      const add = { line: rec.line, record };
      plan.add.push(add);
      fileRows.set(-rec.line, add);
      index.add({ row: -rec.line, id: '', name: String(record.name ?? ''), email: String(record.email ?? ''), phone: String(record.phone ?? '') });
      continue;
    }
    const inFile = match.row < 0;
    if (input.mode === 'skip') {
      plan.skip.push({ line: rec.line, id: match.id, row: inFile ? null : match.row, duplicateOfLine: inFile ? -match.row : null, on: match.on });
      continue;
    }
    if (inFile) {
      const earlier = fileRows.get(match.row)!;
      Object.assign(earlier.record, fillsFor(earlier.record, record));
      plan.skip.push({ line: rec.line, id: '', row: null, duplicateOfLine: -match.row, on: match.on });
      continue;
    }
    let m = merges.get(match.row);
    if (!m) {
      m = { line: rec.line, row: match.row, id: match.id, fills: {} };
      merges.set(match.row, m);
      plan.merge.push(m);
    }
    const current = { ...(input.existingValues?.get(match.row) ?? {}), ...m.fills };
    Object.assign(m.fills, fillsFor(current, record));
  }
  // A merge that fills nothing changes nothing: report it as skipped.
  for (const m of [...plan.merge]) {
    if (Object.keys(m.fills).length === 0) {
      plan.merge.splice(plan.merge.indexOf(m), 1);
      plan.skip.push({ line: m.line, id: m.id, row: m.row, duplicateOfLine: null, on: [] });
    }
  }
  plan.skip.sort((a, b) => a.line - b.line);
  return plan;
}
