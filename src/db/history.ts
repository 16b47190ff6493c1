import { Dexie } from 'dexie';
import { db } from './database';
import type { HistoryStack, HistoryStep } from './schema';

/**
 * Undo history kept in IndexedDB, one pair of stacks per project and annotator, so Ctrl+Z works
 * after a reload and an annotator's steps never come back under another name. Steps are small
 * (what changed, not whole layers) and the oldest go beyond `HISTORY_LIMIT`. The index
 * `[projectId+annotator+stack+at]` keeps each stack in order, so recording a step reads keys
 * only, never the steps themselves: it runs after every edit.
 */

/** Steps kept on the undo stack per project and annotator. */
export const HISTORY_LIMIT = 300;

export interface HistoryEntry {
  id: string;
  step: HistoryStep;
}

export interface HistoryStacks {
  /** Oldest first: the last is what Ctrl+Z takes back. */
  undo: HistoryEntry[];
  /** Oldest first: the last is what Ctrl+Shift+Z redoes. */
  redo: HistoryEntry[];
}

/** Orders rows within a stack: later moves sort after earlier ones, even within one millisecond. */
let lastAt = 0;
function nextAt(): number {
  lastAt = Math.max(Date.now(), lastAt + 1);
  return lastAt;
}

function stackOf(projectId: string, annotator: string, stack: HistoryStack) {
  return db.history.where('[projectId+annotator+stack+at]').between([projectId, annotator, stack, Dexie.minKey], [projectId, annotator, stack, Dexie.maxKey]);
}

export async function loadHistory(projectId: string, annotator: string): Promise<HistoryStacks> {
  const [undo, redo] = await Promise.all([stackOf(projectId, annotator, 'undo').toArray(), stackOf(projectId, annotator, 'redo').toArray()]);
  return { undo: undo.map(({ id, step }) => ({ id, step })), redo: redo.map(({ id, step }) => ({ id, step })) };
}

/** A new step: on top of the undo stack; the redo stack is emptied, the oldest steps beyond the limit go. */
export async function pushHistory(projectId: string, annotator: string, entry: HistoryEntry): Promise<void> {
  await db.transaction('rw', db.history, async () => {
    await stackOf(projectId, annotator, 'redo').delete();
    await db.history.add({ id: entry.id, projectId, annotator, stack: 'undo', at: nextAt(), step: entry.step });
    const undo = stackOf(projectId, annotator, 'undo');
    const count = await undo.count();
    if (count > HISTORY_LIMIT) await db.history.bulkDelete(await undo.limit(count - HISTORY_LIMIT).primaryKeys());
  });
}

/** Moves a step to the top of the other stack (after an undo or a redo). */
export async function moveHistory(id: string, to: HistoryStack): Promise<void> {
  await db.history.update(id, { stack: to, at: nextAt() });
}
