/**
 * The agreement report file (`*.agreement.json`, REVIEW.md "The agreement report file"): every
 * number of the agreement page, with the choices that change them (annotators, statuses, labels,
 * documents, and the definitions in `choices`). Numbers are plain JSON numbers at full precision;
 * an undefined value is `null` with a sibling `…Reason` string. Pure: the caller supplies
 * `createdAt`, so the same input gives the same file.
 *
 * One pass: each layer is prepared once (`preparedLayer.ts`) and every pair, label, document and
 * the many-annotator measures are tallied from it (`pairTally.ts`, `CategoryUnitTally`). The
 * one-metric functions (`exactF1.ts` …) are the definitions; `report.test.ts` checks this against them.
 */
import { OffsetMap } from '../../core/offsets';
import { DOCUMENT_STATUSES, type DocumentStatus, type SpanDraft } from '../../core/types';
import { annotatorPairs } from '../layers';
import { compareStrings } from '../order';
import { GOLD_ANNOTATOR } from '../types';
import { scores, type GoldScores } from './againstGold';
import type { BoundaryBreakdown } from './boundaryBreakdown';
import { addCounts, f1, NO_COUNTS, sumCounts, type MatchCounts } from './counts';
import { fleissFromTally } from './fleissKappa';
import { alphaFromTally } from './krippendorffAlpha';
import type { LabelConfusion } from './labelConfusion';
import { meanOfDefined, type Measure } from './measure';
import { PairTally } from './pairTally';
import { CategoryTable, prepareLayer, type PreparedLayer } from './preparedLayer';
import { scopedDocument, type AgreementDocument, type AgreementScope } from './scope';
import { CategoryUnitTally } from './unitTally';

export interface AgreementReportInput extends AgreementScope {
  readonly project: string;
  /** ISO time, supplied by the caller. */
  readonly createdAt: string;
  readonly documents: readonly AgreementDocument[];
  /** The project's labels: listed per label even where nobody used them (as n/a). */
  readonly labels?: readonly string[];
  /**
   * Only spans of these labels take part (null or absent: every label). Other spans are left out
   * of every number, so their characters count as `O` for the κ and α.
   */
  readonly onlyLabels?: readonly string[] | null;
}

/** A value that may be undefined, as the file writes it: `name` and, when null, `nameReason`. */
type Nullable<K extends string> = { [P in K]: number | null } & { [P in `${K}Reason`]?: string };

export type PairLabelEntry = Nullable<'exactF1'> & { spansA: number; spansB: number; matches: number };

export interface PairCounts {
  exact: MatchCounts;
  boundary: MatchCounts;
  overlap: MatchCounts;
  /** Characters (code points) compared for Cohen's κ, and those with equal categories. */
  characters: number;
  agreedCharacters: number;
}

export type PairEntry = { a: string; b: string; documents: number; spansA: number; spansB: number } & Nullable<'exactF1'> &
  Nullable<'boundaryF1'> &
  Nullable<'overlapF1'> &
  Nullable<'cohenKappa'> &
  Nullable<'untaggedShare'> & {
    counts: PairCounts;
    perLabel: Record<string, PairLabelEntry>;
    labelConfusion: LabelConfusion[];
    boundaryBreakdown: BoundaryBreakdown;
  };

export type OverallLabelEntry = Nullable<'exactF1'> & { matches: number; spans: number };

export type OverallEntry = Nullable<'exactF1'> &
  Nullable<'exactF1MeanOfPairs'> &
  Nullable<'boundaryF1'> &
  Nullable<'overlapF1'> &
  Nullable<'overlapF1MeanOfPairs'> &
  Nullable<'cohenKappaMeanOfPairs'> &
  Nullable<'fleissKappa'> &
  Nullable<'krippendorffAlpha'> &
  Nullable<'untaggedShare'> & { fleissDocuments: number; fleissCharacters: number; perLabel: Record<string, OverallLabelEntry> };

export type DocumentEntry = { id: string; title: string } & Nullable<'exactF1'> & { openClusters: number; annotators: number };

type GoldScoreEntry = Nullable<'precision'> & Nullable<'recall'> & Nullable<'f1'>;

export type GoldEntry = { annotator: string; documents: number } & GoldScoreEntry & {
    spans: number;
    goldSpans: number;
    matched: number;
    missed: number;
    extra: number;
    perLabel: Record<string, GoldScoreEntry>;
  };

