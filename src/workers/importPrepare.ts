/**
 * Reading an input into batches of documents with their content hashes, shared by the Import
 * dialog's analysis and the import itself. The analysis keeps what it read (for inputs of
 * moderate size), so choosing Import only writes: the file is read, parsed and hashed once.
 *
 * Memory: the worker keeps the analysed batches (records and hashes) of each input up to KEEP_CHARS
 * characters of text in all (about 200 MB of worker heap for the 100,000-document, 28 million
 * character bench file); a larger input keeps nothing and is read again on Import. Besides, at
 * most two batches are being hashed (the helper worker holds one batch's texts at a time) and
 * at most two are being written (see `ImportWriter.queueBatch`).
 */
import { hashTexts } from './textHasher';
import { isRecordProblem, type ImportedRecord, type RecordProblem } from '../formats/types';
import type { ImportInput, LineProblem, ReadOptions } from './importTypes';
import { openInput, type InputFacts } from './records';

/**
 * Documents per batch (one hashing round, one IndexedDB transaction): amortises, keeps memory flat.
 * 5,000 fill some 50 pages, and from 50 rows a bulk write Dexie reports its change to every
 * liveQuery and storage listener (in every tab and worker) as the whole table instead of key by
 * key: each of them merged the keys of 2,500-document batches into its pending changes, a
 * growing set, which cost the page's main thread as much CPU as the import worker's writes.
 */
const BATCH_DOCUMENTS = 5000;
const BATCH_CHARS = 8_000_000;
/** Inputs up to this many characters are kept between the analysis and the import. */
const KEEP_CHARS = 80_000_000;

export interface PreparedDocument {
  record: ImportedRecord;
  hash: string;
}

export interface PreparedBatch {
  documents: PreparedDocument[];
  /** Records refused whole, in file order. */
  refused: RecordProblem[];
  /** Bytes of the input read once this batch was made. */
  bytesRead: number;
}

export interface PreparedInput {
  facts: InputFacts;
  batches: AsyncIterable<PreparedBatch>;
}

export class ImportCancelled extends Error {
  constructor() {
    super('Import cancelled');
  }
}

async function hashed(records: ImportedRecord[]): Promise<PreparedDocument[]> {
  const hashes = await hashTexts(records.map((record) => record.text));
  return records.map((record, i) => ({ record, hash: hashes[i] ?? '' }));
}

/** A batch whose documents are being hashed. */
interface HashingBatch {
  documents: Promise<PreparedDocument[]>;
  refused: RecordProblem[];
  bytesRead: number;
}

async function hashedBatch(batch: HashingBatch): Promise<PreparedBatch> {
  return { documents: await batch.documents, refused: batch.refused, bytesRead: batch.bytesRead };
}

/**
 * Reads an input into hashed batches. Throws FileReadError for a file that is not text. A batch
 * is hashed (in the helper worker) while the next one is parsed.
 */
export async function prepareInput(input: ImportInput, options: ReadOptions, isCancelled: () => boolean = () => false): Promise<PreparedInput> {
  const opened = await openInput(input, options);
  async function* batches(): AsyncGenerator<PreparedBatch> {
    let bytesRead = 0;
    let records: ImportedRecord[] = [];
    let refused: RecordProblem[] = [];
    let chars = 0;
    let hashing: HashingBatch | null = null;
    for await (const results of opened.records((bytes) => (bytesRead = bytes))) {
      for (const result of results) {
        if (isRecordProblem(result)) {
          refused.push(result);
          continue;
        }
        records.push(result);
        chars += result.text.length;
        if (records.length >= BATCH_DOCUMENTS || chars >= BATCH_CHARS) {
          if (isCancelled()) throw new ImportCancelled();
          const full: HashingBatch = { documents: hashed(records), refused, bytesRead };
          if (hashing) yield await hashedBatch(hashing);
          hashing = full;
          records = [];
          refused = [];
          chars = 0;
        }
      }
    }
    const last: HashingBatch = { documents: hashed(records), refused, bytesRead };
    if (hashing) yield await hashedBatch(hashing);
    yield await hashedBatch(last);
  }
  return { facts: opened.facts, batches: batches() };
}

/** What a line problem of `input` is called in the dialog and the status: the file, and the member of a zip. */
export function lineProblem(input: ImportInput, problem: RecordProblem, kept: boolean): LineProblem {
  const fileName = problem.file === undefined || input.files.length > 1 ? (problem.file ?? input.name) : `${input.name}/${problem.file}`;
  return { fileName, line: problem.line, reason: problem.reason, problem: problem.problem, ...(kept ? { kept: true } : {}) };
}

/** One input's batches as the analysis read them, kept for the import that follows. */
interface Kept {
  key: string;
  facts: InputFacts;
  batches: PreparedBatch[];
}

let kept: Kept[] = [];

/** Identifies an input read with given options (Comlink hands the worker a copy of each File, so not by identity). */
export function inputKey(input: ImportInput, options: ReadOptions): string {
  const files = input.files.map((file) => [file.name, file.size, file.lastModified]);
  return JSON.stringify([files, options.encoding ?? '', options.txtSplit, options.prodigyRejected, options.longSplit]);
}

/**
 * Reads an input for the analysis, keeping its batches for the import when it is small enough
 * (else the import reads it again). `keepFor` is called once per analysed dialog: earlier inputs
 * are forgotten.
 */
export async function prepareAndKeep(input: ImportInput, options: ReadOptions): Promise<PreparedInput> {
  const key = inputKey(input, options);
  const prepared = await prepareInput(input, options);
  const entry: Kept = { key, facts: prepared.facts, batches: [] };
  let chars = 0;
  let keeping = true;
  async function* batches(): AsyncGenerator<PreparedBatch> {
    for await (const batch of prepared.batches) {
      if (keeping) {
        for (const document of batch.documents) chars += document.record.text.length;
        if (chars > KEEP_CHARS) {
          keeping = false;
          entry.batches = [];
        } else {
          entry.batches.push(batch);
        }
      }
      yield batch;
    }
    if (keeping) kept.push(entry);
  }
  return { facts: prepared.facts, batches: batches() };
}

/** Forgets what earlier analyses kept (a new dialog, or a finished import). */
export function forgetPrepared(): void {
  kept = [];
}

/** The batches the analysis kept for this input and options, if it did, else a fresh read. */
export async function preparedForImport(input: ImportInput, options: ReadOptions, isCancelled: () => boolean): Promise<PreparedInput> {
  const key = inputKey(input, options);
  const found = kept.find((entry) => entry.key === key);
  if (!found) return prepareInput(input, options, isCancelled);
  async function* batches(): AsyncGenerator<PreparedBatch> {
    for (const batch of (found as Kept).batches) {
      if (isCancelled()) throw new ImportCancelled();
      // Each batch its own task: the worker stays free to hear a cancel between two writes.
      yield await Promise.resolve(batch);
    }
  }
  return { facts: found.facts, batches: batches() };
}
