import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMerge, mergeDocument } from '../merge';
import { MAJORITY_OF_THREE } from '../strategies';
import { arbitraryLayers, span, shuffledLayers, WORKED_LAYERS, WORKED_TEXT } from '../testing';
import type { ReviewLayer } from '../types';
import { buildAgreementReport, type AgreementReportInput } from './report';
import type { AgreementDocument } from './scope';

const S = ['A', 'B', 'C'];
const decisions = applyMerge(
  [],
  mergeDocument({ documentId: 'd1', layers: WORKED_LAYERS, decisions: [] }, { strategy: MAJORITY_OF_THREE, annotators: S, reviewer: 'R', at: 1 }),
);
const goldLayer: ReviewLayer = {
  annotator: 'gold',
  status: 'done',
  spans: [span('g1', 0, 2, 'person'), span('g2', 3, 5, 'place'), span('g3', 7, 11, 'policy')],
};
const input = (documents: AgreementDocument[], more: Partial<AgreementReportInput> = {}): AgreementReportInput => ({
  project: 'Demo',
  createdAt: '2025-01-01T00:00:00.000Z',
  annotators: S,
  statuses: ['done'],
  documents,
  ...more,
});
const close = (value: number | null | undefined, expected: number) => expect(Math.abs((value ?? Number.NaN) - expected)).toBeLessThan(1e-12);

describe('the agreement report', () => {
  const report = buildAgreementReport(
    input([{ id: 'd1', title: 'Worked example', text: WORKED_TEXT, layers: [...WORKED_LAYERS, goldLayer], decisions }], {
      labels: ['person', 'place', 'policy', 'metric', 'org'],
    }),
  );

  it('states its format, project and scope', () => {
    expect(report).toMatchObject({
      spanwright: 'agreement-report',
      version: 1,
      project: 'Demo',
      createdAt: '2025-01-01T00:00:00.000Z',
      scope: { annotators: ['A', 'B', 'C'], statuses: ['done'], documents: 1 },
    });
  });

  it('carries the worked example numbers per pair and overall', () => {
    const [ab, ac, bc] = report.pairs;
    expect(ab).toMatchObject({ a: 'A', b: 'B', documents: 1, spansA: 4, spansB: 4, exactF1: 0.5, boundaryF1: 0.5, overlapF1: 1 });
    close(ab?.cohenKappa, 109 / 186);
    close(ac?.cohenKappa, 74 / 195);
    close(bc?.cohenKappa, 31 / 75);
    expect(ab?.perLabel.person).toEqual({ exactF1: 1, spansA: 1, spansB: 1, matches: 1 });
    expect(ab?.perLabel.org).toEqual({ exactF1: null, exactF1Reason: 'neither layer has a span to compare', spansA: 0, spansB: 0, matches: 0 });
    close(report.overall.exactF1, 5 / 11);
    close(report.overall.exactF1MeanOfPairs, 19 / 42);
    close(report.overall.overlapF1MeanOfPairs, 5 / 7);
    close(report.overall.fleissKappa, 665 / 1523);
    close(report.overall.krippendorffAlpha, 678 / 1523);
    close(report.overall.perLabel.person?.exactF1, 3 / 4);
    expect(report.overall.perLabel.metric?.exactF1).toBe(0);
    expect(report.overall.perLabel.org).toMatchObject({ exactF1: null });
  });

  it('lists documents with their exact F1 and open clusters (the metric cluster stays open)', () => {
    expect(report.documents).toHaveLength(1);
    expect(report.documents[0]).toMatchObject({ id: 'd1', title: 'Worked example', openClusters: 1 });
    close(report.documents[0]?.exactF1, 5 / 11);
  });

  it('scores each annotator against gold', () => {
    expect(report.againstGold.map((entry) => entry.annotator)).toEqual(['A', 'B', 'C']);
    expect(report.againstGold[0]).toMatchObject({ documents: 1, precision: 0.75, recall: 1 });
  });

  it('is plain JSON: it survives a round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('leaves out layers whose status is not selected, unless any status is asked for', () => {
    const layers = WORKED_LAYERS.map((layer) => (layer.annotator === 'C' ? { ...layer, status: 'in-progress' as const } : layer));
    const doneOnly = buildAgreementReport(input([{ id: 'd1', text: WORKED_TEXT, layers }]));
    expect(doneOnly.scope.documents).toBe(1);
    expect(doneOnly.pairs.map((pair) => pair.documents)).toEqual([1, 0, 0]);
    expect(doneOnly.pairs[1]).toMatchObject({ exactF1: null, cohenKappa: null });
    expect(doneOnly.pairs[1]?.cohenKappaReason).toBe('no characters to compare');
    expect(doneOnly.overall).toMatchObject({ fleissKappa: null, fleissDocuments: 0 });
    close(doneOnly.overall.exactF1, 1 / 2);
    const any = buildAgreementReport(input([{ id: 'd1', text: WORKED_TEXT, layers }], { statuses: null }));
    expect(any.scope.statuses).toEqual(['new', 'in-progress', 'done', 'skipped']);
    close(any.overall.exactF1, 5 / 11);
  });

  it('only counts documents where two compared annotators have a layer', () => {
    const lone = { id: 'd2', text: 'abc', layers: [{ annotator: 'A', status: 'done' as const, spans: [span('a', 0, 1, 'x')] }] };
    const withLone = buildAgreementReport(input([{ id: 'd1', text: WORKED_TEXT, layers: WORKED_LAYERS }, lone]));
    expect(withLone.scope.documents).toBe(1);
    expect(withLone.documents.map((document) => document.id)).toEqual(['d1']);
    close(withLone.overall.exactF1, 5 / 11);
  });

  it('does not depend on annotator order, span order or layer order (property)', () => {
    fc.assert(
      fc.property(
        arbitraryLayers(['A', 'B', 'C'], 10).chain((layers) =>
          fc.tuple(fc.constant(layers), shuffledLayers(layers), fc.shuffledSubarray(S, { minLength: 3 })),
        ),
        ([layers, shuffled, annotators]) => {
          const build = (documentLayers: ReviewLayer[], compared: string[]) =>
            buildAgreementReport(input([{ id: 'd', text: '𠮷野家在通州区工作abc', layers: documentLayers }], { annotators: compared, statuses: null }));
          expect(build(shuffled, annotators)).toEqual(build(layers, S));
        },
      ),
    );
  });
});