/** One compared annotator in scope: documents and spans on the compared documents, per label. */
export interface AnnotatorEntry {
  annotator: string;
  documents: number;
  spans: number;
  perLabel: Record<string, number>;
}

/** Every choice that changes a number, stated in words. */
export const REPORT_CHOICES = {
  documents: 'documents where at least two compared annotators have a layer whose status is in scope; a pair on the documents where both do',
  characters: 'offsets and character counts in Unicode code points',
  layers: 'a layer is a set: a (start, end, label) repeated in one layer counts once',
  exactF1: "2·M / (|A| + |B|) with counts summed over the pair's documents (pooled, not a mean of documents); overall: summed over pairs too",
  meanOfPairs: 'mean over the pairs whose value is defined',
  boundaryF1: 'exact span F1 ignoring labels; a range under two labels counts twice',
  overlapF1: 'maximum one-to-one matching of same-label spans sharing at least one character, per document',
  cohenKappa: 'over characters; a category is the sorted set of labels covering the character, O when none; κ rises with untagged text, see untaggedShare',
  fleissKappa: 'over the characters of the documents where every compared annotator has a layer in scope',
  krippendorffAlpha: 'nominal, coincidence matrix, same units as Fleiss',
  againstGold: "exact spans against the gold layer, on documents whose gold layer's status is in scope",
  labels: 'only spans of scope.labels take part when it is a list (others count as untagged); null: every label',
  undefinedValues: 'null with a sibling …Reason; never shown as 1',
  documentOrder: 'worst first: lowest exact F1, then most open clusters; documents without spans last',
} as const;

export interface AgreementReport {
  spanwright: 'agreement-report';
  version: 1;
  project: string;
  createdAt: string;
  scope: { annotators: string[]; statuses: DocumentStatus[]; labels: string[] | null; documents: number };
  choices: typeof REPORT_CHOICES;
  pairs: PairEntry[];
  overall: OverallEntry;
  annotators: AnnotatorEntry[];
  documents: DocumentEntry[];
  againstGold: GoldEntry[];
}

interface GoldTally {
  documents: number;
  counts: MatchCounts;
  byLabel: Map<string, MatchCounts>;
}

