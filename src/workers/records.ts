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
  const parser = new RecordParser(kind, fileName, options, found);
  for await (const line of lines) yield* parser.push([line]);
  yield* parser.finish();
}

/**
 * `parseRecords` over lines that come a chunk at a time, giving the records of each chunk at once:
 * one asynchronous step per chunk of the file rather than several per line (an import reads
 * 100,000 lines, and each step through an async generator costs a promise and a turn).
 */
export async function* parseRecordChunks(
  kind: ImportKind,
  chunks: AsyncIterable<readonly Line[]>,
  fileName: string,
  options: ParseOptions,
  found: { flavor?: JsonlFlavor; scheme?: ConllScheme | null } = {},
): AsyncGenerator<ParseResult[]> {
  const parser = new RecordParser(kind, fileName, options, found);
  for await (const lines of chunks) yield parser.push(lines);
  yield parser.finish();
}

/** Parses lines as they come, synchronously: records (or problems) in file order, long documents split as asked. */
class RecordParser {
  private readonly longSplit: NonNullable<ParseOptions['longSplit']>;
  private readonly whole: LineParser;

  constructor(kind: ImportKind, fileName: string, options: ParseOptions, found: { flavor?: JsonlFlavor; scheme?: ConllScheme | null }) {
    this.longSplit = options.longSplit ?? 'none';
    const lineKind = kind === 'brat' ? 'txt' : kind;
    this.whole = lineKind === 'jsonl' ? new JsonlLines(fileName, options, found) : lineKind === 'txt' ? new TxtSplitter(options.txtSplit, fileName) : new ConllLines(fileName, options, found);
  }

  push(lines: readonly Line[]): ParseResult[] {
    const results: ParseResult[] = [];
    for (const line of lines) this.split(this.whole.push(line), results);
    return results;
  }

  finish(): ParseResult[] {
    const results: ParseResult[] = [];
    this.split(this.whole.finish(), results);
    return results;
  }

  private split(parsed: readonly ParseResult[], into: ParseResult[]): void {
    splitLongInto(parsed, this.longSplit, into);
  }
}

/** `parsed`, long documents split as asked (problems as they are), onto `into`. */
function splitLongInto(parsed: readonly ParseResult[], longSplit: NonNullable<ParseOptions['longSplit']>, into: ParseResult[]): ParseResult[] {
  for (const result of parsed) {
    if (isRecordProblem(result) || longSplit === 'none') into.push(result);
    else into.push(...splitLongRecord(result, longSplit));
  }
  return into;
}

/** A format read line by line: the results each line completes, then those the end completes. */
interface LineParser {
  push(line: Line): ParseResult[];
  finish(): ParseResult[];
}

/** JSON Lines: the first records decide the flavour, then each line is a record (or a problem). */
class JsonlLines implements LineParser {
  private flavor: JsonlFlavor | undefined;
  private buffered: Line[] = [];
  private bufferedRecords = 0;
  private readonly options: Parameters<typeof parseJsonlLine>[3];

  constructor(
    fileName: string,
    options: ParseOptions,
    private readonly found: { flavor?: JsonlFlavor },
  ) {
    this.options = { source: fileName, prodigyRejected: options.prodigyRejected, keepDocuments: options.keepDocuments ?? false };
  }

  push(line: Line): ParseResult[] {
    if (this.flavor !== undefined) {
      const result = parseJsonlLine(line.text, line.number, this.flavor, this.options);
      return result ? [result] : [];
    }
    this.buffered.push(line);
    if (line.text.trim() !== '') this.bufferedRecords++;
    return this.bufferedRecords >= FLAVOR_SAMPLE_LINES ? this.parseBuffered() : [];
  }

  finish(): ParseResult[] {
    return this.flavor === undefined ? this.parseBuffered() : [];
  }

  private parseBuffered(): ParseResult[] {
    const flavor = sampleJsonlFlavor(this.buffered.map((entry) => entry.text));
    this.flavor = flavor;
    this.found.flavor = flavor;
    const results: ParseResult[] = [];
    for (const entry of this.buffered) {
      const result = parseJsonlLine(entry.text, entry.number, flavor, this.options);
      if (result) results.push(result);
    }
    this.buffered = [];
    return results;
  }
}

/** CoNLL: sentences and documents as their blank lines and markers end them; the scheme found at the end. */
class ConllLines implements LineParser {
  private readonly parser: ConllParser;

  constructor(
    fileName: string,
    options: ParseOptions,
    private readonly found: { scheme?: ConllScheme | null },
  ) {
    this.parser = new ConllParser(fileName, { keepDocuments: options.keepDocuments ?? false });
  }

  push(line: Line): ParseResult[] {
    return this.parser.push(line);
  }

  finish(): ParseResult[] {
    const results = this.parser.finish();
    this.found.scheme = this.parser.scheme;
    return results;
  }
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
): Promise<{ facts: InputFacts; records(onBytes?: (bytes: number) => void): AsyncGenerator<ParseResult[]> }> {
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
        const results = await Promise.resolve(parseBratCollection(files, { keepDocuments: true }));
        yield splitLongInto(results, options.longSplit, []);
      },
    };
  }
  const source = await openText(first, options.encoding);
  const kind = detectImportKind(first.name, source.head);
  const facts: InputFacts = { kind, encoding: source.encoding };
  if (kind === 'jsonl') facts.flavor = sampleJsonlFlavor(source.head.split('\n').slice(0, -1));
  return {
    facts,
    records: (onBytes) => parseRecordChunks(kind, source.lineChunks(onBytes), first.name, { ...options, keepDocuments: true }, facts),
  };
}
