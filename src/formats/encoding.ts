/**
 * Which text encoding a file is in, decided from its first bytes. Only encodings we can tell apart
 * reliably are accepted: UTF-8 (BOM optional), UTF-16 with a BOM, and GB18030 (a superset of GBK
 * and GB2312, still common for Chinese text). Anything else is refused rather than misread.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type SniffResult = { encoding: TextEncodingName; bom: boolean } | { error: string };

/** Completes "Cannot read FILE: …" (the caller names the file). */
export const UNREADABLE_TEXT = 'it is not UTF-8, UTF-16 with a byte order mark, or GB18030 text';

/** C0 controls and DEL other than tab, line feed, form feed and carriage return: a binary file. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_GARBAGE = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;

/**
 * `head` is the start of the file, `isWholeFile` says whether it is all of it: only then is a
 * multibyte character cut off at the end an error rather than the edge of the sample.
 */
export function sniffEncoding(head: Uint8Array, isWholeFile: boolean): SniffResult {
  const bom = bomEncoding(head);
  if (bom) return decodesCleanly(bom, head, isWholeFile) ? { encoding: bom, bom: true } : { error: UNREADABLE_TEXT };
  // A NUL byte never occurs in UTF-8 or GB18030 text; checking the bytes first is cheap.
  if (head.includes(0)) return { error: UNREADABLE_TEXT };
  // Valid UTF-8 is almost never accidental in other encodings, so it goes first; GB18030 accepts
  // far more byte sequences and is the fallback.
  for (const encoding of ['utf-8', 'gb18030'] as const) {
    if (decodesCleanly(encoding, head, isWholeFile)) return { encoding, bom: false };
  }
  return { error: UNREADABLE_TEXT };
}

function bomEncoding(head: Uint8Array): TextEncodingName | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}

function decodesCleanly(encoding: TextEncodingName, bytes: Uint8Array, isWholeFile: boolean): boolean {
  try {
    return !CONTROL_GARBAGE.test(createDecoder(encoding).decode(bytes, { stream: !isWholeFile }));
  } catch {
    return false;
  }
}

/** A decoder that throws on invalid bytes (never inserts U+FFFD) and drops a leading BOM. */
export function createDecoder(encoding: TextEncodingName): TextDecoder {
  return new TextDecoder(encoding, { fatal: true });
}

const LABELS: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  gb18030: 'GB18030 / GBK',
};

export function encodingLabel(encoding: TextEncodingName): string {
  return LABELS[encoding];
}
