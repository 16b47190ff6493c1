import { beforeEach, describe, expect, it } from 'vitest';
import { clusterDocument, mergeDocuments, MAJORITY_OF_THREE, acceptVersionOf, type MergeOptions } from '../review';
import { WORKED_TEXT, WORKED_LAYERS } from '../review/testing';
import { applyChange } from './changes';
import { db } from './database';
import { listDocumentIds } from './documents';
import { decide, readGold, readProjectForReview, readReviewDocuments, writeMerge } from './gold';
import { deleteLabel, renameLabel } from './labels';
import { ensureDefaultProject } from './projects';
import { importTexts, incoming, resetDatabase } from './testing';
import { readForExport } from './exportReader';

beforeEach(resetDatabase);

const S = ['A', 'B', 'C'];
const options: MergeOptions = { strategy: MAJORITY_OF_THREE, annotators: S, reviewer: 'R', at: 7 };

/** The worked example imported as three annotators' layers of one document. */
async function workedProject(): Promise<{ projectId: string; documentId: string }> {
  const { id: projectId } = await ensureDefaultProject();
  for (const layer of WORKED_LAYERS) {
    await importTexts(projectId, [incoming(WORKED_TEXT, layer.spans.map(({ start, end, label }) => ({ start, end, label })), layer.annotator)]);
  }
  const [documentId = ''] = await listDocumentIds(projectId);
  return { projectId, documentId };
}

async function mergeAll(projectId: string) {
  const documents = await readProjectForReview(projectId);
  const result = mergeDocuments(documents.map(({ documentId, layers, gold }) => ({ documentId, layers, decisions: gold.decisions })), options);
  return { result, changes: await writeMerge(projectId, result.documents) };
}

describe('the gold layer in storage', () => {
  it('keeps every decision and span origin across a reopen of the database', async () => {
    const { projectId, documentId } = await workedProject();
    const { result } = await mergeAll(projectId);
    expect(result.preview).toMatchObject({ spansAccepted: 3, spansRejected: 2, documents: 1 });
    db.close();
    await db.open();
    const gold = await readGold(documentId);
    expect(gold?.decisions.map((decision) => `${decision.state} ${decision.candidateKey} ${decision.sources.join(',')} ${decision.reviewer}`)).toEqual([
      'accepted 0:2:person A,B,C R',
      'rejected 3:5:person C R',
      'accepted 3:5:place A,B R',
      'accepted 7:11:policy A,C R',
      'rejected 7:9:policy B R',
    ]);
    expect(gold?.spans.map((span) => `${span.start}:${span.end}:${span.label} ${span.origin} ${span.sources.join(',')}`)).toEqual([
      '0:2:person accepted A,B,C',
      '3:5:place accepted A,B',
      '7:11:policy accepted A,C',
    ]);
    expect(gold?.status).toBe('in-progress');
  });

  it('accept then undo restores the gold layer exactly, and redo brings the decision back', async () => {
    const { projectId, documentId } = await workedProject();
    await mergeAll(projectId);
    const before = await readGold(documentId);
    const [document] = await readReviewDocuments([documentId]);
    const metric = clusterDocument(document?.layers ?? [], S).at(-1);
    expect(metric?.kinds).toEqual(['boundary conflict', 'missing']);
    const changes = await decide(documentId, metric ? acceptVersionOf(metric, 'B', { reviewer: 'R', at: 9 }) : []);
    const after = await readGold(documentId);
    expect(after?.spans.map((span) => `${span.start}:${span.end}`)).toContain('17:21');

    expect(await applyChange({ layers: [], gold: changes }, 'undo')).toEqual({ conflicts: 0 });
    const undone = await readGold(documentId);
    expect({ spans: undone?.spans, decisions: undone?.decisions }).toEqual({ spans: before?.spans, decisions: before?.decisions });

    await applyChange({ layers: [], gold: changes }, 'redo');
    const redone = await readGold(documentId);
    expect({ spans: redone?.spans, decisions: redone?.decisions }).toEqual({ spans: after?.spans, decisions: after?.decisions });
  });

  it('a second merge changes nothing decided, even after hand decisions', async () => {
    const { projectId, documentId } = await workedProject();
    await mergeAll(projectId);
    // The reviewer overrules the merge on the place cluster: C's person wins.
    const [document] = await readReviewDocuments([documentId]);
    const place = clusterDocument(document?.layers ?? [], S)[1];
    await decide(documentId, place ? acceptVersionOf(place, 'C', { reviewer: 'R', at: 8 }) : []);
    const before = await readGold(documentId);
    const { result, changes } = await mergeAll(projectId);
    expect(result.preview).toMatchObject({ spansAccepted: 0, spansRejected: 0, documents: 0 });
    expect(changes).toEqual([]);
    expect(await readGold(documentId)).toEqual(before);
  });

  it('exports the gold layer with the sources and origin of each span', async () => {
    const { projectId } = await workedProject();
    await mergeAll(projectId);
    const chunks = [];
    for await (const chunk of readForExport({ projectId, annotator: 'gold' })) chunks.push(...chunk);
    expect(chunks[0]?.spans.map((span) => [span.label, span.sources, span.origin])).toEqual([
      ['person', ['A', 'B', 'C'], 'accepted'],
      ['place', ['A', 'B'], 'accepted'],
      ['policy', ['A', 'C'], 'accepted'],
    ]);
  });
});