export function buildAgreementReport(input: AgreementReportInput): AgreementReport {
  const annotators = [...new Set(input.annotators)].sort(compareStrings);
  const onlyLabels = input.onlyLabels ? [...new Set(input.onlyLabels)].sort(compareStrings) : null;
  const keep = onlyLabels ? new Set(onlyLabels) : null;
  const pairs = annotatorPairs(annotators);
  const tallies = pairs.map(() => new PairTally());
  const everyone = new CategoryUnitTally();
  const table = new CategoryTable();
  const gold = new Map(annotators.map((annotator): [string, GoldTally] => [annotator, { documents: 0, counts: NO_COUNTS, byLabel: new Map() }]));
  const perAnnotator = new Map(annotators.map((annotator): [string, AnnotatorEntry] => [annotator, { annotator, documents: 0, spans: 0, perLabel: {} }]));
  const labels = new Set(onlyLabels ?? input.labels ?? []);
  const documents: DocumentEntry[] = [];

  for (const original of input.documents) {
    const document = scopedDocument(original, input.statuses);
    let offsets: OffsetMap | null = null;
    const offsetsOf = () => (offsets ??= new OffsetMap(document.text));
    const prepared = new Map<string, PreparedLayer>();
    const prepare = (annotator: string): PreparedLayer | undefined => {
      if (prepared.has(annotator)) return prepared.get(annotator);
      const spans = spansOf(document.layers, annotator, keep);
      const layer = spans ? prepareLayer(document.text, spans, offsetsOf, table) : undefined;
      if (layer) prepared.set(annotator, layer);
      return layer;
    };
    const present = annotators.filter((annotator) => prepare(annotator) !== undefined);

    // Against gold: every document with an in-scope gold layer, comparable or not.
    const goldLayer = prepare(GOLD_ANNOTATOR);
    if (goldLayer) for (const annotator of present) addGold(gold.get(annotator), prepared.get(annotator), goldLayer);
    if (present.length < 2) continue;

    let documentCounts = NO_COUNTS;
    pairs.forEach(([a, b], index) => {
      const layerA = prepared.get(a);
      const layerB = prepared.get(b);
      if (layerA && layerB) documentCounts = addCounts(documentCounts, tallies[index]?.add(layerA, layerB) ?? NO_COUNTS);
    });
    if (present.length === annotators.length) everyone.add(present.map((annotator) => prepared.get(annotator)?.categories() ?? new Int32Array()));
    for (const annotator of present) {
      const entry = perAnnotator.get(annotator);
      const layer = prepared.get(annotator);
      if (!entry || !layer) continue;
      entry.documents++;
      entry.spans += layer.spans.length;
      for (const span of layer.spans) {
        entry.perLabel[span.label] = (entry.perLabel[span.label] ?? 0) + 1;
        labels.add(span.label);
      }
    }
    const openClusters = openClusterCount(
      present.map((annotator) => prepared.get(annotator)?.spans ?? []),
      new Set((document.decisions ?? []).map((decision) => decision.candidateKey)),
    );
    documents.push({ id: document.id, title: document.title ?? '', ...nullable('exactF1', f1(documentCounts)), openClusters, annotators: present.length });
  }

  const sortedLabels = [...labels].sort(compareStrings);
  const pairEntries = pairs.map(([a, b], index) => pairEntry(a, b, tallies[index] ?? new PairTally(), sortedLabels));
  const many = (compute: () => Measure): Measure => (annotators.length < 2 ? { value: null, reason: 'fewer than two compared annotators' } : compute());
  const units = everyone.tally(table.names);
  const exactTotal = sumCounts(tallies.map((tally) => tally.exact));
  const untagged = sumCounts(tallies.map((tally) => ({ matches: tally.untaggedCount(), sizeA: tally.characters, sizeB: tally.characters })));

  const overall: OverallEntry = {
    ...nullable('exactF1', f1(exactTotal)),
    ...nullable('exactF1MeanOfPairs', meanOfDefined(tallies.map((tally) => f1(tally.exact)), 'no pair has spans to compare')),
    ...nullable('boundaryF1', f1(sumCounts(tallies.map((tally) => tally.boundary)))),
    ...nullable('overlapF1', f1(sumCounts(tallies.map((tally) => tally.overlap)))),
    ...nullable('overlapF1MeanOfPairs', meanOfDefined(tallies.map((tally) => f1(tally.overlap)), 'no pair has spans to compare')),
    ...nullable('cohenKappaMeanOfPairs', meanOfDefined(tallies.map((tally) => tally.kappa()), 'no pair has a defined κ')),
    ...nullable('fleissKappa', many(() => fleissFromTally(units))),
    ...nullable('krippendorffAlpha', many(() => alphaFromTally(units))),
    ...nullable('untaggedShare', untagged.sizeA === 0 ? { value: null, reason: 'no characters to compare' } : { value: untagged.matches / (untagged.sizeA + untagged.sizeB), reason: null }),
    fleissDocuments: everyone.documents,
    fleissCharacters: units.units,
    perLabel: Object.fromEntries(
      sortedLabels.map((label) => {
        const counts = sumCounts(tallies.map((tally) => tally.exactByLabel.get(label) ?? NO_COUNTS));
        return [label, { ...nullable('exactF1', f1(counts)), matches: counts.matches, spans: counts.sizeA + counts.sizeB }];
      }),
    ),
  };

  return {
    spanwright: 'agreement-report',
    version: 1,
    project: input.project,
    createdAt: input.createdAt,
    scope: { annotators, statuses: input.statuses === null ? [...DOCUMENT_STATUSES] : [...input.statuses], labels: onlyLabels, documents: documents.length },
    choices: REPORT_CHOICES,
    pairs: pairEntries,
    overall,
    annotators: [...perAnnotator.values()],
    documents: documents.sort(worstFirst),
    againstGold: annotators.map((annotator) => goldEntry(annotator, gold.get(annotator))),
  };
}

/** The spans of one annotator (of the kept labels); undefined when they have no layer here. */
function spansOf(layers: AgreementDocument['layers'], annotator: string, keep: ReadonlySet<string> | null): readonly SpanDraft[] | undefined {
  let spans: SpanDraft[] | undefined;
  for (const layer of layers) {
    if (layer.annotator !== annotator) continue;
    spans ??= [];
    for (const span of layer.spans) if (keep === null || keep.has(span.label)) spans.push(span);
  }
  return spans;
}

/**
 * Open clusters (clusters.ts, decide.ts) without building them: the candidates are the distinct
 * spans of the present compared annotators; sorted by start, a candidate starting before the
 * group's furthest end joins it; a group is open while one of its candidates has no decision.
 */
