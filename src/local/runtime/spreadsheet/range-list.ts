/**
 * RangeList (https://developers.google.com/apps-script/reference/spreadsheet/range-list): "a
 * collection of one or more Range instances in the same sheet", used to apply one operation to
 * non-adjacent ranges in one call. Only the methods the add-in uses; each applies the Range
 * method of the same name to every range (Sheet.getRangeList:
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#getrangelista1notations).
 */
import { COUNTED } from '../context';
import type { LocalRange } from './range';

export class LocalRangeList {
  readonly [COUNTED] = 'RangeList';

  constructor(private readonly ranges: LocalRange[]) {}

  /** "Returns a list of one or more Range instances in the same sheet." */
  getRanges(): LocalRange[] {
    return [...this.ranges];
  }
  /** "Sets the number format to the given string for each Range in the range list." */
  setNumberFormat(format: string): this {
    for (const r of this.ranges) r.setNumberFormat(format);
    return this;
  }
  /** "Sets the background color for each Range in the range list" (null resets). */
  setBackground(color: string | null): this {
    for (const r of this.ranges) r.setBackground(color);
    return this;
  }
  /** "Sets the font color for each Range in the range list" (null resets). */
  setFontColor(color: string | null): this {
    for (const r of this.ranges) r.setFontColor(color);
    return this;
  }
  /** "Sets the font weight for each Range in the range list" ('bold' or 'normal'; null resets). */
  setFontWeight(fontWeight: string | null): this {
    for (const r of this.ranges) r.setFontWeight(fontWeight);
    return this;
  }
  /** "Sets the note text for each Range in the range list." */
  setNote(note: string | null): this {
    for (const r of this.ranges) r.setNote(note);
    return this;
  }
  toString(): string {
    return 'RangeList';
  }
}
