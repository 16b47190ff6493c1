/**
 * JSON Lines import: one record per line, in one of several dialects ("flavors") detected once per
 * file from its first records. Offsets in every dialect are code points; spans are validated and
 * converted by SpanCollector. A bad span refuses the whole line, unless the caller asks to keep
 * documents (`keepDocuments`, the app's import): then the document and its good spans are read and
 * each bad part is returned with the record, naming its line.
 */
import { isDocumentStatus, type SpanDraft } from '../core/types';
import { quote, show, SpanCollector } from './spanCollector';
import { kindOf, problem, type Problem } from './problems';
import { recordProblem, type ImportedRecord, type JsonlFlavor, type ParseResult, type RecordProblem } from './types';

export interface JsonlOptions {
  /** File name, recorded as `meta.source`. */
  source: string;
  /** Prodigy answers `reject`/`ignore`: import the text without spans, or leave the record out. */
  prodigyRejected: 'without-spans' | 'skip';
  /** Keep a record whose spans (or status, or annotator) are partly wrong, listing what was left out. */
  keepDocuments?: boolean;
  /** Renames labels as they are read (the Import dialog's label mapping). */
  labelMap?: ReadonlyMap<string, string>;
}

/**
 * Where the readers below report a bad part of a record. Returns true when reading must stop
 * (the record is refused); false when the part is left out and reading goes on.
 */
type Report = (problem: Problem, refusedLabel?: SpanCollector['refusedLabel']) => boolean;

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

  const kept: RecordProblem[] = [];
  // A box, not a `let`: TypeScript cannot see the callback below assign it.
  const refusal: { first: Problem | null } = { first: null };
  const report: Report = (cause, refusedLabel) => {
    if (!options.keepDocuments) {
      refusal.first ??= cause;
      return true;
    }
    const left = recordProblem(lineNumber, cause);
    if (refusedLabel) left.refusedLabel = refusedLabel;
    kept.push(left);
    return false;
  };
  const spans = new SpanCollector(text, options.labelMap);
  switch (flavor) {
    case 'spanwright':
      if (!readSpanObjects(value.spans, spans, report)) readAnnotation(value, record, report);
      break;
    case 'prodigy': {
      const answer = value.answer;
      if (answer === 'reject' || answer === 'ignore') {
        if (options.prodigyRejected === 'skip') {
          return recordProblem(lineNumber, problem('prodigySkipped', { answer }), true);
        }
        break;
      }
      readSpanObjects(value.spans, spans, report);
      break;
    }
    case 'doccano':
      readTriples(value.label ?? value.labels, spans, report);
      break;
    case 'cluener':
      readCluener(value.label, spans, report);
      break;
    case 'text-only':
      break;
  }
  if (refusal.first !== null) return recordProblem(lineNumber, refusal.first);
  record.spans = spans.spans;
  if (kept.length > 0) record.problems = kept;
  if (text.includes('\r')) normaliseRecordNewlines(record);
  return record;
}

/** Spanwright and Prodigy: `[{start, end, label, text?}]`; other keys (token_start …) ignored. Returns true when reading stopped. */
function readSpanObjects(list: unknown, spans: SpanCollector, report: Report): boolean {
  if (list === undefined || list === null) return false;
  if (!Array.isArray(list)) return report(problem('spansNotArray', { kind: kindOf(list) }));
  for (const span of list) {
    if (!isObject(span)) {
      if (report(problem('spanNotObject', { value: show(span) }))) return true;
      continue;
    }
    const error = spans.add(span.start, span.end, span.label, span.text);
    if (error !== null && report(error, spans.refusedLabel)) return true;
  }
  return false;
}

/** doccano: `[[start, end, label], …]`. */
function readTriples(list: unknown, spans: SpanCollector, report: Report): void {
  if (list === undefined || list === null) return;
  if (!Array.isArray(list)) {
    report(problem('labelsNotArray', { kind: kindOf(list) }));
    return;
  }
  for (const triple of list) {
    if (!Array.isArray(triple) || triple.length < 3) {
      if (report(problem('labelNotTriple', { value: show(triple) }))) return;
      continue;
    }
    const error = spans.add(triple[0], triple[1], triple[2], undefined);
    if (error !== null && report(error, spans.refusedLabel)) return;
  }
}

/** CLUENER: `{type: {surface: [[start, endInclusive], …]}}`; the surface must match the offsets. */
function readCluener(labels: unknown, spans: SpanCollector, report: Report): void {
  if (labels === undefined || labels === null) return;
  if (!isObject(labels)) {
    report(problem('cluenerNotObject', { kind: kindOf(labels) }));
    return;
  }
  for (const type of Object.keys(labels)) {
    const entities = labels[type];
    if (!isObject(entities)) {
      if (report(problem('cluenerTypeNotObject', { label: quote(type), value: show(entities) }))) return;
      continue;
    }
    for (const surface of Object.keys(entities)) {
      const positions = entities[surface];
      if (!Array.isArray(positions)) {
        if (report(problem('cluenerPositionsNotArray', { entity: quote(surface), value: show(positions) }))) return;
        continue;
      }
      for (const position of positions) {
        if (!Array.isArray(position) || position.length !== 2) {
          if (report(problem('cluenerBadPosition', { entity: quote(surface), value: show(position) }))) return;
          continue;
        }
        const error = spans.add(position[0], position[1], type, surface, true);
        if (error !== null && report(error, spans.refusedLabel)) return;
      }
    }
  }
}

/** Spanwright's own per-record fields; a bad one is reported and left out. */
function readAnnotation(value: JsonObject, record: ImportedRecord, report: Report): void {
  const { annotator, status } = value;
  if (annotator !== undefined) {
    if (typeof annotator !== 'string') {
      if (report(problem('annotatorNotString', { kind: kindOf(annotator) }))) return;
    } else {
      record.annotator = annotator;
    }
  }
  if (status !== undefined) {
    if (!isDocumentStatus(status)) report(problem('unknownStatus', { value: show(status) }));
    else record.status = status;
  }
}

/**
 * The app's texts only contain `\n`. Turning `\r\n` into `\n` shortens the text, so every offset
 * after a removed `\r` moves back by one; a lone `\r` becomes `\n` in place.
 */
export function normaliseRecordNewlines(record: ImportedRecord): void {
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
  for (const left of record.problems ?? []) {
    const refused = left.refusedLabel;
    if (refused) left.refusedLabel = { label: refused.label, span: { start: shift(refused.span.start), end: shift(refused.span.end), label: refused.label } };
  }
}
