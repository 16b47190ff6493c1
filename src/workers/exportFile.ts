import { type ExportQuery, readForExport } from '../db';
import { exportFormatInfo, serialiseRecord } from '../formats/export';
import type { ExportFormat } from '../formats/types';

export interface ExportResult {
  blob: Blob;
  documents: number;
  spans: number;
  /** Spans a format could not hold (BIO drops overlaps); reported, never silent. */
  droppedSpans: number;
}

/** Parts are gathered into Blobs as they come, so memory holds one chunk of text at a time. */
const PART_CHARS = 4_000_000;

export async function exportProject(query: ExportQuery, format: ExportFormat): Promise<ExportResult> {
  const blobs: Blob[] = [];
  let pending: string[] = [];
  let pendingChars = 0;
  const result = { documents: 0, spans: 0, droppedSpans: 0 };
  for await (const chunk of readForExport(query)) {
    for (const source of chunk) {
      const { text, droppedSpans } = serialiseRecord(format, {
        id: source.originalId ?? source.id,
        text: source.text,
        spans: source.spans,
        annotator: source.annotator,
        status: source.status,
        meta: source.meta,
      });
      pending.push(text);
      pendingChars += text.length;
      result.documents++;
      result.spans += source.spans.length - droppedSpans;
      result.droppedSpans += droppedSpans;
    }
    if (pendingChars >= PART_CHARS) {
      blobs.push(new Blob(pending));
      pending = [];
      pendingChars = 0;
    }
  }
  blobs.push(new Blob(pending));
  return { ...result, blob: new Blob(blobs, { type: `${exportFormatInfo(format).mimeType};charset=utf-8` }) };
}
