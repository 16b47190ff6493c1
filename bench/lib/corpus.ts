import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { Random } from './random';
import type { Sentence, SentencePool } from './sentences';

/** Bump when a generator's output changes for the same parameters. */
const GENERATOR_VERSION = 1;

export const LABELS = ['person', 'place', 'policy', 'metric'] as const;

/** A span as Spanwright JSONL writes it: code point offsets, end exclusive. */
export interface FileSpan {
  start: number;
  end: number;
  label: string;
  text: string;
}

export interface FileRecord {
  id: string;
  text: string;
  spans: FileSpan[];
  annotator: string;
  status: string;
  meta: Record<string, unknown>;
}

export interface CorpusFile {
  path: string;
  bytes: number;
  documents: number;
  spans: number;
  chars: number;
  /** Generator-specific facts (e.g. how many spans are nested). */
  extra: Record<string, number | string>;
  /** True when this run generated the file, false when it was reused. */
  generated: boolean;
}

type CorpusStats = Omit<CorpusFile, 'path' | 'generated'>;

/** Writes JSON lines through a buffer, to `<file>.tmp` first so a crash never leaves a half corpus. */
class LineWriter {
  private readonly fd: number;
  private buffer: string[] = [];
  private buffered = 0;
  bytes = 0;
  lines = 0;

  constructor(readonly file: string) {
    this.fd = openSync(file, 'w');
  }

  write(record: FileRecord): void {
    const line = `${JSON.stringify(record)}\n`;
    this.buffer.push(line);
    this.buffered += line.length;
    this.bytes += Buffer.byteLength(line);
    this.lines++;
    if (this.buffered > 4_000_000) this.flush();
  }

  flush(): void {
    if (this.buffer.length > 0) writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.buffered = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/**
 * Returns the corpus `<prefix>-<hash of params>.jsonl` in `dir`, generating it only when it is not
 * there yet. Older files with the same prefix (other parameters) are removed.
 */
function cachedCorpus(dir: string, prefix: string, params: Record<string, unknown>, generate: (writer: LineWriter) => Omit<CorpusStats, 'bytes'>): CorpusFile {
  const key = createHash('sha256').update(JSON.stringify({ version: GENERATOR_VERSION, prefix, ...params })).digest('hex').slice(0, 12);
  const file = path.join(dir, `${prefix}-${key}.jsonl`);
  const metaFile = `${file}.meta.json`;
  if (existsSync(file) && existsSync(metaFile)) {
    const stats = JSON.parse(readFileSync(metaFile, 'utf8')) as CorpusStats;
    return { ...stats, path: file, generated: false };
  }
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) {
    if (name.startsWith(`${prefix}-`) && !name.startsWith(`${prefix}-${key}`)) rmSync(path.join(dir, name), { force: true });
  }
  const writer = new LineWriter(`${file}.tmp`);
  let stats: CorpusStats;
  try {
    stats = { ...generate(writer), bytes: 0 };
    writer.close();
  } catch (error) {
    writer.close();
    rmSync(`${file}.tmp`, { force: true });
    throw error;
  }
  stats.bytes = writer.bytes;
  renameSync(`${file}.tmp`, file);
  writeFileSync(metaFile, `${JSON.stringify({ ...stats, params }, null, 2)}\n`);
  return { ...stats, path: file, generated: true };
}

function sourceFingerprint(pool: SentencePool): string {
  return pool.fingerprint;
}

function isSpace(char: string | undefined): boolean {
  return char === undefined || /\s/u.test(char);
}

/** Collects a document's spans, refusing exact duplicates and spans with whitespace at either end. */
class SpanSet {
  readonly spans: { start: number; end: number; label: string }[] = [];
  private readonly keys = new Set<string>();

  constructor(private readonly chars: readonly string[]) {}

  add(start: number, end: number, label: string): boolean {
    if (start < 0 || end > this.chars.length || end <= start) return false;
    if (isSpace(this.chars[start]) || isSpace(this.chars[end - 1])) return false;
    for (let i = start; i < end; i++) if (this.chars[i] === '\n') return false;
    const key = `${start}:${end}:${label}`;
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    this.spans.push({ start, end, label });
    return true;
  }

  toFileSpans(offset = 0): FileSpan[] {
    return [...this.spans]
      .sort((a, b) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label))
      .map((span) => ({ start: span.start + offset, end: span.end + offset, label: span.label, text: this.chars.slice(span.start, span.end).join('') }));
  }
}

