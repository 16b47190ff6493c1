/**
 * Label confusion of a pair: where both layers have a span on exactly the same range but with
 * different labels, which label A used against which label B used. A range that both labelled
 * `x` is agreement and is not counted; when A has {x, y} and B has {x, z} there, only y–z counts.
 */
import type { SpanDraft } from '../../core/types';
import { compareStrings } from '../order';
import type { PairDocument } from './pairDocument';

export interface LabelConfusion {
  readonly labelA: string;
  readonly labelB: string;
  readonly count: number;
}

export function labelConfusion(documents: readonly PairDocument[]): LabelConfusion[] {
  const counts = new Map<string, LabelConfusion>();
  for (const document of documents) {
    const labelsA = labelsByRange(document.a);
    const labelsB = labelsByRange(document.b);
    for (const [range, inA] of labelsA) {
      const inB = labelsB.get(range);
      if (!inB) continue;
      for (const labelA of inA) {
        if (inB.has(labelA)) continue;
        for (const labelB of inB) {
          if (inA.has(labelB)) continue;
          const key = JSON.stringify([labelA, labelB]);
          counts.set(key, { labelA, labelB, count: (counts.get(key)?.count ?? 0) + 1 });
        }
      }
    }
  }
  return [...counts.values()].sort((x, y) => compareStrings(x.labelA, y.labelA) || compareStrings(x.labelB, y.labelB));
}

function labelsByRange(spans: readonly SpanDraft[]): Map<string, Set<string>> {
  const byRange = new Map<string, Set<string>>();
  for (const span of spans) {
    const range = `${span.start}:${span.end}`;
    const labels = byRange.get(range) ?? new Set<string>();
    labels.add(span.label);
    byRange.set(range, labels);
  }
  return byRange;
}
