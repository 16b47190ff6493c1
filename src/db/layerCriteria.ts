import type { DocumentStatus } from '../core/types';
import { db } from './database';
import { layersOfProject } from './annotations';
import { pageLayersOfProject } from './layers';
import { documentIdOf, statusCode } from './pageFormat';
import { anyLabelKey, labelKey, type AnnotationRow, type PageLayersRow } from './schema';

/**
 * Questions about documents' layers (status, label, whose layer), answered over both places a
 * layer lives: edited rows through their indexes (keys only), imported layers from their pages'
 * packed status and label arrays (never unpacking a span).
 */

/** One question about a document's layers. */
export type Criterion =
  | { kind: 'status'; annotator: string; status: DocumentStatus }
  /** `annotator` null: in anyone's layer. */
  | { kind: 'label'; label: string; annotator: string | null }
  | { kind: 'layer'; annotator: string };

/** Calls `found` with each slot of a page layer that meets the criterion. */
function slotsMeeting(page: PageLayersRow, criterion: Criterion, found: (slot: number) => void): void {
  const { statuses, spanStarts, spans } = page;
  switch (criterion.kind) {
    case 'status': {
      const code = statusCode(criterion.status);
      for (let slot = 0; slot < statuses.length; slot++) if (statuses[slot] === code) found(slot);
      return;
    }
    case 'layer':
      for (let slot = 0; slot < statuses.length; slot++) if (statuses[slot] !== 0) found(slot);
      return;
    case 'label': {
      const label = spans.labels.indexOf(criterion.label);
      if (label === -1) return;
      for (let slot = 0; slot < statuses.length; slot++) {
        for (let i = spanStarts[slot] ?? 0; i < (spanStarts[slot + 1] ?? 0); i++) {
          if (spans.labelOf[i] === label) {
            found(slot);
            break;
          }
        }
      }
      return;
    }
  }
}

async function rowsMeeting(projectId: string, criterion: Criterion): Promise<string[]> {
  let keys: [string, string][];
  switch (criterion.kind) {
    case 'status':
      keys = await db.annotations.where('[projectId+annotator+status]').equals([projectId, criterion.annotator, criterion.status]).primaryKeys();
      break;
    case 'label':
      keys = await db.annotations
        .where('labelKeys')
        .equals(criterion.annotator === null ? anyLabelKey(projectId, criterion.label) : labelKey(projectId, criterion.annotator, criterion.label))
        .primaryKeys();
      break;
    case 'layer':
      keys = await layersOfProject(projectId, criterion.annotator).primaryKeys();
      break;
  }
  return keys.map(([documentId]) => documentId);
}

async function pagesMeeting(projectId: string, criterion: Criterion, pageLayers?: readonly PageLayersRow[]): Promise<string[]> {
  const annotator = criterion.annotator ?? undefined;
  const pages = pageLayers ?? (await pageLayersOfProject(projectId, annotator).toArray());
  const ids: string[] = [];
  for (const page of pages) {
    if (annotator === undefined || page.annotator === annotator) slotsMeeting(page, criterion, (slot) => ids.push(documentIdOf(page.pageId, slot)));
  }
  return ids;
}

/**
 * The ids of the documents meeting `criterion` (in no particular order; once each). A caller
 * asking many criteria in a row may pass a `LayerSnapshot` of the project, read once.
 */
export async function criterionDocumentIds(projectId: string, criterion: Criterion, snapshot?: LayerSnapshot): Promise<string[]> {
  const pageLayers = snapshot as unknown as readonly PageLayersRow[] | undefined;
  const [rows, pages] = await Promise.all([rowsMeeting(projectId, criterion), pagesMeeting(projectId, criterion, pageLayers)]);
  // Two annotators' layers on one document both meet an any-annotator label.
  return criterion.kind === 'label' && criterion.annotator === null ? [...new Set([...rows, ...pages])] : [...rows, ...pages];
}

declare const layerSnapshot: unique symbol;
/** The project's imported layers, read once for several criteria in a row; opaque outside src/db. */
export type LayerSnapshot = { readonly [layerSnapshot]: true };

export async function readLayerSnapshot(projectId: string): Promise<LayerSnapshot> {
  return (await readPageLayers(projectId)) as unknown as LayerSnapshot;
}

/** Every page layer of the project, every annotator's. */
async function readPageLayers(projectId: string): Promise<PageLayersRow[]> {
  return pageLayersOfProject(projectId).toArray();
}

/** Whether a document whose layers (every annotator's) are `layers` meets `criterion`. */
export function criterionHolds(criterion: Criterion, layers: readonly AnnotationRow[]): boolean {
  switch (criterion.kind) {
    case 'status':
      return layers.some((row) => row.annotator === criterion.annotator && row.status === criterion.status);
    case 'label':
      return layers.some((row) => (criterion.annotator === null || row.annotator === criterion.annotator) && row.labels.includes(criterion.label));
    case 'layer':
      return layers.some((row) => row.annotator === criterion.annotator);
  }
}

/** Ids of the documents whose status, for this annotator, is one of `statuses`. */
export async function documentIdsWithStatus(projectId: string, annotator: string, statuses: readonly DocumentStatus[]): Promise<Set<string>> {
  const found = await Promise.all(statuses.map((status) => criterionDocumentIds(projectId, { kind: 'status', annotator, status })));
  return new Set(found.flat());
}