function otherLabel(random: Random, label: string): string {
  return random.pick(LABELS.filter((candidate) => candidate !== label));
}

// ---------------------------------------------------------------------------------------------
// Many documents (import throughput)

export interface ManyDocumentsParams {
  documents: number;
  /** Average UTF-8 size of one JSONL line; 1,000 bytes × 100,000 documents ≈ 100 MB. */
  lineBytes: number;
  seed: number;
}

/**
 * `documents` unique documents of shuffled real sentences, each with a few spans (CLUENER's own
 * entities where the sentence has them, plus random ones). Each text starts with a numbered
 * sentence, so no two documents are the same text (import merges identical texts); every seventh
 * number sentence carries 𠮷 (outside the BMP), so code point and UTF-16 offsets differ after it.
 */
export function manyDocuments(dir: string, pool: SentencePool, params: ManyDocumentsParams): CorpusFile {
  return cachedCorpus(dir, `many-${params.documents}`, { ...params, source: sourceFingerprint(pool) }, (writer) => {
    const random = new Random(params.seed);
    const sentences = pool.sentences;
    let spanTotal = 0;
    let charTotal = 0;
    // Room left for the id, spans and fixed fields of the line.
    const textBytes = Math.max(120, params.lineBytes - 300);
    for (let i = 0; i < params.documents; i++) {
      const number = i + 1;
      const parts: { sentence: Sentence; at: number }[] = [];
      const chars: string[] = Array.from(`第${number}号样本${number % 7 === 0 ? '𠮷' : ''}：`);
      let bytes = 0;
      const budget = textBytes + random.int(-200, 200);
      while (bytes < budget) {
        const sentence = random.pick(sentences);
        parts.push({ sentence, at: chars.length });
        for (const char of sentence.chars) chars.push(char);
        bytes += sentence.bytes;
      }
      const spans = new SpanSet(chars);
      for (const { sentence, at } of parts) {
        for (const entity of sentence.entities) {
          if (spans.spans.length < 4 && random.chance(0.7)) spans.add(at + entity.start, at + entity.end, entity.label);
        }
      }
      const wanted = random.int(2, 5);
      for (let attempt = 0; attempt < 20 && spans.spans.length < wanted; attempt++) {
        const { sentence, at } = random.pick(parts);
        const length = random.int(2, Math.min(6, sentence.chars.length));
        const start = at + random.int(0, sentence.chars.length - length);
        spans.add(start, start + length, random.pick(LABELS));
      }
      const fileSpans = spans.toFileSpans();
      spanTotal += fileSpans.length;
      charTotal += chars.length;
      writer.write({ id: `b${number}`, text: chars.join(''), spans: fileSpans, annotator: 'bench', status: 'new', meta: {} });
    }
    return { documents: params.documents, spans: spanTotal, chars: charTotal, extra: { averageChars: Math.round(charTotal / params.documents) } };
  });
}

// ---------------------------------------------------------------------------------------------
// One long document (editor)

export interface LongDocumentParams {
  /** Length of the long document's text (all BMP, so UTF-16 and code points agree). */
  chars: number;
  spans: number;
  minParagraph: number;
  maxParagraph: number;
  seed: number;
  /** The cache's file prefix, so two sizes of long document do not evict each other. */
  prefix?: string;
}

export const LONG_TITLE = 'BENCH-LONG';
export const SHORT_TITLE = 'BENCH-SHORT';

function paragraphOf(random: Random, sentences: readonly Sentence[], length: number, prefix: string): string[] {
  const chars = Array.from(prefix);
  while (chars.length < length) chars.push(...random.pick(sentences).chars);
  return chars.slice(0, length);
}

/** Spans that lie inside another span (nested) and that cross another span's boundary (overlapping). */
function classify(spans: readonly { start: number; end: number }[]): { nested: number; overlapping: number } {
  let nested = 0;
  let overlapping = 0;
  const ordered = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  for (let i = 0; i < ordered.length; i++) {
    const span = ordered[i];
    if (!span) continue;
    let isNested = false;
    let isOverlapping = false;
    for (let j = 0; j < ordered.length; j++) {
      const other = ordered[j];
      if (!other || j === i || other.start >= span.end || other.end <= span.start) continue;
      if (other.start <= span.start && span.end <= other.end) isNested = true;
      else if (!(span.start <= other.start && other.end <= span.end)) isOverlapping = true;
    }
    if (isNested) nested++;
    if (isOverlapping) overlapping++;
  }
  return { nested, overlapping };
}

