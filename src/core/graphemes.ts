/**
 * Boundary helpers over user-perceived characters. Only a window around the offset is segmented,
 * so the cost does not grow with the document (a 100,000-character article stays instant).
 */

const WINDOW = 64;
const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function boundariesAround(text: string, offset: number): number[] {
  const from = Math.max(0, offset - WINDOW);
  const to = Math.min(text.length, offset + WINDOW);
  const found: number[] = [];
  for (const segment of graphemeSegmenter.segment(text.slice(from, to))) found.push(from + segment.index);
  found.push(to);
  return found;
}

/**
 * UTF-16 units that are a whole grapheme whatever stands beside them (UAX #29: Grapheme_Cluster_Break
 * Other, and no neighbour can extend them): printable ASCII, CJK punctuation up to the ideographic
 * tone marks, CJK ideographs (extension A and the main block), fullwidth ASCII.
 */
function isLoneUnit(code: number): boolean {
  return (
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0x3000 && code <= 0x3029) ||
    (code >= 0x3030 && code <= 0x303f) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xff01 && code <= 0xff5e)
  );
}

/**
 * Whether `offset` is a boundary without asking the segmenter: both units around it stand alone.
 * Tagging every occurrence of a word in a 2,000,000-character document snaps ten thousand ranges;
 * segmenting a window for each took seconds.
 */
function obviousBoundary(text: string, offset: number): boolean {
  return isLoneUnit(text.charCodeAt(offset - 1)) && isLoneUnit(text.charCodeAt(offset));
}

/** The nearest grapheme boundary at or before `offset`. */
export function graphemeStartAtOrBefore(text: string, offset: number): number {
  if (offset <= 0) return 0;
  if (offset >= text.length) return text.length;
  if (obviousBoundary(text, offset)) return offset;
  let best = 0;
  for (const boundary of boundariesAround(text, offset)) if (boundary <= offset) best = boundary;
  return best;
}

/** The nearest grapheme boundary at or after `offset`. */
export function graphemeEndAtOrAfter(text: string, offset: number): number {
  if (offset <= 0) return 0;
  if (offset >= text.length) return text.length;
  if (obviousBoundary(text, offset)) return offset;
  for (const boundary of boundariesAround(text, offset)) if (boundary >= offset) return boundary;
  return text.length;
}

export function isGraphemeBoundary(text: string, offset: number): boolean {
  return graphemeStartAtOrBefore(text, offset) === offset;
}

/** Offset of the grapheme boundary after `offset` (one user-perceived character forward). */
export function nextGrapheme(text: string, offset: number): number {
  if (offset >= text.length) return text.length;
  for (const boundary of boundariesAround(text, offset)) if (boundary > offset) return boundary;
  return text.length;
}

/** Offset of the grapheme boundary before `offset` (one user-perceived character back). */
export function previousGrapheme(text: string, offset: number): number {
  if (offset <= 0) return 0;
  let best = 0;
  for (const boundary of boundariesAround(text, offset)) if (boundary < offset) best = boundary;
  return best;
}
