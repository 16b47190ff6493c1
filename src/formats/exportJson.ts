/** The JSON Lines exporters: Spanwright (native), doccano and CLUENER. Offsets in code points. */
import { OffsetMap } from '../core/offsets';
import { exportableSpans } from './exportSpans';
import type { DroppedSpan } from './exportTokens';
import type { ExportRecord } from './types';

export interface Chunk {
  text: string;
  droppedSpans: number;
  /** The token formats name each span they could not write (document-relative, code points). */
  dropped?: DroppedSpan[];
}

/** `{"id","text","spans":[{"start","end","label","text"}],"annotator","status","meta"}` */
export function serialiseSpanwright(record: ExportRecord): Chunk {
  const { text } = record;
  const { spans, dropped } = exportableSpans(text, record.spans);
  const map = new OffsetMap(text);
  const line = JSON.stringify({
    id: record.id,
    text,
    spans: spans.map((span) => ({
      start: map.toCodePoint(span.start),
      end: map.toCodePoint(span.end),
      label: span.label,
      text: text.slice(span.start, span.end),
      // The gold layer's spans carry who proposed them and how they came to be (FORMATS.md).
      ...('origin' in span ? { sources: (span as { sources?: unknown }).sources ?? [], origin: span.origin } : {}),
    })),
    annotator: record.annotator,
    status: record.status,
    meta: record.meta,
  });
  return { text: `${line}\n`, droppedSpans: dropped };
}

/** `{"id","text","label":[[start,end,label]]}` */
export function serialiseDoccano(record: ExportRecord): Chunk {
  const { spans, dropped } = exportableSpans(record.text, record.spans);
  const map = new OffsetMap(record.text);
  const label = spans.map((span) => [map.toCodePoint(span.start), map.toCodePoint(span.end), span.label]);
  return { text: `${JSON.stringify({ id: record.id, text: record.text, label })}\n`, droppedSpans: dropped };
}

/** `{"text","label":{label:{surface:[[start,endInclusive]]}}}`; no id, as CLUENER has none. */
export function serialiseCluener(record: ExportRecord): Chunk {
  const { text } = record;
  const { spans, dropped } = exportableSpans(text, record.spans);
  const map = new OffsetMap(text);
  // Maps, not plain objects, so a label or surface called "__proto__" stays an ordinary key.
  const byLabel = new Map<string, Map<string, [number, number][]>>();
  for (const span of spans) {
    let bySurface = byLabel.get(span.label);
    if (!bySurface) byLabel.set(span.label, (bySurface = new Map<string, [number, number][]>()));
    const surface = text.slice(span.start, span.end);
    let positions = bySurface.get(surface);
    if (!positions) bySurface.set(surface, (positions = []));
    positions.push([map.toCodePoint(span.start), map.toCodePoint(span.end) - 1]);
  }
  const label = Object.fromEntries([...byLabel].map(([name, bySurface]) => [name, Object.fromEntries(bySurface)]));
  return { text: `${JSON.stringify({ text, label })}\n`, droppedSpans: dropped };
}
