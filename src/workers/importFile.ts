import { describeProblem, problem, type Problem } from '../formats/problems';
import { importedAnnotatorName } from '../core/annotators';
import { type BatchOutcome, getProject, ImportWriter, type IncomingDocument, isQuotaExceeded } from '../db';
import { LabelPlan } from '../formats/labelMapping';
import type { FileImportResult, ImportInput, ImportOptions } from './importTypes';
import { ImportCancelled, lineProblem, preparedForImport } from './importPrepare';
import { FileReadError } from './readText';

export { ImportCancelled };

export interface ImportHooks {
  onProgress(bytesRead: number, documents: number): void;
  isCancelled(): boolean;
}

/** One file as its own input (the usual case; a brat pair is one input of two files). */
export function singleInput(file: File): ImportInput {
  return { name: file.name, files: [file] };
}

/**
 * Imports one input, all or nothing: on cancel, a read error or a full disk, everything it wrote
 * is rolled back and the workspace is as it was. A document with a bad span is imported with its
 * good spans and the bad one listed (or, with `badSpans: 'skip-line'`, its line is skipped);
 * labels are written as the dialog's label plan says.
 */
export async function importFile(source: File | ImportInput, options: ImportOptions, hooks: ImportHooks): Promise<FileImportResult> {
  const input = source instanceof File ? singleInput(source) : source;
  const result: FileImportResult = { fileName: input.name, documents: 0, merged: 0, spans: 0, problems: [] };
  let writer: ImportWriter | undefined;
  try {
    const prepared = await preparedForImport(input, options, () => hooks.isCancelled());
    const project = await getProject(options.projectId);
    const plan = new LabelPlan(
      project.labels.map((label) => label.name),
      options.labelChoices,
    );
    writer = await ImportWriter.begin(options.projectId, input.name);
    // Names arrive as files spell them: ` alice` and `alice` are one person, one layer.
    const defaultAnnotator = importedAnnotatorName(options.annotator) ?? options.annotator;
    // A file names a few annotators on many records: each name is normalised once.
    const annotators = new Map<string | undefined, string>();
    const annotatorOf = (named: string | undefined): string => {
      let name = annotators.get(named);
      if (name === undefined) {
        name = importedAnnotatorName(named) ?? defaultAnnotator;
        annotators.set(named, name);
      }
      return name;
    };
    // The batch before this one, committing while this one is prepared and serialised.
    let committing: { outcome: Promise<BatchOutcome>; bytesRead: number } | null = null;
    const committed = async (): Promise<void> => {
      const batch = committing;
      committing = null;
      if (batch === null) return;
      const outcome = await batch.outcome;
      result.documents += outcome.created;
      result.merged += outcome.merged;
      result.spans += outcome.spans;
      hooks.onProgress(batch.bytesRead, result.documents + result.merged);
    };
    for await (const batch of prepared.batches) {
      if (hooks.isCancelled()) throw new ImportCancelled();
      for (const refused of batch.refused) result.problems.push(lineProblem(input, refused, false));
      const incoming: IncomingDocument[] = [];
      for (const { record: read, hash } of batch.documents) {
        const record = plan.apply(read);
        const problems = record.problems ?? [];
        if (problems.length > 0 && options.badSpans === 'skip-line') {
          for (const left of problems) result.problems.push(lineProblem(input, left, false));
          continue;
        }
        for (const left of problems) result.problems.push(lineProblem(input, left, true));
        incoming.push({
          text: record.text,
          contentHash: hash,
          spans: record.spans,
          annotator: annotatorOf(record.annotator),
          ...(record.status === undefined ? {} : { status: record.status }),
          // A re-imported export keeps the meta it was exported with (its original source and line).
          meta: { source: input.name, line: record.line, ...record.meta, ...(record.id === undefined ? {} : { originalId: record.id }) },
        });
      }
      const queued = writer.queueBatch(incoming);
      await committed();
      committing = { outcome: queued, bytesRead: batch.bytesRead };
    }
    await committed();
    if (hooks.isCancelled()) throw new ImportCancelled();
    await writer.commit();
    return result;
  } catch (error) {
    if (writer) await writer.rollback();
    if (error instanceof ImportCancelled) throw error;
    const failure = describeFailure(input.name, error);
    return { ...result, documents: 0, merged: 0, spans: 0, error: describeProblem(failure), errorProblem: failure };
  }
}

function describeFailure(fileName: string, error: unknown): Problem {
  if (isQuotaExceeded(error)) return problem('diskFull', { file: fileName });
  if (error instanceof FileReadError) return problem('fileNotImported', { cause: error.problem });
  return problem('importFailed', { file: fileName, detail: error instanceof Error ? error.message : String(error) });
}
