import type { Span } from '../core/types';

/**
 * How an annotation row stores its spans since schema version 4: parallel arrays instead of one
 * object per span. IndexedDB structured-clones what it stores, and 5,000 four-field objects cost
 * milliseconds each way on every edit of a long document; typed arrays are copied as bytes.
 */
export interface PackedSpans {
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  /** Distinct labels; `labelOf[i]` indexes it. */
  readonly labels: readonly string[];
  readonly labelOf: Uint32Array;
  /** Every span id, concatenated; `idLengths[i]` is the UTF-16 length of span i's. */
  readonly ids: string;
  readonly idLengths: Uint32Array;
}

/**
 * Packs spans. `derived[i] = 1` leaves span i's id out (stored length 0): the page format derives
 * it from the row (see `pageSpanIds` in pageFormat.ts).
 */
export function packSpans(spans: readonly Span[], derived?: Uint8Array): PackedSpans {
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
    if (derived?.[i] === 1) return;
    idLengths[i] = span.id.length;
    ids.push(span.id);
  });
  return { starts, ends, labels, labelOf, ids: ids.join(''), idLengths };
}

export function unpackSpans(packed: PackedSpans): Span[] {
  const spans = new Array<Span>(packed.starts.length);
  let at = 0;
  for (let i = 0; i < spans.length; i++) {
    const length = packed.idLengths[i] ?? 0;
    spans[i] = {
      id: packed.ids.slice(at, at + length),
      start: packed.starts[i] ?? 0,
      end: packed.ends[i] ?? 0,
      label: packed.labels[packed.labelOf[i] ?? 0] ?? '',
    };
    at += length;
  }
  return spans;
}
