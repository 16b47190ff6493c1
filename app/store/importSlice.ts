import type { StateCreator } from 'zustand';
import type { Problem } from '../../src/formats/problems';
import type { AnalysisResult, ImportInput, ImportOptions, ImportProgress, ImportSummary } from '../../src/workers/importTypes';
import type { WorkbenchState } from './index';

export type ImportPhase = 'idle' | 'analysing' | 'ready' | 'running' | 'finished';

export interface ImportSlice {
  importPhase: ImportPhase;
  /** The dialog's rows: each chosen file, or a brat `.txt` + `.ann` pair. */
  importInputs: readonly ImportInput[];
  importAnalyses: readonly AnalysisResult[];
  importOptions: Omit<ImportOptions, 'projectId' | 'annotator'> & {
    /** Whose annotations unattributed spans become; the session's annotator when empty. */
    annotator: string;
  };
  importProgress: ImportProgress | null;
  importSummary: ImportSummary | null;
  /** Files the last import refused or rolled back, and why (shown in an alert). */
  importErrors: readonly Problem[];
}

export const createImportSlice: StateCreator<WorkbenchState, [], [], ImportSlice> = () => ({
  importPhase: 'idle',
  importInputs: [],
  importAnalyses: [],
  importOptions: { txtSplit: 'whole', prodigyRejected: 'without-spans', annotator: '', badSpans: 'keep-document', longSplit: 'none', labelChoices: [] },
  importProgress: null,
  importSummary: null,
  importErrors: [],
});
