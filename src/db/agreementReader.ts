/**
 * What the agreement worker reads of a project: every layer, once, through the layer store's
 * `forEachLayer` (rows and page slots alike), then the texts and titles of the documents that have
 * a layer, a few pages at a time so a progress report can follow. The gold layer comes with its
 * decisions (a document's open clusters).
 */
import type { DocumentStatus, Span } from '../core/types';
import type { Decision } from '../review/types';
import { GOLD_ANNOTATOR } from '../review/types';
import { db } from './database';
import { listDocumentIds } from './documents';
import { goldLayerOf } from './gold';
import { layerStore } from './layerStore';
import { readDocuments, readTexts } from './pages';

export interface AgreementSourceLayer {
  readonly annotator: string;
  readonly status: DocumentStatus;
  readonly spans: readonly Span[];
}

export interface AgreementSource {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  /** Every layer of the document, gold included. */
  readonly layers: readonly AgreementSourceLayer[];
  readonly decisions: readonly Decision[];
}

export interface AgreementRead {
  readonly documents: AgreementSource[];
  /** Every document of the project, with or without layers (team progress: untouched). */
  readonly documentCount: number;
}

/** Texts are read this many documents at a time, each chunk followed by a progress report. */
const CHUNK = 2_000;

export async function readProjectForAgreement(projectId: string, onProgress?: (read: number, total: number) => void): Promise<AgreementRead> {
  const byDocument = new Map<string, AgreementSourceLayer[]>();
  const decisions = new Map<string, Decision[]>();
  await db.transaction('r', layerStore().tables(), () =>
    layerStore().forEachLayer(projectId, {}, (layer) => {
      const entry: AgreementSourceLayer = { annotator: layer.annotator, status: layer.status, spans: layer.spans };
      const list = byDocument.get(layer.documentId);
      if (list) list.push(entry);
      else byDocument.set(layer.documentId, [entry]);
      if (layer.annotator === GOLD_ANNOTATOR && (layer.decisions?.length ?? 0) > 0) decisions.set(layer.documentId, [...goldLayerOf(layer).decisions]);
    }),
  );
  // In reading order, so the disagreements file lists documents as the Documents list does.
  const order = await listDocumentIds(projectId);
  const ids = order.filter((id) => byDocument.has(id));
  const documents: AgreementSource[] = [];
  onProgress?.(0, ids.length);
  for (let at = 0; at < ids.length; at += CHUNK) {
    const chunk = ids.slice(at, at + CHUNK);
    const [rows, texts] = await Promise.all([readDocuments(chunk), readTexts(chunk)]);
    chunk.forEach((id, i) => {
      const text = texts[i];
      if (text === undefined) return;
      documents.push({ id, title: rows[i]?.title ?? '', text, layers: byDocument.get(id) ?? [], decisions: decisions.get(id) ?? [] });
    });
    onProgress?.(Math.min(ids.length, at + CHUNK), ids.length);
  }
  return { documents, documentCount: order.length };
}
