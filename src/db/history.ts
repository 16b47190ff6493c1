import { db } from './database';
import type { HistoryRow, HistoryStack, HistoryStep } from './schema';

/**
 * Undo history kept in IndexedDB, one pair of stacks per project and annotator, so Ctrl+Z works
 * after a reload and an annotator's steps never come back under another name. Steps are small
 * (what changed, not whole layers) and the oldest go beyond `HISTORY_LIMIT`.
 */

/** Steps kept per project and annotator (undo and redo together). */
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

function rowsOf(projectId: string, annotator: string) {
  return db.history.where('[projectId+annotator]').equals([projectId, annotator]);
}

export async function loadHistory(projectId: string, annotator: string): Promise<HistoryStacks> {
  const rows = await rowsOf(projectId, annotator).toArray();
  rows.sort((a, b) => a.at - b.at);
  const entry = (row: HistoryRow): HistoryEntry => ({ id: row.id, step: row.step });
  return { undo: rows.filter((row) => row.stack === 'undo').map(entry), redo: rows.filter((row) => row.stack === 'redo').map(entry) };
}

/** A new step: on top of the undo stack; the redo stack is emptied, the oldest steps beyond the limit go. */
export async function pushHistory(projectId: string, annotator: string, entry: HistoryEntry): Promise<void> {
  await db.transaction('rw', db.history, async () => {
    await rowsOf(projectId, annotator)
      .filter((row) => row.stack === 'redo')
      .delete();
    await db.history.add({ id: entry.id, projectId, annotator, stack: 'undo', at: nextAt(), step: entry.step });
    const rows = await rowsOf(projectId, annotator).toArray();
    if (rows.length <= HISTORY_LIMIT) return;
    rows.sort((a, b) => a.at - b.at);
    await db.history.bulkDelete(rows.slice(0, rows.length - HISTORY_LIMIT).map((row) => row.id));
  });
}

/** Moves a step to the top of the other stack (after an undo or a redo). */
export async function moveHistory(id: string, to: HistoryStack): Promise<void> {
  await db.history.update(id, { stack: to, at: nextAt() });
}
