/**
 * The token exporters: character-level CoNLL BIO and Hugging Face token classification. One code
 * point is one token; whitespace cannot stand as a token and is skipped. BIO cannot express
 * overlapping spans, so overlaps are resolved here and every dropped span is counted.
 */
import { OffsetMap } from '../core/offsets';
import type { Span } from '../core/types';
import type { Chunk } from './exportJson';
import { exportableSpans } from './exportSpans';
import type { ExportRecord } from './types';

/** Exactly the characters of JavaScript's `\s`, tested on a UTF-16 unit without a regex. */
function isWhitespace(unit: number): boolean {
  if (unit <= 0x20) return unit === 0x20 || (unit >= 0x09 && unit <= 0x0d);
  if (unit < 0xa0) return false;
  return (
    unit === 0xa0 ||
    unit === 0x1680 ||
    (unit >= 0x2000 && unit <= 0x200a) ||
    unit === 0x2028 ||
    unit === 0x2029 ||
    unit === 0x202f ||
    unit === 0x205f ||
    unit === 0x3000 ||
    unit === 0xfeff
  );
}

/**
 * Calls `visit` with every non-whitespace code point of the text and its BIO tag, in order, and
 * returns how many spans could not be written. `render` turns a tag (`O`, `B-person` …) into what
 * `visit` receives; it runs once per span, not once per character.
 * This is the hot loop of a 100,000-document export: one pass in UTF-16, no per-character arrays.
 */
export function forEachTaggedToken(record: ExportRecord, render: (tag: string) => string, visit: (token: string, tag: string) => void): number {
  const { text } = record;
  const exportable = exportableSpans(text, record.spans);
  const spans = withoutOverlaps(exportable.spans, text);
  let dropped = exportable.dropped + exportable.spans.length - spans.length;
  let next = 0;
  let span: Span | undefined;
  let begin = '';
  let inside = '';
  let tagged = false;
  const outside = render('O');
  for (let i = 0; i < text.length; ) {
    const unit = text.charCodeAt(i);
    const width = (unit & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    if (span && span.end <= i) {
      // A span of nothing but whitespace has no token to carry it.
      if (!tagged) dropped++;
      span = undefined;
    }
    if (!span && next < spans.length && (spans[next]?.start ?? Infinity) <= i) {
      span = spans[next++];
      if (span) {
        begin = render(`B-${span.label}`);
        inside = render(`I-${span.label}`);
        tagged = false;
      }
    }
    if (!isWhitespace(unit)) {
      let tag = outside;
      if (span) {
        tag = tagged ? inside : begin;
        tagged = true;
      }
      visit(width === 1 ? (text[i] ?? '') : text.slice(i, i + 2), tag);
    }
    i += width;
  }
  if (span && !tagged) dropped++;
  return dropped;
}

/**
 * Keeps the longest span (in code points) of each overlapping set, the earliest among equally
 * long ones, then the longest of what still fits, and so on: greedy, so two spans that only
 * overlap a third, dropped one both survive. `spans` must be sorted; the result is too.
 */
export function withoutOverlaps(spans: readonly Span[], text: string): readonly Span[] {
  let reach = 0;
  let overlapping = false;
  for (const span of spans) {
    if (span.start < reach) overlapping = true;
    reach = Math.max(reach, span.end);
  }
  if (!overlapping) return spans;
  const map = new OffsetMap(text);
  const length = (span: Span): number => map.toCodePoint(span.end) - map.toCodePoint(span.start);
  const byPriority = [...spans].sort((a, b) => length(b) - length(a) || a.start - b.start);
  const taken = new Uint8Array(text.length);
  const kept = byPriority.filter((span) => {
    if (taken.subarray(span.start, span.end).includes(1)) return false;
    taken.fill(1, span.start, span.end);
    return true;
  });
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * A CoNLL line's end after its token: the tag with its separator and newline, built once per span
 * (string building is most of the export's cost). Tags are whitespace-separated fields, so blanks
 * inside a label become `_`.
 */
function conllLineEnd(tag: string): string {
  return ` ${tag.replace(/\s+/g, '_')}\n`;
}

const asIs = (tag: string): string => tag;

/** `char TAG` lines and a blank line; nothing at all for a document without a token. */
export function serialiseConll(record: ExportRecord): Chunk {
  let text = '';
  const droppedSpans = forEachTaggedToken(record, conllLineEnd, (token, lineEnd) => {
    text += token + lineEnd;
  });
  return { text: text === '' ? '' : `${text}\n`, droppedSpans };
}

/** `{"id","tokens":[…],"ner_tags":[…]}` with string tags. */
export function serialiseHuggingFace(record: ExportRecord): Chunk {
  const tokens: string[] = [];
  const tags: string[] = [];
  const droppedSpans = forEachTaggedToken(record, asIs, (token, tag) => {
    tokens.push(token);
    tags.push(tag);
  });
  return { text: `${JSON.stringify({ id: record.id, tokens, ner_tags: tags })}\n`, droppedSpans };
}
