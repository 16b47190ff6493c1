/**
 * The agreement report file (`*.agreement.json`, REVIEW.md "The agreement report file"): every
 * number of the agreement page, with the choices that change them (annotators, statuses,
 * documents). Numbers are plain JSON numbers at full precision; an undefined value is `null` with a
 * sibling `…Reason` string. Pure: the caller supplies `createdAt`, so the same input gives the same file.
 */
import { DOCUMENT_STATUSES, type DocumentStatus } from '../../core/types';
import { clusterDocument } from '../clusters';
import { isOpen } from '../decide';
import { annotatorPairs, presentAnnotators } from '../layers';
import { compareStrings } from '../order';
import { againstGold, type GoldScores } from './againstGold';
import { boundaryBreakdown, type BoundaryBreakdown } from './boundaryBreakdown';
import { boundaryF1 } from './boundaryF1';
import { characterUnits, type MultiLayerDocument } from './characterUnits';
import { cohenKappa } from './cohenKappa';
import { f1, sumCounts, type MatchCounts } from './counts';
import { exactPairCounts } from './exactF1';
import { fleissKappa } from './fleissKappa';
import { krippendorffAlpha } from './krippendorffAlpha';
import { labelConfusion, type LabelConfusion } from './labelConfusion';
import { meanOfDefined, type Measure } from './measure';
import { overlapF1 } from './overlapF1';
import type { PairDocument } from './pairDocument';
import { comparableDocuments, pairDocuments, scopedDocument, spansOf, type AgreementDocument, type AgreementScope } from './scope';
import { GOLD_ANNOTATOR } from '../types';

export interface AgreementReportInput extends AgreementScope {
  readonly project: string;
  /** ISO time, supplied by the caller. */
  readonly createdAt: string;
  readonly documents: readonly AgreementDocument[];
  /** The project's labels: listed per label even where nobody used them (as n/a). */
  readonly labels?: readonly string[];
}

/** A value that may be undefined, as the file writes it: `name` and, when null, `nameReason`. */
type Nullable<K extends string> = { [P in K]: number | null } & { [P in `${K}Reason`]?: string };

export type PairLabelEntry = Nullable<'exactF1'> & { spansA: number; spansB: number };

export type PairEntry = { a: string; b: string; documents: number; spansA: number; spansB: number } & Nullable<'exactF1'> &
  Nullable<'boundaryF1'> &
  Nullable<'overlapF1'> &
  Nullable<'cohenKappa'> &
  Nullable<'untaggedShare'> & {
    perLabel: Record<string, PairLabelEntry>;
    labelConfusion: LabelConfusion[];
    boundaryBreakdown: BoundaryBreakdown;
  };

export type OverallEntry = Nullable<'exactF1'> &
  Nullable<'exactF1MeanOfPairs'> &
  Nullable<'boundaryF1'> &
  Nullable<'overlapF1MeanOfPairs'> &
  Nullable<'fleissKappa'> &
  Nullable<'krippendorffAlpha'> & { fleissDocuments: number; perLabel: Record<string, Nullable<'exactF1'>> };

export type DocumentEntry = { id: string; title: string } & Nullable<'exactF1'> & { openClusters: number };

type GoldScoreEntry = Nullable<'precision'> & Nullable<'recall'> & Nullable<'f1'>;

export type GoldEntry = { annotator: string; documents: number } & GoldScoreEntry & {
    spans: number;
    goldSpans: number;
    matched: number;
    missed: number;
    extra: number;
    perLabel: Record<string, GoldScoreEntry>;
  };

export interface AgreementReport {
  spanwright: 'agreement-report';
  version: 1;
  project: string;
  createdAt: string;
  scope: { annotators: string[]; statuses: DocumentStatus[]; documents: number };
  pairs: PairEntry[];
  overall: OverallEntry;
  documents: DocumentEntry[];
  againstGold: GoldEntry[];
}

