/**
 * The token exporters: character-level CoNLL BIO and Hugging Face token classification. One code
 * point is one token; whitespace cannot stand as a token and is skipped. BIO cannot express
 * overlapping spans, so overlaps are resolved here and every dropped span is counted.
 */
import { OffsetMap } from '../core/offsets';
import type { Span } from '../core/types';
import type { Chunk } from './exportJson';
import { exportableSpans } from './exportSpans';
import { ByteBuilder, utf8, writeCodePoint } from './exportBytes';
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
 * A document cut into runs for the token writers: each run is a stretch of UTF-16 units
 * `[from, to)` (on code point boundaries) either outside any span (`span` null) or inside one
 * span BIO can hold. `codePoint` is the run's start in code points. Whitespace inside a run is
 * still there: the writers skip it.
 */
interface Tagging {
  from: number[];
  to: number[];
  codePoint: number[];
  span: (Span | null)[];
  dropped: DroppedSpan[];
}

/**
 * Which spans BIO can hold and where each run of a tag starts and ends: one pass over the text
 * in UTF-16, no per-character objects (this is the hot loop of a 100,000-document export).
 * A span opens at the first code point at or after its start, closes at the first at or after
 * its end; a span without a non-whitespace code point is dropped, as are overlaps and invalid ranges.
 */
