import { checkOwnAnnotatorName } from '../../src/core/annotators';
import type { StateCreator } from 'zustand';
import type { WorkbenchState } from './index';

const ANNOTATOR_KEY = 'spanwright.annotator';
export const DEFAULT_ANNOTATOR = 'annotator';

export interface SessionSlice {
  projectId: string | null;
  documentId: string | null;
  /** The name this browser's work is saved and exported under (remembered across visits). */
  annotator: string;
}

/**
 * The remembered name, normalised: earlier versions stored every keystroke, so a blank name,
 * `gold` or trailing spaces may be waiting there.
 */
export function readStoredAnnotator(): string {
  try {
    const check = checkOwnAnnotatorName(localStorage.getItem(ANNOTATOR_KEY) ?? DEFAULT_ANNOTATOR);
    return check.ok ? check.name : DEFAULT_ANNOTATOR;
  } catch {
    return DEFAULT_ANNOTATOR;
  }
}

export function storeAnnotator(name: string): void {
  try {
    localStorage.setItem(ANNOTATOR_KEY, name);
  } catch {
    // Private windows may refuse storage; the name then lasts for this visit only.
  }
}

export const createSessionSlice: StateCreator<WorkbenchState, [], [], SessionSlice> = () => ({
  projectId: null,
  documentId: null,
  annotator: readStoredAnnotator(),
});
