import { beforeEach, describe, expect, it } from 'vitest';
import { dbTesting, decide, ensureDefaultProject, listDocumentIds, readReviewDocuments, writeMerge } from '../db';
import { clusterDocument, MAJORITY_OF_THREE, rejectCluster, type MergeOptions } from '../review';
import { WORKED_LAYERS, WORKED_TEXT } from '../review/testing';
import { ReviewIndex } from './reviewIndex';

beforeEach(dbTesting.resetDatabase);

const S = ['A', 'B', 'C'];
const options: MergeOptions = { strategy: MAJORITY_OF_THREE, annotators: S, reviewer: 'R', at: 1 };

/** The worked example on `copies` documents (each text made unique by a suffix). */
async function project(copies: number): Promise<{ projectId: string; ids: string[] }> {
  const { id: projectId } = await ensureDefaultProject();
  for (const layer of WORKED_LAYERS) {
    const spans = layer.spans.map(({ start, end, label }) => ({ start, end, label }));
    await dbTesting.importTexts(projectId, Array.from({ length: copies }, (_, i) => dbTesting.incoming(`${WORKED_TEXT}${i}`, spans, layer.annotator)));
  }
  return { projectId, ids: await listDocumentIds(projectId) };
}

describe('the review worker index', () => {
  it('previews majority of three on the worked example: 3 spans accepted, 2 rejected per document', async () => {
    const { projectId } = await project(5);
    const index = new ReviewIndex(projectId);
    const result = await index.preview(options);
    expect(result.preview).toEqual({ spansAccepted: 15, spansRejected: 10, decisionsDiscarded: 0, documents: 5 });
    expect(await index.openClusters(S)).toMatchObject({ total: 20 });
    index.close();
  });

  it('follows writes: after a merge and a hand decision, open clusters and the next preview change', async () => {
    const { projectId, ids } = await project(3);
    const index = new ReviewIndex(projectId);
    await writeMerge(projectId, (await index.preview(options)).documents);
    expect(await index.openClusters(S)).toEqual({ total: 3, byDocument: Object.fromEntries(ids.map((id) => [id, 1])), closed: [] });
    expect((await index.preview(options)).preview.spansAccepted).toBe(0);
    const [first] = await readReviewDocuments([ids[0] ?? '']);
    const metric = clusterDocument(first?.layers ?? [], S).at(-1);
    await decide(ids[0] ?? '', metric ? rejectCluster(metric, { reviewer: 'R', at: 2 }) : []);
    expect((await index.openClusters(S)).total).toBe(2);
    index.close();
  });
});
