/**
 * Characters as units for Fleiss' κ and Krippendorff's α: for every code point of every document,
 * the categories the annotators' layers give it (one value per layer). Generated lazily so a large
 * corpus is never held as one array per character.
 */
import { OffsetMap } from '../../core/offsets';
import type { SpanDraft } from '../../core/types';
import { characterCategories, UNTAGGED } from './characterCategories';

export interface MultiLayerDocument {
  readonly text: string;
  /** One span list per annotator, every annotator of S present. */
  readonly layers: readonly (readonly SpanDraft[])[];
}

export function* characterUnits(documents: readonly MultiLayerDocument[]): Generator<string[]> {
  for (const document of documents) {
    const offsets = new OffsetMap(document.text);
    const perLayer = document.layers.map((spans) => characterCategories(document.text, spans, offsets));
    for (let i = 0; i < offsets.codePointLength; i++) yield perLayer.map((categories) => categories[i] ?? UNTAGGED);
  }
}
