import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvField, guardFormula, toCsv } from './csv';

/** An RFC 4180 reader, independent of the writer: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  return records;
}

const unguard = (text: string) => (/^'[=+\-@\t\r]/u.test(text) ? text.slice(1) : text);

describe('CSV (RFC 4180)', () => {
  it('quotes fields with commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('李强')).toBe('李强');
    expect(csvField(12)).toBe('12');
  });

  it('guards cells a spreadsheet would run as a formula', () => {
    for (const risky of ['=SUM(A1)', '+1', '-2+3', '@cmd', '\tx', '\rx']) expect(guardFormula(risky)).toBe(`'${risky}`);
    expect(guardFormula('李强=人')).toBe('李强=人');
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
  });

  it('starts with a BOM and ends every record with CRLF', () => {
    expect(toCsv(['a', 'b'], [['x', 1]])).toBe(`${CSV_BOM}a,b\r\nx,1\r\n`);
  });

  it('reads back as written, guards removed (property)', () => {
    const cell = fc.oneof(fc.string().filter((text) => !text.startsWith("'")), fc.constantFrom('=', '+x', '-', '@', '"', ',', '\r\n', '𠮷', '李,强'));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 6 }), (records) => {
        const text = toCsv(['a', 'b', 'c'], records);
        expect(text.startsWith(CSV_BOM)).toBe(true);
        const parsed = parseCsv(text.slice(1));
        expect(parsed).toHaveLength(records.length + 1);
        expect(parsed.slice(1).map((record) => record.map(unguard))).toEqual(records);
        for (const record of parsed.slice(1)) for (const field of record) expect(/^[=+\-@\t\r]/u.test(field)).toBe(false);
      }),
    );
  });
});
