/**
 * Label-set operations on a project. Each runs in one transaction over the project and every
 * annotation, dictionary and pattern it touches (all annotators, `gold` included), and returns
 * the `Change` that `applyChange` replays for undo and redo: the label list before/after, one
 * layer change per layer relabelled, and the dictionaries and patterns relabelled. A refused operation throws `LabelSetError` and writes nothing.
 */
import {
  addLabelTo,
  labelsOrThrow,
  LabelSetError,
  moveLabelIn,
  removeLabelFrom,
  renameLabelIn,
  sameLabels,
  updateLabelIn,
  type LabelDraft,
  type LabelPatch,
} from '../core/labelSet';
import type { LayerChange } from '../core/layerChange';
import type { LabelDef } from '../core/types';
import type { GoldChange } from '../review/goldChange';
import type { Change, SourceChange } from './changes';
import { db } from './database';
import { layerStore } from './layerStore';
import { relabelSources } from './suggestions';

export type DeleteMode = { remove: true } | { relabelTo: string };

const NO_CHANGE: Change = { layers: [] };

async function projectLabels(projectId: string): Promise<LabelDef[]> {
  const project = await db.projects.get(projectId);
  if (!project) throw new Error(`No project ${projectId}`);
  return project.labels;
}

/** What moves a label's spans elsewhere: where they go (`to` null: deleted), and the review's code that moves its decisions with them. */
interface Relabel {
  from: string;
  to: string | null;
  relabelGold: (projectId: string, from: string, to: string | null) => Promise<GoldChange[]>;
}

/**
 * The review's code, loaded before a relabelling transaction opens (awaiting a module inside one
 * would let it commit early), and only then: it stays out of the initial JavaScript.
 */
async function relabelling(from: string, to: string | null): Promise<Relabel> {
  return { from, to, relabelGold: (await import('./gold')).relabelGoldDecisions };
}

/**
 * Writes the new label list and relabels (or drops, `to` null) every span of `from`, and the
 * dictionary entries, patterns and review decisions of `from` with them.
 */
async function commit(projectId: string, before: LabelDef[], after: LabelDef[], relabel?: Relabel): Promise<Change> {
  let layers: LayerChange[] = [];
  let sources: SourceChange[] = [];
  let gold: GoldChange[] = [];
  if (relabel !== undefined) {
    const { from, to } = relabel;
    sources = await relabelSources(projectId, from, to);
    layers = await layerStore().relabel(projectId, from, to);
    // After the spans: the gold layers are then read with their spans already relabelled.
    gold = await relabel.relabelGold(projectId, from, to);
  }
  if (sameLabels(before, after) && layers.length === 0 && sources.length === 0 && gold.length === 0) return NO_CHANGE;
  await db.projects.update(projectId, { labels: after, updatedAt: Date.now() });
  return { layers, labels: { projectId, before, after }, ...(sources.length > 0 ? { sources } : {}), ...(gold.length > 0 ? { gold } : {}) };
}

function transaction(work: () => Promise<Change>): Promise<Change> {
  return db.transaction('rw', [db.projects, ...layerStore().tables(), db.dictionaries, db.patterns, db.settings], work);
}

/** Adds a label at the end: a palette colour and a free hotkey unless the draft gives them. */
export async function addLabel(projectId: string, draft: LabelDraft): Promise<Change> {
  return transaction(async () => {
    const before = await projectLabels(projectId);
    return commit(projectId, before, labelsOrThrow(addLabelTo(before, draft)));
  });
}

/** Recolours (kept readable) and/or rebinds a label; a conflicting or reserved hotkey is refused. */
export async function updateLabel(projectId: string, name: string, patch: LabelPatch): Promise<Change> {
  return transaction(async () => {
    const before = await projectLabels(projectId);
    return commit(projectId, before, labelsOrThrow(updateLabelIn(before, name, patch)));
  });
}

/**
 * Renames a label and every span that carries it, for every annotator. Renaming onto another
 * existing label merges the two; spans that then duplicate one another collapse into one.
 */
export async function renameLabel(projectId: string, from: string, to: string): Promise<Change> {
  const relabel = await relabelling(from, to);
  return transaction(async () => {
    const before = await projectLabels(projectId);
    const renamed = renameLabelIn(before, from, to);
    if (!renamed.ok) throw new LabelSetError(renamed.problem);
    if (renamed.to === from) return NO_CHANGE;
    return commit(projectId, before, renamed.labels, { ...relabel, to: renamed.to });
  });
}

/** Deletes a label; the spans that carry it are removed, or relabelled to another label. */
export async function deleteLabel(projectId: string, name: string, mode: DeleteMode): Promise<Change> {
  const relabel = await relabelling(name, 'relabelTo' in mode ? mode.relabelTo : null);
  return transaction(async () => {
    const before = await projectLabels(projectId);
    const after = labelsOrThrow(removeLabelFrom(before, name));
    if ('relabelTo' in mode) {
      if (mode.relabelTo === name || !after.some((label) => label.name === mode.relabelTo)) {
        throw new LabelSetError({ kind: 'relabel-target', name: mode.relabelTo });
      }
    }
    return commit(projectId, before, after, relabel);
  });
}

/** Moves a label to position `toIndex` of the list (clamped). */
export async function moveLabel(projectId: string, name: string, toIndex: number): Promise<Change> {
  return transaction(async () => {
    const before = await projectLabels(projectId);
    return commit(projectId, before, labelsOrThrow(moveLabelIn(before, name, toIndex)));
  });
}

/** How many spans carry `label` in the project, over every annotator's layer. */
export async function countSpansWithLabel(projectId: string, label: string): Promise<number> {
  return layerStore().countSpansWithLabel(projectId, label);
}
