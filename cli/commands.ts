/** The commands of `spanwright`: each takes parsed options and returns an exit status. */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { DocumentStatus } from '../src/core/types';
import { EXPORT_FORMATS, exportFormatInfo } from '../src/formats/export';
import { ExportBuilder, type ExportInput, type ExportOutput, type ExportSummary } from '../src/formats/exportBuilder';
import { withoutOverlaps } from '../src/formats/exportTokens';
import { splitOptionsProblem, type SplitOptions } from '../src/formats/split';
import { isRecordProblem, isRecordSkip, type ExportFormat } from '../src/formats/types';
import { buildAgreementReport, type AgreementDocument } from '../src/review';
import { readRecords, toExportInput } from './input';
import { fileOutput, folderOutput, zipOutput } from './output';

export class UsageError extends Error {}

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const STATUSES: readonly DocumentStatus[] = ['new', 'in-progress', 'done', 'skipped'];

export function parseFormat(value: string | undefined): ExportFormat {
  const format = EXPORT_FORMATS.find((entry) => entry.id === value);
  if (!format) throw new UsageError(`--to must be one of ${EXPORT_FORMATS.map((entry) => entry.id).join(', ')}`);
  return format.id;
}

export function parseStatus(value: string | undefined): DocumentStatus | undefined {
  if (value === undefined) return undefined;
  if (!STATUSES.includes(value as DocumentStatus)) throw new UsageError(`--status must be one of ${STATUSES.join(', ')}`);
  return value as DocumentStatus;
}

interface Selection {
  annotator?: string | undefined;
  status?: DocumentStatus | undefined;
}

/**
 * The file's documents as the app exports them, filtered: a record without an annotator belongs to
 * `--annotator` (or `annotator`); with `--annotator`, other annotators' lines are left out.
 * Problems are written to standard error and counted.
 */
async function* selected(file: string, selection: Selection, io: Io, problems: { count: number }): AsyncGenerator<ExportInput> {
  const name = path.basename(file);
  for await (const result of readRecords(file)) {
    if (isRecordProblem(result)) {
      if (!isRecordSkip(result)) {
        problems.count++;
        io.err(`${name}:${result.line}: ${result.reason}\n`);
      }
      continue;
    }
    const input = toExportInput(result, name, selection.annotator ?? 'annotator');
    if (selection.annotator !== undefined && input.annotator !== selection.annotator) continue;
    if (selection.status !== undefined && input.status !== selection.status) continue;
    yield input;
  }
}

function summaryLine(summary: ExportSummary): string {
  const parts = summary.parts ? ` (train ${summary.parts.train}, dev ${summary.parts.dev}, test ${summary.parts.test})` : '';
  const dropped = summary.droppedSpans > 0 ? `; ${summary.droppedSpans} spans BIO cannot hold were left out (see dropped-spans.jsonl)` : '';
  return `${summary.documents} documents, ${summary.spans} spans${parts}${dropped}\n`;
}

async function runExport(file: string, format: ExportFormat, selection: Selection, output: ExportOutput, main: string, split: SplitOptions | undefined, io: Io): Promise<ExportSummary> {
  const builder = new ExportBuilder({ format, split, labels: [], main }, output);
  const problems = { count: 0 };
  for await (const input of selected(file, selection, io, problems)) builder.add(input);
  const summary = builder.finish();
  if (problems.count > 0) io.err(`${problems.count} records could not be read and were left out (run validate for the list)\n`);
  return summary;
}

export async function convert(file: string, options: { to?: string | undefined; out?: string | undefined; annotator?: string | undefined; status?: string | undefined }, io: Io): Promise<number> {
  const format = parseFormat(options.to);
  const selection = { annotator: options.annotator, status: parseStatus(options.status) };
  const info = exportFormatInfo(format);
  if (info.zipped) {
    if (!options.out) throw new UsageError(`--to ${format} writes a zip: give -o FILE.zip`);
    const zip = zipOutput(options.out);
    const summary = await runExport(file, format, selection, zip, '', undefined, io);
    zip.end();
    io.err(summaryLine(summary));
    return 0;
  }
  const out = options.out ?? null;
  const main = `main${info.extension}`;
  const summary = await runExport(file, format, selection, fileOutput(out, main, io.out), main, undefined, io);
  io.err(summaryLine(summary));
  return 0;
}

export async function split(
  file: string,
  options: { train?: string | undefined; dev?: string | undefined; seed?: string | undefined; out?: string | undefined; to?: string | undefined; annotator?: string | undefined; status?: string | undefined },
  io: Io,
): Promise<number> {
  const train = Number(options.train ?? '80');
  const dev = Number(options.dev ?? '10');
  const seed = Number(options.seed ?? '0');
  const splitOptions = { train, dev, seed };
  const problem = splitOptionsProblem(splitOptions);
  if (problem) throw new UsageError(problem);
  if (!options.out) throw new UsageError('split needs --out DIR');
  const format = parseFormat(options.to ?? 'spanwright');
  const summary = await runExport(file, format, { annotator: options.annotator, status: parseStatus(options.status) }, folderOutput(options.out), '', splitOptions, io);
  io.err(summaryLine(summary));
  return 0;
}

