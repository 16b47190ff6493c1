import { describe, expect, it } from 'vitest';
import { createDecoder, encodingLabel, sniffEncoding, UNREADABLE_TEXT } from './encoding';

const TEXT = '刘艳霞在通州区工作 𠮷\n';
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return bytes;
}

/** '刘艳霞在通州区', encoded once with Python's `'…'.encode('gb18030')`. */
const GB18030 = new Uint8Array([193, 245, 209, 222, 207, 188, 212, 218, 205, 168, 214, 221, 199, 248]);
/** '𠮷a' in GB18030: a four-byte sequence. */
const GB18030_ASTRAL = new Uint8Array([149, 52, 178, 53, 97]);

describe('sniffEncoding', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(sniffEncoding(utf8(TEXT), true)).toEqual({ encoding: 'utf-8', bom: false });
    expect(sniffEncoding(utf8('plain ascii\tand\f\r\n'), true)).toEqual({ encoding: 'utf-8', bom: false });
  });

  it('reads UTF-8 with a BOM and the decoder drops it', () => {
    const bytes = utf8(`\uFEFF${TEXT}`);
    expect(sniffEncoding(bytes, true)).toEqual({ encoding: 'utf-8', bom: true });
    expect(createDecoder('utf-8').decode(bytes)).toBe(TEXT);
  });

  it('reads UTF-16 LE and BE by their BOM', () => {
    for (const [littleEndian, encoding] of [[true, 'utf-16le'], [false, 'utf-16be']] as const) {
      const bytes = utf16(TEXT, littleEndian);
      expect(sniffEncoding(bytes, true)).toEqual({ encoding, bom: true });
      expect(createDecoder(encoding).decode(bytes)).toBe(TEXT);
    }
  });

  it('reads GB18030 (and so GBK) when the bytes are not UTF-8', () => {
    expect(sniffEncoding(GB18030, true)).toEqual({ encoding: 'gb18030', bom: false });
    expect(createDecoder('gb18030').decode(GB18030)).toBe('刘艳霞在通州区');
    expect(createDecoder('gb18030').decode(GB18030_ASTRAL)).toBe('𠮷a');
  });

  it('accepts a UTF-8 character cut off by the end of the head, but not at the end of the file', () => {
    const cut = utf8('刘艳霞').subarray(0, 7);
    expect(sniffEncoding(cut, false)).toEqual({ encoding: 'utf-8', bom: false });
    // Nor are those seven bytes valid GB18030.
    expect(sniffEncoding(cut, true)).toEqual({ error: UNREADABLE_TEXT });
  });

  it('refuses binary and invalid bytes with the message the caller completes', () => {
    expect(sniffEncoding(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), true)).toEqual({ error: UNREADABLE_TEXT });
    expect(sniffEncoding(new Uint8Array([0x41, 0x01, 0x02, 0x42]), true)).toEqual({ error: UNREADABLE_TEXT });
    expect(sniffEncoding(new Uint8Array([0xff, 0x41, 0x42]), true)).toEqual({ error: UNREADABLE_TEXT });
    expect(sniffEncoding(new Uint8Array([0x81, 0x20]), true)).toEqual({ error: UNREADABLE_TEXT });
    expect(`Cannot read data.bin: ${UNREADABLE_TEXT}`).toBe(
      'Cannot read data.bin: it is not UTF-8, UTF-16 with a byte order mark, or GB18030 text',
    );
  });

  it('refuses a UTF-16 BOM followed by binary', () => {
    expect(sniffEncoding(new Uint8Array([0xff, 0xfe, 0x00, 0x00, 0x01, 0x00]), true)).toEqual({ error: UNREADABLE_TEXT });
  });

  it('takes an empty file as UTF-8', () => {
    expect(sniffEncoding(new Uint8Array(0), true)).toEqual({ encoding: 'utf-8', bom: false });
  });
});

describe('createDecoder', () => {
  it('throws on invalid bytes instead of inserting U+FFFD', () => {
    expect(() => createDecoder('utf-8').decode(new Uint8Array([0xc3, 0x28]))).toThrow();
  });
});

describe('encodingLabel', () => {
  it('names every encoding for display', () => {
    expect(['utf-8', 'utf-16le', 'utf-16be', 'gb18030'].map((name) => encodingLabel(name as Parameters<typeof encodingLabel>[0]))).toEqual([
      'UTF-8',
      'UTF-16 LE',
      'UTF-16 BE',
      'GB18030 / GBK',
    ]);
  });
});
