/**
 * JSON Lines import: one record per line, in one of several dialects ("flavors") detected once per
 * file from its first records. Offsets in every dialect are code points; spans are validated and
 * converted by SpanCollector, and any bad span refuses the whole line.
 */
import { isDocumentStatus, type SpanDraft } from '../core/types';
import { quote, show, SpanCollector } from './spanCollector';
import { kindOf, problem, type Problem } from './problems';
import { recordProblem, type ImportedRecord, type JsonlFlavor, type ParseResult } from './types';

export interface JsonlOptions {
  /** File name, recorded as `meta.source`. */
  source: string;
  /** Prodigy answers `reject`/`ignore`: import the text without spans, or leave the record out. */
  prodigyRejected: 'without-spans' | 'skip';
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Decides the flavor from sample records (parsed lines); samples that are not objects are ignored. */
export function detectJsonlFlavor(samples: readonly unknown[]): JsonlFlavor {
  let found: JsonlFlavor | null = null;
  for (const sample of samples) {
    if (!isObject(sample)) continue;
    // Prodigy records also carry `spans`, so its own markers are checked on every sample first.
    if (isProdigy(sample)) return 'prodigy';
    found ??= spanFlavor(sample);
  }
  return found ?? 'text-only';
}

function isProdigy(record: JsonObject): boolean {
  if ('answer' in record || '_input_hash' in record || Array.isArray(record.tokens)) return true;
  return Array.isArray(record.spans) && record.spans.some((span) => isObject(span) && ('token_start' in span || 'token_end' in span));
}

function spanFlavor(record: JsonObject): JsonlFlavor | null {
  if (Array.isArray(record.spans)) return 'spanwright';
  if (Array.isArray(record.label) || Array.isArray(record.labels)) return 'doccano';
  if (isObject(record.label)) return 'cluener';
  return null;
}

const CONTENT = /\S/;

/** Parses one line; null for a blank line, which is neither a record nor a problem. */
export function parseJsonlLine(line: string, lineNumber: number, flavor: JsonlFlavor, options: JsonlOptions): ParseResult | null {
  if (!CONTENT.test(line)) return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return recordProblem(lineNumber, problem('malformedJson', { detail: error instanceof Error ? error.message : String(error) }));
  }
  if (!isObject(value)) return recordProblem(lineNumber, problem('notAnObject', { kind: kindOf(value) }));

  const textField = value.text !== undefined ? 'text' : value.content !== undefined ? 'content' : value.data !== undefined ? 'data' : null;
  if (textField === null) return recordProblem(lineNumber, problem('noText'));
  const text = value[textField];
  if (typeof text !== 'string') return recordProblem(lineNumber, problem('textNotString', { field: textField, kind: kindOf(text) }));

  const record: ImportedRecord = { line: lineNumber, text, spans: [] };
  const id = value.id;
  if (typeof id === 'string') record.id = id;
  else if (typeof id === 'number' && Number.isFinite(id)) record.id = String(id);
  const meta = value.meta;
  // The file's own meta wins: a Spanwright export re-imported keeps its original source and line.
  record.meta = isObject(meta) ? { source: options.source, line: lineNumber, ...meta } : { source: options.source, line: lineNumber };

  let error: Problem | null = null;
  const spans = new SpanCollector(text);
  switch (flavor) {
    case 'spanwright':
      error = readSpanObjects(value.spans, spans) ?? readAnnotation(value, record);
      break;
    case 'prodigy': {
      const answer = value.answer;
      if (answer === 'reject' || answer === 'ignore') {
        if (options.prodigyRejected === 'skip') {
          return recordProblem(lineNumber, problem('prodigySkipped', { answer }), true);
        }
        break;
      }
      error = readSpanObjects(value.spans, spans);
      break;
    }
    case 'doccano':
      error = readTriples(value.label ?? value.labels, spans);
      break;
    case 'cluener':
      error = readCluener(value.label, spans);
      break;
    case 'text-only':
      break;
  }
  if (error !== null) return recordProblem(lineNumber, error);
  record.spans = spans.spans;
  if (text.includes('\r')) normaliseRecordNewlines(record);
  return record;
}

/** Spanwright and Prodigy: `[{start, end, label, text?}]`; other keys (token_start …) ignored. */
function readSpanObjects(list: unknown, spans: SpanCollector): Problem | null {
  if (list === undefined || list === null) return null;
  if (!Array.isArray(list)) return problem('spansNotArray', { kind: kindOf(list) });
  for (const span of list) {
    if (!isObject(span)) return problem('spanNotObject', { value: show(span) });
    const error = spans.add(span.start, span.end, span.label, span.text);
    if (error !== null) return error;
  }
  return null;
}

/** doccano: `[[start, end, label], …]`. */
function readTriples(list: unknown, spans: SpanCollector): Problem | null {
  if (list === undefined || list === null) return null;
  if (!Array.isArray(list)) return problem('labelsNotArray', { kind: kindOf(list) });
  for (const triple of list) {
    if (!Array.isArray(triple) || triple.length < 3) return problem('labelNotTriple', { value: show(triple) });
    const error = spans.add(triple[0], triple[1], triple[2], undefined);
    if (error !== null) return error;
  }
  return null;
}

/** CLUENER: `{type: {surface: [[start, endInclusive], …]}}`; the surface must match the offsets. */
function readCluener(labels: unknown, spans: SpanCollector): Problem | null {
  if (labels === undefined || labels === null) return null;
  if (!isObject(labels)) return problem('cluenerNotObject', { kind: kindOf(labels) });
  for (const type in labels) {
    const entities = labels[type];
    if (!isObject(entities)) return problem('cluenerTypeNotObject', { label: quote(type), value: show(entities) });
    for (const surface in entities) {
      const positions = entities[surface];
      if (!Array.isArray(positions)) return problem('cluenerPositionsNotArray', { entity: quote(surface), value: show(positions) });
      for (const position of positions) {
        if (!Array.isArray(position) || position.length !== 2) {
          return problem('cluenerBadPosition', { entity: quote(surface), value: show(position) });
        }
        const error = spans.add(position[0], position[1], type, surface, true);
        if (error !== null) return error;
      }
    }
  }
  return null;
}

/** Spanwright's own per-record fields. */
function readAnnotation(value: JsonObject, record: ImportedRecord): Problem | null {
  const { annotator, status } = value;
  if (annotator !== undefined) {
    if (typeof annotator !== 'string') return problem('annotatorNotString', { kind: kindOf(annotator) });
    record.annotator = annotator;
  }
  if (status !== undefined) {
    if (!isDocumentStatus(status)) return problem('unknownStatus', { value: show(status) });
    record.status = status;
  }
  return null;
}

/**
 * The app's texts only contain `\n`. Turning `\r\n` into `\n` shortens the text, so every offset
 * after a removed `\r` moves back by one; a lone `\r` becomes `\n` in place.
 */
function normaliseRecordNewlines(record: ImportedRecord): void {
  const removed: number[] = [];
  for (let at = record.text.indexOf('\r\n'); at !== -1; at = record.text.indexOf('\r\n', at + 2)) removed.push(at);
  const shift = (offset: number): number => {
    let count = 0;
    while (count < removed.length && (removed[count] ?? offset) < offset) count++;
    return offset - count;
  };
  record.text = record.text.replace(/\r\n?/g, '\n');
  const spans: SpanDraft[] = [];
  for (const span of record.spans) {
    const start = shift(span.start);
    const end = shift(span.end);
    // A span of nothing but the `\r` of a `\r\n` has no text left.
    if (start < end) spans.push({ start, end, label: span.label });
  }
  record.spans = spans;
}
