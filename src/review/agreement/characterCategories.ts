/**
 * The category of every character of a document in one layer, for the chance-corrected metrics:
 * the sorted set of labels of the spans covering it, `O` when none. Characters are code points
 * (REVIEW.md: "offsets and character counts are in code points"), so `𠮷` counts once, not twice.
 */
import { OffsetMap } from '../../core/offsets';
import type { SpanDraft } from '../../core/types';
import { compareStrings } from '../order';

/** The category of an untagged character. */
export const UNTAGGED = 'O';

/**
 * One entry per code point. A set of labels is written as its sorted labels joined by `+`, e.g.
 * `place+policy`; a label that is literally `O` is written `[O]` so it never reads as untagged.
 */
export function characterCategories(text: string, spans: readonly SpanDraft[], offsets = new OffsetMap(text)): string[] {
  const labelsAt: (Set<string> | undefined)[] = new Array<Set<string> | undefined>(offsets.codePointLength).fill(undefined);
  for (const span of spans) {
    const start = Math.max(0, offsets.toCodePoint(span.start));
    const end = Math.min(offsets.codePointLength, offsets.toCodePoint(span.end));
    for (let i = start; i < end; i++) {
      const labels = labelsAt[i] ?? new Set<string>();
      labels.add(span.label);
      labelsAt[i] = labels;
    }
  }
  return labelsAt.map((labels) => (labels ? categoryOf(labels) : UNTAGGED));
}

function categoryOf(labels: ReadonlySet<string>): string {
  return [...labels]
    .sort(compareStrings)
    .map((label) => (label === UNTAGGED ? `[${UNTAGGED}]` : label))
    .join('+');
}
