/**
 * Reading a file for the command line: the same parsers as the app's import (src/formats via
 * src/workers/records.ts), fed line by line through readline, so a large file streams. A `.zip`
 * is read as brat standoff (whole, as zips are). Files are read as UTF-8 (a BOM is dropped).
 */
import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { importedAnnotatorName } from '../src/core/annotators';
import { sortSpans, spanKey } from '../src/core/spans';
import type { DocumentStatus, Span } from '../src/core/types';
import { parseBratFiles } from '../src/formats/brat';
import { detectImportKind } from '../src/formats/detect';
import type { ExportInput } from '../src/formats/exportBuilder';
import { isRecordProblem, type ImportedRecord, type ParseResult } from '../src/formats/types';
import { readZipTexts } from '../src/formats/zip';
import { parseRecords } from '../src/workers/records';
import type { Line } from '../src/workers/readText';

async function* fileLines(file: string): AsyncGenerator<Line> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  let number = 0;
  for await (const text of lines) {
    number++;
    yield { text: number === 1 ? text.replace(/^\uFEFF/, '') : text, number };
  }
}

function head(file: string): string {
  const bytes = readFileSync(file, { flag: 'r' }).subarray(0, 64 * 1024);
  return new TextDecoder().decode(bytes);
}

/** Every record (or problem) of a file, in file order. */
export async function* readRecords(file: string): AsyncGenerator<ParseResult> {
  if (file.toLowerCase().endsWith('.zip')) {
    yield* parseBratFiles(readZipTexts(readFileSync(file)));
    return;
  }
  const kind = detectImportKind(path.basename(file), head(file));
  yield* parseRecords(kind, fileLines(file), path.basename(file), { txtSplit: 'whole', prodigyRejected: 'without-spans' });
}

export interface Layered {
  input: ExportInput;
  /** The record as read, for the commands that need more than an export does. */
  record: ImportedRecord;
}

/**
 * A record as the app stores and exports it once imported: spans sorted and without duplicates,
 * status `in-progress` when it brings spans and no status (as an import does), meta with the file's
 * name and line first, the file's id kept as the id. So `convert` writes what the browser writes
 * after importing the same file (ids aside: a record without one gets `<file>:<line>` here, an
 * internal id there).
 */
export function toExportInput(record: ImportedRecord, fileName: string, defaultAnnotator: string): ExportInput {
  const seen = new Set<string>();
  const spans: Span[] = [];
  for (const draft of record.spans) {
    const span = { id: '', start: draft.start, end: draft.end, label: draft.label };
    const key = spanKey(span);
    if (seen.has(key)) continue;
    seen.add(key);
    spans.push(span);
  }
  const status: DocumentStatus = record.status ?? (spans.length > 0 ? 'in-progress' : 'new');
  const { originalId: _dropped, ...meta }: Record<string, unknown> = { source: fileName, line: record.line, ...record.meta };
  return {
    id: record.id ?? `${fileName}:${record.line}`,
    originalId: record.id,
    text: record.text,
    spans: sortSpans(spans),
    annotator: importedAnnotatorName(record.annotator) ?? defaultAnnotator,
    status,
    meta,
  };
}

export { isRecordProblem };
