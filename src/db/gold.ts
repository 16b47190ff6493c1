/**
 * The gold layer as review sees it: spans with their origins, and the reviewer's decisions, read
 * and written through the layer store like every layer (the annotator `gold`), so a decision and
 * the gold spans it makes are one transaction and a reload keeps both.
 */
import type { DocumentStatus } from '../core/types';
import { spanKey } from '../core/spans';
import { decidesLabel, mergeDecisions, relabelDecisions } from '../review/decisionLabels';
import { applyDecisions } from '../review/gold';
import { applyGoldChange, EMPTY_GOLD, goldChangeOf, isEmptyGoldChange, type GoldChange } from '../review/goldChange';
import type { DocumentMerge } from '../review/merge';
import { GOLD_ANNOTATOR, type Decision, type GoldLayer, type GoldSpan, type ReviewLayer } from '../review/types';
import { db, type SpanwrightDatabase } from './database';
import { layerStore, type LayerDraft, type StoredLayer } from './layerStore';
import { withLock, projectLock } from './locks';
import type { AnnotationRow, DecisionRow, SpanOriginRow } from './schema';

/** A document's gold layer and its status (`done`: adjudicated). */
export interface StoredGold extends GoldLayer {
  readonly status: DocumentStatus;
  readonly revision: number;
}

/** The gold layer a stored row holds; none yet is the empty layer. */
export function goldLayerOf(row: AnnotationRow | undefined): GoldLayer {
  if (!row) return EMPTY_GOLD;
  const origins = new Map((row.origins ?? []).map((entry) => [entry.spanId, entry]));
  const spans = row.spans.map((span): GoldSpan => {
    const origin = origins.get(span.id);
    return {
      id: span.id,
      start: span.start,
      end: span.end,
      label: span.label,
      sources: origin ? [...origin.sources] : [],
      origin: origin?.origin ?? 'added',
      ...(origin?.editedFrom === undefined ? {} : { editedFrom: origin.editedFrom }),
    };
  });
  const decisions = (row.decisions ?? []).map((entry): Decision => ({ ...entry, sources: [...entry.sources] }));
  return { spans, decisions };
}

function draftOf(gold: GoldLayer, status: DocumentStatus): LayerDraft {
  const origins = gold.spans.map((span): SpanOriginRow => ({
    spanId: span.id,
    origin: span.origin,
    sources: [...span.sources],
    ...(span.editedFrom === undefined ? {} : { editedFrom: span.editedFrom }),
  }));
  const decisions = gold.decisions.map((entry): DecisionRow => ({ ...entry, sources: [...entry.sources] }));
  return {
    spans: gold.spans.map((span) => ({ id: span.id, start: span.start, end: span.end, label: span.label })),
    status,
    review: { decisions, origins },
  };
}

export async function readGold(documentId: string): Promise<StoredGold | undefined> {
  const row = await layerStore().read(documentId, GOLD_ANNOTATOR);
  return row ? { ...goldLayerOf(row), status: row.status, revision: row.revision } : undefined;
}

/**
 * Changes the gold layers of `documentIds` in one transaction: `change` gets each as it is now and
 * returns the new layer (null: leave it). A first change moves a `new` gold layer to `in-progress`.
 * Returns what changed, for undo.
 */
export async function writeGold(
  documentIds: readonly string[],
  change: (current: GoldLayer, documentId: string) => GoldLayer | null,
): Promise<GoldChange[]> {
  const changes: GoldChange[] = [];
  await layerStore().update(
    documentIds.map((documentId) => ({ documentId, annotator: GOLD_ANNOTATOR })),
    (current, key) => {
      const before = goldLayerOf(current);
      const after = change(before, key.documentId);
      if (after === null) return null;
      const goldChange = goldChangeOf(key.documentId, before, after);
      if (isEmptyGoldChange(goldChange)) return null;
      changes.push(goldChange);
      const status = current === undefined || current.status === 'new' ? 'in-progress' : current.status;
      return draftOf(after, status);
    },
  );
  return changes;
}

