/** What every pairwise metric reads: one document's text and two annotators' spans on it. */
import type { SpanDraft } from '../../core/types';

export interface PairDocument {
  readonly text: string;
  readonly a: readonly SpanDraft[];
  readonly b: readonly SpanDraft[];
}
