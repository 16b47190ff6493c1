import { sortSpans, spanKey } from './spans';
import type { DocumentStatus, Span } from './types';

/**
 * Undo history records what an edit changed, not what the layer looked like: the spans added and
 * removed (a relabel is one of each), the status moved, the suggestions rejected. Undo applies the
 * inverse of those changes to the layer as it is *now*, so a span an import merged in meanwhile,
 * or one another tab added, is never taken away by accident.
 */

/** What one step did to one annotator's layer on one document. */
export interface LayerChange {
  readonly documentId: string;
  readonly annotator: string;
  readonly added: readonly Span[];
  readonly removed: readonly Span[];
  readonly status?: { readonly before: DocumentStatus; readonly after: DocumentStatus };
  /** Suggestion keys (`spanKey`) the step rejected. */
  readonly rejected?: readonly string[];
  /** The annotator's note on the document before and after ('' for none). */
  readonly note?: { readonly before: string; readonly after: string };
}

/** The parts of a layer a change can touch. */
export interface LayerState {
  readonly spans: readonly Span[];
  readonly status: DocumentStatus;
  readonly rejected: readonly string[];
  /** The annotator's note on the document (a flag with a comment); absent or '' for none. */
  readonly note?: string;
}

export type Direction = 'undo' | 'redo';

/**
 * The spans `after` has and `before` lacks, and the reverse; spans are compared by id and range.
 * An edit hands back most spans as the very objects it read, so identity settles them without
 * building a key per span (this runs on every edit of a 5,000-span layer); only the few left
 * over are compared by value. An edit also keeps the order of what it does not touch (it appends,
 * filters or maps): the runs both lists start and end with are skipped by identity first, so
 * only the stretch in between goes into sets.
 */
export function diffSpans(before: readonly Span[], after: readonly Span[]): { added: Span[]; removed: Span[] } {
  let head = 0;
  const shorter = Math.min(before.length, after.length);
  while (head < shorter && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < shorter - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const middleBefore = before.slice(head, before.length - tail);
  const middleAfter = after.slice(head, after.length - tail);
  const was = new Set(middleBefore);
  const is = new Set(middleAfter);
  const added = middleAfter.filter((span) => !was.has(span));
  const removed = middleBefore.filter((span) => !is.has(span));
  if (added.length === 0 || removed.length === 0) return { added, removed };
  const identity = (span: Span) => `${span.id}\u0000${spanKey(span)}`;
  const addedKeys = new Set(added.map(identity));
  const removedKeys = new Set(removed.map(identity));
  return { added: added.filter((span) => !removedKeys.has(identity(span))), removed: removed.filter((span) => !addedKeys.has(identity(span))) };
}

/** The change that turns `before` into `after`. */
export function layerChangeOf(documentId: string, annotator: string, before: LayerState | undefined, after: LayerState): LayerChange {
  const { added, removed } = diffSpans(before?.spans ?? [], after.spans);
  const statusBefore = before?.status ?? 'new';
  const rejectedBefore = new Set(before?.rejected ?? []);
  const rejected = after.rejected.filter((key) => !rejectedBefore.has(key));
  const noteBefore = before?.note ?? '';
  const noteAfter = after.note ?? '';
  return {
    documentId,
    annotator,
    added,
    removed,
    ...(statusBefore === after.status ? {} : { status: { before: statusBefore, after: after.status } }),
    ...(rejected.length > 0 ? { rejected } : {}),
    ...(noteBefore === noteAfter ? {} : { note: { before: noteBefore, after: noteAfter } }),
  };
}

export function isEmptyLayerChange(change: LayerChange): boolean {
  return change.added.length === 0 && change.removed.length === 0 && change.status === undefined && (change.rejected ?? []).length === 0 && change.note === undefined;
}

/** A layer after a change was applied, and how many of the change's parts no longer fit it. */
export interface Applied {
  readonly state: LayerState;
  /** Parts skipped because the layer changed since: a span already gone or already back, a status moved on. */
  readonly conflicts: number;
}

/**
 * Applies `change` (redo) or its inverse (undo) to the layer as it is now. Spans are matched by
 * range and label, whatever their ids: a span to take out that is no longer there, or one to put
 * back that is there again, is a conflict and is skipped; the rest applies.
 */
export function applyLayerChange(current: LayerState, change: LayerChange, direction: Direction): Applied {
  const take = direction === 'undo' ? change.added : change.removed;
  const put = direction === 'undo' ? change.removed : change.added;
  let conflicts = 0;
  const byKey = new Map(current.spans.map((span) => [spanKey(span), span]));
  for (const span of take) {
    if (!byKey.delete(spanKey(span))) conflicts++;
  }
  for (const span of put) {
    const key = spanKey(span);
    if (byKey.has(key)) conflicts++;
    else byKey.set(key, span);
  }
  let status = current.status;
  if (change.status) {
    const [from, to] = direction === 'undo' ? [change.status.after, change.status.before] : [change.status.before, change.status.after];
    if (current.status === from) status = to;
    else if (current.status !== to) conflicts++;
  }
  let rejected = current.rejected;
  if (change.rejected && change.rejected.length > 0) {
    const keys = new Set(change.rejected);
    const kept = current.rejected.filter((key) => !keys.has(key));
    rejected = direction === 'undo' ? kept : [...kept, ...change.rejected];
  }
  let note = current.note ?? '';
  if (change.note) {
    const [from, to] = direction === 'undo' ? [change.note.after, change.note.before] : [change.note.before, change.note.after];
    if (note === from) note = to;
    else if (note !== to) conflicts++;
  }
  const spans = take.length === 0 && put.length === 0 ? current.spans : sortSpans([...byKey.values()]);
  // '' (no note) is said outright: a writer takes an absent note as "keep the one stored".
  return { state: { spans, status, rejected, note }, conflicts };
}
