/**
 * CSV as people paste or export it: RFC 4180 quoting (doubled quotes, delimiters and line
 * breaks inside quotes), CRLF or LF, a UTF-8 byte-order mark, and the delimiter sniffed from
 * the header line — comma, semicolon (European Excel) or tab (cells copied from a
 * spreadsheet). Each record keeps the line it starts on so a rejection can say where it is.
 */
export interface CsvRecord {
  /** 1-based line in the text where the record starts. */
  line: number;
  cells: string[];
}

export type Delimiter = ',' | ';' | '\t';

/** The delimiter used most on the first non-blank line, outside quotes; comma by default. */
export function sniffDelimiter(text: string): Delimiter {
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of first) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  let best: Delimiter = ',';
  for (const d of ['\t', ';'] as const) if (counts[d] > counts[best]) best = d;
  return best;
}

/** Parses the text; records whose cells are all blank (blank lines) are dropped. */
export function parseCsv(raw: string, delimiter: Delimiter = sniffDelimiter(raw.replace(/^\uFEFF/, ''))): CsvRecord[] {
  const text = raw.replace(/^\uFEFF/, '');
  const out: CsvRecord[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    cells.push(field);
    if (cells.some((c) => c.trim() !== '')) out.push({ line: start, cells });
    cells = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else if (c === '\r') {
        // A line break inside quotes is kept as the \n a cell holds, whatever the file used.
        if (text[i + 1] === '\n') i++;
        line++;
        field += '\n';
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field.trim() === '') {
      field = '';
      quoted = true;
    } else if (c === delimiter) {
      cells.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      // "\r\n": the "\n" that follows ends the record.
    } else if (c === '\n' || c === '\r') {
      endRecord();
      line++;
      start = line;
    } else field += c;
  }
  if (field !== '' || cells.length) endRecord();
  return out;
}