export function tagRuns(record: ExportRecord): Tagging {
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
  const runs: Tagging = { from: [], to: [], codePoint: [], span: [], dropped: [] };
  let runFrom = 0;
  let runCodePoint = 0;
  let next = 0;
  let span: Span | null = null;
  let tagged = false;
  let codePoint = 0;
  const cut = (at: number): void => {
    if (at > runFrom) {
      runs.from.push(runFrom);
      runs.to.push(at);
      runs.codePoint.push(runCodePoint);
      runs.span.push(span);
    }
    runFrom = at;
    runCodePoint = codePoint;
  };
  let nextStart = spans[0]?.start ?? Infinity;
  for (let i = 0; i < text.length; codePoint++) {
    const unit = text.charCodeAt(i);
    if (span !== null) {
      if (span.end <= i) {
        // A span of nothing but whitespace has no token to carry it.
        if (!tagged) drop(span, 'only-whitespace');
        cut(i);
        span = null;
      } else if (!tagged && !isWhitespace(unit)) tagged = true;
    }
    if (span === null && nextStart <= i) {
      cut(i);
      span = spans[next++] ?? null;
      nextStart = spans[next]?.start ?? Infinity;
      tagged = span !== null && !isWhitespace(unit);
    }
    i += (unit & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  if (span !== null && !tagged) drop(span, 'only-whitespace');
  cut(text.length);
  if (droppedSpans.length === 0) return runs;
  const map = new OffsetMap(text);
  runs.dropped = droppedSpans.map((dropped, index) => {
    const start = Math.max(0, Math.min(text.length, dropped.start));
    const end = Math.max(start, Math.min(text.length, dropped.end));
    return { start: map.toCodePoint(start), end: map.toCodePoint(end), label: dropped.label, text: text.slice(start, end), reason: reasons[index] ?? 'overlap' };
  });
  return runs;
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

/** A tag's bytes as each writer needs them, made once per label. */
interface TagBytes {
  /** ` B-x\n`, ` I-x\n` (CoNLL: a line's end after its token). */
  conllBegin: Uint8Array;
  conllInside: Uint8Array;
  /** `"B-x"`, `"I-x"` (Hugging Face, as JSON). */
  jsonBegin: Uint8Array;
  jsonInside: Uint8Array;
}

const tagBytesOf = new Map<string, TagBytes>();
const OUTSIDE_CONLL = utf8(' O\n');
const OUTSIDE_JSON = utf8('"O"');

/**
 * Labels never hold whitespace (the label editor and every importer refuse it), so a tag is
 * written exactly as the label is named.
 */
function tagBytes(label: string): TagBytes {
  let bytes = tagBytesOf.get(label);
  if (!bytes) {
    bytes = { conllBegin: utf8(` B-${label}\n`), conllInside: utf8(` I-${label}\n`), jsonBegin: utf8(JSON.stringify(`B-${label}`)), jsonInside: utf8(JSON.stringify(`I-${label}`)) };
    tagBytesOf.set(label, bytes);
  }
  return bytes;
}

function copyInto(buffer: Uint8Array, at: number, bytes: Uint8Array): number {
  for (let k = 0; k < bytes.length; k++) buffer[at + k] = bytes[k] ?? 0;
  return at + bytes.length;
}

/** The longest of these tags, in bytes. */
function longest(runs: Tagging, pick: (tags: TagBytes) => Uint8Array, outside: Uint8Array): number {
  let most = outside.length;
  for (const span of runs.span) if (span) most = Math.max(most, pick(tagBytes(span.label)).length);
  return most;
}

/** What the writers return: the spans they could not write, named. */
export interface Written {
  droppedSpans: number;
  dropped: DroppedSpan[];
}

/**
 * `char TAG` lines and a blank line; nothing at all for a document without a token. Whitespace
 * is skipped: a blank cannot stand as a token in a whitespace-separated file.
 */
export function writeConll(record: ExportRecord, out: ByteBuilder): Written {
  const { text } = record;
  const runs = tagRuns(record);
  const started = out.length;
  // A UTF-16 unit is at most 3 bytes of UTF-8 (a pair: 4 for 2 units), plus its line end.
  const buffer = out.ensure(text.length * (3 + longest(runs, (tags) => tags.conllInside, OUTSIDE_CONLL)) + 1);
  let at = out.length;
  for (let r = 0; r < runs.from.length; r++) {
    const span = runs.span[r] ?? null;
    const tags = span ? tagBytes(span.label) : null;
    let tag = tags ? tags.conllBegin : OUTSIDE_CONLL;
    const inside = tags ? tags.conllInside : OUTSIDE_CONLL;
    const to = runs.to[r] ?? 0;
    for (let i = runs.from[r] ?? 0; i < to; i++) {
      const unit = text.charCodeAt(i);
      if (unit < 0x80) {
        if (unit <= 0x20 && isWhitespace(unit)) continue;
        buffer[at++] = unit;
      } else {
        if (isWhitespace(unit)) continue;
        if (unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
          at = writeCodePoint(buffer, at, text, i);
          i++;
        } else at = writeCodePoint(buffer, at, text, i);
      }
      at = copyInto(buffer, at, tag);
      tag = inside;
    }
  }
  if (at > started) buffer[at++] = 0x0a;
  out.length = at;
  return { droppedSpans: runs.dropped.length, dropped: runs.dropped };
}

/** A token as a JSON string: most need no escape; `"`, `\\`, control characters and lone surrogates do. */
function writeJsonToken(out: ByteBuilder, text: string, i: number, width: number): void {
  const unit = text.charCodeAt(i);
  const buffer = out.ensure(16);
  if (unit >= 0x20 && unit !== 0x22 && unit !== 0x5c && (width === 2 || (unit & 0xf800) !== 0xd800)) {
    buffer[out.length] = 0x22;
    const at = writeCodePoint(buffer, out.length + 1, text, i);
    buffer[at] = 0x22;
    out.length = at + 1;
  } else out.string(JSON.stringify(text.slice(i, i + width)));
}

/**
 * `{"id","text","tokens":[…],"ner_tags":[…],"offsets":[[start,end],…]}` with string tags: one
 * token per non-whitespace code point, whitespace skipped, and each token's code point offsets in
 * `text`, so `text[start:end] == token` in Python and predictions map back onto the text.
 */
export function writeHuggingFace(record: ExportRecord, out: ByteBuilder): Written {
  const { text } = record;
  const runs = tagRuns(record);
  out.string(`{"id":${JSON.stringify(record.id)},"text":`);
  out.string(JSON.stringify(text));
  out.string(',"tokens":[');
  const counts: number[] = [];
  let tokens = 0;
  for (let r = 0; r < runs.from.length; r++) {
    const to = runs.to[r] ?? 0;
    let count = 0;
    for (let i = runs.from[r] ?? 0; i < to; i++) {
      const unit = text.charCodeAt(i);
      const width = (unit & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      if (!isWhitespace(unit)) {
        if (tokens + count > 0) out.ensure(1)[out.length++] = 0x2c;
        writeJsonToken(out, text, i, width);
        count++;
      }
      i += width - 1;
    }
    counts.push(count);
    tokens += count;
  }
  out.string('],"ner_tags":[');
  let buffer = out.ensure(tokens * (1 + longest(runs, (tags) => tags.jsonInside, OUTSIDE_JSON)));
  let at = out.length;
  let first = true;
  for (let r = 0; r < runs.from.length; r++) {
    const span = runs.span[r] ?? null;
    const tags = span ? tagBytes(span.label) : null;
    let tag = tags ? tags.jsonBegin : OUTSIDE_JSON;
    const inside = tags ? tags.jsonInside : OUTSIDE_JSON;
    for (let n = counts[r] ?? 0; n > 0; n--) {
      if (!first) buffer[at++] = 0x2c;
      first = false;
      at = copyInto(buffer, at, tag);
      tag = inside;
    }
  }
  out.length = at;
  out.string('],"offsets":[');
  // `[start,end],` with two offsets of at most 16 digits each.
  buffer = out.ensure(tokens * 36 + 3);
  at = out.length;
  first = true;
  for (let r = 0; r < runs.from.length; r++) {
    const to = runs.to[r] ?? 0;
    let codePoint = runs.codePoint[r] ?? 0;
    for (let i = runs.from[r] ?? 0; i < to; i++, codePoint++) {
      const unit = text.charCodeAt(i);
      if ((unit & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
      if (isWhitespace(unit)) continue;
      if (!first) buffer[at++] = 0x2c;
      first = false;
      buffer[at++] = 0x5b;
      at = writeInteger(buffer, at, codePoint);
      buffer[at++] = 0x2c;
      at = writeInteger(buffer, at, codePoint + 1);
      buffer[at++] = 0x5d;
    }
  }
  buffer[at++] = 0x5d;
  buffer[at++] = 0x7d;
  buffer[at++] = 0x0a;
  out.length = at;
  return { droppedSpans: runs.dropped.length, dropped: runs.dropped };
}

function writeInteger(buffer: Uint8Array, at: number, value: number): number {
  if (value < 10) {
    buffer[at] = 48 + value;
    return at + 1;
  }
  let digits = 0;
  for (let rest = value; rest > 0; rest = Math.floor(rest / 10)) digits++;
  let end = at + digits;
  for (let rest = value; rest > 0; rest = Math.floor(rest / 10)) buffer[--end] = 48 + (rest % 10);
  return at + digits;
}

/** One document's CoNLL lines as text (tests; the export writes bytes). */
export function serialiseConll(record: ExportRecord): Chunk {
  const out = new ByteBuilder();
  const written = writeConll(record, out);
  return { text: out.text(), ...written };
}

/** One document's Hugging Face line as text (tests; the export writes bytes). */
export function serialiseHuggingFace(record: ExportRecord): Chunk {
  const out = new ByteBuilder();
  const written = writeHuggingFace(record, out);
  return { text: out.text(), ...written };
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
