/**
 * An annotator against the gold layer: precision, recall and F1 of their exact spans, overall and
 * per label, pooled over the adjudicated documents. The counts behind them (spans, gold spans,
 * matched, missed = gold spans they lack, extra = their spans gold lacks) travel along.
 */
import type { SpanDraft } from '../../core/types';
import { compareStrings } from '../order';
import { sumCounts, type MatchCounts } from './counts';
import { exactCounts } from './exactF1';
import { ratio, type Measure } from './measure';

export interface GoldDocument {
  readonly annotator: readonly SpanDraft[];
  readonly gold: readonly SpanDraft[];
}

export interface GoldScores {
  readonly precision: Measure;
  readonly recall: Measure;
  readonly f1: Measure;
  readonly spans: number;
  readonly goldSpans: number;
  readonly matched: number;
  readonly missed: number;
  readonly extra: number;
}

export interface AgainstGold extends GoldScores {
  readonly documents: number;
  readonly perLabel: Readonly<Record<string, GoldScores>>;
}

export function againstGold(documents: readonly GoldDocument[]): AgainstGold {
  const labels = [...new Set(documents.flatMap((document) => [...document.annotator, ...document.gold].map((span) => span.label)))].sort(
    compareStrings,
  );
  const countsFor = (label?: string) => sumCounts(documents.map((document) => exactCounts(document.annotator, document.gold, label)));
  return {
    documents: documents.length,
    ...scores(countsFor()),
    perLabel: Object.fromEntries(labels.map((label) => [label, scores(countsFor(label))])),
  };
}

/** `sizeA` = the annotator's spans, `sizeB` = gold's. */
export function scores(counts: MatchCounts): GoldScores {
  return {
    precision: ratio(counts.matches, counts.sizeA, 'the annotator has no span here'),
    recall: ratio(counts.matches, counts.sizeB, 'gold has no span here'),
    f1: ratio(2 * counts.matches, counts.sizeA + counts.sizeB, 'neither the annotator nor gold has a span here'),
    spans: counts.sizeA,
    goldSpans: counts.sizeB,
    matched: counts.matches,
    missed: counts.sizeB - counts.matches,
    extra: counts.sizeA - counts.matches,
  };
}
