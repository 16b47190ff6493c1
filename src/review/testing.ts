/**
 * Test fixtures for the review engine: REVIEW.md's worked example, and fast-check arbitraries for
 * small random layers whose spans collide often (few labels, short text) so conflicts are common.
 */
import fc from 'fast-check';
import type { Span } from '../core/types';
import type { ReviewLayer } from './types';

export const span = (id: string, start: number, end: number, label: string): Span => ({ id, start, end, label });

/** REVIEW.md "The worked example": 22 characters, all in the BMP. */
export const WORKED_TEXT = '李强在中山宣布减税政策，GDP增长5.2%。';

export const WORKED_LAYERS: readonly ReviewLayer[] = [
  {
    annotator: 'A',
    status: 'done',
    spans: [span('a1', 0, 2, 'person'), span('a2', 3, 5, 'place'), span('a3', 7, 11, 'policy'), span('a4', 12, 21, 'metric')],
  },
  {
    annotator: 'B',
    status: 'done',
    spans: [span('b1', 0, 2, 'person'), span('b2', 3, 5, 'place'), span('b3', 7, 9, 'policy'), span('b4', 17, 21, 'metric')],
  },
  { annotator: 'C', status: 'done', spans: [span('c1', 0, 2, 'person'), span('c2', 3, 5, 'person'), span('c3', 7, 11, 'policy')] },
];

export const LABELS = ['person', 'place', 'policy', 'metric'] as const;

/** Spans on a text of `length` units, ids unique per layer. Ranges may repeat with other labels. */
export const arbitrarySpans = (length = 12, labels: readonly string[] = ['x', 'y', 'z']): fc.Arbitrary<Span[]> =>
  fc
    .uniqueArray(
      fc
        .tuple(fc.nat(length - 1), fc.integer({ min: 1, max: 5 }), fc.constantFrom(...labels))
        .map(([start, width, label]) => ({ start, end: Math.min(length, start + width), label })),
      { maxLength: 6, selector: (draft) => `${draft.start}:${draft.end}:${draft.label}` },
    )
    .map((drafts) => drafts.map((draft, index) => ({ id: `s${index}`, ...draft })));

/** Layers of annotators `names` (each present or not), on one document. */
export const arbitraryLayers = (names: readonly string[] = ['A', 'B', 'C'], length = 12): fc.Arbitrary<ReviewLayer[]> =>
  fc
    .tuple(...names.map((name) => fc.option(arbitrarySpans(length).map((spans): ReviewLayer => ({ annotator: name, spans })), { nil: undefined })))
    .map((layers) => layers.filter((layer): layer is ReviewLayer => layer !== undefined));

/** The same layers with every span list and the list of layers shuffled. */
export const shuffledLayers = (layers: readonly ReviewLayer[]): fc.Arbitrary<ReviewLayer[]> =>
  fc
    .tuple(...layers.map((layer) => fc.shuffledSubarray([...layer.spans], { minLength: layer.spans.length, maxLength: layer.spans.length }).map((spans) => ({ ...layer, spans }))))
    .chain((shuffled) => fc.shuffledSubarray(shuffled, { minLength: shuffled.length, maxLength: shuffled.length }));
