/**
 * Protection (https://developers.google.com/apps-script/reference/spreadsheet/protection).
 * Stored and moved with the grid; the local runtime has a single user, so protections never
 * block a script write (a warning-only protection never blocks scripts in Sheets either).
 */
import { COUNTED } from '../context';
import { notModelled, type Doc } from './doc';
import type { ProtectionSpec } from './model';
import { LocalRange } from './range';

export class LocalProtection {
  readonly [COUNTED] = 'Protection';
  constructor(
    private readonly doc: Doc,
    readonly id: number,
  ) {}
  private spec(): ProtectionSpec {
    const p = this.doc.wb.protections.find((x) => x.id === this.id);
    if (!p) throw new Error('The protection has been removed.');
    return p;
  }
  getProtectionType(): 'RANGE' | 'SHEET' {
    return this.spec().type;
  }
  getRange(): LocalRange {
    const r = this.spec().rect;
    return new LocalRange(this.doc, r.sheetId, r.row, r.col, r.numRows, r.numCols);
  }
  getDescription(): string {
    return this.spec().description;
  }
  setDescription(d: string): this {
    this.spec().description = d;
    return this;
  }
  isWarningOnly(): boolean {
    return this.spec().warningOnly;
  }
  setWarningOnly(w: boolean): this {
    this.spec().warningOnly = w;
    return this;
  }
  canEdit(): boolean {
    return true;
  }
  canDomainEdit(): boolean {
    return true;
  }
  // Who may edit a protected range is about other users' accounts, which the runtime does not model.
  getEditors(): never {
    throw notModelled('Protection.getEditors');
  }
  addEditor(): never {
    throw notModelled('Protection.addEditor');
  }
  addEditors(): never {
    throw notModelled('Protection.addEditors');
  }
  removeEditor(): never {
    throw notModelled('Protection.removeEditor');
  }
  removeEditors(): never {
    throw notModelled('Protection.removeEditors');
  }
  setDomainEdit(): never {
    throw notModelled('Protection.setDomainEdit');
  }
  remove(): void {
    this.doc.wb.protections = this.doc.wb.protections.filter((p) => p.id !== this.id);
  }
}
