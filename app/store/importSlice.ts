import type { StateCreator } from 'zustand';
import type { Problem } from '../../src/formats/problems';
import type { AnalysisResult, ImportOptions, ImportProgress, ImportSummary } from '../../src/workers/importTypes';
import type { WorkbenchState } from './index';

export type ImportPhase = 'idle' | 'analysing' | 'ready' | 'running' | 'finished';

export interface ImportSlice {
  importPhase: ImportPhase;
  importFiles: readonly File[];
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
  importFiles: [],
  importAnalyses: [],
  importOptions: { txtSplit: 'whole', prodigyRejected: 'without-spans', annotator: '' },
  importProgress: null,
  importSummary: null,
  importErrors: [],
});
