import { ConllParser } from '../formats/conll';
import type { ImportKind } from '../formats/detect';
import { detectJsonlFlavor, parseJsonlLine } from '../formats/jsonl';
import { TxtSplitter } from '../formats/txt';
import type { JsonlFlavor, ParseResult } from '../formats/types';
import type { ImportOptions } from './importTypes';
import type { Line } from './readText';

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

/** Turns a file's lines into parsed records (or problems), in file order. */
export async function* parseRecords(
  kind: ImportKind,
  lines: AsyncIterable<Line>,
  fileName: string,
  options: Pick<ImportOptions, 'txtSplit' | 'prodigyRejected'>,
): AsyncGenerator<ParseResult> {
  if (kind === 'jsonl') {
    const jsonlOptions = { source: fileName, prodigyRejected: options.prodigyRejected };
    let flavor: JsonlFlavor | undefined;
    let buffered: Line[] = [];
    let bufferedRecords = 0;
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
        flavor = sampleJsonlFlavor(buffered.map((entry) => entry.text));
        yield* parseBuffered(flavor);
      }
    }
    if (flavor === undefined) yield* parseBuffered(sampleJsonlFlavor(buffered.map((entry) => entry.text)));
    return;
  }
  const splitter = kind === 'txt' ? new TxtSplitter(options.txtSplit, fileName) : new ConllParser(fileName);
  for await (const line of lines) yield* splitter.push(line);
  yield* splitter.finish();
}
