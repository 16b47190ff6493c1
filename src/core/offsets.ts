/**
 * The one place where the app's UTF-16 offsets meet the code point offsets of every file format
 * (Python `str` indexing). Characters above U+FFFF (`𠮷`, emoji) take two UTF-16 units and one
 * code point; nothing else differs.
 */

const SURROGATE = /[\uD800-\uDFFF]/;

/** True when the text has no surrogate pairs, i.e. UTF-16 and code point offsets coincide. */
export function isBmpOnly(text: string): boolean {
  return !SURROGATE.test(text);
}

/**
 * Converts many offsets over one text in a single pass. Build it once per document and reuse it:
 * each conversion is then O(log n) in the number of astral characters, and O(1) for BMP-only text.
 */
export class OffsetMap {
  /** UTF-16 index of every astral character, ascending. Empty for BMP-only text. */
  private readonly astralAt: readonly number[];
  readonly utf16Length: number;
  readonly codePointLength: number;

  constructor(text: string) {
    const astral: number[] = [];
    // Most texts have no surrogate at all: one native regex scan instead of a loop over every
    // unit (an import builds a map for each of 100,000 documents).
    const first = text.search(SURROGATE);
    for (let i = first === -1 ? text.length : first; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          astral.push(i);
          i++;
        }
      }
    }
    this.astralAt = astral;
    this.utf16Length = text.length;
    this.codePointLength = text.length - astral.length;
  }

  /**
   * UTF-16 offset → code point offset. An offset inside a surrogate pair counts the pair as
   * already passed; callers keep offsets on boundaries (see `spans.ts`).
   */
  toCodePoint(utf16: number): number {
    return utf16 - countBelow(this.astralAt, utf16 - 1);
  }

  /** Code point offset → UTF-16 offset. */
  toUtf16(codePoint: number): number {
    // Each astral character before the target adds one extra unit; find how many by bisection
    // over "code point index of the k-th astral character" = astralAt[k] - k.
    let lo = 0;
    let hi = this.astralAt.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.astralAt[mid] ?? 0;
      if (at - mid < codePoint) lo = mid + 1;
      else hi = mid;
    }
    return codePoint + lo;
  }
}

/** Number of entries in the ascending array that are `<= limit`. */
function countBelow(sorted: readonly number[], limit: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function utf16ToCodePoint(text: string, utf16: number): number {
  return new OffsetMap(text).toCodePoint(utf16);
}

export function codePointToUtf16(text: string, codePoint: number): number {
  return new OffsetMap(text).toUtf16(codePoint);
}

/** Code point length of a string, as Python's `len()` reports it. */
export function codePointLength(text: string): number {
  return new OffsetMap(text).codePointLength;
}
