import type { StateCreator } from 'zustand';
import { initialLanguage, type Language } from '../i18n';
import type { WorkbenchState } from './index';

export type Dialog = 'import' | 'export' | 'shortcuts' | 'labels' | 'suggestions' | null;

export interface UiSlice {
  dialog: Dialog;
  language: Language;
}

export const createUiSlice: StateCreator<WorkbenchState, [], [], UiSlice> = () => ({
  dialog: null,
  language: initialLanguage(),
});
