import { importedAnnotatorName } from '../../src/core/annotators';
import { problem } from '../../src/formats/problems';
import { proxy } from 'comlink';
import type { TextEncodingName } from '../../src/formats/encoding';
import { defaultLabelChoice, type LabelChoice } from '../../src/formats/labelMapping';
import { groupImportInputs } from '../../src/workers/importInputs';
import type { ImportOptions, ImportSummary } from '../../src/workers/importTypes';
import { incomingLabelsOf } from '../import/incomingLabels';
import { importWorker } from '../import/importClient';
import { useWorkbench } from '../store';
import type { ImportSlice } from '../store/importSlice';
import { openDocument } from './session';
import { getProject, listDocumentIds } from '../../src/db';

export const SAMPLE_CORPUS_URL = `${import.meta.env.BASE_URL}sample/000_f843adead5036889.txt`;

/** Opens the Import dialog on the chosen files and analyses them (format, encoding, counts). */
export async function chooseImportFiles(files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  useWorkbench.setState((state) => ({
    dialog: 'import',
    importPhase: 'analysing',
    importInputs: groupImportInputs(files),
    importAnalyses: [],
    // Label choices belong to the files they were made for.
    importOptions: { ...state.importOptions, labelChoices: [], longSplit: 'none' },
    importSummary: null,
    importErrors: [],
    importProgress: null,
  }));
  await analyseImportFiles();
}

/**
 * The project's id once the workbench has started: files can be chosen (or dropped) before the
 * session has opened its project, and the analysis needs it to tell new documents from present ones.
 */
function projectReady(): Promise<string> {
  const { projectId } = useWorkbench.getState();
  if (projectId !== null) return Promise.resolve(projectId);
  return new Promise((resolve) => {
    const unsubscribe = useWorkbench.subscribe((state) => {
      if (state.projectId === null) return;
      unsubscribe();
      resolve(state.projectId);
    });
  });
}

/** Reads every input in the worker (the main thread only waits), then shows what it found. */
async function analyseImportFiles(): Promise<void> {
  const projectId = await projectReady();
  const { importInputs, importOptions } = useWorkbench.getState();
  const { txtSplit, prodigyRejected, longSplit, encoding } = importOptions;
  const readOptions = { txtSplit, prodigyRejected, longSplit, projectId, ...(encoding === undefined ? {} : { encoding }) };
  const analyses = await importWorker().analyseInputs([...importInputs], readOptions);
  const now = useWorkbench.getState();
  // A newer choice of files or options started another analysis meanwhile: its result wins.
  if (now.importInputs !== importInputs || now.importOptions.txtSplit !== txtSplit || now.importOptions.longSplit !== longSplit || now.importOptions.prodigyRejected !== prodigyRejected || now.importOptions.encoding !== encoding) return;
  useWorkbench.setState({ importAnalyses: analyses, importPhase: 'ready' });
}

const READ_OPTIONS = ['txtSplit', 'prodigyRejected', 'longSplit'] as const;

/** Changes import options; one that changes how the files are read has them analysed again. */
export async function setImportOptions(options: Partial<ImportSlice['importOptions']>): Promise<void> {
  const before = useWorkbench.getState().importOptions;
  const rereads = READ_OPTIONS.some((key) => options[key] !== undefined && options[key] !== before[key]);
  useWorkbench.setState((state) => ({ importOptions: { ...state.importOptions, ...options }, ...(rereads ? { importPhase: 'analysing' as const } : {}) }));
  if (rereads) await analyseImportFiles();
}

/** What becomes of one label the files bring (create it, map it onto an existing one, or leave its spans out). */
export function chooseImportLabel(name: string, choice: LabelChoice): void {
  useWorkbench.setState((state) => ({
    importOptions: { ...state.importOptions, labelChoices: [...state.importOptions.labelChoices.filter(([label]) => label !== name), [name, choice]] },
  }));
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

/** The dialog's label choices, with the proposal it showed for every label the user left as proposed. */
function withDefaultChoices(state: ReturnType<typeof useWorkbench.getState>, existing: readonly string[]): [string, LabelChoice][] {
  const chosen = new Map(state.importOptions.labelChoices);
  return incomingLabelsOf(state.importAnalyses, existing).map((label) => [label.name, chosen.get(label.name) ?? defaultLabelChoice(label)]);
}

export async function startImport(): Promise<void> {
  const state = useWorkbench.getState();
  if (state.projectId === null || state.importPhase !== 'ready') return;
  const project = await getProject(state.projectId);
  const readable = state.importInputs.filter((_, i) => state.importAnalyses[i]?.ok === true);
  const options: ImportOptions = {
    ...state.importOptions,
    projectId: state.projectId,
    annotator: importedAnnotatorName(state.importOptions.annotator) ?? state.annotator,
    labelChoices: withDefaultChoices(state, project.labels.map((label) => label.name)),
  };
  useWorkbench.setState({ importPhase: 'running', importProgress: null, importErrors: [] });
  try {
    const summary = await importWorker().importInputs(
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
  useWorkbench.setState({ dialog: null, importPhase: 'idle', importInputs: [], importAnalyses: [], importProgress: null });
}
