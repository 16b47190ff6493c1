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
  annotator: string;
  /** Only documents with one of these statuses; all when absent. */
  statuses?: readonly DocumentStatus[];
}

/** Pages read at a time: 5,000 documents at most. */
const PAGES_PER_CHUNK = 50;

/**
 * Yields a project's documents with one annotator's layer, in reading order and a few pages at a
 * time, so an export of 100,000 documents never holds them all at once.
 */
export async function* readForExport(query: ExportQuery): AsyncGenerator<ExportSource[]> {
  const pages = await pagesOfProject(query.projectId).toArray();
  for (let at = 0; at < pages.length; at += PAGES_PER_CHUNK) {
    const part = pages.slice(at, at + PAGES_PER_CHUNK);
    const pageIds = part.map((page) => page.id);
    const ids = documentIdsOfPages(part);
    const [documents, texts, annotations] = await Promise.all([db.pageDocuments.bulkGet(pageIds), db.pageTexts.bulkGet(pageIds), layerStore().readMany(ids, query.annotator)]);
    const chunk: ExportSource[] = [];
    let i = 0;
    part.forEach((page, p) => {
      for (let slot = 0; slot < page.count; slot++, i++) {
        const row = documents[p]?.documents[slot];
        const annotation = annotations[i];
        const status = annotation?.status ?? 'new';
        if (row === undefined || (query.statuses && !query.statuses.includes(status))) continue;
        const { originalId, ...meta } = row.meta;
        chunk.push({
          id: documentIdOf(page.id, slot),
          text: texts[p]?.texts[slot] ?? '',
          spans: query.annotator === GOLD_ANNOTATOR ? goldLayerOf(annotation).spans.map(({ editedFrom: _editedFrom, ...span }) => span) : (annotation?.spans ?? []),
          annotator: query.annotator,
          status,
          // The annotator's note (a flag with a comment) travels in `meta`, beside what the import brought.
          meta: annotation?.note ? { ...meta, note: annotation.note } : meta,
          originalId: typeof originalId === 'string' ? originalId : undefined,
        });
      }
    });
    yield chunk;
  }
}
