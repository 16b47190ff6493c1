import { mergeSpans, spanKey } from '../../src/core/spans';
import type { SpanDraft } from '../../src/core/types';
import { addPattern, deleteDictionary, deletePattern, getText, rejectSuggestions as storeRejections, setDictionaryEnabled, setPatternEnabled, setSuggestionSwitches } from '../../src/db';
import type { DictionaryImportOutcome } from '../../src/workers/suggestRequest';
import { awaitPaint } from '../editor/paintMarks';
import { translate } from '../i18n';
import { useWorkbench } from '../store';
import { importDictionaryInWorker, validatePatternInWorker, WorkerStopped } from '../suggestions/suggestClient';
import { recordChange } from './history';
import { commitSpans } from './spanWrites';

/**
 * Turns suggestions into spans of the current annotator, all in one write and one undo step
 * (so "Accept all suggestions" is undone by a single Ctrl+Z). Returns how many spans were added.
 */
export async function acceptSuggestions(documentId: string, suggestions: readonly SpanDraft[]): Promise<number> {
  if (suggestions.length === 0) return 0;
  const { annotator } = useWorkbench.getState();
  const text = await getText(documentId);
  if (text === undefined) return 0;
  let added: readonly { id: string }[] = [];
  const edit = await commitSpans(
    documentId,
    annotator,
    (spans) => {
      const merged = mergeSpans(text, spans, suggestions.map(({ start, end, label }) => ({ start, end, label })));
      added = merged.added;
      return added.length === 0 ? null : merged.spans;
    },
    () => {
      // One accepted span is a committed span like a tagged one (timing mark once painted); a
      // thousand from "Accept all" are not worth tracking one by one.
      const [only] = added;
      if (only && added.length === 1) awaitPaint(only.id);
      useWorkbench.setState({ notice: null });
    },
  );
  return edit ? added.length : 0;
}

/**
 * Hides suggestions from this annotator on this document (kept in its layer's `rejected`), as one
 * undoable step: a mistaken "Reject all" is taken back by Ctrl+Z like any edit.
 */
export async function rejectSuggestions(documentId: string, suggestions: readonly SpanDraft[]): Promise<void> {
  const { annotator } = useWorkbench.getState();
  const change = await storeRejections(documentId, annotator, suggestions.map(spanKey));
  if (change) recordChange({ layers: [change] });
}

export async function importDictionary(projectId: string, file: File, defaultLabel: string): Promise<DictionaryImportOutcome> {
  return importDictionaryInWorker(projectId, file, defaultLabel);
}

/** Validates and stores a pattern; returns why it was refused, or null when it was added. */
export async function addPatternRule(projectId: string, rule: { label: string; pattern: string; flags: string }): Promise<string | null> {
  let error: string | null;
  try {
    error = await validatePatternInWorker(rule.pattern, rule.flags);
  } catch (failure) {
    if (!(failure instanceof WorkerStopped)) throw failure;
    error = translate(useWorkbench.getState().language, 'suggestions.patternTooSlow');
  }
  if (error !== null) return error;
  await addPattern(projectId, rule);
  return null;
}

export const toggleDictionary = setDictionaryEnabled;
export const removeDictionary = deleteDictionary;
export const togglePattern = setPatternEnabled;
export const removePattern = deletePattern;

export async function setBuiltInMetric(projectId: string, enabled: boolean): Promise<void> {
  await setSuggestionSwitches(projectId, { metricEnabled: enabled });
}

export async function setLearnedSuggestions(projectId: string, enabled: boolean): Promise<void> {
  await setSuggestionSwitches(projectId, { learnedEnabled: enabled });
}
