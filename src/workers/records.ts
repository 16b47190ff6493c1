import { parseBratCollection } from '../formats/bratImport';
import { ConllParser } from '../formats/conll';
import { detectImportKind, type ImportKind } from '../formats/detect';
import { createDecoder, sniffEncoding, type TextEncodingName } from '../formats/encoding';
import { detectJsonlFlavor, parseJsonlLine } from '../formats/jsonl';
import { splitLongRecord } from '../formats/longDocuments';
import { problem } from '../formats/problems';
import { TxtSplitter } from '../formats/txt';
import { isRecordProblem, type ConllScheme, type JsonlFlavor, type ParseResult } from '../formats/types';
import { readZipTexts } from '../formats/zip';
import type { ImportInput, ReadOptions } from './importTypes';
import { FileReadError, openText, type Line } from './readText';

/** Lines read before a JSON Lines file's flavour is decided. */
const FLAVOR_SAMPLE_LINES = 20;

export function sampleJsonlFlavor(lines: readonly string[]): JsonlFlavor {
  const samples: unknown[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    try {
      samples.push(JSON.parse(line));
    } catch {
      // A malformed line is reported when it is imported; it just tells nothing about the flavour.
    }
    if (samples.length >= FLAVOR_SAMPLE_LINES) break;
  }
  return detectJsonlFlavor(samples);
}

/** How `parseRecords` reads: the app keeps documents with a bad part; the command line refuses them. */
export interface ParseOptions extends Pick<ReadOptions, 'txtSplit' | 'prodigyRejected'> {
  longSplit?: ReadOptions['longSplit'];
  /** Keep a document when a part of it is bad (the part is listed with the record). */
  keepDocuments?: boolean;
}

/**
 * Turns a file's lines into parsed records (or problems), in file order, long documents split
 * as asked. (`brat` is read from whole files, see `openInput`; lines given as brat are plain text.)
 */
export async function* parseRecords(
  kind: ImportKind,
  lines: AsyncIterable<Line>,
  fileName: string,
  options: ParseOptions,
  found: { flavor?: JsonlFlavor; scheme?: ConllScheme | null } = {},
): AsyncGenerator<ParseResult> {
  const longSplit = options.longSplit ?? 'none';
  for await (const result of parseWhole(kind === 'brat' ? 'txt' : kind, lines, fileName, options, found)) {
    if (isRecordProblem(result) || longSplit === 'none') yield result;
    else yield* splitLongRecord(result, longSplit);
  }
}

async function* parseWhole(
  kind: Exclude<ImportKind, 'brat'>,
  lines: AsyncIterable<Line>,
  fileName: string,
  options: ParseOptions,
  found: { flavor?: JsonlFlavor; scheme?: ConllScheme | null },
): AsyncGenerator<ParseResult> {
  const keepDocuments = options.keepDocuments ?? false;
  if (kind === 'jsonl') {
    const jsonlOptions = { source: fileName, prodigyRejected: options.prodigyRejected, keepDocuments };
    let flavor: JsonlFlavor | undefined;
    let buffered: Line[] = [];
    let bufferedRecords = 0;
    const decide = (decided: JsonlFlavor): JsonlFlavor => {
      found.flavor = decided;
      return decided;
    };
    function* parseBuffered(decided: JsonlFlavor): Generator<ParseResult> {
      for (const entry of buffered) {
        const result = parseJsonlLine(entry.text, entry.number, decided, jsonlOptions);
        if (result) yield result;
      }
      buffered = [];
    }
    for await (const line of lines) {
      if (flavor !== undefined) {
        const result = parseJsonlLine(line.text, line.number, flavor, jsonlOptions);
        if (result) yield result;
        continue;
      }
      buffered.push(line);
      if (line.text.trim() !== '') bufferedRecords++;
      if (bufferedRecords >= FLAVOR_SAMPLE_LINES) {
        flavor = decide(sampleJsonlFlavor(buffered.map((entry) => entry.text)));
        yield* parseBuffered(flavor);
      }
    }
    if (flavor === undefined) yield* parseBuffered(decide(sampleJsonlFlavor(buffered.map((entry) => entry.text))));
    return;
  }
  if (kind === 'txt') {
    const splitter = new TxtSplitter(options.txtSplit, fileName);
    for await (const line of lines) yield* splitter.push(line);
    yield* splitter.finish();
    return;
  }
  const parser = new ConllParser(fileName, { keepDocuments });
  for await (const line of lines) yield* parser.push(line);
  yield* parser.finish();
  found.scheme = parser.scheme;
}

/** What reading an input found out, beside its records. */
export interface InputFacts {
  kind: ImportKind;
  encoding: TextEncodingName;
  flavor?: JsonlFlavor;
  scheme?: ConllScheme | null;
}

/** The text of a brat bundle's file (brat writes UTF-8; UTF-16 and GB18030 are sniffed as for any file). */
function decodeWhole(name: string, bytes: Uint8Array): string {
  const sniffed = sniffEncoding(bytes, true);
  if ('error' in sniffed) throw new FileReadError(problem('fileNotText', { file: name }));
  try {
    return createDecoder(sniffed.encoding).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new FileReadError(problem('fileInvalidBytes', { file: name, offset: 0, encoding: sniffed.encoding }));
  }
}

/** A brat bundle's files by path: the entries of a zip, or the `.txt` and `.ann` chosen together. */
async function bratFiles(input: ImportInput): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const file of input.files) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (file.name.toLowerCase().endsWith('.zip')) {
      let entries: Map<string, string>;
      try {
        entries = readZipTexts(bytes);
      } catch (error) {
        throw new FileReadError(problem('fileUnreadable', { file: file.name, detail: error instanceof Error ? error.message : String(error) }));
      }
      for (const [path, text] of entries) files.set(path, text.replace(/^\uFEFF/, ''));
    } else {
      files.set(file.name, decodeWhole(file.name, bytes));
    }
  }
  return files;
}

/**
 * Opens an input and streams its records. `onBytes` follows the bytes read (a brat bundle is read
 * whole first). Throws a FileReadError for a file that is not text.
 */
export async function openInput(
  input: ImportInput,
  options: ReadOptions,
): Promise<{ facts: InputFacts; records(onBytes?: (bytes: number) => void): AsyncGenerator<ParseResult> }> {
  const [first] = input.files;
  if (first === undefined) throw new FileReadError(problem('fileUnreadable', { file: input.name, detail: 'no file' }));
  const bundle = input.files.length > 1 || detectImportKind(first.name, '') === 'brat';
  if (bundle) {
    const facts: InputFacts = { kind: 'brat', encoding: 'utf-8' };
    const files = await bratFiles(input);
    const size = input.files.reduce((sum, file) => sum + file.size, 0);
    return {
      facts,
      async *records(onBytes) {
        onBytes?.(size);
        for (const result of await Promise.resolve(parseBratCollection(files, { keepDocuments: true }))) {
          if (isRecordProblem(result) || options.longSplit === 'none') yield result;
          else yield* splitLongRecord(result, options.longSplit);
        }
      },
    };
  }
  const source = await openText(first, options.encoding);
  const kind = detectImportKind(first.name, source.head);
  const facts: InputFacts = { kind, encoding: source.encoding };
  if (kind === 'jsonl') facts.flavor = sampleJsonlFlavor(source.head.split('\n').slice(0, -1));
  return {
    facts,
    records: (onBytes) => parseRecords(kind, source.lines(onBytes), first.name, { ...options, keepDocuments: true }, facts),
  };
}
