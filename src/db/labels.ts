/**
 * Label-set operations on a project. Each runs in one transaction over the project and every
 * annotation, dictionary and pattern it touches (all annotators, `gold` included), and returns
 * the `Change` that `applyChange` replays for undo and redo: the label list before/after, one span
 * edit per annotation changed, and the dictionaries and patterns relabelled. A refused operation throws `LabelSetError` and writes nothing.
 */
import {
  addLabelTo,
  labelsOrThrow,
  LabelSetError,
  moveLabelIn,
  relabelSpans,
  removeLabelFrom,
  renameLabelIn,
  sameLabels,
  updateLabelIn,
  type LabelDraft,
  type LabelPatch,
} from '../core/labelSet';
import { sortSpans } from '../core/spans';
import type { LabelDef } from '../core/types';
import { annotationRow, type SpanEdit } from './annotations';
import type { Change } from './changes';
import { db } from './database';
import { pageLayersOfProject } from './layers';
import { documentIdOf, packPageLayers, pageHasLabel, unpackPageLayers } from './pageFormat';
import { anyLabelKey, type AnnotationRow, type PageLayersRow } from './schema';
import { relabelSources, type SourceChange } from './suggestions';

export type DeleteMode = { remove: true } | { relabelTo: string };

const NO_CHANGE: Change = { edits: [] };

async function projectLabels(projectId: string): Promise<LabelDef[]> {
  const project = await db.projects.get(projectId);
  if (!project) throw new Error(`No project ${projectId}`);
  return project.labels;
}

/** The project's edited layers (every annotator) in which some span carries `label`. */
async function rowsWithLabel(projectId: string, label: string): Promise<AnnotationRow[]> {
  return db.annotations.where('labelKeys').equals(anyLabelKey(projectId, label)).toArray();
}

/** The project's page layers (every annotator) in which some span carries `label`. */
async function pagesWithLabel(projectId: string, label: string): Promise<PageLayersRow[]> {
  return (await pageLayersOfProject(projectId).toArray()).filter((page) => pageHasLabel(page, label));
}

/** Relabels (or drops) `from` on a page's layers, in place; returns the span edits it made. */
async function relabelPage(page: PageLayersRow, from: string, to: string | null): Promise<SpanEdit[]> {
  const edits: SpanEdit[] = [];
  const layers = unpackPageLayers(page).map((layer, slot) => {
    if (layer === null) return null;
    const spans = relabelSpans(layer.spans, from, to);
    if (spans === layer.spans) return layer;
    const after = sortSpans(spans);
    edits.push({ documentId: documentIdOf(page.pageId, slot), annotator: page.annotator, before: [...layer.spans], after });
    return { ...layer, spans: after };
  });
  if (edits.length > 0) await db.pageLayers.put(packPageLayers(page, layers, Date.now()));
  return edits;
}

/**
 * Writes the new label list and relabels (or drops, `to` null) every span of `from`, and the
 * dictionary entries and patterns of `from` with them.
 */
async function commit(projectId: string, before: LabelDef[], after: LabelDef[], from?: string, to?: string | null): Promise<Change> {
  const edits: SpanEdit[] = [];
  let sources: SourceChange[] = [];
  if (from !== undefined && to !== undefined) {
    sources = await relabelSources(projectId, from, to);
    for (const row of await rowsWithLabel(projectId, from)) {
      const spans = relabelSpans(row.spans, from, to);
      if (spans === row.spans) continue;
      await db.annotations.put(annotationRow(row.documentId, row.annotator, projectId, spans, row.status, row.rejected));
      edits.push({ documentId: row.documentId, annotator: row.annotator, before: row.spans, after: sortSpans(spans) });
    }
    for (const page of await pagesWithLabel(projectId, from)) edits.push(...(await relabelPage(page, from, to)));
  }
  if (sameLabels(before, after) && edits.length === 0 && sources.length === 0) return NO_CHANGE;
  await db.projects.update(projectId, { labels: after, updatedAt: Date.now() });
  return { edits, labels: { projectId, before, after }, ...(sources.length > 0 ? { sources } : {}) };
}

function transaction(work: () => Promise<Change>): Promise<Change> {
  return db.transaction('rw', [db.projects, db.annotations, db.pageLayers, db.dictionaries, db.patterns, db.settings], work);
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
  return transaction(async () => {
    const before = await projectLabels(projectId);
    const renamed = renameLabelIn(before, from, to);
    if (!renamed.ok) throw new LabelSetError(renamed.problem);
    if (renamed.to === from) return NO_CHANGE;
    return commit(projectId, before, renamed.labels, from, renamed.to);
  });
}

/** Deletes a label; the spans that carry it are removed, or relabelled to another label. */
export async function deleteLabel(projectId: string, name: string, mode: DeleteMode): Promise<Change> {
  return transaction(async () => {
    const before = await projectLabels(projectId);
    const after = labelsOrThrow(removeLabelFrom(before, name));
    if ('relabelTo' in mode) {
      if (mode.relabelTo === name || !after.some((label) => label.name === mode.relabelTo)) {
        throw new LabelSetError({ kind: 'relabel-target', name: mode.relabelTo });
      }
      return commit(projectId, before, after, name, mode.relabelTo);
    }
    return commit(projectId, before, after, name, null);
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
  const [rows, pages] = await Promise.all([rowsWithLabel(projectId, label), pagesWithLabel(projectId, label)]);
  let count = rows.reduce((total, row) => total + row.spans.filter((span) => span.label === label).length, 0);
  for (const { spans } of pages) {
    const index = spans.labels.indexOf(label);
    for (const labelIndex of spans.labelOf) if (labelIndex === index) count++;
  }
  return count;
}
