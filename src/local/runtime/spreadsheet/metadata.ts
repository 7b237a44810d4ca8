/**
 * Developer metadata (https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata).
 * Locations: the spreadsheet, a sheet, or whole rows/columns. Row/column metadata moves with its
 * rows/columns and is deleted with them (Workbook.structural does that through shift.ts).
 */
import { COUNTED } from '../context';
import { notModelled, type Doc } from './doc';
import type { MetadataLocation, MetadataSpec } from './model';
import { LocalRange } from './range';

export class LocalDeveloperMetadataLocation {
  readonly [COUNTED] = 'DeveloperMetadataLocation';
  constructor(
    private readonly doc: Doc,
    private readonly loc: MetadataLocation,
  ) {}
  getLocationType(): MetadataLocation['type'] {
    return this.loc.type;
  }
  getColumn(): LocalRange | null {
    if (this.loc.type !== 'COLUMN') return null;
    const s = this.doc.wb.sheetById(this.loc.sheetId);
    return new LocalRange(this.doc, s.id, 1, this.loc.start, s.maxRows, this.loc.end - this.loc.start + 1);
  }
  getRow(): LocalRange | null {
    if (this.loc.type !== 'ROW') return null;
    const s = this.doc.wb.sheetById(this.loc.sheetId);
    return new LocalRange(this.doc, s.id, this.loc.start, 1, this.loc.end - this.loc.start + 1, s.maxCols);
  }
  getSheet(): unknown {
    if (this.loc.type !== 'SHEET') return null;
    return sheetFacade(this.doc, this.loc.sheetId);
  }
  getSpreadsheet(): unknown {
    return this.loc.type === 'SPREADSHEET' ? spreadsheetFacade(this.doc) : null;
  }
}

// Late-bound factories (set by spreadsheet.ts) to avoid import cycles at module load.
export const facades: { sheet?: (doc: Doc, id: number) => unknown; spreadsheet?: (doc: Doc) => unknown } = {};
const sheetFacade = (doc: Doc, id: number) => facades.sheet!(doc, id);
const spreadsheetFacade = (doc: Doc) => facades.spreadsheet!(doc);

export class LocalDeveloperMetadata {
  readonly [COUNTED] = 'DeveloperMetadata';
  constructor(
    private readonly doc: Doc,
    private readonly id: number,
  ) {}
  private spec(): MetadataSpec {
    const m = this.doc.wb.metadata.find((x) => x.id === this.id);
    if (!m) throw new Error('Developer metadata not found (it was removed, or its row/column was deleted).');
    return m;
  }
  getId(): number {
    return this.id;
  }
  getKey(): string {
    return this.spec().key;
  }
  getValue(): string | null {
    return this.spec().value;
  }
  getVisibility(): 'DOCUMENT' | 'PROJECT' {
    return this.spec().visibility;
  }
  getLocation(): LocalDeveloperMetadataLocation {
    return new LocalDeveloperMetadataLocation(this.doc, { ...this.spec().location });
  }
  setKey(key: string): this {
    this.spec().key = key;
    return this;
  }
  setValue(value: string | null): this {
    this.spec().value = value;
    return this;
  }
  setVisibility(v: 'DOCUMENT' | 'PROJECT'): this {
    this.spec().visibility = v;
    return this;
  }
  moveToColumn(range: LocalRange): this {
    const r = range.rect();
    this.spec().location = { type: 'COLUMN', sheetId: r.sheetId, start: r.col, end: r.col + r.numCols - 1 };
    return this;
  }
  moveToRow(range: LocalRange): this {
    const r = range.rect();
    this.spec().location = { type: 'ROW', sheetId: r.sheetId, start: r.row, end: r.row + r.numRows - 1 };
    return this;
  }
  moveToSheet(sheet: { getSheetId(): number }): this {
    this.spec().location = { type: 'SHEET', sheetId: sheet.getSheetId() };
    return this;
  }
  moveToSpreadsheet(): this {
    this.spec().location = { type: 'SPREADSHEET' };
    return this;
  }
  remove(): void {
    this.doc.wb.metadata = this.doc.wb.metadata.filter((m) => m.id !== this.id);
  }
}

/**
 * The overloads of addDeveloperMetadata (Spreadsheet, Sheet and Range alike): (key),
 * (key, value), (key, visibility) and (key, value, visibility)
 * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#adddevelopermetadatakey,-visibility).
 * A second argument is a visibility only when it is the last one and names one.
 */
export function addMetadataFromArgs(
  doc: Doc,
  location: MetadataLocation,
  argCount: number,
  key: string,
  valueOrVisibility?: string | null,
  visibility?: string,
): void {
  if (argCount === 2 && (valueOrVisibility === 'DOCUMENT' || valueOrVisibility === 'PROJECT')) {
    addMetadata(doc, location, key, null, valueOrVisibility);
  } else {
    addMetadata(doc, location, key, valueOrVisibility, visibility);
  }
}

export function addMetadata(doc: Doc, location: MetadataLocation, key: string, value?: string | null, visibility?: string): void {
  if (typeof key !== 'string' || !key) throw new Error('Developer metadata key must be a non-empty string.');
  doc.wb.metadata.push({
    id: doc.wb.nextId++,
    key,
    value: value ?? null,
    visibility: visibility === 'PROJECT' ? 'PROJECT' : 'DOCUMENT',
    location: { ...location },
  });
}

/**
 * DeveloperMetadataFinder. Its scope is the whole spreadsheet, one sheet (the sheet itself and
 * its rows and columns) or a range (metadata wholly contained in it).
 */
export class LocalDeveloperMetadataFinder {
  readonly [COUNTED] = 'DeveloperMetadataFinder';
  private filters: ((m: MetadataSpec) => boolean)[] = [];
  constructor(
    private readonly doc: Doc,
    private readonly scope: (m: MetadataSpec) => boolean,
  ) {}
  withKey(key: string): this {
    this.filters.push((m) => m.key === key);
    return this;
  }
  withValue(value: string): this {
    this.filters.push((m) => m.value === value);
    return this;
  }
  withId(id: number): this {
    this.filters.push((m) => m.id === id);
    return this;
  }
  withLocationType(t: string): this {
    this.filters.push((m) => m.location.type === String(t));
    return this;
  }
  withVisibility(v: string): this {
    this.filters.push((m) => m.visibility === String(v));
    return this;
  }
  /** Widens the search from exact locations to intersecting ones; not modelled (the scopes here are exact). */
  onIntersectingLocations(): never {
    throw notModelled('DeveloperMetadataFinder.onIntersectingLocations');
  }
  find(): LocalDeveloperMetadata[] {
    return this.doc.wb.metadata.filter((m) => this.scope(m) && this.filters.every((f) => f(m))).map((m) => new LocalDeveloperMetadata(this.doc, m.id));
  }
}
