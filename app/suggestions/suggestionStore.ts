/**
 * The suggestions the worker has computed, shared by every component that shows them (the editor
 * draws them, the Suggestions panel lists them), so a document is matched once however many ask.
 * This is a cache of derived data, not state: it lives outside zustand and is rebuilt from
 * IndexedDB on every visit. It also schedules the learned gazetteer's refreshes.
 */
import type { Suggestion } from '../../src/suggest/types';
import type { RuleProgress, SuggestJob } from '../../src/workers/suggestRequest';
import { learnInWorker, prepareInWorker, RunawayPattern, suggestInWorker, WorkerStopped, workerGeneration } from './suggestClient';

/** Quiet time after the last span edit before the gazetteer is refreshed. */
export const LEARN_DEBOUNCE_MS = 1000;
/** Documents whose suggestions are kept: the open one and a few just left. */
const KEPT_DOCUMENTS = 4;

export interface DocumentSuggestions {
  /** What they were computed from (document, sources revision, gazetteer version, skipped rules). */
  key: string;
  /** Every suggestion, spans already there and rejected ones included (see `visibleSuggestions`). */
  suggestions: readonly Suggestion[];
  elapsedMs: number;
}

export type SuggestProblem = { kind: 'runaway'; rule: RuleProgress } | { kind: 'failed'; message: string };

export interface SuggestionState {
  results: ReadonlyMap<string, DocumentSuggestions>;
  /** The gazetteer of the current (project, annotator): its version moves when its entries change. */
  learned: { version: number; terms: number; documents: number };
  /** Patterns that ran away this session, by id: skipped until the page is reloaded. */
  skipped: ReadonlyMap<string, RuleProgress>;
  problem: SuggestProblem | null;
}

let state: SuggestionState = { results: new Map(), learned: { version: 0, terms: 0, documents: 0 }, skipped: new Map(), problem: null };
const listeners = new Set<() => void>();

