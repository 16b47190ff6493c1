import type { AnnotationRowV3 } from './v3';
import type { SpanV1 } from './v1';

/** Rows as schema version 4 stored them (frozen: never edit; see README.md). */

export type { DocumentRowV3 as DocumentRowV4, ImportJournalRowV3 as ImportJournalRowV4, TextRowV3 as TextRowV4 } from './v3';

/** Spans as parallel arrays (what `packedSpans.ts` wrote when version 4 shipped). */
export interface PackedSpansV4 {
  starts: Uint32Array;
  ends: Uint32Array;
  /** Distinct labels, in order of first use; `labelOf[i]` indexes it. */
  labels: string[];
  labelOf: Uint32Array;
  /** Every span id, concatenated; `idLengths[i]` is the UTF-16 length of span i's. */
  ids: string;
  idLengths: Uint32Array;
}

/** `annotations` as stored: `spans` replaced by `packedSpans`. */
export type AnnotationRowV4 = Omit<AnnotationRowV3, 'spans'> & { packedSpans: PackedSpansV4 };

/** Version 4's packing of a layer's spans. */
export function packSpansV4(spans: readonly SpanV1[]): PackedSpansV4 {
  const count = spans.length;
  const starts = new Uint32Array(count);
  const ends = new Uint32Array(count);
  const labelOf = new Uint32Array(count);
  const idLengths = new Uint32Array(count);
  const labels: string[] = [];
  const labelIndex = new Map<string, number>();
  const ids: string[] = [];
  spans.forEach((span, i) => {
    let label = labelIndex.get(span.label);
    if (label === undefined) {
      label = labels.push(span.label) - 1;
      labelIndex.set(span.label, label);
    }
    starts[i] = span.start;
    ends[i] = span.end;
    labelOf[i] = label;
    idLengths[i] = span.id.length;
    ids.push(span.id);
  });
  return { starts, ends, labels, labelOf, ids: ids.join(''), idLengths };
}
