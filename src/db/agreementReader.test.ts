import { beforeEach, describe, expect, it } from 'vitest';
import { buildAgreementReport, mergeDocuments, MAJORITY_OF_THREE } from '../review';
import { WORKED_LAYERS, WORKED_TEXT } from '../review/testing';
import { readProjectForAgreement } from './agreementReader';
import { readProjectForReview, writeMerge } from './gold';
import { ensureDefaultProject } from './projects';
import { importTexts, incoming, resetDatabase } from './testing';

beforeEach(resetDatabase);

describe('reading a project for agreement', () => {
  it('gives every layer with its status, the text, the gold decisions and the project size', async () => {
    const { id: projectId } = await ensureDefaultProject();
    for (const layer of WORKED_LAYERS) {
      await importTexts(projectId, [incoming(WORKED_TEXT, layer.spans.map(({ start, end, label }) => ({ start, end, label })), layer.annotator)]);
    }
    await importTexts(projectId, [incoming('只有一位标注者的文档', [], 'A')]);
    const review = await readProjectForReview(projectId);
    await writeMerge(projectId, mergeDocuments(review.map(({ documentId, layers, gold }) => ({ documentId, layers, decisions: gold.decisions })), { strategy: MAJORITY_OF_THREE, annotators: ['A', 'B', 'C'], reviewer: 'R', at: 1 }).documents);

    const progress: [number, number][] = [];
    const read = await readProjectForAgreement(projectId, (done, total) => progress.push([done, total]));
    expect(read.documentCount).toBe(2);
    // An import without spans brings no layer: only the worked example has layers.
    expect(read.documents).toHaveLength(1);
    const [document] = read.documents;
    expect(document?.text).toBe(WORKED_TEXT);
    expect(document?.layers.map((layer) => layer.annotator).sort()).toEqual(['A', 'B', 'C', 'gold']);
    expect(document?.decisions).toHaveLength(5);
    expect(progress.at(-1)).toEqual([read.documents.length, read.documents.length]);

    const report = buildAgreementReport({ project: 'p', createdAt: 't', annotators: ['A', 'B', 'C'], statuses: null, documents: read.documents });
    expect(report.overall.exactF1).toBeCloseTo(5 / 11, 12);
    expect(report.documents[0]?.openClusters).toBe(1);
  });
});
