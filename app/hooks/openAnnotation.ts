/**
 * The current annotator's layer on the open document, read once and shared by every component
 * that shows it. With 5,000 spans a read costs milliseconds on this thread, so the editor, the
 * span list, the suggestions and the Documents list must not each hold a live query of their own.
 *
 * A row this tab has just written is shown at once (`noteWritten`) instead of waiting for the
 * live query to read it back; the live query stays the truth and replaces it with anything newer.
 * The side panels follow the layer as stored (`useStoredAnnotation`, moved on by `noteStored` once
 * the write has committed): the editor paints an edit in the next frame and the write commits
 * meanwhile, and the panels' larger render then waits for both rather than delaying either.
 */
import { useSyncExternalStore } from 'react';
import { findSpan } from '../../src/core/spanLineage';
import type { DocumentStatus, Span } from '../../src/core/types';
import { type AnnotationRow, watchAnnotation } from '../../src/db';
import { useWorkbench } from '../store';
import { readOpening } from './openingRead';
import { supersedes } from './supersedes';
import { workbenchFollower } from './workbenchFollower';

export interface OpenAnnotation {
  documentId: string;
  /** null: the annotator has no layer on the document yet. */
  row: AnnotationRow | null;
}

interface Watched {
  documentId: string;
  annotator: string;
  current: OpenAnnotation | undefined;
  /** As stored: `current` without this tab's writes still in flight. */
  stored: OpenAnnotation | undefined;
  stop: () => void;
}

let watched: Watched | null = null;
const listeners = new Set<() => void>();

/** The status each recently open layer last showed, by document and annotator: the Documents list's stand-in (`statusShownBefore`). */
const shownStatuses = new Map<string, DocumentStatus>();
const SHOWN_STATUSES_KEPT = 50;

function publish(next: OpenAnnotation, stored = true): void {
  if (!watched) return;
  watched.current = next;
  if (stored) watched.stored = next;
  const key = `${next.documentId}\u0000${watched.annotator}`;
  shownStatuses.delete(key);
  shownStatuses.set(key, next.row?.status ?? 'new');
  if (shownStatuses.size > SHOWN_STATUSES_KEPT) shownStatuses.delete(shownStatuses.keys().next().value ?? '');
  for (const listener of listeners) listener();
}

/**
 * The status a document's layer (this annotator's) last had while it was open here, if it was.
 * The Documents list shows it for the document it has not read again since it stopped being open.
 */
export function statusShownBefore(documentId: string, annotator: string): DocumentStatus | undefined {
  return shownStatuses.get(`${documentId}\u0000${annotator}`);
}

/**
 * Shows the layer from the read the open started (`readOpening`, issued in the same store update
 * as the text's), then follows it with a live query. The live query starts once that read is in,
 * so its own first read does not compete with it; it reads the layer as it is then, so nothing
 * written in between is missed.
 */
function watch(documentId: string, annotator: string): void {
  if (watched?.documentId === documentId && watched.annotator === annotator) return;
  watched?.stop();
  const target: Watched = { documentId, annotator, current: undefined, stored: undefined, stop: () => undefined };
  watched = target;
  const show = (row: AnnotationRow | null) => {
    if (watched === target && supersedes(row, target.current?.row)) publish({ documentId, row });
  };
  const failed = (reason: unknown) => console.error('Reading the open annotation failed', reason);
  let stopped = false;
  target.stop = () => {
    stopped = true;
  };
  const live = () => {
    if (!stopped) target.stop = watchAnnotation(documentId, annotator, show, failed);
  };
  readOpening(documentId, annotator)
    .then(({ layer }) => show(layer ?? null), failed)
    .finally(live);
}

function target(): { documentId: string; annotator: string } | null {
  const { documentId, annotator } = useWorkbench.getState();
  return documentId === null ? null : { documentId, annotator };
}

function follow(): void {
  const open = target();
  if (open) watch(open.documentId, open.annotator);
  else {
    watched?.stop();
    watched = null;
  }
  for (const listener of listeners) listener();
}

