/**
 * The review engine's vocabulary: plain data only (no classes, no Maps in the public shapes), so
 * every value can cross a worker boundary by structured clone. Offsets are UTF-16, half-open, as
 * everywhere in `src/core`; character counts in agreement metrics are code points (REVIEW.md).
 */
import type { DocumentStatus, Span } from '../core/types';

/** The annotator whose layer holds the reviewer's decisions. */
export const GOLD_ANNOTATOR = 'gold';

/** One annotator's layer on one document, as review sees it. A layer with no spans is still present. */
export interface ReviewLayer {
  readonly annotator: string;
  readonly spans: readonly Span[];
  /** Used only by the agreement scope ("layers marked done"); clusters and merges ignore it. */
  readonly status?: DocumentStatus;
}

/** A distinct `(start, end, label)` proposed by at least one compared annotator on a document. */
export interface Candidate {
  /** `start:end:label` (the same as `spanKey` in core), unique within the document. */
  readonly key: string;
  readonly start: number;
  readonly end: number;
  readonly label: string;
  /** Who proposed it, sorted. */
  readonly votes: readonly string[];
}

export const CLUSTER_KINDS = ['unanimous', 'label conflict', 'boundary conflict', 'missing', 'single'] as const;
export type ClusterKind = (typeof CLUSTER_KINDS)[number];

/** Candidates joined by sharing a character, whatever their labels. */
export interface Cluster {
  /** Stable for the same candidates: derived from the cluster's range and its candidate keys. */
  readonly id: string;
  /** The union range of its candidates. */
  readonly start: number;
  readonly end: number;
  /** In text order (start, end, label). */
  readonly candidates: readonly Candidate[];
  /** In the order of `CLUSTER_KINDS`. */
  readonly kinds: readonly ClusterKind[];
  /** The annotators of S with a layer on the document (`n` of REVIEW.md), sorted. */
  readonly present: readonly string[];
}

export type DecisionState = 'accepted' | 'rejected';

/** The reviewer's verdict on one candidate of one document. */
export interface Decision {
  readonly candidateKey: string;
  readonly state: DecisionState;
  /** Who proposed the candidate when it was decided, sorted. */
  readonly sources: readonly string[];
  readonly reviewer: string;
  /** Milliseconds since the epoch; passed in by the caller so the engine stays pure. */
  readonly at: number;
}

/** How a gold span came to be: an accepted candidate, a candidate the reviewer changed, or drawn by hand. */
export type GoldOrigin = 'accepted' | 'edited' | 'added';

export interface GoldSpan extends Span {
  readonly sources: readonly string[];
  readonly origin: GoldOrigin;
  /** For an `edited` span: the candidate key it was accepted as before the reviewer changed it. */
  readonly editedFrom?: string;
}

/** The gold layer of one document: its spans and the decisions behind them, persisted together. */
export interface GoldLayer {
  readonly spans: readonly GoldSpan[];
  readonly decisions: readonly Decision[];
}
