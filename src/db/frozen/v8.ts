import type { AnnotationRowV7 } from './v7';

/** A reviewer's decision on one candidate, as version 8 stores it. */
export interface DecisionRowV8 {
  candidateKey: string;
  state: 'accepted' | 'rejected';
  sources: string[];
  reviewer: string;
  at: number;
}

/** How a gold span came to be, by span id, as version 8 stores it. */
export interface SpanOriginRowV8 {
  spanId: string;
  origin: 'accepted' | 'edited' | 'added';
  sources: string[];
  editedFrom?: string;
}

/**
 * Version 8: the gold layer's rows (annotator `gold`) carry the reviewer's `decisions` and the
 * `origins` of their spans; other annotators' rows are unchanged.
 */
export type AnnotationRowV8 = AnnotationRowV7 & { decisions?: DecisionRowV8[]; origins?: SpanOriginRowV8[] };

/** The reserved name of the reviewer's layer, frozen as version 8 knew it. */
export const GOLD_ANNOTATOR_V8 = 'gold';
