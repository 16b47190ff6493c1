/**
 * Whether a range is one the editor could have produced from a selection, i.e. `snapSelection`
 * leaves it unchanged: no whitespace at its ends, no grapheme cluster or alphabetic word cut.
 * Suggestions are filtered through this so that accepting one never creates a span no selection
 * can, and its text is exactly what the annotator was shown.
 */
import { snapSelection } from '../core/spans';

/**
 * Code units between which a grapheme boundary always falls (Grapheme_Cluster_Break = Other:
 * no combining marks, joiners, Hangul or prepended signs): printable ASCII, general punctuation
 * without ZWJ/ZWNJ and the invisible format characters, arrows, symbols and geometric shapes
 * (`△`), CJK punctuation without the combining tone marks, kana without the combining voicing
 * marks, CJK ideographs (BMP blocks) and fullwidth forms. `snapSelection` segments a window of
 * text per call, far too slow for thousands of suggestions; on Chinese news nearly every span
 * edge lies between two of these, and only the other edges are handed to it.
 */
const SIMPLE_RANGES =
  '\\u0020-\\u007E\\u2010-\\u2027\\u2030-\\u205E\\u2190-\\u2BFF\\u3000-\\u3029\\u3030-\\u303F\\u3041-\\u3096' +
  '\\u309B-\\u30FF\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF\\uFF01-\\uFF60\\uFFE0-\\uFFEE';
const SIMPLE_UNIT = new RegExp(`[${SIMPLE_RANGES}]`);
/** Also fine next to a span: tab and line breaks, which always break graphemes (only CR+LF joins). */
const SIMPLE_OUTSIDE_UNIT = new RegExp(`[\\t\\n\\r${SIMPLE_RANGES}]`);
/** ASCII and fullwidth letters, digits and `_`: the part of core's word characters in SIMPLE_UNIT. */
const SIMPLE_WORD_UNIT = /[0-9A-Za-z_\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/;
const SPACE = /\s/;

export function isEditorRange(text: string, start: number, end: number): boolean {
  if (start < 0 || end > text.length || start >= end) return false;
  if (isClearBoundary(text, start, true) && isClearBoundary(text, end, false)) return true;
  const snapped = snapSelection(text, start, end);
  return snapped !== null && snapped.start === start && snapped.end === end;
}

/** True when `offset` is certainly a span edge as it stands; false means "ask snapSelection". */
function isClearBoundary(text: string, offset: number, isStart: boolean): boolean {
  const inside = isStart ? text.charAt(offset) : text.charAt(offset - 1);
  if (SPACE.test(inside) || !SIMPLE_UNIT.test(inside)) return false;
  const outside = isStart ? text.charAt(offset - 1) : text.charAt(offset);
  if (outside === '') return true;
  if (!SIMPLE_OUTSIDE_UNIT.test(outside)) return false;
  return !(SIMPLE_WORD_UNIT.test(inside) && SIMPLE_WORD_UNIT.test(outside));
}