function openClusterCount(layers: readonly (readonly SpanDraft[])[], decided: ReadonlySet<string>): number {
  const seen = new Set<string>();
  const candidates: { start: number; end: number; key: string }[] = [];
  for (const spans of layers) {
    for (const span of spans) {
      const key = `${span.start}:${span.end}:${span.label}`;
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push({ start: span.start, end: span.end, key });
    }
  }
  candidates.sort((x, y) => x.start - y.start);
  let open = 0;
  let end = -Infinity;
  let groupOpen = false;
  for (const candidate of candidates) {
    if (candidate.start >= end) {
      if (groupOpen) open++;
      groupOpen = false;
    }
    end = candidate.start >= end ? candidate.end : Math.max(end, candidate.end);
    if (!decided.has(candidate.key)) groupOpen = true;
  }
  return groupOpen ? open + 1 : open;
}

/** Lowest exact F1 first (n/a: nothing to disagree on, last), then most open clusters, then id. */
function worstFirst(x: DocumentEntry, y: DocumentEntry): number {
  const fx = x.exactF1 ?? Number.POSITIVE_INFINITY;
  const fy = y.exactF1 ?? Number.POSITIVE_INFINITY;
  return fx - fy || y.openClusters - x.openClusters || compareStrings(x.id, y.id);
}

function addGold(tally: GoldTally | undefined, layer: PreparedLayer | undefined, gold: PreparedLayer): void {
  if (!tally || !layer) return;
  tally.documents++;
  const byLabel = (label: string) => {
    let counts = tally.byLabel.get(label);
    if (!counts) tally.byLabel.set(label, (counts = NO_COUNTS));
    return counts;
  };
  let matches = 0;
  for (const span of layer.spans) {
    const hit = gold.keys.has(`${span.start}:${span.end}:${span.label}`) ? 1 : 0;
    matches += hit;
    tally.byLabel.set(span.label, addCounts(byLabel(span.label), { matches: hit, sizeA: 1, sizeB: 0 }));
  }
  for (const span of gold.spans) tally.byLabel.set(span.label, addCounts(byLabel(span.label), { matches: 0, sizeA: 0, sizeB: 1 }));
  tally.counts = addCounts(tally.counts, { matches, sizeA: layer.spans.length, sizeB: gold.spans.length });
}

function pairEntry(a: string, b: string, tally: PairTally, labels: readonly string[]): PairEntry {
  return {
    a,
    b,
    documents: tally.documents,
    spansA: tally.exact.sizeA,
    spansB: tally.exact.sizeB,
    ...nullable('exactF1', f1(tally.exact)),
    ...nullable('boundaryF1', f1(tally.boundary)),
    ...nullable('overlapF1', f1(tally.overlap)),
    ...nullable('cohenKappa', tally.kappa()),
    ...nullable('untaggedShare', tally.untaggedShare()),
    counts: { exact: { ...tally.exact }, boundary: { ...tally.boundary }, overlap: { ...tally.overlap }, characters: tally.characters, agreedCharacters: tally.agreedCharacters },
    perLabel: Object.fromEntries(
      labels.map((label) => {
        const counts = tally.exactByLabel.get(label) ?? NO_COUNTS;
        return [label, { ...nullable('exactF1', f1(counts)), spansA: counts.sizeA, spansB: counts.sizeB, matches: counts.matches }];
      }),
    ),
    labelConfusion: tally.labelConfusion(),
    boundaryBreakdown: { ...tally.breakdown },
  };
}

function goldEntry(annotator: string, tally: GoldTally | undefined): GoldEntry {
  const result = scores(tally?.counts ?? NO_COUNTS);
  const byLabel = [...(tally?.byLabel ?? new Map<string, MatchCounts>())].sort(([x], [y]) => compareStrings(x, y));
  return {
    annotator,
    documents: tally?.documents ?? 0,
    ...goldScoreEntry(result),
    spans: result.spans,
    goldSpans: result.goldSpans,
    matched: result.matched,
    missed: result.missed,
    extra: result.extra,
    perLabel: Object.fromEntries(byLabel.map(([label, counts]) => [label, goldScoreEntry(scores(counts))])),
  };
}
function goldScoreEntry(scores: GoldScores): GoldScoreEntry {
  return { ...nullable('precision', scores.precision), ...nullable('recall', scores.recall), ...nullable('f1', scores.f1) };
}

export function nullable<K extends string>(name: K, measure: Measure): Nullable<K> {
  const entry: Record<string, number | string | null> = { [name]: measure.value };
  if (measure.value === null) entry[`${name}Reason`] = measure.reason;
  return entry as Nullable<K>;
}

