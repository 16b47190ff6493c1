/**
 * CSV as RFC 4180 writes it: fields separated by commas, records by CRLF; a field holding a comma,
 * a double quote, CR or LF is enclosed in double quotes with its quotes doubled. The file starts
 * with a UTF-8 byte order mark (U+FEFF) so spreadsheet programs read Chinese text as UTF-8; a
 * reader that knows the encoding (`utf-8-sig` in Python) drops it.
 *
 * Formula guard: a spreadsheet runs a cell starting with `=`, `+`, `-` or `@` (and, in some, a tab
 * or CR) as a formula (CSV injection). Such a text cell gets a leading apostrophe (`'=SUM(A1)`),
 * which spreadsheets show as text and which a reader can strip; the file says so nowhere else, so
 * the choice is documented here and in the view's help. Numbers are written as numbers and never
 * guarded (they cannot start with those characters except `-`, and no number here is negative).
 */

export const CSV_BOM = '\uFEFF';
const RISKY_START = /^[=+\-@\t\r]/u;
const NEEDS_QUOTES = /[",\r\n]/u;

export type CsvValue = string | number;

/** A text cell made safe to open in a spreadsheet (see above). */
export function guardFormula(text: string): string {
  return RISKY_START.test(text) ? `'${text}` : text;
}

export function csvField(value: CsvValue): string {
  const text = typeof value === 'number' ? String(value) : guardFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRecord(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',');
}

/** A whole file: BOM, header, records, each record ended by CRLF. */
export function toCsv(header: readonly string[], records: readonly (readonly CsvValue[])[]): string {
  return `${CSV_BOM}${[header, ...records].map((record) => `${csvRecord(record)}\r\n`).join('')}`;
}