function update(change: Partial<SuggestionState>): void {
  state = { ...state, ...change };
  for (const listener of listeners) listener();
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getSnapshot(): SuggestionState {
  return state;
}

// Suggestions -----------------------------------------------------------------------------------

const inflight = new Set<string>();
/** The last key asked for, per document: an older answer arriving late must not replace a newer. */
const latest = new Map<string, string>();
/** Times the worker was stopped under a request (by another call's timeout, or a crash). */
const interrupted = new Map<string, number>();
const MAX_INTERRUPTIONS = 2;

export type SuggestionRequest = Omit<SuggestJob, 'skipRules'>;

/**
 * Asks the worker for a document's suggestions unless the answer for exactly these inputs is
 * already here or on its way. Safe to call on every render.
 */
export function requestSuggestions(request: SuggestionRequest): void {
  const skipRules = [...state.skipped.keys()];
  const key = [request.documentId, request.projectId, request.annotator, request.sourcesRevision, state.learned.version, skipRules.join(',')].join('\u0001');
  if (state.results.get(request.documentId)?.key === key || inflight.has(key)) return;
  inflight.add(key);
  latest.set(request.documentId, key);
  const started = performance.now();
  suggestInWorker({ ...request, skipRules }).then(
    (outcome) => {
      inflight.delete(key);
      interrupted.delete(key);
      if (latest.get(request.documentId) !== key && state.results.has(request.documentId)) return;
      store(request.documentId, { key, suggestions: outcome.suggestions, elapsedMs: outcome.elapsedMs });
      performance.mark('spanwright:suggestions-ready', {
        detail: { documentId: request.documentId, suggestions: outcome.suggestions.length, ms: performance.now() - started, workerMs: outcome.elapsedMs },
      });
      if (state.problem?.kind === 'failed') update({ problem: null });
    },
    (error: unknown) => {
      inflight.delete(key);
      if (error instanceof RunawayPattern) {
        // The worker is gone, and its gazetteer with it. The skip list is part of the key, so
        // the next render asks again, on a fresh worker, without the pattern.
        forgetLearned();
        update({ skipped: new Map(state.skipped).set(error.rule.id, error.rule), problem: { kind: 'runaway', rule: error.rule } });
        return;
      }
      const times = (interrupted.get(key) ?? 0) + 1;
      interrupted.set(key, times);
      if (error instanceof WorkerStopped && times <= MAX_INTERRUPTIONS) {
        // Stopped under us (say, a pattern check timed out meanwhile): the next render retries.
        forgetLearned();
        update({});
        return;
      }
      // Remember the failure under this key: asking again would only fail again.
      store(request.documentId, { key, suggestions: [], elapsedMs: 0 });
      update({ problem: { kind: 'failed', message: error instanceof Error ? error.message : String(error) } });
    },
  );
}

let prepared = '';

/** Readies the worker for a project (sources loaded, automata built) before a document opens. */
export function prepareSuggestions(request: Omit<SuggestionRequest, 'documentId' | 'text'>): void {
  const skipRules = [...state.skipped.keys()];
  const key = [request.projectId, request.annotator, request.sourcesRevision, workerGeneration(), skipRules.join(',')].join('\u0001');
  if (key === prepared) return;
  prepared = key;
  // Only an optimisation: if it fails, the first real request does the same work.
  prepareInWorker({ ...request, skipRules }).catch(() => undefined);
}

function store(documentId: string, result: DocumentSuggestions): void {
  const results = new Map(state.results);
  results.delete(documentId);
  results.set(documentId, result);
  for (const oldest of results.keys()) {
    if (results.size <= KEPT_DOCUMENTS) break;
    results.delete(oldest);
  }
  update({ results });
}

export function dismissProblem(): void {
  update({ problem: null });
}

// The learned gazetteer ---------------------------------------------------------------------------

let learnedScope = '';
let learnedGeneration = -1;
let pending: Set<string> | 'all' = new Set();
let pendingTimer: ReturnType<typeof setTimeout> | undefined;

function scopeOf(projectId: string, annotator: string): string {
  return `${projectId}\u0001${annotator}`;
}

function forgetLearned(): void {
  learnedGeneration = -1;
}

function runLearn(projectId: string, annotator: string, changed: readonly string[] | 'all'): void {
  const scope = scopeOf(projectId, annotator);
  learnInWorker(projectId, annotator, changed)
    .then((outcome) => {
      if (scope !== learnedScope) return;
      const { version } = state.learned;
      update({ learned: { version: outcome.changed ? version + 1 : version, terms: outcome.terms, documents: outcome.documents } });
    })
    .catch(() => {
      // The worker was stopped mid-scan; the next `ensureLearned` on the fresh worker starts over.
      if (scope === learnedScope) forgetLearned();
    });
}

/** Builds the gazetteer for this project and annotator, once per worker. */
export function ensureLearned(projectId: string, annotator: string): void {
  const scope = scopeOf(projectId, annotator);
  const generation = workerGeneration();
  if (scope === learnedScope && generation === learnedGeneration) return;
  if (scope !== learnedScope) update({ learned: { version: state.learned.version + 1, terms: 0, documents: 0 } });
  learnedScope = scope;
  learnedGeneration = generation;
  clearTimeout(pendingTimer);
  pending = new Set();
  runLearn(projectId, annotator, 'all');
}

/**
 * Spans changed (one document's, or, after an import, anyone's): the gazetteer is refreshed once
 * edits pause, reading only the layers that changed.
 */
export function noteAnnotationsChanged(projectId: string, annotator: string, documentIds: readonly string[] | 'all'): void {
  if (scopeOf(projectId, annotator) !== learnedScope) return;
  if (documentIds === 'all') pending = 'all';
  else if (pending !== 'all') for (const documentId of documentIds) pending.add(documentId);
  clearTimeout(pendingTimer);
  pendingTimer = setTimeout(() => {
    const changed = pending === 'all' ? 'all' : [...pending];
    pending = new Set();
    if (scopeOf(projectId, annotator) === learnedScope) runLearn(projectId, annotator, changed);
  }, LEARN_DEBOUNCE_MS);
}