const subscribe = workbenchFollower(
  listeners,
  (state, previous) => state.documentId !== previous.documentId || state.annotator !== previous.annotator,
  follow,
  () => {
    watched?.stop();
    watched = null;
  },
);

function snapshot(): OpenAnnotation | undefined {
  const open = target();
  if (!open || !watched || watched.documentId !== open.documentId || watched.annotator !== open.annotator) return undefined;
  return watched.current;
}

/** Shows a row this tab has just written (its write still in flight), if it is the open layer. */
export function noteWritten(row: AnnotationRow): void {
  if (watched?.documentId === row.documentId && watched.annotator === row.annotator) publish({ documentId: row.documentId, row }, false);
}

/** A row noted as written has committed: what follows the stored layer may show it now. */
export function noteStored(row: AnnotationRow): void {
  const open = watched;
  if (open?.documentId !== row.documentId || open.annotator !== row.annotator || !supersedes(row, open.stored?.row)) return;
  open.stored = { documentId: row.documentId, row };
  for (const listener of listeners) listener();
}

/**
 * The layer on screen for this document and annotator: what an edit is made on (null: none yet;
 * undefined: not open here, or still loading).
 */
export function shownLayer(documentId: string, annotator: string): AnnotationRow | null | undefined {
  if (watched?.documentId !== documentId || watched.annotator !== annotator) return undefined;
  return watched.current?.row;
}

/** Puts back what was on screen before an edit whose write failed (nothing else will: storage did not change). */
export function noteNotWritten(documentId: string, annotator: string, row: AnnotationRow | null): void {
  if (watched?.documentId === documentId && watched.annotator === annotator) publish({ documentId, row });
}

/** The open layer; `undefined` while loading or when no document is open. */
export function useOpenAnnotation(): OpenAnnotation | undefined {
  return useSyncExternalStore(subscribe, snapshot);
}

function storedSnapshot(): OpenAnnotation | undefined {
  return snapshot() === undefined ? undefined : watched?.stored;
}

/** The open layer as stored: this tab's edits appear once committed (the side panels). */
export function useStoredAnnotation(): OpenAnnotation | undefined {
  return useSyncExternalStore(subscribe, storedSnapshot);
}

/** What the side panels show focused; see `useStoredFocus`. */
let panelFocus: string | null = null;

/** The last answer of `lists`: React asks for the snapshot after every store change. */
let listing: { spans: readonly Span[]; spanId: string; listed: boolean } | null = null;

function lists(spans: readonly Span[], spanId: string): boolean {
  if (listing?.spans !== spans || listing.spanId !== spanId) listing = { spans, spanId, listed: findSpan(spans, spanId) !== undefined };
  return listing.listed;
}

function storedFocusSnapshot(): string | null {
  const focused = useWorkbench.getState().focusedSpanId;
  const spans = storedSnapshot()?.row?.spans;
  if (focused !== panelFocus && (focused === null || (spans !== undefined && lists(spans, focused)))) panelFocus = focused;
  return panelFocus;
}

function subscribeWithFocus(listener: () => void): () => void {
  const unsubscribe = subscribe(listener);
  const unfollow = useWorkbench.subscribe((state, previous) => {
    if (state.focusedSpanId !== previous.focusedSpanId) listener();
  });
  return () => {
    unfollow();
    unsubscribe();
  };
}

/**
 * The focused span as the side panels show it, with the layer as stored. A span just added takes
 * the focus at once (the editor shows it, a label key relabels it), but the panels list it only
 * once its write commits: until then they keep showing the focus they had, rather than render
 * for nothing between the key press's frame and the commit, and hide the focused span's panel
 * for a moment.
 */
export function useStoredFocus(): string | null {
  return useSyncExternalStore(subscribeWithFocus, storedFocusSnapshot);
}

function statusSnapshot(): DocumentStatus | undefined {
  const open = snapshot();
  return open === undefined ? undefined : (open.row?.status ?? 'new');
}

/** The open layer's status only: re-renders when the status changes, not on every span edit. */
export function useOpenStatus(): DocumentStatus | undefined {
  return useSyncExternalStore(subscribe, statusSnapshot);
}
