import { Dexie } from 'dexie';
import type { DocumentStatus, Span } from '../core/types';
import { db } from './database';

export interface ExportSource {
  id: string;
  text: string;
  spans: Span[];
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

const CHUNK = 500;

/**
 * Yields a project's documents with one annotator's layer, in reading order and in chunks, so an
 * export of 100,000 documents never holds them all at once.
 */
export async function* readForExport(query: ExportQuery): AsyncGenerator<ExportSource[]> {
  let fromOrder: number = -Infinity;
  for (;;) {
    const rows = await db.documents
      .where('[projectId+order]')
      .between([query.projectId, fromOrder], [query.projectId, Dexie.maxKey], false, true)
      .limit(CHUNK)
      .toArray();
    if (rows.length === 0) return;
    fromOrder = rows[rows.length - 1]?.order ?? fromOrder;
    const ids = rows.map((row) => row.id);
    const [texts, annotations] = await Promise.all([
      db.texts.bulkGet(ids),
      db.annotations.bulkGet(ids.map((id): [string, string] => [id, query.annotator])),
    ]);
    const chunk: ExportSource[] = [];
    rows.forEach((row, i) => {
      const annotation = annotations[i];
      const status = annotation?.status ?? 'new';
      if (query.statuses && !query.statuses.includes(status)) return;
      const { originalId, ...meta } = row.meta;
      chunk.push({
        id: row.id,
        text: texts[i]?.text ?? '',
        spans: annotation?.spans ?? [],
        annotator: query.annotator,
        status,
        meta,
        originalId: typeof originalId === 'string' ? originalId : undefined,
      });
    });
    yield chunk;
  }
}
