import { importedAnnotatorName } from '../../src/core/annotators';
import { problem } from '../../src/formats/problems';
import { proxy } from 'comlink';
import type { TextEncodingName } from '../../src/formats/encoding';
import type { ImportOptions, ImportSummary } from '../../src/workers/importTypes';
import { importWorker } from '../import/importClient';
import { useWorkbench } from '../store';
import type { ImportSlice } from '../store/importSlice';
import { openDocument } from './session';
import { listDocumentIds } from '../../src/db';

export const SAMPLE_CORPUS_URL = `${import.meta.env.BASE_URL}sample/000_f843adead5036889.txt`;

/** Opens the Import dialog on the chosen files and analyses them (format, encoding, counts). */
export async function chooseImportFiles(files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  useWorkbench.setState({
    dialog: 'import',
    importPhase: 'analysing',
    importFiles: files,
    importAnalyses: [],
    importSummary: null,
    importErrors: [],
    importProgress: null,
  });
  await analyseImportFiles();
}

async function analyseImportFiles(): Promise<void> {
  const { importFiles, importOptions } = useWorkbench.getState();
  const analyses = await Promise.all(importFiles.map((file) => importWorker().analyseFile(file, importOptions.encoding)));
  if (useWorkbench.getState().importFiles !== importFiles) return;
  useWorkbench.setState({ importAnalyses: analyses, importPhase: 'ready' });
}

export function setImportOptions(options: Partial<ImportSlice['importOptions']>): void {
  useWorkbench.setState((state) => ({ importOptions: { ...state.importOptions, ...options } }));
}

/** Choosing an encoding by hand re-reads the files with it. */
export async function overrideImportEncoding(encoding: TextEncodingName | undefined): Promise<void> {
  useWorkbench.setState((state) => ({ importOptions: { ...state.importOptions, encoding }, importPhase: 'analysing' }));
  await analyseImportFiles();
}

export async function loadSampleCorpus(): Promise<void> {
  const response = await fetch(SAMPLE_CORPUS_URL);
  const blob = await response.blob();
  await chooseImportFiles([new File([blob], '000_f843adead5036889.txt', { type: 'text/plain' })]);
}

function totals(summary: ImportSummary): { documents: number; spans: number } {
  return summary.files.reduce((sum, file) => ({ documents: sum.documents + file.documents, spans: sum.spans + file.spans }), { documents: 0, spans: 0 });
}

export async function startImport(): Promise<void> {
  const state = useWorkbench.getState();
  if (state.projectId === null || state.importPhase !== 'ready') return;
  const readable = state.importFiles.filter((_, i) => state.importAnalyses[i]?.ok === true);
  const options: ImportOptions = {
    ...state.importOptions,
    projectId: state.projectId,
    annotator: importedAnnotatorName(state.importOptions.annotator) ?? state.annotator,
  };
  useWorkbench.setState({ importPhase: 'running', importProgress: null, importErrors: [] });
  try {
    const summary = await importWorker().importFiles(
      readable,
      options,
      proxy((progress) => useWorkbench.setState({ importProgress: progress })),
    );
    const failures = [
      ...state.importAnalyses.flatMap((analysis) => (analysis.ok ? [] : [analysis.problem])),
      ...summary.files.flatMap((file) => (file.errorProblem === undefined ? [] : [file.errorProblem])),
    ];
    useWorkbench.setState({ importPhase: 'finished', importSummary: summary, importErrors: failures });
    performance.mark('spanwright:import-finished', { detail: totals(summary) });
    if (useWorkbench.getState().documentId === null) {
      const first = (await listDocumentIds(options.projectId))[0];
      if (first !== undefined) openDocument(first);
    }
  } catch (error) {
    useWorkbench.setState({ importPhase: 'finished', importErrors: [problem('importStopped', { detail: error instanceof Error ? error.message : String(error) })] });
  }
}

export async function cancelImport(): Promise<void> {
  await importWorker().cancel();
}

export function closeImportDialog(): void {
  useWorkbench.setState({ dialog: null, importPhase: 'idle', importFiles: [], importAnalyses: [], importProgress: null });
}
