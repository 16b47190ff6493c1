import type { DocumentStatus } from '../../src/core/types';
import { exportFileName } from '../../src/formats/export';
import type { ExportFormat } from '../../src/formats/types';
import { exportWorker } from '../export/exportClient';
import { useWorkbench } from '../store';

export interface ExportChoice {
  format: ExportFormat;
  annotator: string;
  onlyDone: boolean;
}

export interface ExportOutcome {
  documents: number;
  spans: number;
  droppedSpans: number;
}

/** Builds the file in the export worker and hands it to the browser as a download. */
export async function downloadExport(choice: ExportChoice, projectName: string): Promise<ExportOutcome | null> {
  const projectId = useWorkbench.getState().projectId;
  if (projectId === null) return null;
  const statuses: DocumentStatus[] | undefined = choice.onlyDone ? ['done'] : undefined;
  const { blob, ...outcome } = await exportWorker().exportProject({ projectId, annotator: choice.annotator, ...(statuses ? { statuses } : {}) }, choice.format);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = exportFileName(choice.format, projectName);
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference to the Blob; release ours once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return outcome;
}