/** Replays review changes (redo) or their inverse (undo) on the gold layers as they are now. Returns the conflicts. */
export async function applyGoldChanges(changes: readonly GoldChange[], direction: 'undo' | 'redo'): Promise<number> {
  if (changes.length === 0) return 0;
  let conflicts = 0;
  const byDocument = new Map<string, GoldChange[]>();
  for (const change of changes) byDocument.set(change.documentId, [...(byDocument.get(change.documentId) ?? []), change]);
  await layerStore().update(
    [...byDocument.keys()].map((documentId) => ({ documentId, annotator: GOLD_ANNOTATOR })),
    (current, key) => {
      let layer = goldLayerOf(current);
      const ofDocument = byDocument.get(key.documentId) ?? [];
      for (const change of direction === 'undo' ? [...ofDocument].reverse() : ofDocument) {
        const applied = applyGoldChange(layer, change, direction);
        layer = applied.layer;
        conflicts += applied.conflicts;
      }
      return draftOf(layer, current?.status ?? 'in-progress');
    },
    () => conflicts++,
  );
  return conflicts;
}

/**
 * Moves the review's decisions on `from` to `to` in every gold layer of the project (`to` null:
 * the spans of `from` were deleted, and their decisions go with them), inside the label change's
 * transaction, after its spans were relabelled: a renamed or merged label keeps what the
 * reviewer decided on it. Returns the gold changes, for undo.
 */
export async function relabelGoldDecisions(projectId: string, from: string, to: string | null): Promise<GoldChange[]> {
  const decided: string[] = [];
  await layerStore().forEachLayer(projectId, { annotators: [GOLD_ANNOTATOR] }, (layer) => {
    if (decidesLabel(layer.decisions ?? [], from)) decided.push(layer.documentId);
  });
  return writeGold(decided, (current) => ({ spans: current.spans, decisions: relabelDecisions(current.decisions, from, to) }));
}

/** Whether a gold layer holds review work beyond its spans: decisions, or spans that know how they came to be. */
export function hasReview(layer: GoldLayer): boolean {
  return layer.decisions.length > 0 || layer.spans.some((span) => span.origin !== 'added' || span.sources.length > 0);
}

/**
 * A backup's review merged into the workspace's gold layers (by document id), after the merge
 * wrote the backup's gold spans: decisions the workspace has not taken are added, its own stay
 * (`mergeDecisions`); a gold span that knows no origin here takes the backup's for the same
 * `start:end:label`. One transaction: all of it is written, or none.
 */
export async function mergeGoldReview(incoming: ReadonlyMap<string, GoldLayer>, database: SpanwrightDatabase = db): Promise<void> {
  await layerStore(database).update(
    [...incoming.keys()].map((documentId) => ({ documentId, annotator: GOLD_ANNOTATOR })),
    (current, key) => {
      const theirs = incoming.get(key.documentId);
      if (theirs === undefined) return null;
      const mine = goldLayerOf(current);
      const decisions = mergeDecisions(mine.decisions, theirs.decisions);
      const origins = new Map(theirs.spans.map((span) => [spanKey(span), span]));
      const spans = mine.spans.map((span): GoldSpan => {
        const origin = origins.get(spanKey(span));
        if (span.origin !== 'added' || span.sources.length > 0 || origin === undefined || !hasReview({ spans: [origin], decisions: [] })) return span;
        return { ...span, origin: origin.origin, sources: [...origin.sources], ...(origin.editedFrom === undefined ? {} : { editedFrom: origin.editedFrom }) };
      });
      const adopted = spans.some((span, i) => span !== mine.spans[i]);
      if (decisions === mine.decisions && !adopted) return null;
      return draftOf({ spans, decisions }, current?.status ?? 'in-progress');
    },
    // A document the merge did not write is not there to take a review.
    () => undefined,
  );
}

