/**
 * Agreement view verbs: open the review view on the disagreements behind a number (click-through),
 * and the two downloads.
 */
import { filterKey, type DisagreementFilter } from '../../src/review';
import type { AgreementQuestion } from '../../src/workers/agreement.worker';
import { agreementWorker } from '../agreement/agreementClient';
import { reviewWorker } from '../review/reviewClient';
import { useWorkbench } from '../store';
import { saveBlob } from './export';
import { openDocument, openView } from './session';

/**
 * Opens the review view showing only the clusters `filter` stands for: the Documents list narrows
 * to documents with such open clusters, and the first of them (in reading order) opens on its first.
 */
export async function openDisagreements(filter: DisagreementFilter): Promise<void> {
  const { projectId, documentId } = useWorkbench.getState();
  useWorkbench.setState({ reviewFilter: filter, onlyOpenClusters: true, focusedClusterId: null, pendingClusterFocus: null });
  if (projectId !== null) {
    const summary = await reviewWorker().summary(projectId, filter.annotators, [], filter);
    // The reviewer may have clicked something else meanwhile.
    if (filterKey(useWorkbench.getState().reviewFilter) !== filterKey(filter)) return;
    const first = summary.order.find((id) => (summary.byDocument[id] ?? 0) > 0);
    if (first !== undefined && first !== documentId) {
      useWorkbench.setState({ pendingClusterFocus: 'first' });
      openView('review');
      openDocument(first, 'replace');
      return;
    }
  }
  openView('review');
}

function download(content: BlobPart, type: string, fileName: string): void {
  saveBlob(new Blob([content], { type }), fileName);
}

/** A file name from the project's name: letters, digits, CJK and `-_` kept. */
function baseName(project: string): string {
  return project.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/gu, '') || 'project';
}

export function downloadReport(report: object, project: string): void {
  download(`${JSON.stringify(report, null, 2)}\n`, 'application/json', `${baseName(project)}.agreement.json`);
}

export async function downloadDisagreements(question: Omit<AgreementQuestion, 'createdAt'>): Promise<void> {
  const csv = await agreementWorker().disagreements({ ...question, createdAt: new Date().toISOString() });
  download(csv, 'text/csv;charset=utf-8', `${baseName(question.project)}.disagreements.csv`);
}