export async function validate(file: string, io: Io): Promise<number> {
  const name = path.basename(file);
  let documents = 0;
  let problems = 0;
  let skipped = 0;
  for await (const result of readRecords(file)) {
    if (isRecordSkip(result)) skipped++;
    else if (isRecordProblem(result)) {
      problems++;
      io.out(`${name}:${result.line}: ${result.reason}\n`);
    } else documents++;
  }
  io.out(`${name}: ${documents} documents read, ${problems} ${problems === 1 ? 'problem' : 'problems'}${skipped > 0 ? `, ${skipped} skipped` : ''}\n`);
  return problems > 0 ? 1 : 0;
}

export interface Stats {
  file: string;
  bytes: number;
  documents: number;
  documentsWithoutSpans: number;
  spans: number;
  /** Spans CoNLL and Hugging Face would leave out (overlaps). */
  overlappingSpans: number;
  characters: number;
  labels: Record<string, number>;
  annotators: Record<string, number>;
  statuses: Record<string, number>;
  problems: number;
}

export async function stats(file: string, options: { json: boolean }, io: Io): Promise<number> {
  const result: Stats = { file: path.basename(file), bytes: statSync(file).size, documents: 0, documentsWithoutSpans: 0, spans: 0, overlappingSpans: 0, characters: 0, labels: {}, annotators: {}, statuses: {}, problems: 0 };
  const problems = { count: 0 };
  const quiet: Io = { out: io.out, err: () => undefined };
  for await (const input of selected(file, {}, quiet, problems)) {
    result.documents++;
    result.characters += Array.from(input.text).length;
    result.spans += input.spans.length;
    if (input.spans.length === 0) result.documentsWithoutSpans++;
    result.overlappingSpans += input.spans.length - withoutOverlaps(input.spans, input.text).length;
    for (const span of input.spans) result.labels[span.label] = (result.labels[span.label] ?? 0) + 1;
    result.annotators[input.annotator] = (result.annotators[input.annotator] ?? 0) + 1;
    result.statuses[input.status] = (result.statuses[input.status] ?? 0) + 1;
  }
  result.problems = problems.count;
  if (options.json) {
    io.out(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  const table = (title: string, counts: Record<string, number>) =>
    `${title}:\n${Object.entries(counts)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([key, count]) => `  ${key}\t${count}\n`)
      .join('')}`;
  io.out(
    `${result.file}: ${result.documents} documents (${result.documentsWithoutSpans} without spans), ${result.spans} spans, ${result.characters} characters\n` +
      `overlapping spans (CoNLL/HF would leave out): ${result.overlappingSpans}\n` +
      `records that could not be read: ${result.problems}\n` +
      table('labels', result.labels) +
      table('annotators', result.annotators) +
      table('statuses', result.statuses),
  );
  return 0;
}

/**
 * The agreement report (REVIEW.md) of one or more files holding several annotators' layers of
 * the same documents (a Spanwright export with All annotators, or one file per annotator).
 * Documents are matched by id, else by text. Every annotator but `gold` is compared; gold is scored
 * against. Statuses: any, or `--status`.
 */
export async function agreement(files: readonly string[], options: { json: boolean; status?: string | undefined; now?: string }, io: Io): Promise<number> {
  if (files.length === 0) throw new UsageError('agreement needs at least one file');
  const status = parseStatus(options.status);
  const documents = new Map<string, { id: string; text: string; layers: Map<string, { annotator: string; spans: ExportInput['spans']; status: DocumentStatus }> }>();
  const problems = { count: 0 };
  for (const file of files) {
    for await (const input of selected(file, {}, io, problems)) {
      const key = input.originalId !== undefined ? `id:${input.originalId}` : `text:${input.text}`;
      let document = documents.get(key);
      if (!document) documents.set(key, (document = { id: input.originalId ?? input.id, text: input.text, layers: new Map() }));
      document.layers.set(input.annotator, { annotator: input.annotator, spans: input.spans, status: input.status });
    }
  }
  const annotators = [...new Set([...documents.values()].flatMap((document) => [...document.layers.keys()]))].filter((name) => name !== 'gold').sort();
  const agreementDocuments: AgreementDocument[] = [...documents.values()].map((document) => ({ id: document.id, text: document.text, layers: [...document.layers.values()] }));
  const report = buildAgreementReport({
    project: files.map((file) => path.basename(file)).join(', '),
    createdAt: options.now ?? new Date().toISOString(),
    documents: agreementDocuments,
    annotators,
    statuses: status ? [status] : null,
  });
  if (options.json) {
    io.out(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  const value = (number: number | null) => (number === null ? 'n/a' : number.toFixed(3));
  let text = `${report.scope.documents} documents, annotators ${report.scope.annotators.join(', ')}\n`;
  text += `exact span F1 ${value(report.overall.exactF1)} (mean of pairs ${value(report.overall.exactF1MeanOfPairs)}), boundary F1 ${value(report.overall.boundaryF1)}, overlap F1 ${value(report.overall.overlapF1MeanOfPairs)}\n`;
  text += `Fleiss' κ ${value(report.overall.fleissKappa)}, Krippendorff's α ${value(report.overall.krippendorffAlpha)}\n`;
  text += 'pairs:\n';
  for (const pair of report.pairs) text += `  ${pair.a} × ${pair.b}\t${pair.documents} documents\texact F1 ${value(pair.exactF1)}\tboundary F1 ${value(pair.boundaryF1)}\toverlap F1 ${value(pair.overlapF1)}\tCohen's κ ${value(pair.cohenKappa)}\n`;
  for (const gold of report.againstGold) text += `  ${gold.annotator} vs gold\tprecision ${value(gold.precision)}\trecall ${value(gold.recall)}\tF1 ${value(gold.f1)}\n`;
  io.out(text);
  return 0;
}