describe('review decisions across label changes', () => {
  const decisionsOf = async (documentId: string) => (await readGold(documentId))?.decisions.map((decision) => `${decision.state} ${decision.candidateKey}`);
  const goldSpansOf = async (documentId: string) => (await readGold(documentId))?.spans.map((span) => `${span.start}:${span.end}:${span.label} ${span.origin}`);
  const openClusterRanges = async (documentId: string) => {
    const [review] = await readReviewDocuments([documentId]);
    const decided = new Set(review?.gold.decisions.map((decision) => decision.candidateKey));
    return clusterDocument(review?.layers ?? [], S)
      .filter((cluster) => cluster.candidates.some((candidate) => !decided.has(candidate.key)))
      .map((cluster) => `${cluster.start}:${cluster.end}`);
  };

  it('a renamed label keeps the decisions made on it, and undo puts them back', async () => {
    const { projectId, documentId } = await workedProject();
    await mergeAll(projectId);
    const decisionsBefore = await decisionsOf(documentId);
    const openBefore = await openClusterRanges(documentId);
    const change = await renameLabel(projectId, 'person', 'people');
    expect(await decisionsOf(documentId)).toEqual([
      'accepted 0:2:people',
      'rejected 3:5:people',
      'accepted 3:5:place',
      'accepted 7:11:policy',
      'rejected 7:9:policy',
    ]);
    expect(await goldSpansOf(documentId)).toContain('0:2:people accepted');
    // Still decided: no cluster the reviewer had closed opens again.
    expect(await openClusterRanges(documentId)).toEqual(openBefore);

    await applyChange(change, 'undo');
    expect(await decisionsOf(documentId)).toEqual(decisionsBefore);
    await applyChange(change, 'redo');
    expect(await decisionsOf(documentId)).toEqual(expect.arrayContaining(['accepted 0:2:people']));
  });

  it('a label merged onto another keeps one decision per candidate; a deleted label takes its decisions with it', async () => {
    const { projectId, documentId } = await workedProject();
    await mergeAll(projectId);
    // person onto place: 3:5 had "person" rejected and "place" accepted; accepted wins.
    await renameLabel(projectId, 'person', 'place');
    expect(await decisionsOf(documentId)).toEqual(['accepted 0:2:place', 'accepted 3:5:place', 'accepted 7:11:policy', 'rejected 7:9:policy']);
    await deleteLabel(projectId, 'policy', { remove: true });
    expect(await decisionsOf(documentId)).toEqual(['accepted 0:2:place', 'accepted 3:5:place']);
  });
});
