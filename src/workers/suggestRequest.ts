/** What the page and the suggest worker say to each other (see suggest.worker.ts). */
import type { Problem } from '../formats/problems';
import type { DictionaryProblem } from '../suggest/dictionary';
import type { Suggestion } from '../suggest/types';

/** Suggestions for one document, from the project's current dictionaries, patterns and gazetteer. */
export interface SuggestJob {
  projectId: string;
  annotator: string;
  documentId: string;
  text: string;
  /** `SuggestionSettings.revision` the page has seen: the worker reloads its sources when it moves. */
  sourcesRevision: number;
  /** Patterns that ran away earlier this session (by id): skipped. */
  skipRules: readonly string[];
}

export interface SuggestOutcome {
  documentId: string;
  /**
   * Every suggestion of the document, spans already there and rejected ones included: the page
   * filters those out itself, so that accepting or rejecting never waits for the worker.
   */
  suggestions: Suggestion[];
  /** Time spent in the worker, from request to answer, in milliseconds. */
  elapsedMs: number;
}

/** Sent before each user pattern runs, and `null` once all have: the page's runaway watchdog. */
export interface RuleProgress {
  id: string;
  label: string;
  pattern: string;
  flags: string;
}

export interface LearnOutcome {
  /** The gazetteer's entries differ from before the refresh. */
  changed: boolean;
  /** Distinct tagged strings in the gazetteer. */
  terms: number;
  /** Documents whose tagged strings it was built from. */
  documents: number;
}

export interface DictionaryImportOutcome {
  /** The new dictionary's id; absent when the file yielded no entries (nothing was stored). */
  dictionaryId?: string;
  name: string;
  terms: number;
  /** Labels used by the entries, sorted. */
  labels: string[];
  /** The first problems, with 1-based line numbers. */
  problems: DictionaryProblem[];
  problemCount: number;
  /** The file could not be read at all (encoding). */
  error?: Problem;
}
