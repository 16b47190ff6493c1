import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { Span } from '../../src/core/types';
import { getSuggestionSettings } from '../../src/db';
import type { Suggestion } from '../../src/suggest/types';
import { useDocumentPainted } from '../editor/paintedDocument';
import { useWorkbench } from '../store';
import { ensureLearned, getSnapshot, noteAnnotationsChanged, prepareSuggestions, requestSuggestions, subscribe, type SuggestionState } from './suggestionStore';
import { visibleSuggestions } from './visible';

const NONE: readonly Suggestion[] = [];

export function useSuggestionState(): SuggestionState {
  return useSyncExternalStore(subscribe, getSnapshot);
}

/**
 * Starts the suggest worker for the current project once a document is open (the start opens
 * one at once when there is any), and builds its suggester and gazetteer, so the editor's
 * request only waits for matching. An empty workspace has nothing to suggest on: the worker and
 * its code stay out of the page's start until something is imported.
 */
export function useSuggestionWarmUp(): void {
  const projectId = useWorkbench((state) => state.projectId);
  const annotator = useWorkbench((state) => state.annotator);
  const anyOpen = useWorkbench((state) => state.documentId !== null);
  const settings = useLiveQuery(async () => (projectId === null ? undefined : getSuggestionSettings(projectId)), [projectId]);
  const shared = useSuggestionState();
  useEffect(() => {
    if (projectId === null || settings === undefined || !anyOpen) return;
    if (settings.learnedEnabled) ensureLearned(projectId, annotator);
    prepareSuggestions({ projectId, annotator, sourcesRevision: settings.revision });
  }, [projectId, annotator, settings, shared, anyOpen]);
}

/** The finished import last seen, so each one triggers a single refresh of the gazetteer. */
let lastImportSummary: unknown = null;

/**
 * The open document's suggestions for the current annotator, as the editor shows them: it asks
 * the suggest worker for dictionary, pattern and learned matches when the document opens and
 * when its sources change, and tells the learned gazetteer about edits. Used once, by the
 * editor; the Suggestions panel reads the same result through `useVisibleSuggestions`.
 */
export function useSuggestions(documentId: string, text: string, spans: readonly Span[], rejected: readonly string[]): readonly Suggestion[] {
  const projectId = useWorkbench((state) => state.projectId);
  const annotator = useWorkbench((state) => state.annotator);
  const importSummary = useWorkbench((state) => state.importSummary);
  const settings = useLiveQuery(async () => (projectId === null ? undefined : getSuggestionSettings(projectId)), [projectId]);
  const shared = useSuggestionState();

  useEffect(() => {
    if (projectId === null || settings === undefined) return;
    if (settings.learnedEnabled) ensureLearned(projectId, annotator);
    requestSuggestions({ projectId, annotator, documentId, text, sourcesRevision: settings.revision });
    // `shared` is a dependency so that a new gazetteer version or a skipped pattern asks again.
  }, [projectId, annotator, documentId, text, settings, shared]);

  // Edits teach the gazetteer; opening another document is not an edit.
  const previous = useRef({ documentId, spans });
  useEffect(() => {
    const before = previous.current;
    previous.current = { documentId, spans };
    if (projectId !== null && before.documentId === documentId && before.spans !== spans) noteAnnotationsChanged(projectId, annotator, [documentId]);
  }, [projectId, annotator, documentId, spans]);

  useEffect(() => {
    if (projectId === null || importSummary === null || importSummary === lastImportSummary) return;
    lastImportSummary = importSummary;
    noteAnnotationsChanged(projectId, annotator, 'all');
  }, [projectId, annotator, importSummary]);

  return useVisibleSuggestions(documentId, spans, rejected);
}

/**
 * The worker's suggestions for the document minus spans already there and suggestions rejected
 * (both from the open layer). Accepting or rejecting only filters, on this thread, and shows at once.
 * None until the document's opening frame is painted: its text and spans come first.
 */
export function useVisibleSuggestions(documentId: string, spans: readonly Span[], rejected: readonly string[]): readonly Suggestion[] {
  const painted = useDocumentPainted(documentId);
  const all = useSuggestionState().results.get(documentId)?.suggestions ?? NONE;
  return useMemo(() => visibleSuggestions(painted ? all : NONE, spans, rejected), [painted, all, spans, rejected]);
}
