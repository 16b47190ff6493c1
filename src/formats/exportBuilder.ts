/**
 * One export, whatever its format, split or target: the browser's export worker and the command
 * line feed it documents one at a time and give it somewhere to write files, so both write the
 * same bytes. Memory holds one document's chunk, the list of dropped spans (capped) and counts.
 *
 * Files it writes:
 * - a line format without a split: one file, `main` (the caller names it);
 * - with a split: `train<ext>`, `dev<ext>`, `test<ext>`;
 * - brat: `<stem>.txt` and `<stem>.ann` per document (under `train/` … with a split) and
 *   `annotation.conf`;
 * - as extra files when the output can hold several (a zip or a folder): `labels.json` for
 *   Hugging Face, and for CoNLL and Hugging Face `dropped-spans.jsonl`, every span BIO could not hold.
 */
import { bratAnnotationConf, bratStem, serialiseBrat } from './brat';
import { exportFormatInfo, writeRecord } from './export';
import { ByteBuilder, FLUSH_BYTES } from './exportBytes';
import { droppedByBio, droppedSpanLines, huggingFaceLabelsFile, type DroppedSpan } from './exportTokens';
import { SPLIT_PARTS, splitKey, splitPartOf, type SplitOptions, type SplitPart } from './split';
import type { ExportFormat, ExportRecord } from './types';

export interface OutputFile {
  /** Text, or UTF-8 bytes the file may keep (they are never written to again). */
  write(data: string | Uint8Array<ArrayBuffer>): void;
  close(): void;
}

export interface ExportOutput {
  /** True when the output holds several files (a zip, a folder), false for a single download. */
  readonly several: boolean;
  open(name: string): OutputFile;
}

/** A document to export, with the id its file gave it (the split key), when it had one. */
export interface ExportInput extends ExportRecord {
  originalId?: string | undefined;
}

export interface ExportPlan {
  format: ExportFormat;
  split?: SplitOptions | undefined;
  /** The project's label names in order: labels.json and annotation.conf list them (and any other label met, after them). */
  labels: readonly string[];
  /** Only spans with these labels are written; all when absent. */
  onlyLabels?: readonly string[] | undefined;
  /** The file of a single-file export (no split, a line format). */
  main?: string;
  /** Count only (the dialog's preview): nothing is serialised or written; the counts are the same. */
  countOnly?: boolean;
}

/** Dropped spans listed by name; beyond this they are only counted. */
export const MAX_LISTED_DROPS = 1000;

export interface ListedDrop extends DroppedSpan {
  document: string;
}

export interface ExportSummary {
  documents: number;
  /** Spans written. */
  spans: number;
  /** Documents written without a span. */
  emptyDocuments: number;
  droppedSpans: number;
  /** The first MAX_LISTED_DROPS dropped spans. */
  dropped: ListedDrop[];
  parts: Record<SplitPart, number> | null;
}

/** A file of a line format: documents are written into `bytes`, handed on a megabyte at a time. */
interface LineFile {
  file: OutputFile;
  bytes: ByteBuilder;
}

export class ExportBuilder {
  private readonly files = new Map<string, LineFile>();
  private readonly stems = new Set<string>();
  /** The plan's labels, then any others met, in order: labels.json and annotation.conf list them. */
  private readonly labels = new Set<string>();
  private readonly only: Set<string> | null;
  private readonly extension: string;
  /** Held, not streamed: a zip file left open would hold back every file after it; drops are few. */
  private report: string[] | null = null;
  readonly summary: ExportSummary;

  constructor(private readonly plan: ExportPlan, private readonly output: ExportOutput) {
    this.only = plan.onlyLabels ? new Set(plan.onlyLabels) : null;
    this.extension = exportFormatInfo(plan.format).extension;
    this.summary = { documents: 0, spans: 0, emptyDocuments: 0, droppedSpans: 0, dropped: [], parts: plan.split ? { train: 0, dev: 0, test: 0 } : null };
    const tokens = plan.format === 'conll' || plan.format === 'huggingface';
    if (output.several && tokens) this.report = [];
    for (const label of plan.labels) this.labels.add(label);
    // Line formats open their files up front, so an export of nothing still has them (empty).
    if (plan.format !== 'brat') {
      if (plan.split) for (const part of SPLIT_PARTS) this.file(`${part}${this.extension}`);
      else this.file(plan.main ?? `data${this.extension}`);
    }
  }

  add(input: ExportInput): void {
    const record = this.only ? { ...input, spans: input.spans.filter((span) => this.only?.has(span.label)) } : input;
    const part = this.plan.split ? splitPartOf(splitKey(input), this.plan.split) : null;
    const summary = this.summary;
    summary.documents++;
    for (const span of record.spans) this.labels.add(span.label);
    if (part && summary.parts) summary.parts[part]++;
    if (this.plan.countOnly) {
      const tokens = this.plan.format === 'conll' || this.plan.format === 'huggingface';
      const dropped = tokens ? droppedByBio(record) : [];
      const written = record.spans.length - dropped.length;
      summary.spans += written;
      if (written === 0) summary.emptyDocuments++;
      summary.droppedSpans += dropped.length;
      for (const drop of dropped) if (summary.dropped.length < MAX_LISTED_DROPS) summary.dropped.push({ document: record.id, ...drop });
      return;
    }
    if (this.plan.format === 'brat') {
      const stem = bratStem(record.id, this.stems);
      const { txt, ann } = serialiseBrat(record);
      const folder = part ? `${part}/` : '';
      this.whole(`${folder}${stem}.txt`, txt);
      this.whole(`${folder}${stem}.ann`, ann);
      const written = ann === '' ? 0 : ann.split('\n').length - 1;
      summary.spans += written;
      summary.droppedSpans += record.spans.length - written;
      if (written === 0) summary.emptyDocuments++;
      return;
    }
    const file = this.file(part ? `${part}${this.extension}` : (this.plan.main ?? `data${this.extension}`));
    const chunk = writeRecord(this.plan.format, record, file.bytes);
    if (file.bytes.length >= FLUSH_BYTES) file.file.write(file.bytes.take());
    const written = record.spans.length - chunk.droppedSpans;
    summary.spans += written;
    if (written === 0) summary.emptyDocuments++;
    summary.droppedSpans += chunk.droppedSpans;
    if (chunk.dropped && chunk.dropped.length > 0) {
      this.report?.push(droppedSpanLines(record.id, chunk.dropped));
      for (const drop of chunk.dropped) if (summary.dropped.length < MAX_LISTED_DROPS) summary.dropped.push({ document: record.id, ...drop });
    }
  }

  /** Closes every file; the output itself (a zip) is the caller's to end. */
  finish(): ExportSummary {
    for (const { file, bytes } of this.files.values()) {
      if (bytes.length > 0) file.write(bytes.take());
      file.close();
    }
    if (this.output.several) {
      if (this.plan.format === 'huggingface') this.whole('labels.json', huggingFaceLabelsFile([...this.labels]));
      if (this.plan.format === 'brat') this.whole('annotation.conf', bratAnnotationConf([...this.labels]));
    }
    if (this.report) this.whole('dropped-spans.jsonl', this.report.join(''));
    return this.summary;
  }

  private file(name: string): LineFile {
    let file = this.files.get(name);
    if (!file) this.files.set(name, (file = { file: this.output.open(name), bytes: new ByteBuilder() }));
    return file;
  }

  private whole(name: string, text: string): void {
    const file = this.output.open(name);
    file.write(text);
    file.close();
  }
}
