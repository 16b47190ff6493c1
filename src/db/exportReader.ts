import type { DocumentStatus, Span } from '../core/types';
import { GOLD_ANNOTATOR } from '../review/types';
import { db } from './database';
import { goldLayerOf } from './gold';
import { layerStore } from './layerStore';
import { documentIdOf } from './pageFormat';
import { documentIdsOfPages, pagesOfProject } from './pages';

/** A span as exported; the gold layer's spans also say who proposed them and how they came to be (FORMATS.md). */
export type ExportSpan = Span & { sources?: readonly string[]; origin?: 'accepted' | 'edited' | 'added' };

export interface ExportSource {
  id: string;
  text: string;
  spans: ExportSpan[];
  annotator: string;
  status: DocumentStatus;
  meta: Record<string, unknown>;
  originalId: string | undefined;
}

export interface ExportQuery {
  projectId: string;
  /** One annotator's layers… */
  annotator?: string;
  /** …or several: each document then comes once per annotator, in this order. */
  annotators?: readonly string[];
  /** Only documents with one of these statuses; all when absent. */
  statuses?: readonly DocumentStatus[];
  /** False: texts are not read (`text` is empty), for counts that do not need them. */
  texts?: boolean;
}

/** Documents in reading order, and how many documents were read for them (each read once, whatever the filters). */
export type ExportChunk = ExportSource[] & { readonly read: number };

/** Pages read at a time: 5,000 documents at most. */
const PAGES_PER_CHUNK = 50;

/**
 * Yields a project's documents with the asked annotators' layers, in reading order and a few
 * pages at a time, so an export of 100,000 documents never holds them all at once. Layers come
 * through the layer store's `readAll`: two key-range reads per page, never a lookup per document
 * (most documents have no edited row, and 100,000 lookups that find nothing cost seconds).
 */
export async function* readForExport(query: ExportQuery): AsyncGenerator<ExportChunk> {
  const annotators = query.annotators ?? (query.annotator === undefined ? [] : [query.annotator]);
  const statuses = query.statuses ? new Set(query.statuses) : null;
  const pages = await pagesOfProject(query.projectId).toArray();
  for (let at = 0; at < pages.length; at += PAGES_PER_CHUNK) {
    const part = pages.slice(at, at + PAGES_PER_CHUNK);
    const pageIds = part.map((page) => page.id);
    const [documents, texts, layers] = await Promise.all([
      db.pageDocuments.bulkGet(pageIds),
      query.texts === false ? [] : db.pageTexts.bulkGet(pageIds),
      layerStore().readAll(documentIdsOfPages(part)),
    ]);
    const chunk: ExportSource[] = [];
    part.forEach((page, p) => {
      for (let slot = 0; slot < page.count; slot++) {
        const row = documents[p]?.documents[slot];
        if (row === undefined) continue;
        const id = documentIdOf(page.id, slot);
        const ofDocument = layers.get(id) ?? [];
        const { originalId, ...meta } = row.meta;
        const text = texts[p]?.texts[slot] ?? '';
        for (const annotator of annotators) {
          const layer = ofDocument.find((candidate) => candidate.annotator === annotator);
          const status = layer?.status ?? 'new';
          if (statuses && !statuses.has(status)) continue;
          chunk.push({
            id,
            text,
            spans: annotator === GOLD_ANNOTATOR ? goldLayerOf(layer).spans.map(({ editedFrom: _editedFrom, ...span }) => span) : (layer?.spans ?? []),
            annotator,
            status,
            // The annotator's note (a flag with a comment) travels in `meta`, beside what the import brought.
            meta: layer?.note ? { ...meta, note: layer.note } : meta,
            originalId: typeof originalId === 'string' ? originalId : undefined,
          });
        }
      }
    });
    yield Object.assign(chunk, { read: part.reduce((sum, page) => sum + page.count, 0) });
  }
}
