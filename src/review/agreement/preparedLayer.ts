/**
 * One annotator's layer on one document, prepared once for every comparison it takes part in: the
 * report compares each layer with every other annotator's (and with gold), so the distinct spans,
 * their keys, the labels per range and the per-character categories are computed once per layer,
 * not once per pair and per label (10,000 documents × 3 annotators must take well under a second).
 * The definitions are those of `exactF1.ts`, `boundaryF1.ts`, `overlapF1.ts` and
 * `characterCategories.ts`; `report.test.ts` checks the report against them.
 */
import type { OffsetMap } from '../../core/offsets';
import { spanKey } from '../../core/spans';
import type { SpanDraft } from '../../core/types';
import { characterCategories, UNTAGGED } from './characterCategories';
import { distinctSorted } from './overlapF1';

/** Category names ↔ small integers, so characters compare as numbers. `O` is 0. */
export class CategoryTable {
  private readonly ids = new Map<string, number>([[UNTAGGED, 0]]);
  readonly names: string[] = [UNTAGGED];

  idOf(category: string): number {
    let id = this.ids.get(category);
    if (id === undefined) {
      id = this.names.push(category) - 1;
      this.ids.set(category, id);
    }
    return id;
  }
}

export interface PreparedLayer {
  /** Distinct `(start, end, label)` in canonical order: a layer is a set. */
  readonly spans: readonly SpanDraft[];
  readonly keys: ReadonlySet<string>;
  /** Range `start:end` → the labels the layer gives it (boundary F1's multiset, label confusion). */
  readonly labelsByRange: ReadonlyMap<string, ReadonlySet<string>>;
  /** Per code point, the category id; computed on first use (gold never needs it). */
  categories(): Int32Array;
}

export function prepareLayer(text: string, spans: readonly SpanDraft[], offsets: () => OffsetMap, table: CategoryTable): PreparedLayer {
  const distinct = distinctSorted(spans);
  const labelsByRange = new Map<string, Set<string>>();
  for (const span of distinct) {
    const range = `${span.start}:${span.end}`;
    const labels = labelsByRange.get(range);
    if (labels) labels.add(span.label);
    else labelsByRange.set(range, new Set([span.label]));
  }
  let categories: Int32Array | null = null;
  return {
    spans: distinct,
    keys: new Set(distinct.map(spanKey)),
    labelsByRange,
    categories() {
      if (categories === null) {
        const map = offsets();
        categories = new Int32Array(map.codePointLength);
        if (distinct.length > 0 && !selfOverlapping(distinct)) {
          // Most layers never overlap themselves: each covered character has exactly one label.
          for (const span of distinct) {
            const id = table.idOf(span.label === UNTAGGED ? `[${UNTAGGED}]` : span.label);
            categories.fill(id, Math.max(0, map.toCodePoint(span.start)), Math.min(map.codePointLength, map.toCodePoint(span.end)));
          }
        } else if (distinct.length > 0) {
          const names = characterCategories(text, distinct, map);
          for (let i = 0; i < names.length; i++) categories[i] = table.idOf(names[i] ?? UNTAGGED);
        }
      }
      return categories;
    },
  };
}

/** Some two spans (in canonical order) share a character. */
function selfOverlapping(spans: readonly SpanDraft[]): boolean {
  let end = -Infinity;
  for (const span of spans) {
    if (span.start < end) return true;
    end = Math.max(end, span.end);
  }
  return false;
}