/** Applies decisions to one document's gold layer (a hand decision: accept, reject, a version, a whole cluster). */
export async function decide(documentId: string, decisions: readonly Decision[]): Promise<GoldChange[]> {
  return writeGold([documentId], (current) => applyDecisions(current, decisions).layer);
}

/**
 * Writes an auto-merge computed elsewhere (the review worker), holding the project's lock so two
 * merges or a merge and an import never interleave. Decisions taken since the preview are kept:
 * a merge only adds decisions to candidates still undecided, except where it discards decisions
 * (which the reviewer confirmed).
 */
export async function writeMerge(projectId: string, merges: readonly DocumentMerge[]): Promise<GoldChange[]> {
  const byDocument = new Map(merges.map((merge) => [merge.documentId, merge]));
  return withLock(projectLock(projectId), () =>
    writeGold([...byDocument.keys()], (current, documentId) => {
      const merge = byDocument.get(documentId);
      if (!merge) return null;
      const discarded = new Set(merge.discarded.map((decision) => decision.candidateKey));
      let layer = current;
      if (discarded.size > 0) {
        // Dropping decisions drops the accepted spans they made; hand spans stay.
        const kept = current.decisions.filter((decision) => !discarded.has(decision.candidateKey));
        const stillAccepted = new Set(kept.filter((decision) => decision.state === 'accepted').map((decision) => decision.candidateKey));
        layer = { decisions: kept, spans: current.spans.filter((span) => span.origin !== 'accepted' || stillAccepted.has(spanKey(span))) };
      }
      const decided = new Set(layer.decisions.map((decision) => decision.candidateKey));
      const added = merge.added.filter((decision) => !decided.has(decision.candidateKey));
      return applyDecisions(layer, added).layer;
    }),
  );
}

/** Sets the gold layer's status (done: adjudicated) on documents; returns the layer changes for undo. */
export async function setGoldStatus(documentIds: readonly string[], status: DocumentStatus) {
  const { changes } = await layerStore().update(
    documentIds.map((documentId) => ({ documentId, annotator: GOLD_ANNOTATOR })),
    (current) => (current?.status === status ? null : { spans: current?.spans ?? [], status }),
  );
  return changes;
}

/** What review needs of one document: every annotator's layer (gold excluded) and the gold layer. */
export interface ReviewDocument {
  readonly documentId: string;
  readonly layers: readonly ReviewLayer[];
  readonly gold: GoldLayer;
  readonly goldStatus: DocumentStatus | null;
}

function reviewDocumentOf(documentId: string, stored: readonly StoredLayer[]): ReviewDocument {
  const gold = stored.find((layer) => layer.annotator === GOLD_ANNOTATOR);
  return {
    documentId,
    layers: stored.filter((layer) => layer.annotator !== GOLD_ANNOTATOR).map((layer) => ({ annotator: layer.annotator, spans: layer.spans, status: layer.status })),
    gold: goldLayerOf(gold),
    goldStatus: gold?.status ?? null,
  };
}

export async function readReviewDocuments(documentIds: readonly string[]): Promise<ReviewDocument[]> {
  const all = await layerStore().readAll(documentIds);
  return documentIds.map((documentId) => reviewDocumentOf(documentId, all.get(documentId) ?? []));
}

/** Every document of the project that has any layer, for review (a page of layers at a time underneath). */
export async function readProjectForReview(projectId: string): Promise<ReviewDocument[]> {
  const byDocument = new Map<string, StoredLayer[]>();
  await db.transaction('r', layerStore().tables(), () =>
    layerStore().forEachLayer(projectId, {}, (layer) => {
      const list = byDocument.get(layer.documentId);
      if (list) list.push(layer);
      else byDocument.set(layer.documentId, [layer]);
    }),
  );
  return [...byDocument].map(([documentId, layers]) => reviewDocumentOf(documentId, layers));
}
