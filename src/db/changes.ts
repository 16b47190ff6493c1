import { applyLayerChange, isEmptyLayerChange, type Direction } from '../core/layerChange';
import { sameLabels } from '../core/labelSet';
import { db } from './database';
import { layerState, layerStore } from './layerStore';
import type { HistoryStep } from './schema';
import { replaySourceChanges } from './suggestions';

export type { HistoryStep as Change, LabelSetChange, SourceChange } from './schema';

/** Whether replaying the step would do anything. */
export function isEmptyChange(step: HistoryStep): boolean {
  return step.layers.every(isEmptyLayerChange) && !step.labels && (step.sources ?? []).length === 0 && (step.gold ?? []).length === 0;
}

/** What replaying a step did: how many of its parts no longer fitted what is stored now. */
export interface Replayed {
  conflicts: number;
}

/**
 * Replays a step (redo) or its inverse (undo) on the workspace as it is now, in one transaction,
 * so undo and redo are as atomic as the edit was. Each layer change applies to its layer's
 * current content: spans someone else added since stay, spans already gone or back again are
 * skipped and counted as conflicts, as is a label set that changed since.
 */
export async function applyChange(step: HistoryStep, direction: Direction): Promise<Replayed> {
  const store = layerStore();
  // The review's code loads only for a step that holds review decisions (out of the initial
  // JavaScript), and before the transaction: awaiting a module inside it would let it commit early.
  const gold = (step.gold ?? []).length > 0 ? await import('./gold') : null;
  return db.transaction('rw', [db.projects, ...store.tables(), db.dictionaries, db.patterns, db.settings], async () => {
    let conflicts = 0;
    if (step.labels) {
      const [from, to] = direction === 'undo' ? [step.labels.after, step.labels.before] : [step.labels.before, step.labels.after];
      const project = await db.projects.get(step.labels.projectId);
      if (project && sameLabels(project.labels, from)) await db.projects.update(step.labels.projectId, { labels: to, updatedAt: Date.now() });
      else if (!project || !sameLabels(project.labels, to)) conflicts++;
    }
    const layers = step.layers.filter((change) => !isEmptyLayerChange(change));
    // One read per annotator and page, not per document: undoing a label rename touches thousands.
    await store.update(layers, (current, _key, index) => {
      const change = layers[index];
      if (!change) return null;
      if (current === undefined && change.added.length === 0 && change.removed.length === 0 && change.status === undefined && change.note === undefined) return null;
      const applied = applyLayerChange(layerState(current), change, direction);
      conflicts += applied.conflicts;
      return applied.state;
    }, () => conflicts++);
    if (gold !== null) conflicts += await gold.applyGoldChanges(step.gold ?? [], direction);
    await replaySourceChanges(step.sources ?? [], direction);
    return { conflicts };
  });
}
