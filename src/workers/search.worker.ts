import { expose } from 'comlink';
import { snippetOf, type Snippet } from '../core/snippet';
import { type Criterion, type DocumentFilter, getText } from '../db';
import { type AnnotatorProgress, ProjectIndex } from './searchIndex';
import type { SearchUpdate } from './searchTypes';

/**
 * The Documents list's worker: answers filters from a project index kept in memory (see
 * ProjectIndex) and searches titles and texts, off the UI thread, so neither 100,000 keys nor
 * 100 MB of text ever hold a frame. One search at a time: a new one (the query changed) stops the
 * one before.
 */

/** Reports are coalesced to one per this many ms (the first find is sent at once). */
const REPORT_INTERVAL_MS = 100;
/** How long the scan holds back after its first finds, for the page to show them. */
const FIRST_FINDS_PAUSE_MS = 60;

let index: ProjectIndex | null = null;
let stopWatching: (() => void) | null = null;
const watchers = new Set<() => void>();
let searching: AbortController | null = null;
let warming: Promise<unknown> = Promise.resolve();

function indexFor(projectId: string): ProjectIndex {
  if (index?.projectId !== projectId) {
    stopWatching?.();
    index = new ProjectIndex(projectId);
    stopWatching = index.watch(() => {
      for (const watcher of watchers) watcher();
    });
  }
  return index;
}

class Reporter {
  private pending: string[] = [];
  /** From the start: a first report with nothing found would only cost the page a render. */
  private lastSent = performance.now();
  private sentFinds = false;

  constructor(private readonly send: (update: SearchUpdate) => void) {}

  /**
   * Resolves when the scan may go on: right away, except after the first finds, when it waits a
   * little so the page can fetch and paint them. On two cores the scan (this thread and the
   * browser's IndexedDB thread) would otherwise leave the page no CPU for its own small read.
   */
  async add(found: readonly string[], scanned: number, total: number): Promise<void> {
    for (const id of found) this.pending.push(id);
    const firstFinds = !this.sentFinds && this.pending.length > 0;
    if (firstFinds || performance.now() - this.lastSent >= REPORT_INTERVAL_MS) this.flush(scanned, total, false);
    if (firstFinds) await new Promise((resolve) => setTimeout(resolve, FIRST_FINDS_PAUSE_MS));
  }

  flush(scanned: number, total: number, done: boolean): void {
    this.send({ found: this.pending, scanned, total, done });
    this.sentFinds ||= this.pending.length > 0;
    this.pending = [];
    this.lastSent = performance.now();
  }
}

const api = {
  /** `onChanged` is called whenever a write may have changed filter answers: ask again. */
  watch(onChanged: () => void): void {
    watchers.add(onChanged);
  },

  /** The ids matching the filter's status, label and annotator, in reading order (text aside). */
  async filter(filter: DocumentFilter): Promise<string[]> {
    return indexFor(filter.projectId).filter(filter);
  },

  /** How many documents meet `criterion` (from the answer kept for it). */
  async count(projectId: string, criterion: Criterion): Promise<number> {
    return indexFor(projectId).count(criterion);
  },

  /** Each annotator's documents done, of the project's total (the Annotator control's list). */
  async progress(projectId: string, annotators: readonly string[]): Promise<AnnotatorProgress> {
    return indexFor(projectId).progress(annotators);
  },

  /**
   * Asks `criteria` ahead (and loads the titles when `titles`), so their first use is answered
   * from memory. Calls queue up, one after another; criteria already answered cost nothing.
   * Resolves with what each step took.
   */
  async warm(projectId: string, criteria: readonly Criterion[], titles: boolean): Promise<{ key: string; ms: number }[]> {
    const run = warming.then(() => indexFor(projectId).warm(criteria, titles));
    warming = run.catch(() => undefined);
    return run;
  },

  /**
   * Searches the project's titles and texts for `query`, reporting finds through `onUpdate` (the
   * last report has `done: true`). Resolves false when a newer search or `cancel` stopped it.
   */
  async search(projectId: string, query: string, onUpdate: (update: SearchUpdate) => void): Promise<boolean> {
    searching?.abort();
    const controller = new AbortController();
    searching = controller;
    const reporter = new Reporter(onUpdate);
    let scanned = 0;
    let total = 0;
    try {
      await indexFor(projectId).search(query, {
        signal: controller.signal,
        onProgress: async (progress) => {
          scanned = progress.scanned;
          total = progress.total;
          await reporter.add(progress.found, progress.scanned, progress.total);
        },
      });
      reporter.flush(scanned, total, true);
      return true;
    } catch (error) {
      if (controller.signal.aborted) return false;
      throw error;
    } finally {
      if (searching === controller) searching = null;
    }
  },

  /** The first hit of `query` in each document, in its context: the list shows it under the entries on screen. */
  async snippets(ids: readonly string[], query: string): Promise<(Snippet | undefined)[]> {
    const texts = await Promise.all(ids.map((id) => getText(id)));
    return texts.map((text) => (text === undefined ? undefined : snippetOf(text, query)));
  },

  cancel(): void {
    searching?.abort();
    searching = null;
  },
};

export type SearchWorkerApi = typeof api;

expose(api);
