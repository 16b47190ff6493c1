import { countDocuments, type ExportSource, readForExport } from '../db';
import { exportFileName, exportFormatInfo } from '../formats/export';
import { ExportBuilder, type ExportOutput, type ExportSummary } from '../formats/exportBuilder';
import type { SplitOptions } from '../formats/split';
import type { ExportFormat } from '../formats/types';
import { ZipWriter } from '../formats/zip';

/** Which documents an export takes. */
export type ExportScope = 'touched' | 'done' | 'all';

export interface ExportRequest {
  projectId: string;
  projectName: string;
  /** One layer, or every layer of the project (All annotators: one line per layer). */
  annotators: readonly string[];
  /** The name in the file name: the annotator, or `all`. */
  layerName: string;
  scope: ExportScope;
  format: ExportFormat;
  /** The project's labels in order (labels.json, annotation.conf). */
  labels: readonly string[];
  /** Only these labels' spans; all when absent. */
  onlyLabels?: readonly string[] | undefined;
  split?: SplitOptions | undefined;
}

export interface ExportResult extends ExportSummary {
  blob: Blob | null;
  fileName: string;
  cancelled: boolean;
}

export interface ExportProgress {
  done: number;
  total: number;
}

/**
 * A layer is touched once it has a span or a status other than new: what an annotator has
 * worked on. Exports take touched documents by default, so a CoNLL file is not all `O`.
 */
export function inScope(source: ExportSource, scope: ExportScope): boolean {
  if (scope === 'all') return true;
  if (scope === 'done') return source.status === 'done';
  return source.status !== 'new' || source.spans.length > 0;
}

/** Parts are gathered into Blobs as they come, so memory holds one part of the file at a time. */
const PART_BYTES = 4_000_000;

class BlobCollector {
  private readonly blobs: Blob[] = [];
  private pending: (string | Uint8Array<ArrayBuffer>)[] = [];
  private size = 0;

  /** Bytes are kept as they are (the export never writes to them again). */
  add(part: string | Uint8Array<ArrayBuffer>): void {
    this.pending.push(part);
    this.size += part.length;
    if (this.size >= PART_BYTES) this.flush();
  }

  blob(type: string): Blob {
    this.flush();
    return new Blob(this.blobs, { type });
  }

  private flush(): void {
    if (this.pending.length > 0) this.blobs.push(new Blob(this.pending));
    this.pending = [];
    this.size = 0;
  }
}

const control = { cancelled: false, preview: 0 };

/** Asks the running export (or preview) to stop; it does between chunks of documents. */
export function cancelExport(): void {
  control.cancelled = true;
}

/**
 * A call, not a read: the flags change while the export awaits, which narrowing cannot see. A
 * download stops on Cancel export; a preview stops as soon as a newer preview starts.
 */
function isCancelled(preview: number | null): boolean {
  return preview === null ? control.cancelled : preview !== control.preview;
}

const nowhere: ExportOutput = { several: true, open: () => ({ write: () => undefined, close: () => undefined }) };

/**
 * Exports (or, with `preview`, only counts: the same work, nothing kept) the request's documents,
 * reporting progress after each chunk read (and waiting for the report to be taken). The result is null-blobbed when nothing was selected
 * or the export was cancelled.
 */
export async function exportProject(request: ExportRequest, onProgress?: (progress: ExportProgress) => void | Promise<void>, preview = false): Promise<ExportResult> {
  const previewId = preview ? ++control.preview : null;
  if (!preview) control.cancelled = false;
  const info = exportFormatInfo(request.format);
  const zipped = info.zipped || request.split !== undefined;
  const fileName = exportFileName(request.format, request.projectName, request.layerName, zipped ? '.zip' : info.extension);
  const collector = new BlobCollector();
  const zip = zipped && !preview ? new ZipWriter((bytes) => collector.add(new Uint8Array(bytes))) : null;
  const single: ExportOutput = { several: false, open: () => ({ write: (text) => collector.add(text), close: () => undefined }) };
  const output: ExportOutput = preview ? nowhere : zip ? { several: true, open: (name) => zip.open(name) } : single;
  const builder = new ExportBuilder(
    { format: request.format, split: request.split, labels: request.onlyLabels ?? request.labels, onlyLabels: request.onlyLabels, main: exportFileName(request.format, request.projectName, request.layerName), countOnly: preview },
    output,
  );
  const total = await countDocuments(request.projectId);
  // Counting JSON Lines needs no text; token formats look for spans of only whitespace, and a split keys some documents by their text.
  const texts = !preview || request.format === 'conll' || request.format === 'huggingface' || request.split !== undefined;
  let done = 0;
  for await (const chunk of readForExport({ projectId: request.projectId, annotators: request.annotators, texts, ...(request.scope === 'done' ? { statuses: ['done' as const] } : {}) })) {
    if (isCancelled(previewId)) break;
    for (const source of chunk) {
      if (!inScope(source, request.scope)) continue;
      builder.add({ id: source.originalId ?? source.id, originalId: source.originalId, text: source.text, spans: source.spans, annotator: source.annotator, status: source.status, meta: source.meta });
    }
    done += chunk.read;
    // Awaited: the page acknowledges once it has shown the progress, so the export never runs ahead of what the user sees (and a Cancel lands before the next chunk).
    await onProgress?.({ done, total });
  }
  const summary = builder.finish();
  const cancelled = isCancelled(previewId);
  if (cancelled || preview || summary.documents === 0) return { ...summary, blob: null, fileName, cancelled };
  zip?.end();
  return { ...summary, blob: collector.blob(zipped ? 'application/zip' : `${info.mimeType};charset=utf-8`), fileName, cancelled: false };
}