export function buildAgreementReport(input: AgreementReportInput): AgreementReport {
  const annotators = [...new Set(input.annotators)].sort(compareStrings);
  const scoped = input.documents.map((document) => scopedDocument(document, input.statuses));
  const inScope = comparableDocuments(scoped, annotators);
  const pairs = annotatorPairs(annotators).map(([a, b]) => ({ a, b, documents: pairDocuments(inScope, a, b) }));
  const labels = labelsOf(inScope, annotators, input.labels ?? []);

  const pairEntries = pairs.map(({ a, b, documents }) => pairEntry(a, b, documents, labels));
  const exactByPair = pairs.map(({ documents }) => exactPairCounts(documents));
  const everyoneDocuments = inScope.flatMap((document): MultiLayerDocument[] => {
    const layers = annotators.flatMap((annotator) => {
      const spans = spansOf(document, annotator);
      return spans ? [spans] : [];
    });
    return layers.length === annotators.length ? [{ text: document.text, layers }] : [];
  });

  const overall: OverallEntry = {
    ...nullable('exactF1', f1(sumCounts(exactByPair))),
    ...nullable('exactF1MeanOfPairs', meanOfDefined(exactByPair.map(f1), 'no pair has spans to compare')),
    ...nullable('boundaryF1', boundaryF1(pairs.flatMap(({ documents }) => documents))),
    ...nullable('overlapF1MeanOfPairs', meanOfDefined(pairs.map(({ documents }) => overlapF1(documents)), 'no pair has spans to compare')),
    ...nullable('fleissKappa', manyAnnotators(annotators, () => fleissKappa(characterUnits(everyoneDocuments)))),
    ...nullable('krippendorffAlpha', manyAnnotators(annotators, () => krippendorffAlpha(characterUnits(everyoneDocuments)))),
    fleissDocuments: everyoneDocuments.length,
    perLabel: Object.fromEntries(
      labels.map((label) => [label, nullable('exactF1', f1(sumCounts(pairs.map(({ documents }) => exactPairCounts(documents, label)))))]),
    ),
  };

  return {
    spanwright: 'agreement-report',
    version: 1,
    project: input.project,
    createdAt: input.createdAt,
    scope: { annotators, statuses: input.statuses === null ? [...DOCUMENT_STATUSES] : [...input.statuses], documents: inScope.length },
    pairs: pairEntries,
    overall,
    documents: inScope.map((document) => documentEntry(document, annotators)),
    againstGold: annotators.map((annotator) => goldEntry(annotator, scoped)),
  };
}

function pairEntry(a: string, b: string, documents: readonly PairDocument[], labels: readonly string[]): PairEntry {
  const exact = exactPairCounts(documents);
  const kappa = cohenKappa(documents);
  return {
    a,
    b,
    documents: documents.length,
    spansA: exact.sizeA,
    spansB: exact.sizeB,
    ...nullable('exactF1', f1(exact)),
    ...nullable('boundaryF1', boundaryF1(documents)),
    ...nullable('overlapF1', overlapF1(documents)),
    ...nullable('cohenKappa', kappa.kappa),
    ...nullable('untaggedShare', kappa.untaggedShare),
    perLabel: Object.fromEntries(labels.map((label) => [label, labelEntry(exactPairCounts(documents, label))])),
    labelConfusion: labelConfusion(documents),
    boundaryBreakdown: boundaryBreakdown(documents),
  };
}

function labelEntry(counts: MatchCounts): PairLabelEntry {
  return { ...nullable('exactF1', f1(counts)), spansA: counts.sizeA, spansB: counts.sizeB };
}

function documentEntry(document: AgreementDocument, annotators: readonly string[]): DocumentEntry {
  const present = presentAnnotators(document.layers, annotators);
  const counts = sumCounts(annotatorPairs(present).map(([a, b]) => exactPairCounts(pairDocuments([document], a, b))));
  const decisions = document.decisions ?? [];
  return {
    id: document.id,
    title: document.title ?? '',
    ...nullable('exactF1', f1(counts)),
    openClusters: clusterDocument(document.layers, annotators).filter((cluster) => isOpen(cluster, decisions)).length,
  };
}

/** Adjudicated documents: those with an in-scope gold layer, and the annotator's in-scope layer. */
function goldEntry(annotator: string, documents: readonly AgreementDocument[]): GoldEntry {
  const pairs = documents.flatMap((document) => {
    const gold = spansOf(document, GOLD_ANNOTATOR);
    const spans = spansOf(document, annotator);
    return gold && spans ? [{ annotator: spans, gold }] : [];
  });
  const result = againstGold(pairs);
  return {
    annotator,
    documents: result.documents,
    ...goldScoreEntry(result),
    spans: result.spans,
    goldSpans: result.goldSpans,
    matched: result.matched,
    missed: result.missed,
    extra: result.extra,
    perLabel: Object.fromEntries(Object.entries(result.perLabel).map(([label, scores]) => [label, goldScoreEntry(scores)])),
  };
}

function goldScoreEntry(scores: GoldScores): GoldScoreEntry {
  return { ...nullable('precision', scores.precision), ...nullable('recall', scores.recall), ...nullable('f1', scores.f1) };
}

function manyAnnotators(annotators: readonly string[], compute: () => Measure): Measure {
  return annotators.length < 2 ? { value: null, reason: 'fewer than two compared annotators' } : compute();
}

/** Labels used by the compared annotators in scope, plus the project's own, sorted. */
function labelsOf(documents: readonly AgreementDocument[], annotators: readonly string[], projectLabels: readonly string[]): string[] {
  const wanted = new Set(annotators);
  const labels = new Set(projectLabels);
  for (const document of documents) {
    for (const layer of document.layers) if (wanted.has(layer.annotator)) for (const span of layer.spans) labels.add(span.label);
  }
  return [...labels].sort(compareStrings);
}

export function nullable<K extends string>(name: K, measure: Measure): Nullable<K> {
  const entry: Record<string, number | string | null> = { [name]: measure.value };
  if (measure.value === null) entry[`${name}Reason`] = measure.reason;
  return entry as Nullable<K>;
}
