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

/** A span a token format could not write, for the report shown before the download. */
export interface DroppedSpan {
  /** Code points, as in every file. */
  start: number;
  end: number;
  label: string;
  text: string;
  reason: 'overlap' | 'only-whitespace' | 'invalid';
}

/**
 * Calls `visit` with every non-whitespace code point of the text, its BIO tag and its code point
 * offset, in order, and returns the spans that could not be written. `render` turns a tag (`O`,
 * `B-person` …) into what `visit` receives; it runs once per span, not once per character.
 * This is the hot loop of a 100,000-document export: one pass in UTF-16, no per-character arrays.
 */
export function forEachTaggedToken(record: ExportRecord, render: (tag: string) => string, visit: (token: string, tag: string, offset: number) => void): DroppedSpan[] {
  const { text } = record;
  const exportable = exportableSpans(text, record.spans);
  const spans = withoutOverlaps(exportable.spans, text);
  const droppedSpans: Span[] = [];
  const reasons: DroppedSpan['reason'][] = [];
  const drop = (span: Span, reason: DroppedSpan['reason']): void => {
    droppedSpans.push(span);
    reasons.push(reason);
  };
  if (exportable.dropped > 0) {
    const valid = new Set(exportable.spans);
    for (const span of record.spans) if (!valid.has(span)) drop(span, 'invalid');
  }
  if (spans.length < exportable.spans.length) {
    const kept = new Set(spans);
    for (const span of exportable.spans) if (!kept.has(span)) drop(span, 'overlap');
  }
  let next = 0;
  let span: Span | undefined;
  let begin = '';
  let inside = '';
  let tagged = false;
  let codePoint = 0;
  const outside = render('O');
  for (let i = 0; i < text.length; codePoint++) {
    const unit = text.charCodeAt(i);
    const width = (unit & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    if (span && span.end <= i) {
      // A span of nothing but whitespace has no token to carry it.
      if (!tagged) drop(span, 'only-whitespace');
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
      visit(width === 1 ? (text[i] ?? '') : text.slice(i, i + 2), tag, codePoint);
    }
    i += width;
  }
  if (span && !tagged) drop(span, 'only-whitespace');
  if (droppedSpans.length === 0) return [];
  const map = new OffsetMap(text);
  return droppedSpans.map((dropped, index) => {
    const start = Math.max(0, Math.min(text.length, dropped.start));
    const end = Math.max(start, Math.min(text.length, dropped.end));
    return { start: map.toCodePoint(start), end: map.toCodePoint(end), label: dropped.label, text: text.slice(start, end), reason: reasons[index] ?? 'overlap' };
  });
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
 * (string building is most of the export's cost). Labels never hold whitespace (the label editor
 * and every importer refuse it), so a tag is written exactly as the label is named.
 */
function conllLineEnd(tag: string): string {
  return ` ${tag}\n`;
}

const asIs = (tag: string): string => tag;

/**
 * `char TAG` lines and a blank line; nothing at all for a document without a token. Whitespace
 * is skipped: a blank cannot stand as a token in a whitespace-separated file.
 */
export function serialiseConll(record: ExportRecord): Chunk {
  let text = '';
  const dropped = forEachTaggedToken(record, conllLineEnd, (token, lineEnd) => {
    text += token + lineEnd;
  });
  return { text: text === '' ? '' : `${text}\n`, droppedSpans: dropped.length, dropped };
}

/**
 * `{"id","text","tokens":[…],"ner_tags":[…],"offsets":[[start,end],…]}` with string tags: one
 * token per non-whitespace code point, whitespace skipped, and each token's code point offsets in
 * `text`, so `text[start:end] == token` in Python and predictions map back onto the text.
 */
export function serialiseHuggingFace(record: ExportRecord): Chunk {
  const tokens: string[] = [];
  const tags: string[] = [];
  // Built as text: JSON.stringify of one small array per token is most of the cost at 100,000 documents.
  let offsets = '';
  const dropped = forEachTaggedToken(record, asIs, (token, tag, offset) => {
    tokens.push(token);
    tags.push(tag);
    offsets += offsets === '' ? `[${offset},${offset + 1}]` : `,[${offset},${offset + 1}]`;
  });
  const line = `{"id":${JSON.stringify(record.id)},"text":${JSON.stringify(record.text)},"tokens":${JSON.stringify(tokens)},"ner_tags":${JSON.stringify(tags)},"offsets":[${offsets}]}`;
  return { text: `${line}\n`, droppedSpans: dropped.length, dropped };
}

/**
 * `labels.json` for a Hugging Face export: the tag names in order (`O`, then `B-`/`I-` of each
 * label in the label set's order), ready for `datasets.ClassLabel(names=…)`.
 */
export function huggingFaceTagNames(labels: readonly string[]): string[] {
  return ['O', ...labels.flatMap((label) => [`B-${label}`, `I-${label}`])];
}

export function huggingFaceLabelsFile(labels: readonly string[]): string {
  return `${JSON.stringify(huggingFaceTagNames(labels), null, 2)}\n`;
}

/** One line of the dropped-spans report (`*.dropped.jsonl`): which document, which span, why. */
export function droppedSpanLines(documentId: string, dropped: readonly DroppedSpan[]): string {
  let out = '';
  for (const span of dropped) out += `${JSON.stringify({ document: documentId, start: span.start, end: span.end, label: span.label, text: span.text, reason: span.reason })}\n`;
  return out;
}

/**
 * The spans CoNLL and Hugging Face would leave out of a document, in the order the writers list
 * them, without writing a token: what the Export dialog's preview shows before a download.
 */
export function droppedByBio(record: ExportRecord): DroppedSpan[] {
  const { text } = record;
  const exportable = exportableSpans(text, record.spans);
  const kept = withoutOverlaps(exportable.spans, text);
  const drops: { span: Span; reason: DroppedSpan['reason'] }[] = [];
  if (exportable.dropped > 0) {
    const valid = new Set(exportable.spans);
    for (const span of record.spans) if (!valid.has(span)) drops.push({ span, reason: 'invalid' });
  }
  if (kept.length < exportable.spans.length) {
    const keptSet = new Set(kept);
    for (const span of exportable.spans) if (!keptSet.has(span)) drops.push({ span, reason: 'overlap' });
  }
  for (const span of kept) {
    let blank = true;
    for (let i = span.start; i < span.end && blank; i++) blank = isWhitespace(text.charCodeAt(i));
    if (blank) drops.push({ span, reason: 'only-whitespace' });
  }
  if (drops.length === 0) return [];
  const map = new OffsetMap(text);
  return drops.map(({ span, reason }) => {
    const start = Math.max(0, Math.min(text.length, span.start));
    const end = Math.max(start, Math.min(text.length, span.end));
    return { start: map.toCodePoint(start), end: map.toCodePoint(end), label: span.label, text: text.slice(start, end), reason };
  });
}
