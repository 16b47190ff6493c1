/**
 * Reading a file for the command line: the same parsers as the app's import (src/formats via
 * src/workers/records.ts), fed line by line through readline, so a large file streams. A `.zip`
 * is read as brat standoff (whole, as zips are). Files are read as UTF-8 (a BOM is dropped).
 */
import { readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
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

const CHUNK_BYTES = 4 << 20;
const NEWLINE = 0x0a;

/**
 * A file's lines, read 4 MB at a time: each piece is cut after its last `\n` (never inside a
 * UTF-8 character), decoded at once and split, which is several times faster than readline.
 * Line ends are `\n`, `\r\n` or a lone `\r`, as readline has them; a BOM is dropped.
 */
export async function* fileLines(file: string, chunkBytes = CHUNK_BYTES): AsyncGenerator<Line> {
  const handle = await open(file, 'r');
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let number = 0;
  let carry: Uint8Array = new Uint8Array(0);
  try {
    for (;;) {
      const buffer = new Uint8Array(carry.length + chunkBytes);
      buffer.set(carry);
      const { bytesRead } = await handle.read(buffer, carry.length, chunkBytes, null);
      const filled = carry.length + bytesRead;
      const done = bytesRead === 0;
      const cut = done ? filled : buffer.lastIndexOf(NEWLINE, filled - 1) + 1;
      if (cut === 0 && !done) {
        // No line end in the piece yet: a line longer than the piece.
        carry = buffer.subarray(0, filled);
        continue;
      }
      carry = buffer.slice(cut, filled);
      if (cut > 0) {
        const text = decoder.decode(buffer.subarray(0, cut));
        const lines = text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
        // The piece ends with a line end (but maybe the last): nothing after it is a line.
        if (lines[lines.length - 1] === '') lines.pop();
        for (const line of lines) {
          number++;
          yield { text: number === 1 ? line.replace(/^\uFEFF/, '') : line, number };
        }
      }
      if (done) return;
    }
  } finally {
    await handle.close();
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

/** Files repeat a handful of annotator names on every line: each is normalised once. */
const annotatorNames = new Map<string, string | undefined>();

function annotatorName(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!annotatorNames.has(raw)) {
    if (annotatorNames.size > 10_000) annotatorNames.clear();
    annotatorNames.set(raw, importedAnnotatorName(raw));
  }
  return annotatorNames.get(raw);
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
    annotator: annotatorName(record.annotator) ?? defaultAnnotator,
    status,
    meta,
  };
}

export { isRecordProblem };
