import { expose } from 'comlink';
import { onStorageChange, readProjectForAgreement, type AgreementRead } from '../db';
import { buildAgreementReport, disagreementsCsv, GOLD_ANNOTATOR, ProgressTally, type AgreementReport, type AnnotatorProgress } from '../review';
import type { DocumentStatus } from '../core/types';

/**
 * The Agreement view's worker: reads the project's layers once (through the layer store), keeps
 * them until a write changes the project, and computes the agreement report, team progress and
 * the disagreements file off the UI thread. Progress is reported while the layers are read.
 */
export interface AgreementQuestion {
  readonly projectId: string;
  readonly project: string;
  readonly annotators: readonly string[];
  /** null: any status. */
  readonly statuses: readonly DocumentStatus[] | null;
  /** null: every label. */
  readonly onlyLabels: readonly string[] | null;
  /** The project's labels, listed per label even where nobody used them. */
  readonly labels: readonly string[];
  readonly createdAt: string;
}

export interface AgreementAnswer {
  readonly report: AgreementReport;
  readonly progress: AnnotatorProgress[];
  /** Documents of the project (with or without layers). */
  readonly projectDocuments: number;
  readonly readMs: number;
  readonly computeMs: number;
}

export type ProgressReport = (read: number, total: number) => void;

let cached: { projectId: string; read: Promise<AgreementRead> } | null = null;
let stopFollowing: (() => void) | null = null;

function projectRead(projectId: string, onProgress?: ProgressReport): { read: Promise<AgreementRead>; fresh: boolean } {
  stopFollowing ??= onStorageChange((change) => {
    if (change.documents || change.layers !== null) cached = null;
  });
  if (cached?.projectId === projectId) return { read: cached.read, fresh: false };
  const read = readProjectForAgreement(projectId, onProgress);
  cached = { projectId, read };
  read.catch(() => {
    if (cached?.read === read) cached = null;
  });
  return { read, fresh: true };
}

const api = {
  async compute(question: AgreementQuestion, onProgress?: ProgressReport): Promise<AgreementAnswer> {
    const started = performance.now();
    const { read } = projectRead(question.projectId, onProgress);
    const { documents, documentCount } = await read;
    const readAt = performance.now();
    const report = buildAgreementReport({
      project: question.project,
      createdAt: question.createdAt,
      annotators: question.annotators,
      statuses: question.statuses,
      onlyLabels: question.onlyLabels,
      labels: question.labels,
      documents,
    });
    const tally = new ProgressTally();
    for (const document of documents) for (const layer of document.layers) if (layer.annotator !== GOLD_ANNOTATOR) tally.add(layer);
    const progress = tally.result(documentCount);
    return { report, progress, projectDocuments: documentCount, readMs: readAt - started, computeMs: performance.now() - readAt };
  },

  /** The disagreements file (CSV text) for the same scope. */
  async disagreements(question: AgreementQuestion): Promise<string> {
    const { documents } = await projectRead(question.projectId).read;
    return disagreementsCsv(documents, { annotators: question.annotators, statuses: question.statuses, onlyLabels: question.onlyLabels });
  },

  /** Forgets what was read (the next question reads the project again). */
  forget(): void {
    cached = null;
  },
};

export type AgreementWorkerApi = typeof api;

expose(api);