/**
 * Line 1: a `chars`-long document of paragraphs (`minParagraph`–`maxParagraph` characters) with
 * `spans` spans, many of them nested in or overlapping others with different labels. Line 2: a
 * short document to switch to. Titles start with LONG_TITLE and SHORT_TITLE.
 */
export function longDocument(dir: string, pool: SentencePool, params: LongDocumentParams): CorpusFile {
  return cachedCorpus(dir, params.prefix ?? 'long-document', { ...params, source: sourceFingerprint(pool) }, (writer) => {
    const random = new Random(params.seed);
    const sentences = pool.sentences.filter((sentence) => sentence.bmp);
    const paragraphs: string[][] = [];
    let used = 0;
    for (;;) {
      const remaining = params.chars - used - (paragraphs.length > 0 ? 1 : 0);
      let length = random.int(params.minParagraph, params.maxParagraph);
      if (remaining - length - 1 < params.minParagraph) length = remaining;
      paragraphs.push(paragraphOf(random, sentences, length, paragraphs.length === 0 ? `${LONG_TITLE} 长文档基准：` : ''));
      used += length + (paragraphs.length > 1 ? 1 : 0);
      if (length === remaining) break;
    }
    const chars = paragraphs.flatMap((paragraph, i) => (i === 0 ? paragraph : ['\n', ...paragraph]));
    if (chars.length !== params.chars) throw new Error(`long document has ${chars.length} characters, wanted ${params.chars}`);

    const all = new SpanSet(chars);
    let offset = 0;
    let assigned = 0;
    let nested = 0;
    let overlapping = 0;
    paragraphs.forEach((paragraph, index) => {
      if (index > 0) offset += 1;
      const quota = Math.round((params.spans * (offset + paragraph.length)) / params.chars) - assigned;
      const local = new SpanSet(paragraph);
      // Base spans, left to right with gaps.
      let at = random.int(0, 6);
      while (local.spans.length < quota * 0.55 && at < paragraph.length - 2) {
        const length = random.int(2, 8);
        local.add(at, at + length, random.pick(LABELS));
        at += length + random.int(2, 24);
      }
      const bases = [...local.spans];
      // Nested, overlapping and enclosing spans with other labels, around the base spans.
      for (let attempt = 0; local.spans.length < quota && attempt < quota * 50; attempt++) {
        const base = bases.length > 0 ? random.pick(bases) : { start: 0, end: Math.min(4, paragraph.length), label: 'person' };
        const label = otherLabel(random, base.label);
        const roll = random.float();
        if (roll < 0.45) {
          const start = random.int(base.start, base.end - 1);
          local.add(start, random.int(start + 1, base.end), label);
        } else if (roll < 0.8) {
          const start = random.int(base.start + 1, Math.max(base.start + 1, base.end - 1));
          local.add(start, base.end + random.int(1, 6), label);
        } else if (roll < 0.95) {
          local.add(base.start - random.int(0, 4), base.end + random.int(0, 6), label);
        } else {
          const start = random.int(0, paragraph.length - 3);
          local.add(start, start + random.int(1, 3), random.pick(LABELS));
        }
      }
      if (local.spans.length !== quota) throw new Error(`paragraph ${index}: made ${local.spans.length} spans, wanted ${quota}`);
      const counts = classify(local.spans);
      nested += counts.nested;
      overlapping += counts.overlapping;
      for (const span of local.spans) all.add(span.start + offset, span.end + offset, span.label);
      assigned += quota;
      offset += paragraph.length;
    });
    if (all.spans.length !== params.spans) throw new Error(`long document has ${all.spans.length} spans, wanted ${params.spans}`);
    writer.write({ id: 'long', text: chars.join(''), spans: all.toFileSpans(), annotator: 'bench', status: 'in-progress', meta: {} });

    const shortChars = paragraphOf(random, sentences, 160, `${SHORT_TITLE} 短文档：`);
    const short = new SpanSet(shortChars);
    short.add(20, 24, 'person');
    short.add(40, 45, 'place');
    writer.write({ id: 'short', text: shortChars.join(''), spans: short.toFileSpans(), annotator: 'bench', status: 'new', meta: {} });
    return {
      documents: 2,
      spans: params.spans + short.spans.length,
      chars: chars.length + shortChars.length,
      extra: { longChars: chars.length, longSpans: params.spans, paragraphs: paragraphs.length, nested, overlapping },
    };
  });
}

/** The records of a (small) JSONL corpus. */
export function readRecords(file: string): FileRecord[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as FileRecord);
}
