import { proxy } from 'comlink';
import type { ExportProgress, ExportRequest, ExportResult } from '../../src/workers/exportFile';
import { exportWorker } from '../export/exportClient';

export type ExportOutcome = Omit<ExportResult, 'blob'>;

/** Counts what an export would write (documents, spans, dropped spans) without keeping a byte. */
export async function previewExport(request: ExportRequest): Promise<ExportOutcome> {
  const { blob: _unused, ...outcome } = await exportWorker().exportProject(request, undefined, true);
  return outcome;
}

/**
 * Builds the file in the export worker, reporting progress, and hands it to the browser as a
 * download. Nothing is downloaded when the selection is empty or the export was cancelled.
 */
export async function downloadExport(request: ExportRequest, onProgress: (progress: ExportProgress) => void | Promise<void>): Promise<ExportOutcome> {
  const { blob, ...outcome } = await exportWorker().exportProject(request, proxy(onProgress));
  if (blob) saveBlob(blob, outcome.fileName);
  return outcome;
}

export function cancelExport(): void {
  void exportWorker().cancelExport();
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference to the Blob; release ours once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
