/**
 * The report is computed in one pass from prepared layers; the one-metric functions are the
 * definitions. On random projects (several documents, layers present or not, statuses mixed,
 * astral characters) every number of the report equals what the definitions give.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocumentStatus } from '../../core/types';
import { clusterDocument } from '../clusters';
import { isOpen } from '../decide';
import { annotatorPairs } from '../layers';
import { arbitraryLayers, span } from '../testing';
import type { ReviewLayer } from '../types';
import { againstGold } from './againstGold';
import { boundaryBreakdown } from './boundaryBreakdown';
import { boundaryF1 } from './boundaryF1';
import { characterUnits } from './characterUnits';
import { cohenKappa } from './cohenKappa';
import { f1, sumCounts } from './counts';
import { exactPairCounts } from './exactF1';
import { fleissKappa } from './fleissKappa';
import { krippendorffAlpha } from './krippendorffAlpha';
import { labelConfusion } from './labelConfusion';
import type { Measure } from './measure';
import { overlapF1 } from './overlapF1';
import { buildAgreementReport } from './report';
import { comparableDocuments, pairDocuments, scopedDocument, spansOf, type AgreementDocument } from './scope';

const S = ['A', 'B', 'C'];
const TEXTS = ['𠮷野家在通州区工作abc', 'abcdefghijkl'];
const statuses = fc.constantFrom<DocumentStatus>('done', 'done', 'in-progress');

const projects = fc.array(
  fc.tuple(arbitraryLayers([...S, 'gold'], 12), fc.array(statuses, { minLength: 4, maxLength: 4 }), fc.nat(1)).map(
    ([layers, status, text]): Omit<AgreementDocument, 'id'> => ({
      text: TEXTS[text] ?? '',
      layers: layers.map((layer, i): ReviewLayer => ({ ...layer, status: status[i] ?? 'done' })),
    }),
  ),
  { maxLength: 5 },
).map((documents) => documents.map((document, index): AgreementDocument => ({ ...document, id: `d${index}` })));

const same = (value: number | null, measure: Measure) => {
  if (measure.value === null) expect(value).toBeNull();
  else expect(value).toBeCloseTo(measure.value, 12);
};

describe('the one-pass report equals the definitions', () => {
  it('pair, overall, per-label, Fleiss, α, gold and document numbers (property)', () => {
    fc.assert(
      fc.property(projects, (documents) => {
        const report = buildAgreementReport({ project: 'p', createdAt: 't', annotators: S, statuses: ['done'], documents });
        const scoped = documents.map((document) => scopedDocument(document, ['done']));
        const inScope = comparableDocuments(scoped, S);
        expect(report.scope.documents).toBe(inScope.length);
        const pairs = annotatorPairs(S).map(([a, b]) => pairDocuments(inScope, a, b));
        report.pairs.forEach((entry, index) => {
          const docs = pairs[index] ?? [];
          expect(entry.documents).toBe(docs.length);
          same(entry.exactF1, f1(exactPairCounts(docs)));
          same(entry.boundaryF1, boundaryF1(docs));
          same(entry.overlapF1, overlapF1(docs));
          same(entry.cohenKappa, cohenKappa(docs).kappa);
          same(entry.untaggedShare, cohenKappa(docs).untaggedShare);
          expect(entry.labelConfusion).toEqual(labelConfusion(docs));
          expect(entry.boundaryBreakdown).toEqual(boundaryBreakdown(docs));
          for (const [label, perLabel] of Object.entries(entry.perLabel)) same(perLabel.exactF1, f1(exactPairCounts(docs, label)));
        });
        same(report.overall.exactF1, f1(sumCounts(pairs.map((docs) => exactPairCounts(docs)))));
        for (const [label, entry] of Object.entries(report.overall.perLabel)) same(entry.exactF1, f1(sumCounts(pairs.map((docs) => exactPairCounts(docs, label)))));
        const everyone = inScope.flatMap((document) => {
          const layers = S.flatMap((annotator) => {
            const spans = spansOf(document, annotator);
            return spans ? [spans] : [];
          });
          return layers.length === S.length ? [{ text: document.text, layers }] : [];
        });
        same(report.overall.fleissKappa, fleissKappa(characterUnits(everyone)));
        same(report.overall.krippendorffAlpha, krippendorffAlpha(characterUnits(everyone)));
        for (const entry of report.againstGold) {
          const gold = againstGold(
            scoped.flatMap((document) => {
              const goldSpans = spansOf(document, 'gold');
              const spans = spansOf(document, entry.annotator);
              return goldSpans && spans ? [{ annotator: spans, gold: goldSpans }] : [];
            }),
          );
          expect(entry.documents).toBe(gold.documents);
          same(entry.f1, gold.f1);
          same(entry.precision, gold.precision);
          expect([entry.matched, entry.missed, entry.extra]).toEqual([gold.matched, gold.missed, gold.extra]);
        }
        for (const entry of report.documents) {
          const document = inScope.find((candidate) => candidate.id === entry.id);
          expect(document).toBeDefined();
          if (!document) continue;
          expect(entry.openClusters).toBe(clusterDocument(document.layers, S).filter((cluster) => isOpen(cluster, [])).length);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('report scope and order', () => {
  const text = 'abcdefghijkl';
  const layers = (a: ReviewLayer['spans'], b: ReviewLayer['spans']): ReviewLayer[] => [
    { annotator: 'A', status: 'done', spans: a },
    { annotator: 'B', status: 'done', spans: b },
  ];

  it('lists documents worst first, documents without spans last', () => {
    const report = buildAgreementReport({
      project: 'p',
      createdAt: 't',
      annotators: ['A', 'B'],
      statuses: ['done'],
      documents: [
        { id: 'empty', text, layers: layers([], []) },
        { id: 'good', text, layers: layers([span('a', 0, 2, 'x')], [span('b', 0, 2, 'x')]) },
        { id: 'bad', text, layers: layers([span('a', 0, 2, 'x')], [span('b', 0, 3, 'x')]) },
      ],
    });
    expect(report.documents.map((document) => document.id)).toEqual(['bad', 'good', 'empty']);
    expect(report.documents[0]).toMatchObject({ exactF1: 0, openClusters: 1 });
  });

  it('counts only the chosen labels, and says so in the scope', () => {
    const report = buildAgreementReport({
      project: 'p',
      createdAt: 't',
      annotators: ['A', 'B'],
      statuses: ['done'],
      onlyLabels: ['x'],
      documents: [{ id: 'd', text, layers: layers([span('a', 0, 2, 'x'), span('a2', 4, 6, 'y')], [span('b', 0, 2, 'x')]) }],
    });
    expect(report.scope.labels).toEqual(['x']);
    expect(report.pairs[0]).toMatchObject({ exactF1: 1, spansA: 1, spansB: 1 });
    expect(Object.keys(report.pairs[0]?.perLabel ?? {})).toEqual(['x']);
    expect(report.choices.labels).toMatch(/scope.labels/);
  });
});
