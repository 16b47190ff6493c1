import { describeProblem, problem, type Problem } from '../formats/problems';
import { importedAnnotatorName } from '../core/annotators';
import { contentHash } from '../core/hash';
import { ImportWriter, type IncomingDocument, isQuotaExceeded } from '../db';
import { detectImportKind } from '../formats/detect';
import { isRecordProblem } from '../formats/types';
import type { FileImportResult, ImportOptions } from './importTypes';
import { FileReadError, openText } from './readText';
import { parseRecords } from './records';

/** Documents per IndexedDB transaction: large enough to amortise, small enough to keep memory flat. */
const BATCH_DOCUMENTS = 2500;
const BATCH_CHARS = 4_000_000;

export class ImportCancelled extends Error {
  constructor() {
    super('Import cancelled');
  }
}

export interface ImportHooks {
  onProgress(bytesRead: number, documents: number): void;
  isCancelled(): boolean;
}

/**
 * Imports one file, all or nothing: on cancel, a read error or a full disk, everything this file
 * wrote is rolled back and the workspace is as it was. Unreadable records are skipped and listed.
 */
export async function importFile(file: File, options: ImportOptions, hooks: ImportHooks): Promise<FileImportResult> {
  const result: FileImportResult = { fileName: file.name, documents: 0, merged: 0, spans: 0, problems: [] };
  let writer: ImportWriter | undefined;
  try {
    const source = await openText(file, options.encoding);
    const kind = detectImportKind(file.name, source.head);
    writer = await ImportWriter.begin(options.projectId, file.name);
    // Names arrive as files spell them: ` alice` and `alice` are one person, one layer.
    const defaultAnnotator = importedAnnotatorName(options.annotator) ?? options.annotator;
    let batch: Omit<IncomingDocument, 'contentHash'>[] = [];
    let batchChars = 0;
    let bytesRead = 0;

    const flush = async (): Promise<void> => {
      if (hooks.isCancelled()) throw new ImportCancelled();
      const hashes = await Promise.all(batch.map((doc) => contentHash(doc.text)));
      const outcome = await (writer as ImportWriter).writeBatch(batch.map((doc, i) => ({ ...doc, contentHash: hashes[i] ?? '' })));
      result.documents += outcome.created;
      result.merged += outcome.merged;
      result.spans += outcome.spans;
      batch = [];
      batchChars = 0;
      hooks.onProgress(bytesRead, result.documents + result.merged);
    };

    const lines = source.lines((bytes) => {
      bytesRead = bytes;
    });
    for await (const record of parseRecords(kind, lines, file.name, options)) {
      if (isRecordProblem(record)) {
        result.problems.push({ fileName: file.name, line: record.line, reason: record.reason, problem: record.problem });
        continue;
      }
      batch.push({
        text: record.text,
        spans: record.spans,
        annotator: importedAnnotatorName(record.annotator) ?? defaultAnnotator,
        ...(record.status === undefined ? {} : { status: record.status }),
        // A re-imported export keeps the meta it was exported with (its original source and line).
        meta: { source: file.name, line: record.line, ...record.meta, ...(record.id === undefined ? {} : { originalId: record.id }) },
      });
      batchChars += record.text.length;
      if (batch.length >= BATCH_DOCUMENTS || batchChars >= BATCH_CHARS) await flush();
    }
    await flush();
    await writer.commit();
    return result;
  } catch (error) {
    if (writer) await writer.rollback();
    if (error instanceof ImportCancelled) throw error;
    const failure = describeFailure(file.name, error);
    return { ...result, documents: 0, merged: 0, spans: 0, error: describeProblem(failure), errorProblem: failure };
  }
}

function describeFailure(fileName: string, error: unknown): Problem {
  if (isQuotaExceeded(error)) return problem('diskFull', { file: fileName });
  if (error instanceof FileReadError) return problem('fileNotImported', { cause: error.problem });
  return problem('importFailed', { file: fileName, detail: error instanceof Error ? error.message : String(error) });
}
