import { projectContentHashes } from '../db';
import { LONG_DOCUMENT_CHARS } from '../formats/longDocuments';
import { describeProblem, problem } from '../formats/problems';
import type { AnalysisResult, FileAnalysis, ImportInput, ReadOptions } from './importTypes';
import { forgetPrepared, lineProblem, prepareAndKeep } from './importPrepare';
import { FileReadError } from './readText';

/** Problems the dialog lists per file (the import lists every one). */
const LISTED_PROBLEMS = 50;

function increment(counts: Map<string, number>, key: string, by = 1): void {
  counts.set(key, (counts.get(key) ?? 0) + by);
}

/**
 * What the Import dialog shows before anything is written, read in full from every input in turn:
 * format and encoding, documents new to the project and already present (a text repeated in the
 * files counts once as new), spans, the lines and spans that will be left out, the labels and
 * annotators the files bring, and documents too long to annotate comfortably.
 */
export async function analyseInputs(inputs: readonly ImportInput[], options: ReadOptions & { projectId: string }): Promise<AnalysisResult[]> {
  forgetPrepared();
  const known = await projectContentHashes(options.projectId);
  const results: AnalysisResult[] = [];
  for (const input of inputs) results.push(await analyseInput(input, options, known));
  return results;
}

async function analyseInput(input: ImportInput, options: ReadOptions, known: Set<string>): Promise<AnalysisResult> {
  try {
    const prepared = await prepareAndKeep(input, options);
    const labels = new Map<string, number>();
    const annotators = new Map<string, number>();
    const analysis: FileAnalysis = {
      fileName: input.name,
      size: input.files.reduce((sum, file) => sum + file.size, 0),
      kind: prepared.facts.kind,
      encoding: prepared.facts.encoding,
      documents: 0,
      create: 0,
      present: 0,
      spans: 0,
      skippedLines: 0,
      leftOut: 0,
      problems: [],
      labels: [],
      annotators: [],
      longDocuments: [],
    };
    const list = (listed: FileAnalysis['problems'][number]): void => {
      if (analysis.problems.length < LISTED_PROBLEMS) analysis.problems.push(listed);
    };
    for await (const batch of prepared.batches) {
      for (const refused of batch.refused) {
        analysis.skippedLines++;
        list(lineProblem(input, refused, false));
      }
      for (const { record, hash } of batch.documents) {
        analysis.documents++;
        if (known.has(hash)) analysis.present++;
        else {
          analysis.create++;
          known.add(hash);
        }
        analysis.spans += record.spans.length;
        for (const span of record.spans) increment(labels, span.label);
        for (const left of record.problems ?? []) {
          if (left.refusedLabel) increment(labels, left.refusedLabel.label);
          analysis.leftOut++;
          list(lineProblem(input, left, true));
        }
        increment(annotators, record.annotator ?? '');
        if (record.text.length > LONG_DOCUMENT_CHARS) analysis.longDocuments.push({ line: record.line, length: record.text.length });
      }
    }
    if (prepared.facts.flavor !== undefined) analysis.flavor = prepared.facts.flavor;
    if (prepared.facts.scheme) analysis.scheme = prepared.facts.scheme;
    analysis.labels = [...labels];
    analysis.annotators = [...annotators];
    return { ok: true, analysis };
  } catch (error) {
    const refusal = error instanceof FileReadError ? error.problem : problem('fileUnreadable', { file: input.name, detail: error instanceof Error ? error.message : String(error) });
    return { ok: false, fileName: input.name, error: describeProblem(refusal), problem: refusal };
  }
}
